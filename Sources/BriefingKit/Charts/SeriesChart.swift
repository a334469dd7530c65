/// Bars for an area's headline count in every period of the series, one row per period as the
/// series table lists them; the release period's bar darker and its label bold.
struct SeriesChart {
    let series: AreaSeries
    let dataset: Dataset

    var words: Subject { dataset.release.subject }

    /// The table's period names: "2017/18" only when every period has such a name.
    var labels: [String] {
        let short = dataset.seriesPeriods.allSatisfy { $0.shortName != $0.name }
        return series.points.map { short ? $0.period.shortName : $0.period.name }
    }

    var rows: [HorizontalBars.Row] {
        // As the table words a period with no figure: a force's is not published; an area's may be, within another's.
        let missing = series.area.kind == .force ? "not published" : "not published separately"
        return zip(series.points, labels).map { point, label in
            .init(label: label, figure: point.count, missing: missing, emphasised: point.period == dataset.release.period)
        }
    }

    var id: String { FigureID.make(["chart-series", series.area.slug]) }

    var title: String {
        "Bar chart: \(words.plural) recorded in \(series.area.displayName), by period"
    }

    var summaryText: String {
        let items = zip(rows, series.points).map { row, point in
            "\(row.label)\(point.period == dataset.release.period ? " (the release period)" : ""): \(row.figure.map(ChartText.spoken) ?? row.missing)"
        }
        return items.joined(separator: "; ") + "."
    }

    /// The chart, or nil when fewer than two periods have a figure (as the table).
    var chart: Chart? {
        guard series.hasSeries else { return nil }
        let rows = rows
        let (body, bottom) = HorizontalBars(rows: rows).layout(from: 4)
        return Chart(id: id, kind: .series, title: title, summary: summaryText, figures: rows.compactMap(\.figure),
                     svg: Chart.drawing(id: id, kind: .series, title: title, summary: summaryText, height: bottom, body: body))
    }
}
