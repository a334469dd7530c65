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
        var controlled = dataset
        let suppressed = control(&controlled)
        return (controlled, suppressed)
    }

    /// Applies disclosure control to the dataset in place, returning why each cell was suppressed.
    /// A dataset held nowhere else has its rows changed where they lie: at 100,000 rows a copy of
    /// them, and of their lookups, was the load's peak.
    @discardableResult
    public func control(_ dataset: inout Dataset) -> [Observation.Key: Reason] {
        let suppressed = suppression(of: dataset)
        if !suppressed.isEmpty { dataset.conceal(suppressed) }
        return suppressed
    }

    /// The cells to suppress, and why.
    private func suppression(of data: Dataset) -> [Observation.Key: Reason] {
        guard threshold > 0 else { return [:] }
        // With no count from 1 to the threshold there is nothing to protect: the dataset is left as it
        // is, and no total need be looked at (a large release has 100,000 rows).
        let isSmall = { (row: Observation) -> Bool in row.value.count.map { $0 >= 1 && $0 <= threshold } ?? false }
        guard data.observations.contains(where: isSmall) else { return [:] }
        // Every cell a total is made of has no base period, so the dataset's own lookup by cell finds its row.
        let rows = { (key: Observation.Key) -> Observation? in data.observation(key.period, key.area, key.platform, key.measure) }
        var suppressed: [Observation.Key: Reason] = [:]
        for row in data.observations where isSmall(row) { suppressed[row.key] = .primary }
        // Secondary suppression: repeat until no total leaves exactly one suppressed cell recoverable.
        var changed = true
        while changed {
            changed = false
            forEachConstraintGroup(data) { group in
                guard rows(group.parent)?.value.count != nil || suppressed[group.parent] != nil else { return }
                // A part with no published figure absorbs any difference, so nothing can be recovered from
                // this total; a force that did not provide data ([x]) adds nothing and does not protect.
                let unknown = group.children.contains { child in
                    guard rows(child) == nil else { return false }
                    let forceTotal = Observation.Key(period: child.period, area: child.area, platform: Platform.all, measure: .count)
                    return rows(forceTotal)?.value.marker == nil || child.platform == Platform.all
                }
                if unknown { return }
                let cells = ([group.parent] + group.children).filter { rows($0)?.value.count != nil || suppressed[$0] != nil }
                let hidden = cells.filter { suppressed[$0] != nil }
                guard hidden.count == 1 else { return }
                let candidates = cells.filter { suppressed[$0] == nil && $0 != group.parent }
                    .sorted { (rows($0)?.value.count ?? 0, $0.area, $0.platform) < (rows($1)?.value.count ?? 0, $1.area, $1.platform) }
                if let next = candidates.first ?? (suppressed[group.parent] == nil && rows(group.parent) != nil ? group.parent : nil) {
                    suppressed[next] = .secondary
                    changed = true
                }
            }
        }
        // A published share of a suppressed count would give the count back.
        for row in data.observations where row.measure == .share && row.value.percent != nil {
            let countKey = Observation.Key(period: row.period, area: row.area, platform: row.platform, measure: .count)
            if suppressed[countKey] != nil { suppressed[row.key] = .share }
        }
        // Across periods too: a total over several periods minus its other periods, or a published
        // change with one of its two counts, would give a suppressed count back.
        // (Totals over several periods are constraint groups above.) A published change with one of its
        // two counts would give the other back.
        for row in data.observations where suppressed[row.key] == nil && row.measure == .change && row.value.marker == nil {
            let countKey = { (period: Period) in Observation.Key(period: period, area: row.area, platform: row.platform, measure: .count) }
            if suppressed[countKey(row.period)] != nil || row.basePeriod.map({ suppressed[countKey($0)] != nil }) == true {
                suppressed[row.key] = .share
            }
        }
        return suppressed
    }

    /// A total and the cells that add up to it.
    struct ConstraintGroup {
        let parent: Observation.Key
        let children: [Observation.Key]
    }

    /// Every total a suppressed count could be subtracted from: an area against its child areas
    /// (per platform), all platforms against each platform, an owner's apps against its platforms.
    func constraintGroups(_ dataset: Dataset) -> [ConstraintGroup] {
        var groups: [ConstraintGroup] = []
        forEachConstraintGroup(dataset) { groups.append($0) }
        return groups
    }

    /// Each of those totals in turn, made as it is visited: held all at once, a release of 10,000
    /// areas has some 60,000 of them, each a copy of its cells' names.
    func forEachConstraintGroup(_ dataset: Dataset, _ visit: (ConstraintGroup) -> Void) {
        let periods = (dataset.seriesPeriods + dataset.cumulativePeriods).sorted()
        let owners = dataset.owners
        let platformNames = Dataset.platformNames(dataset.platforms)
        func key(_ period: Period, _ area: String, _ platform: String) -> Observation.Key {
            Observation.Key(period: period, area: area, platform: platform, measure: .count)
        }
        for period in periods {
            for area in dataset.areas {
                let children = dataset.children(of: area.name)
                if !children.isEmpty {
                    for platform in platformNames {
                        visit(.init(parent: key(period, area.name, platform), children: children.map { key(period, $0.name, platform) }))
                    }
                }
                visit(.init(parent: key(period, area.name, Platform.all),
                            children: dataset.platforms.map { key(period, area.name, $0.name) }))
                for owner in owners {
                    visit(.init(parent: key(period, area.name, Platform.ownedGroup(owner)),
                                children: dataset.platforms(ownedBy: owner).map { key(period, area.name, $0.name) }))
                }
            }
        }
        // A total over several periods is the sum of its periods: a hidden year could be taken from it.
        for span in dataset.cumulativePeriods {
            let inside = dataset.seriesPeriods.filter { span.strictlyContains($0) }
            for area in dataset.areas {
                for platform in platformNames {
                    visit(.init(parent: key(span, area.name, platform), children: inside.map { key($0, area.name, platform) }))
                }
            }
        }
    }
}
