/// Builds fair comparisons: an area against the nation, and a period against the previous one.
public struct Comparer: Sendable {
    public let dataset: Dataset

    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The area's owner-group share against the top area's, with a 95% interval around the area's share.
    public func shareComparison(_ summary: AreaSummary, national: AreaSummary, owner: String) -> ShareComparison? {
        guard summary.area.name != national.area.name,
              let share = summary.owner(owner)?.share, let nationalShare = national.owner(owner)?.share,
              case .percent(let p, let pDecimals) = share.value, case .percent(let q, let qDecimals) = nationalShare.value
        else { return nil }
        let decimals = max(pDecimals, qDecimals)
        let shownP = Double(FigureValue.fixed(p, decimals: decimals)) ?? p
        let shownQ = Double(FigureValue.fixed(q, decimals: decimals)) ?? q
        let points = shownP - shownQ
        let difference = Figure(
            id: FigureID.derived(from: share.id, "vs-" + Area.slug(national.area.name)),
            label: "Difference between the share on \(dataset.release.subject.ownerGroupName(owner)) in \(summary.area.displayName) and in \(national.area.displayName), \(summary.period.name), percentage points",
            value: .points(points, decimals: decimals),
            derivation: .computed(.difference, inputs: [share.id, nationalShare.id]),
            sources: Ratio.sources(of: [share, nationalShare]), period: summary.period, area: summary.area.name)

        var interval: WilsonInterval?
        if let trials = summary.total?.value.count {
            if case .computed = share.derivation, let part = summary.owner(owner)?.count?.value.count {
                interval = WilsonInterval(successes: Double(part), trials: trials)
            } else {
                interval = WilsonInterval(publishedPercent: p, decimals: pDecimals, trials: trials)
            }
        }
        let direction: ShareComparison.Direction
        if points == 0 {
            direction = .same
        } else if let interval, !interval.contains(q) {
            direction = q < interval.low ? .higher : .lower
        } else {
            direction = .similar
        }
        return ShareComparison(area: summary.area.name, period: summary.period, subject: dataset.release.subject.ownerGroupName(owner),
                               share: share, national: nationalShare, difference: difference, interval: interval,
                               direction: direction)
    }

