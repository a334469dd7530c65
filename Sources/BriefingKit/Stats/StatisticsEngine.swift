import Foundation
/// Runs every statistics module over a dataset. Pure: the same dataset gives the same statistics.
public struct StatisticsEngine: Sendable {
    public init() {}

    public func run(_ dataset: Dataset) -> Statistics {
        let summarizer = AreaSummarizer(dataset: dataset)
        let comparer = Comparer(dataset: dataset)
        let release = dataset.release
        var current: [String: AreaSummary] = [:], previous: [String: AreaSummary] = [:]
        var comparisons: [String: ShareComparison] = [:], changes: [String: PeriodChange] = [:]
        var fromFirst: [String: PeriodChange] = [:], series: [String: AreaSeries] = [:]
        let seriesBuilder = SeriesBuilder(dataset: dataset)
        var seriesWarnings: [Diagnostic] = []
        for area in dataset.areas {
            current[area.name] = summarizer.summary(of: area, in: release.period)
            if let period = dataset.previousPeriod {
                previous[area.name] = summarizer.summary(of: area, in: period)
                changes[area.name] = comparer.change(of: area, from: period, to: release.period)
            }
            if let first = dataset.firstPeriod, first != dataset.previousPeriod {
                fromFirst[area.name] = comparer.change(of: area, from: first, to: release.period)
            }
            let areaSeries = seriesBuilder.series(of: area)
            series[area.name] = areaSeries
            seriesWarnings += seriesBuilder.warnings(for: areaSeries)
        }
        let focusOwner = dataset.focusOwner
        if let top = dataset.top, let national = current[top.name], let focusOwner {
            for area in dataset.areas {
                if let summary = current[area.name],
                   let comparison = comparer.shareComparison(summary, national: national, owner: focusOwner) {
                    comparisons[area.name] = comparison
                }
            }
        }
        let reconciler = Reconciler(dataset: dataset)
        let reconciliations = reconciler.reconciliations()
        var warnings = reconciler.warnings(for: reconciliations) + seriesWarnings
        for summary in (current.values.sorted { $0.area.name < $1.area.name }) + (previous.values.sorted { $0.area.name < $1.area.name }) {
            // An owner's published share against the sum of its platforms' published shares: each is
            // rounded, so the sum may differ by up to half a unit per share, and no more.
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
        }
        return Statistics(dataset: dataset, focusOwner: focusOwner, current: current, previous: previous, comparisons: comparisons,
                          changes: changes, changesFromFirst: fromFirst, series: series, reconciliations: reconciliations, warnings: warnings.sorted { a, b in
                              // By file, then line and column as numbers (line 10 after line 2).
                              switch (a.location, b.location) {
                              case let (x?, y?): x < y
                              case (nil, _?): true
                              default: false
                              }
                          })
    }
}
