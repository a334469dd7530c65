/// Builds each area's series, its totals across periods, and checks published changes and
/// totals against what the tool can compute from the same figures. Pure; never formats.
public struct SeriesBuilder: Sendable {
    public let dataset: Dataset
    /// The release period's published changes of the headline count, by area: looked up once, not per area.
    private let changesByArea: [String: [Observation]]

    public init(dataset: Dataset) {
        self.dataset = dataset
        changesByArea = Dictionary(grouping: dataset.observations.filter {
            $0.period == dataset.release.period && $0.measure == .change && $0.platform == dataset.headlinePlatform
        }, by: \.area)
    }

    public func series(of area: Area) -> AreaSeries {
        let summarizer = AreaSummarizer(dataset: dataset)
        let headline = dataset.headlinePlatform
        let points = dataset.seriesPeriods.map { period in
            AreaSeries.Point(period: period, count: summarizer.published(area.name, period, headline, .count))
        }
        var cumulative = dataset.cumulativePeriods.compactMap { summarizer.published(area.name, $0, headline, .count) }
        // Never add up periods to a total the release published and disclosure control hid: the sum would give it back.
        let computed = computedTotal(area, points).flatMap { total in
            cumulative.contains { $0.period == total.period && $0.value.marker != nil } ? nil : total
        }
        if let computed, !cumulative.contains(where: { $0.period == computed.period }) {
            cumulative.append(computed)
        }
        let changes = (changesByArea[area.name] ?? []).map { dataset.publishedFigure(of: $0) }
        return AreaSeries(area: area, points: points, cumulative: cumulative.sorted { ($0.period ?? dataset.release.period) < ($1.period ?? dataset.release.period) },
                          computedTotal: computed, publishedChanges: changes)
    }

    /// The sum over every period of the series, only where the same forces stand behind each:
    /// a force, or the top area when the release says the same number of forces answered every time.
    func computedTotal(_ area: Area, _ points: [AreaSeries.Point]) -> Figure? {
        guard points.count > 1, let first = points.first?.period, let last = points.last?.period else { return nil }
        // Only over periods that follow one another with no gap: 2019 and 2023 alone are not "2019 to 2023".
        for (earlier, later) in zip(points.map(\.period), points.map(\.period).dropFirst()) where earlier.last.next != later.first {
            return nil
        }
        let counts = points.compactMap(\.count)
        let numbers = counts.compactMap(\.value.count)
        guard numbers.count == points.count else { return nil }
        let likeForLike: Bool
        switch area.kind {
        case .force: likeForLike = true
        default:
            let key = area.parent == nil ? nil : area.name
            let coverage = points.map { dataset.release.coverage(for: $0.period, area: key) }
            let answered = coverage.map { $0?.forcesAnswered }
            // Or every force listed under the area has a figure in every period: the same forces throughout.
            let forces = dataset.children(of: area.name).filter { $0.kind == .force }
            let summarizer = AreaSummarizer(dataset: dataset)
            let allForcesEveryPeriod = !forces.isEmpty && forces.allSatisfy { force in
                points.allSatisfy { summarizer.published(force.name, $0.period, dataset.headlinePlatform, .count)?.value.count != nil }
            } && points.allSatisfy { point in
                // ... and the area's own figure is theirs: its forces' sum, with no other coverage said for it.
                summarizer.isSumOfItsForces(area, in: point.period)
                    && dataset.release.coverage(for: point.period, area: area.name).map { $0.forcesAnswered == forces.count } ?? true
            }
            likeForLike = allForcesEveryPeriod || coverage.allSatisfy { $0?.everyPeriod == true }
                || (area.parent == nil && answered.allSatisfy { $0 != nil && $0 == answered[0] })
        }
        guard likeForLike else { return nil }
        let span = Period(first: first.first, last: last.last)
        return Figure(id: FigureID.cell(area.name, span, dataset.headlinePlatform, "count-sum-of-periods"),
                      label: "\(area.displayName.withCapitalFirstLetter), total over \(points.count) periods, \(span.name)",
                      value: .count(numbers.reduce(0, +)), derivation: .computed(.sum, inputs: counts.map(\.id)),
                      sources: Ratio.sources(of: counts), period: span, area: area.name)
    }

    /// A published change or total across periods that disagrees, beyond rounding, with the one
    /// computed from the published counts.
    public func warnings(for series: AreaSeries) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let counts = Dictionary(series.points.compactMap { point in point.count?.value.count.map { (point.period, $0) } },
                                uniquingKeysWith: { first, _ in first })
        for change in series.publishedChanges {
            guard case .published(let location) = change.derivation, case .change(let published, let decimals) = change.value,
                  let base = change.basePeriod, let period = change.period,
                  let old = counts[base], let new = counts[period], old > 0 else { continue }
            let computed = Double(new - old) * 100 / Double(old)
            if !Ratio.roundsTo(computed, published: published, decimals: decimals) {
                warnings.append(.warning("\(series.area.name): the published change since \(base.shortName) (\(change.value.machineValue)%) differs by more than rounding from the change calculated from the counts, \(old) to \(new) (\(FigureValue.fixed(computed, decimals: 1))%)", at: location))
            }
        }
        for total in series.cumulative {
            guard case .published(let location) = total.derivation, let value = total.value.count,
                  let computed = series.computedTotal, computed.period == total.period,
                  let sum = computed.value.count, sum != value else { continue }
            warnings.append(.warning("\(series.area.name): the published total for \(total.period?.name ?? "") (\(value)) differs from the sum of the periods' figures (\(sum))", at: location))
        }
        return warnings
    }
}