    /// The change in an area's total between two periods, only over forces present in both.
    ///
    /// A force is compared with itself. A region is compared over the forces with a count in
    /// both periods, summed afresh for each period ("N of M forces"). The top area, with no
    /// forces listed, is comparable only if the release says the same forces answered, which
    /// a count of forces alone cannot show.
    public func change(of area: Area, from previous: Period, to current: Period) -> PeriodChange? {
        let summarizer = AreaSummarizer(dataset: dataset)
        let headline = dataset.headlinePlatform
        let now = summarizer.published(area.name, current, headline, .count)
        let before = summarizer.published(area.name, previous, headline, .count)
        if current.months != previous.months {
            guard let now, now.value.count != nil, let before, before.value.count != nil else { return nil }
            return notComparable(area.name, now, before, basis: .differentLengths)
        }
        let forces = dataset.children(of: area.name).filter { $0.kind == .force }

        if area.kind == .force || forces.isEmpty {
            guard let now, now.value.count != nil, let before, before.value.count != nil else { return nil }
            if area.kind == .force { return comparable(area.name, now, before, basis: .sameForce) }
            // The top area's coverage is the release's; another area's is its own, where the release gives it.
            let key = area.parent == nil ? nil : area.name
            let a = dataset.release.coverage(for: current, area: key), b = dataset.release.coverage(for: previous, area: key)
            if let a, a.everyPeriod, let b, b.everyPeriod { return comparable(area.name, now, before, basis: .sameCoverage(a)) }
            if let a, let b, let forcesNow = a.forcesAnswered, let forcesBefore = b.forcesAnswered, forcesNow != forcesBefore {
                return notComparable(area.name, now, before, basis: .coverageDiffers(previous: b, current: a))
            }
            return notComparable(area.name, now, before, basis: .coverageUnknown)
        }

        let counted = { (period: Period) in
            forces.compactMap { force -> Figure? in
                guard let figure = summarizer.published(force.name, period, headline, .count), figure.value.count != nil else { return nil }
                return figure
            }
        }
        let withNow = counted(current), withBefore = counted(previous)
        let inBoth = Set(withNow.compactMap(\.area)).intersection(withBefore.compactMap(\.area))
        guard !inBoth.isEmpty else {
            guard let now, now.value.count != nil, let before, before.value.count != nil else { return nil }
            let unknown = withNow.isEmpty ? current : previous
            return notComparable(area.name, now, before, basis: withNow.isEmpty || withBefore.isEmpty
                                 ? .forcesUnknown(unknown)
                                 : .differentForces(previous: withBefore.map(\.id), current: withNow.map(\.id)))
        }
        let sum = { (figures: [Figure], period: Period) -> Figure in
            let parts = figures.filter { inBoth.contains($0.area ?? "") }
            return Figure(id: FigureID.derived(from: FigureID.cell(area.name, period, headline, "count"),
                                                   "forces-in-both-" + FigureID.part(period == current ? previous : current)),
                          label: "\(dataset.release.subject.plural.withCapitalFirstLetter) recorded by the forces of \(area.displayName) with figures in both periods, \(period.name)",
                          value: .count(parts.compactMap(\.value.count).reduce(0, +)),
                          derivation: .computed(.sum, inputs: parts.map(\.id)), sources: Ratio.sources(of: parts),
                          period: period, area: area.name)
        }
        // A sum of some of the forces is the area's trend only where the area's own published figure is
        // those forces and no others: it must equal its forces' sum in both periods, or there is no
        // regional figure to speak of (a region with only one force's figures is that force, not the region).
        guard summarizer.isSumOfItsForces(area, in: current), summarizer.isSumOfItsForces(area, in: previous) else {
            guard let now, now.value.count != nil, let before, before.value.count != nil else { return nil }
            return notComparable(area.name, now, before, basis: .forcesDoNotAddUp)
        }
        // The area's figure is its forces' in each period; it is a like-for-like trend only if they are the same forces.
        if Set(withNow.compactMap(\.area)) != Set(withBefore.compactMap(\.area)) {
            guard let now, let before else { return nil }
            return notComparable(area.name, now, before, basis: .differentForces(previous: withBefore.map(\.id), current: withNow.map(\.id)))
        }
        return comparable(area.name, sum(withNow, current), sum(withBefore, previous),
                          basis: .forcesInBoth(count: inBoth.count, of: forces.count))
    }

    private func comparable(_ area: String, _ now: Figure, _ before: Figure, basis: PeriodChange.Basis) -> PeriodChange {
        let difference = (now.value.count ?? 0) - (before.value.count ?? 0)
        let diff = Figure(id: FigureID.derived(from: now.id, "change-since-" + FigureID.part(before.period)), label: "Change in \(dataset.release.subject.plural) recorded, \(dataset.displayName(of: area)), from \(before.period?.name ?? "") to \(now.period?.name ?? "")",
                          value: .count(difference), derivation: .computed(.difference, inputs: [now.id, before.id]),
                          sources: Ratio.sources(of: [now, before]), period: now.period, area: area)
        let base = before.value.count ?? 0
        var percent = base > 0 ? Figure(
            id: FigureID.derived(from: now.id, "change-percent-since-" + FigureID.part(before.period)), label: "Change in \(dataset.release.subject.plural) recorded as a percentage of the earlier figure, \(dataset.displayName(of: area)), from \(before.period?.name ?? "") to \(now.period?.name ?? "")",
            // Whole percentages from ten up ("up 84%"), one decimal below ("up 6.7%").
            value: .change(Double(difference) * 100 / Double(base), decimals: abs(Double(difference) * 100 / Double(base)) >= 10 ? 0 : 1),
            derivation: .computed(.share, inputs: [diff.id, before.id]),
            sources: Ratio.sources(of: [now, before]), period: now.period, area: area) : nil
        percent?.counts = Figure.ChangeCounts(from: base, to: now.value.count ?? 0)
        return PeriodChange(area: area, current: now, previous: before, comparable: true, basis: basis,
                            difference: diff, percentChange: percent)
    }

    private func notComparable(_ area: String, _ now: Figure, _ before: Figure, basis: PeriodChange.Basis) -> PeriodChange {
        PeriodChange(area: area, current: now, previous: before, comparable: false, basis: basis, difference: nil, percentChange: nil)
    }
}
