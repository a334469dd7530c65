import Foundation
/// Runs every statistics module over a dataset. Pure: the same dataset gives the same statistics.
public struct StatisticsEngine: Sendable {
    public init() {}

    /// Every area's statistics are computed once here, for the warnings and for what the site needs to
    /// know of all areas together; they are not kept (`Statistics.of(_:)` computes an area's again
    /// when a page asks), so that memory does not grow with the release.
    public func run(_ dataset: Dataset) -> Statistics {
        let maker = AreaStatisticsMaker(dataset: dataset)
        var seriesWarnings: [Diagnostic] = []
        var shareWarnings: (current: [String: [Diagnostic]], previous: [String: [Diagnostic]]) = ([:], [:])
        var hasComparisons = false
        var areasWithChange = Set<String>(), areasWithChecks = Set<String>()
        var gaps: [(rank: [Int], item: Reconciliation)] = []
        let periodRanks = Dictionary(maker.periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, area) in dataset.areas.enumerated() {
            let statistics = maker.make(area)
            if !statistics.checks.isEmpty { areasWithChecks.insert(area.name) }
            for (order, item) in statistics.checks.enumerated() where !item.reconciles {
                gaps.append(([periodRanks[item.period] ?? 0, index, order], item))
            }
            if statistics.change != nil { areasWithChange.insert(area.name) }
            hasComparisons = hasComparisons || statistics.comparison != nil
            seriesWarnings += maker.seriesBuilder.warnings(for: statistics.series)
            shareWarnings.current[area.name] = Self.shareWarnings(statistics.current, in: dataset)
            if let previous = statistics.previous { shareWarnings.previous[area.name] = Self.shareWarnings(previous, in: dataset) }
        }
        // The gaps by period, then area, as the checks of the whole release are listed.
        var warnings = maker.reconciler.warnings(for: gaps.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.item)) + seriesWarnings
        // By area name, the release period's first, as when every summary was held and sorted.
        for table in [shareWarnings.current, shareWarnings.previous] {
            for name in table.keys.sorted() { warnings += table[name] ?? [] }
        }
        return Statistics(maker: maker, hasComparisons: hasComparisons, areasWithChange: areasWithChange, areasWithChecks: areasWithChecks,
                          warnings: warnings.sorted { a, b in
                              // By file, then line and column as numbers (line 10 after line 2).
                              switch (a.location, b.location) {
                              case let (x?, y?): x < y
                              case (nil, _?): true
                              default: false
                              }
                          })
    }

    /// An owner's published share against the sum of its platforms' published shares, and against
    /// the share calculated from the counts.
    static func shareWarnings(_ summary: AreaSummary, in dataset: Dataset) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // Each share is rounded, so the sum may differ by up to half a unit per share, and no more.
        for group in summary.owners {
            guard case .percent(let ownerShare, let ownerDecimals)? = group.publishedShare?.value,
                  case .published(let location)? = group.publishedShare?.derivation else { continue }
            let owned = dataset.platforms(ownedBy: group.owner)
            let parts = owned.compactMap { platform -> (Double, Int)? in
                guard let share = summary.platforms.first(where: { $0.platform == platform })?.share,
                      case .published = share.derivation, case .percent(let p, let d) = share.value else { return nil }
                return (p, d)
            }
            guard !owned.isEmpty, parts.count == owned.count else { continue }
            let sum = parts.map(\.0).reduce(0, +)
            let tolerance = parts.map { 0.5 * pow(10, -Double($0.1)) }.reduce(0.5 * pow(10, -Double(ownerDecimals)), +)
            if abs(sum - ownerShare) > tolerance + 1e-9 {
                warnings.append(.warning("\(summary.area.name), \(summary.period.name): the published share on \(group.name) (\(FigureValue.fixed(ownerShare, decimals: ownerDecimals))%) differs from the sum of its platforms' published shares (\(FigureValue.fixed(sum, decimals: parts.map(\.1).max() ?? 0))%) by more than their rounding allows",
                                         at: location))
            }
        }
        for group in summary.owners where group.sharesDisagree {
            guard let published = group.publishedShare, let calculated = group.calculatedShare,
                  case .published(let location) = published.derivation else { continue }
            warnings.append(.warning("\(summary.area.name), \(summary.period.name): the published share on \(group.name) (\(published.value.machineValue)%) differs by more than rounding from the share calculated from the counts (\(FigureValue.fixed(calculated.value.number ?? 0, decimals: 2))%)",
                                     at: location))
        }
        return warnings
    }
}
