/// Rows of horizontal bars, one row per item, that never collide at 320 px: each label on lines
/// of its own, the bar under it, the value just after the bar's end. A marker or a missing
/// figure gets words where its bar would be, and no bar: nothing is ever drawn as zero.
///
/// Lengths are percentages of the chart's width and everything else is in CSS pixels (the SVG
/// has no viewBox), so bars stretch with the column while text stays 14 px at any width.
struct HorizontalBars {
    /// One item: its label, its figure (nil when none was published) and the words for that case.
    struct Row {
        let label: String
        let figure: Figure?
        /// What stands in place of a figure that was not published ("not published").
        let missing: String
        /// The release period in a series: its bar darker, its label bold.
        let emphasised: Bool

        init(label: String, figure: Figure?, missing: String = "not published", emphasised: Bool = false) {
            self.label = label
            self.figure = figure
            self.missing = missing
            self.emphasised = emphasised
        }
    }

    static let fontSize = 14
    static let lineHeight = 18
    static let barHeight = 16
    /// Between a label's last line and its bar, and after the bar.
    static let labelGap = 4
    static let rowGap = 12
    /// The longest bar, in percent of the width; the rest is room for its value.
    static let longest = 70.0
    /// The shortest bar drawn for a value above zero, so that a small count is still seen.
    static let shortest = 0.5

    static let barColour = "#16549c"
    static let currentColour = "#0b3a70"
    static let inkColour = "#1d1d1f"
    static let mutedColour = "#50505a"

    let rows: [Row]

    /// The largest value drawn: the scale's end. Nil when no row has a number above zero.
    var largest: Double? {
        rows.compactMap { $0.figure?.value.number }.filter { $0 > 0 }.max()
    }

    /// Each row's bar length in percent of the chart's width; nil for a row with no bar (a marker,
    /// a figure not published, a zero).
    var lengths: [Double?] {
        guard let largest else { return rows.map { _ in nil } }
        return rows.map { row in
            guard let value = row.figure?.value.number, value > 0 else { return nil }
            return max(Self.shortest, value / largest * Self.longest)
        }
    }

    /// The rows' elements, from `top` down, and the y just below the last.
    func layout(from top: Int = 0) -> (elements: [SVGElement], bottom: Int) {
        var y = top
        var elements: [SVGElement] = []
        for (row, length) in zip(rows, lengths) {
            var group = SVGElement("g", ["class": row.emphasised ? "chart-row chart-current" : "chart-row"])
            for line in ChartText.lines(row.label) {
                let label = SVGElement("text", ["class": "chart-label", "x": "0", "y": String(y + Self.fontSize)], text: line)
                    .with("fill", Self.inkColour)
                group.append(row.emphasised ? label.with("font-weight", "bold") : label)
                y += Self.lineHeight
            }
            y += Self.labelGap
            let baseline = String(y + Self.barHeight - 3)
            if let length {
                group.append(SVGElement("rect", ["class": "chart-bar", "x": "0", "y": String(y), "width": ChartText.percent(length),
                                                 "height": String(Self.barHeight)])
                    .with("fill", row.emphasised ? Self.currentColour : Self.barColour))
                group.append(SVGElement("text", ["class": "chart-value", "x": ChartText.percent(length), "dx": "6", "y": baseline],
                                        text: row.figure.map(ChartText.value) ?? "").with("fill", Self.inkColour))
            } else if let figure = row.figure, figure.value.marker == nil {
                // A real zero: its value, at the start of the scale, and no bar.
                group.append(SVGElement("text", ["class": "chart-value", "x": "0", "y": baseline], text: ChartText.value(figure))
                    .with("fill", Self.inkColour))
            } else {
                group.append(SVGElement("text", ["class": "chart-note", "x": "0", "y": baseline],
                                        text: row.figure.map(ChartText.value) ?? row.missing).with("fill", Self.mutedColour))
            }
            y += Self.barHeight + Self.rowGap
            elements.append(group)
        }
        return (elements, y)
    }
}
