/// Suppresses small counts as `[c]`, and enough other cells that no suppressed count can be
/// recovered by subtraction from a total.
///
/// Runs on the dataset before any statistic, so every figure calculated from a suppressed
/// count is missing too, in pages, charts and downloads alike.
public struct DisclosureControl: Sendable {
    /// The default: counts from 1 to 4 are suppressed (see README, "Disclosure control").
    public static let defaultThreshold = 4

    public let threshold: Int

    public init(threshold: Int) {
        self.threshold = threshold
    }

    /// Why a cell was suppressed.
    public enum Reason: String, Sendable, Hashable {
        /// A count from 1 to the threshold.
        case primary
        /// Suppressed so that a primary cell cannot be worked out from a total.
        case secondary
        /// A share that would reveal a suppressed count.
        case share
    }

    public func apply(to dataset: Dataset) -> (dataset: Dataset, suppressed: [Observation.Key: Reason]) {
        guard threshold > 0 else { return (dataset, [:]) }
        // With no count from 1 to the threshold there is nothing to protect: the dataset is returned as
        // it is, rather than rebuilt, and no total need be looked at (a large release has 100,000 rows).
        let observations = dataset.observations
        let isSmall = { (row: Observation) -> Bool in row.value.count.map { $0 >= 1 && $0 <= threshold } ?? false }
        guard observations.contains(where: isSmall) else { return (dataset, [:]) }
        // Each row's index by its cell, not a second copy of every row.
        let index = Dictionary(uniqueKeysWithValues: observations.indices.map { (observations[$0].key, $0) })
        let rows = { (key: Observation.Key) -> Observation? in index[key].map { observations[$0] } }
        var suppressed: [Observation.Key: Reason] = [:]
        for row in observations where isSmall(row) { suppressed[row.key] = .primary }
        // Secondary suppression: repeat until no total leaves exactly one suppressed cell recoverable.
        let groups = constraintGroups(dataset)
        var changed = true
        while changed {
            changed = false
            for group in groups {
                guard rows(group.parent)?.value.count != nil || suppressed[group.parent] != nil else { continue }
                // A part with no published figure absorbs any difference, so nothing can be recovered from
                // this total; a force that did not provide data ([x]) adds nothing and does not protect.
                let unknown = group.children.contains { child in
                    guard rows(child) == nil else { return false }
                    let forceTotal = Observation.Key(period: child.period, area: child.area, platform: Platform.all, measure: .count)
                    return rows(forceTotal)?.value.marker == nil || child.platform == Platform.all
                }
                if unknown { continue }
                let cells = ([group.parent] + group.children).filter { rows($0)?.value.count != nil || suppressed[$0] != nil }
                let hidden = cells.filter { suppressed[$0] != nil }
                guard hidden.count == 1 else { continue }
                let candidates = cells.filter { suppressed[$0] == nil && $0 != group.parent }
                    .sorted { (rows($0)?.value.count ?? 0, $0.area, $0.platform) < (rows($1)?.value.count ?? 0, $1.area, $1.platform) }
                if let next = candidates.first ?? (suppressed[group.parent] == nil && rows(group.parent) != nil ? group.parent : nil) {
                    suppressed[next] = .secondary
                    changed = true
                }
            }
        }
        // A published share of a suppressed count would give the count back.
        for row in observations where row.measure == .share && row.value.percent != nil {
            let countKey = Observation.Key(period: row.period, area: row.area, platform: row.platform, measure: .count)
            if suppressed[countKey] != nil { suppressed[row.key] = .share }
        }
        // Across periods too: a total over several periods minus its other periods, or a published
        // change with one of its two counts, would give a suppressed count back.
        // (Totals over several periods are constraint groups above.) A published change with one of its
        // two counts would give the other back.
        for row in observations where suppressed[row.key] == nil && row.measure == .change && row.value.marker == nil {
            let countKey = { (period: Period) in Observation.Key(period: period, area: row.area, platform: row.platform, measure: .count) }
            if suppressed[countKey(row.period)] != nil || row.basePeriod.map({ suppressed[countKey($0)] != nil }) == true {
                suppressed[row.key] = .share
            }
        }
        // The rows in their order (a suppressed row keeps its cell, so the order by cell holds), each suppressed one as [c].
        let controlled = observations.map { row -> Observation in
            guard suppressed[row.key] != nil else { return row }
            var hidden = Observation(period: row.period, area: row.area, platform: row.platform, measure: row.measure,
                                     value: .marker(.suppressed), source: row.source, location: row.location, basePeriod: row.basePeriod)
            hidden.note = row.note
            hidden.revised = row.revised
            return hidden
        }
        return (Dataset(release: dataset.release, areas: dataset.areas, platforms: dataset.platforms, sources: dataset.sources,
                        observations: controlled, quotes: dataset.quotes, context: dataset.context,
                        hidden: dataset.hidden.union(suppressed.keys)), suppressed)
    }

    /// A total and the cells that add up to it.
    struct ConstraintGroup {
        let parent: Observation.Key
        let children: [Observation.Key]
    }

    /// Every total a suppressed count could be subtracted from: an area against its child areas
    /// (per platform), all platforms against each platform, an owner's apps against its platforms.
    func constraintGroups(_ dataset: Dataset) -> [ConstraintGroup] {
        let periods = Set(dataset.observations.map(\.period)).sorted()
        let owners = dataset.owners
        let platformNames = Dataset.platformNames(dataset.platforms)
        func key(_ period: Period, _ area: String, _ platform: String) -> Observation.Key {
            Observation.Key(period: period, area: area, platform: platform, measure: .count)
        }
        var groups: [ConstraintGroup] = []
        for period in periods {
            for area in dataset.areas {
                let children = dataset.children(of: area.name)
                if !children.isEmpty {
                    for platform in platformNames {
                        groups.append(.init(parent: key(period, area.name, platform), children: children.map { key(period, $0.name, platform) }))
                    }
                }
                groups.append(.init(parent: key(period, area.name, Platform.all),
                                    children: dataset.platforms.map { key(period, area.name, $0.name) }))
                for owner in owners {
                    groups.append(.init(parent: key(period, area.name, Platform.ownedGroup(owner)),
                                        children: dataset.platforms(ownedBy: owner).map { key(period, area.name, $0.name) }))
                }
            }
        }
        // A total over several periods is the sum of its periods: a hidden year could be taken from it.
        for span in dataset.cumulativePeriods {
            let inside = dataset.seriesPeriods.filter { span.strictlyContains($0) }
            for area in dataset.areas {
                for platform in platformNames {
                    groups.append(.init(parent: key(span, area.name, platform), children: inside.map { key($0, area.name, platform) }))
                }
            }
        }
        return groups
    }
}
