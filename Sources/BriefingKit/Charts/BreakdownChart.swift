/// Bars for an area's figures in one period by platform (or whatever the release breaks its
/// figures down by): the rows of the breakdown table beside it, in its order.
///
/// It draws counts, or shares where more platforms have a share than a count (and, when no count
/// was published at all, the owner groups the release focuses on, as the table lists them).
/// A platform with a marker or no figure is a row with words and no bar.
struct BreakdownChart {
    let summary: AreaSummary
    let dataset: Dataset

    var words: Subject { dataset.release.subject }

    /// Whether the bars are shares rather than counts.
    var drawsShares: Bool {
        let counts = summary.platforms.filter { $0.count?.value.marker == nil && $0.count != nil }.count
        let shares = summary.platforms.filter { $0.share?.value.marker == nil && $0.share != nil }.count
        return !summary.platforms.contains { $0.count != nil } || shares > counts
    }

    var rows: [HorizontalBars.Row] {
        if !drawsShares {
            return summary.platforms.map { .init(label: $0.platform.name, figure: $0.count) }
        }
        var rows = summary.platforms.map { HorizontalBars.Row(label: $0.platform.name, figure: $0.share) }
        // The table adds the owner groups in focus when it has no count column; so does the chart.
        if !summary.platforms.contains(where: { $0.count != nil }) {
            for name in dataset.focus {
                if let share = summary.owner(name)?.share { rows.append(.init(label: words.ownerGroupName(name), figure: share)) }
            }
        }
        return rows
    }

    var id: String {
        FigureID.make(["chart-breakdown", summary.area.slug, FigureID.part(summary.period)])
    }

    var title: String {
        "Bar chart: \(words.plural) recorded in \(summary.area.displayName), \(summary.period.name), by \(words.breakdownSingular)"
            + (drawsShares ? ", as shares of those \(words.known)" : "")
    }

    /// The total, every row's figure in words, and the largest platform where one can be named.
    var summaryText: String {
        var sentences: [String] = []
        if let total = summary.total {
            sentences.append(total.value.marker == nil
                ? "In all, \(ChartText.spoken(total)) \(words.plural) were recorded \(words.known)."
                : "The total \(words.known) is \(total.value.marker!.meaning).")
        }
        let items = rows.map { "\($0.label): \($0.figure.map(ChartText.spoken) ?? $0.missing)" }
        sentences.append("By \(words.breakdownSingular), " + items.joined(separator: "; ") + ".")
        // Only of the platforms named: one inside a catch-all row, or among those not broken down, could have more.
        if let largest = largest {
            sentences.append("\(largest.platform.name) had the most of the \(words.breakdownPlural) named.")
        }
        if let total = summary.total?.value.count, let counted = countedSum, counted < total {
            sentences.append("The counts by \(words.breakdownSingular) add up to less than the total: the \(words.breakdownSingular) of the rest is not given.")
        }
        return sentences.joined(separator: " ")
    }

    /// The sum of the rows' counts when every row has one (a marker or a missing count leaves it unknown).
    var countedSum: Int? {
        guard !drawsShares, !summary.platforms.isEmpty else { return nil }
        let counts = summary.platforms.compactMap { $0.count?.value.count }
        return counts.count == summary.platforms.count ? counts.reduce(0, +) : nil
    }

    /// The platform with the most, when every platform of the release (catch-alls aside) has a
    /// count here and one is strictly ahead: a platform with no count could be the largest.
    var largest: PlatformBreakdown? {
        drawsShares ? nil : summary.largest(of: dataset.platforms)
    }

    /// The chart, or nil when no platform has a figure (the table is not shown) or no row has a number to draw.
    var chart: Chart? {
        let rows = rows
        guard !summary.platforms.isEmpty, rows.contains(where: { $0.figure?.value.number != nil }) else { return nil }
        let (body, bottom) = HorizontalBars(rows: rows).layout(from: 4)
        return Chart(id: id, kind: .breakdown, title: title, summary: summaryText, figures: rows.compactMap(\.figure),
                     svg: Chart.drawing(id: id, kind: .breakdown, title: title, summary: summaryText, height: bottom, body: body))
    }
}
