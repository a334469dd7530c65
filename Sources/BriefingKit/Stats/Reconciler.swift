/// Sets parents against their children for every area and period, and reports gaps without correcting them.
public struct Reconciler: Sendable {
    public let dataset: Dataset
    /// Makes a force's row into its figure when a check's children are asked for (`Reconciliation.Parts`).
    private let rowFigures: Reconciliation.RowFigures

    public init(dataset: Dataset) {
        self.dataset = dataset
        rowFigures = Reconciliation.RowFigures { [dataset] in dataset.publishedFigure(of: dataset.observations[$0]) }
    }

    /// Every check of the release: by period, then area.
    public func reconciliations() -> [Reconciliation] {
        let summarizer = AreaSummarizer(dataset: dataset)
        var result: [Reconciliation] = []
        for period in periods {
            for area in dataset.areas { result += checks(summarizer.summary(of: area, in: period), summarizer) }
        }
        return result
    }

    /// Every period of figures.csv, in order: the periods the checks are made in.
    var periods: [Period] { Set(dataset.observations.map(\.period)).sorted() }

    /// The checks of one area in the period of its summary.
    func checks(_ summary: AreaSummary, _ summarizer: AreaSummarizer) -> [Reconciliation] {
        platformChecks(summary) + (summary.area.kind == .region ? forceChecks(summary.area, summary.period, summarizer) : [])
    }

    /// Platform counts against the total, when every platform has a count; owner platforms against a published owner count.
    private func platformChecks(_ summary: AreaSummary) -> [Reconciliation] {
        var result: [Reconciliation] = []
        let counts = summary.platforms.compactMap(\.count)
        if let total = summary.total, total.value.count != nil,
           counts.count == dataset.platforms.count, counts.allSatisfy({ $0.value.count != nil }) {
            result.append(Reconciliation(kind: .platforms, period: summary.period, area: summary.area.name, platform: Platform.all,
                                         parent: total, children: counts, missing: [],
                                         sum: counts.compactMap(\.value.count).reduce(0, +)))
        }
        for group in summary.owners {
            guard let count = group.count, case .published = count.derivation, count.value.count != nil else { continue }
            let owned = dataset.platforms(ownedBy: group.owner)
            let children = summary.platforms.filter { $0.platform.owner == group.owner }.compactMap(\.count)
            guard children.count == owned.count, children.allSatisfy({ $0.value.count != nil }) else { continue }
            result.append(Reconciliation(kind: .owner, period: summary.period, area: summary.area.name, platform: group.name,
                                         parent: count, children: children, missing: [],
                                         sum: children.compactMap(\.value.count).reduce(0, +)))
        }
        return result
    }

    /// A region's published count against its forces, for each platform where any force has a row.
    private func forceChecks(_ region: Area, _ period: Period, _ summarizer: AreaSummarizer) -> [Reconciliation] {
        let forces = dataset.children(of: region.name)
        guard !forces.isEmpty else { return [] }
        let platforms = [Platform.all] + dataset.platforms.map(\.name)
        return platforms.compactMap { platform in
            guard let parent = summarizer.published(region.name, period, platform, .count), parent.value.count != nil else { return nil }
            var children: [Int] = [], missing: [String] = [], sum = 0, suppressed = false
            for force in forces {
                let row = dataset.observationIndex(period, force.name, platform, .count)
                // The row's value is its figure's (a count a count, a marker a marker), read without making the figure.
                let value = row.map { dataset.observations[$0].value }
                if let row, let count = value?.count {
                    children.append(row)
                    sum += count
                } else {
                    missing.append(force.name)
                }
                // A gap next to a suppressed force would give its count back: such totals are not reconciled.
                if value?.marker == .suppressed { suppressed = true }
            }
            guard !children.isEmpty, !suppressed else { return nil }
            return Reconciliation(kind: .areas, period: period, area: region.name, platform: platform, parent: parent,
                                  parts: .rows(children, rowFigures), missing: missing, sum: sum)
        }
    }

    /// A warning for each gap, at the parent's row in `figures.csv`.
    public func warnings(for reconciliations: [Reconciliation]) -> [Diagnostic] {
        reconciliations.filter { !$0.reconciles }.map { item in
            let location: SourceLocation? = if case .published(let location) = item.parent.derivation { location } else { nil }
            let parts: String = switch item.kind {
            case .platforms: "the platform counts"
            case .owner: "the counts of \(item.platform)"
            case .areas: "the forces that gave figures (\(item.childCount) of \(item.childCount + item.missing.count))"
            }
            let parentCount = item.parent.value.count ?? 0
            let direction = item.gap > 0 ? "\(NumberStyle.digits(item.gap)) fewer than" : "\(NumberStyle.digits(-item.gap)) more than"
            let subject = item.kind == .areas && item.platform != Platform.all ? "\(item.area), \(item.platform)" : item.area
            return Diagnostic.warning("\(subject), \(item.period.name): \(parts) sum to \(NumberStyle.digits(item.sum)), \(direction) the published \(NumberStyle.digits(parentCount)); the gap is shown on the methods page, not corrected",
                                      at: location)
        }
    }
}
