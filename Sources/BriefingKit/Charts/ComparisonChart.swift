/// Dots for each region's (or nation's) share against the national share: the share as a dot,
/// its margin of error (the 95% Wilson interval the comparison uses) as a line through it, and
/// the national share as a dashed line across every row, so that a reader sees whether the
/// national share lies outside the interval ("higher", "lower") or inside it ("similar").
///
/// The scale has no numbered axis (every number on a page is a figure): the shares are printed
/// beside the names, and the scale runs between round tens around them, not from zero, which a
/// dot (unlike a bar) does not need.
struct ComparisonChart {
    let comparisons: [ShareComparison]
    /// The area the shares are compared with.
    let national: Area
    let dataset: Dataset

    static let radius = 5
    static let legendIndent = 34
    /// The plot's ends, in percent of the width, so a dot at either end is whole.
    static let plotStart = 2.0
    static let plotEnd = 98.0

    var words: Subject { dataset.release.subject }

    /// "region", "nation", or "nation and region", from the kinds of the areas compared.
    var kindWord: String {
        let kinds = Set(comparisons.compactMap { dataset.area(named: $0.area)?.kind })
        if kinds == [.region] { return "region" }
        if kinds == [.nation] { return "nation" }
        return kinds.isSubset(of: [.nation, .region]) ? "nation and region" : "area"
    }

    /// The scale's ends in percent: round tens below and above every share, bound and the national share.
    var domain: (low: Double, high: Double) {
        var values: [Double] = comparisons.flatMap { comparison -> [Double] in
            [comparison.share.value.number, comparison.interval?.low, comparison.interval?.high].compactMap { $0 }
        }
        if let national = comparisons.first?.national.value.number { values.append(national) }
        let low = max(0, ((values.min() ?? 0) - 1) / 10).rounded(.down) * 10
        let high = min(100, (((values.max() ?? 100) + 1) / 10).rounded(.up) * 10)
        return high > low ? (low, high) : (max(0, low - 10), min(100, high + 10))
    }

    /// Where a share sits across the chart, in percent of its width.
    func position(_ percent: Double) -> Double {
        let (low, high) = domain
        return Self.plotStart + (Self.plotEnd - Self.plotStart) * (min(max(percent, low), high) - low) / (high - low)
    }

    var id: String {
        FigureID.make(["chart-comparison", national.slug, FigureID.part(comparisons.first?.period)])
    }

    var title: String {
        let subject = comparisons.first?.subject ?? ""
        let period = comparisons.first?.period.name ?? ""
        return "Dot chart: the share of \(words.plural) on \(subject), of those \(words.known), in each \(kindWord) against the national share, \(period), with margins of error"
    }

    static func direction(_ comparison: ShareComparison) -> String {
        switch comparison.direction {
        case .same: "the same as nationally"
        case .similar where comparison.interval == nil: "not shown to differ from the national share, as its total (and so its margin of error) is not known"
        case .similar: "similar to nationally, within the margin of error"
        case .higher: "higher than nationally, beyond the margin of error"
        case .lower: "lower than nationally, beyond the margin of error"
        }
    }

    var summaryText: String {
        guard let first = comparisons.first else { return "" }
        var sentences = ["National share, \(national.displayName): \(ChartText.spoken(first.national))."]
        for comparison in comparisons {
            sentences.append("\(comparison.area): \(ChartText.spoken(comparison.share)), \(Self.direction(comparison)).")
        }
        return sentences.joined(separator: " ")
    }

    /// The chart, or nil when there is nothing to compare.
    var chart: Chart? {
        guard let first = comparisons.first, let nationalShare = first.national.value.number else { return nil }
        let ink = HorizontalBars.inkColour, muted = HorizontalBars.mutedColour
        let line = HorizontalBars.lineHeight, font = HorizontalBars.fontSize, band = HorizontalBars.barHeight
        var y = 4
        var body: [SVGElement] = []

        // The key: the dashed line is the national share; a dot on a line is an area's share and its margin of error.
        var key = SVGElement("g", ["class": "chart-key"])
        let legendLength = ChartText.lineLength - 4
        let nationalLines = ChartText.lines("National share, \(national.displayName): \(ChartText.value(first.national))", length: legendLength)
        key.append(SVGElement("line", ["class": "chart-national", "x1": "12", "x2": "12", "y1": String(y + 1), "y2": String(y + line * nationalLines.count - 1),
                                       "stroke-dasharray": "4 3", "stroke-width": "2"]).with("stroke", ink))
        for text in nationalLines {
            key.append(SVGElement("text", ["class": "chart-label", "x": String(Self.legendIndent), "y": String(y + font)], text: text).with("fill", ink))
            y += line
        }
        y += 4
        let areaLines = ChartText.lines("Each \(kindWord)’s share, with its margin of error", length: legendLength)
        let middle = String(y + line / 2 - 2)
        key.append(SVGElement("line", ["class": "chart-interval", "x1": "1", "x2": "23", "y1": middle, "y2": middle, "stroke-width": "2"]).with("stroke", muted))
        key.append(SVGElement("circle", ["class": "chart-dot", "cx": "12", "cy": middle, "r": String(Self.radius)]).with("fill", HorizontalBars.barColour))
        for text in areaLines {
            key.append(SVGElement("text", ["class": "chart-label", "x": String(Self.legendIndent), "y": String(y + font)], text: text).with("fill", ink))
            y += line
        }
        body.append(key)
        y += 12

        let nationalX = ChartText.percent(position(nationalShare))
        for comparison in comparisons {
            var group = SVGElement("g", ["class": "chart-row"])
            var lines = ChartText.lines(comparison.area)
            let value = ChartText.value(comparison.share)
            let valueOnItsOwnLine = lines[lines.count - 1].count + 1 + value.count > ChartText.lineLength
            if valueOnItsOwnLine { lines.append("") }
            for (index, text) in lines.enumerated() {
                var label = SVGElement("text", ["class": "chart-label", "x": "0", "y": String(y + font)])
                if !text.isEmpty { label.appendText(text + (index == lines.count - 1 ? " " : "")) }
                if index == lines.count - 1 {
                    label.append(SVGElement("tspan", ["class": "chart-value", "font-weight": "bold"], text: value))
                }
                group.append(label.with("fill", ink))
                y += line
            }
            y += HorizontalBars.labelGap
            let centre = String(y + band / 2)
            group.append(SVGElement("line", ["class": "chart-national", "x1": nationalX, "x2": nationalX, "y1": String(y - 3), "y2": String(y + band + 3),
                                             "stroke-dasharray": "4 3", "stroke-width": "2"]).with("stroke", ink))
            if let interval = comparison.interval {
                let low = ChartText.percent(position(interval.low)), high = ChartText.percent(position(interval.high))
                group.append(SVGElement("line", ["class": "chart-interval", "x1": low, "x2": high, "y1": centre, "y2": centre, "stroke-width": "2"])
                    .with("stroke", muted))
                for end in [low, high] {
                    group.append(SVGElement("line", ["class": "chart-interval", "x1": end, "x2": end, "y1": String(y + 3), "y2": String(y + band - 3),
                                                     "stroke-width": "2"]).with("stroke", muted))
                }
            }
            if let share = comparison.share.value.number {
                group.append(SVGElement("circle", ["class": "chart-dot", "cx": ChartText.percent(position(share)), "cy": centre, "r": String(Self.radius)])
                    .with("fill", HorizontalBars.barColour))
            }
            y += band + HorizontalBars.rowGap
            body.append(group)
        }
        let figures = [first.national] + comparisons.map(\.share)
        return Chart(id: id, kind: .comparison, title: title, summary: summaryText, figures: figures,
                     svg: Chart.drawing(id: id, kind: .comparison, title: title, summary: summaryText, height: y, body: body))
    }
}
