import Foundation
import Testing
@testable import BriefingKit

/// The charts drawn from the two example releases (fixture copies), read back from their typed SVG
/// trees: structure, the words a screen reader hears, markers drawn as markers, bar lengths.
/// Every expected text and length here was worked out by hand from the fixtures' figures.csv.
@Suite struct ChartTests {
    static let statistics2021 = Result { try statistics(Repository.data) }
    static let statistics2023 = Result { try statistics(Repository.fixtures + "/example-2023/Data") }

    /// A release's statistics as the build makes them: after disclosure control.
    static func statistics(_ folder: String) throws -> Statistics {
        var log = DiagnosticLog()
        let data = try DataLoader(fileSystem: Repository.fileSystem).load(from: folder, log: &log)
        return StatisticsEngine().run(DisclosureControl(threshold: data.release.disclosureThreshold).apply(to: data).dataset)
    }

    static func chart(_ value: Chart?) throws -> Chart {
        guard let chart = value else { throw ChartMissing() }
        return chart
    }

    struct ChartMissing: Error {}

    /// The elements of a kind, in drawing order.
    static func elements(_ name: String, in chart: Chart) -> [SVGElement] {
        chart.svg.descendants.filter { $0.name == name }
    }

    /// The rows of a bar chart: each `<g class="chart-row">` as (label, bar width or nil, value text).
    static func rows(_ chart: Chart) -> [(label: String, width: String?, value: String)] {
        chart.svg.descendants.filter { $0.name == "g" && $0.attribute("class")?.hasPrefix("chart-row") == true }.map { row in
            let texts = row.descendants.filter { $0.name == "text" }
            let labels = texts.filter { $0.attribute("class") == "chart-label" }.map(\.text).joined(separator: " ")
            let value = texts.first { $0.attribute("class") == "chart-value" || $0.attribute("class") == "chart-note" }?.text ?? ""
            return (labels, row.descendants.first { $0.name == "rect" }?.attribute("width"), value)
        }
    }

    // MARK: - Structure and words

    /// A chart's text and attributes are escaped on their bytes: a character loop took `<` or `"`
    /// followed by a combining mark for another character and left it as it was.
    @Test func chartTextIsEscapedEvenBeforeACombiningMark() {
        let text = "A <b>&\"quoted\"</b> <\u{301}x \"\u{301}"
        #expect(SVGElement.escapeText(text) == "A &lt;b&gt;&amp;\"quoted\"&lt;/b&gt; &lt;\u{301}x \"\u{301}")
        #expect(SVGElement.escapeAttribute(text) == "A &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt; &lt;\u{301}x &quot;\u{301}")
        #expect(EmbedCode.javaScriptString("a\\b \"c\" </script>\u{301}") == "a\\\\b \\\"c\\\" \\u003C/script>\u{301}")
        #expect(EmbedCode.javaScriptString("line\nbreak\r") == "line\\nbreak\\r", "a line break would end the script's string")
        #expect(SVGElement.escapeText("plain") == "plain")
    }

    @Test func eastOfEnglandSeriesIsAnAccessibleImage() throws {
        let statistics = try Self.statistics2021.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).series(statistics.series["East of England"]))
        let svg = chart.svg
        #expect(svg.name == "svg")
        #expect(svg.attribute("role") == "img")
        #expect(svg.attribute("width") == "100%")
        #expect(svg.attribute("viewBox") == nil, "text must keep its size at every width")
        #expect(svg.attribute("aria-labelledby") == "chart-series--east-of-england-title")
        #expect(svg.attribute("aria-describedby") == "chart-series--east-of-england-desc")
        // The title and desc come first, so that they name and describe the image.
        guard case .element(let title) = svg.children[0], case .element(let desc) = svg.children[1] else {
            Issue.record("the first two children are not elements")
            return
        }
        #expect(title.name == "title" && title.attribute("id") == "chart-series--east-of-england-title")
        #expect(title.text == "Bar chart: online child sex crimes recorded in the East of England, by period")
        #expect(desc.name == "desc" && desc.attribute("id") == "chart-series--east-of-england-desc")
        #expect(desc.text == "April 2018 to March 2019: 877; October 2019 to September 2020 (the release period): 1,075.")
        // 877 and 1,075: the larger is the longest bar (70%), 877 / 1,075 × 70 = 57.107…%.
        let rows = Self.rows(chart)
        #expect(rows.map(\.label) == ["April 2018 to March 2019", "October 2019 to September 2020"])
        #expect(rows.map(\.width) == ["57.11%", "70%"])
        #expect(rows.map(\.value) == ["877", "1,075"])
        // The release period is marked in the drawing (class and weight), not by colour alone.
        let current = svg.descendants.filter { $0.attribute("class") == "chart-row chart-current" }
        #expect(current.count == 1)
        #expect(current.first?.descendants.first { $0.name == "text" }?.attribute("font-weight") == "bold")
    }

    /// The East of England's breakdown for 2018/19 (the release period has none): 162, 288 and 32 of 877.
    @Test func eastOfEnglandBreakdownBarsAreProportional() throws {
        let statistics = try Self.statistics2021.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).breakdown(statistics.previous["East of England"]))
        #expect(chart.id == "chart-breakdown--east-of-england--2018-04-2019-03")
        #expect(chart.title == "Bar chart: online child sex crimes recorded in the East of England, April 2018 to March 2019, by platform")
        #expect(chart.summary == "In all, 877 online child sex crimes were recorded where the means of communication was known. "
            + "By platform, Facebook and Messenger: 162; Instagram: 288; WhatsApp: 32. Instagram had the most of the platforms named. "
            + "The counts by platform add up to less than the total: the platform of the rest is not given.")
        // Largest 288 → 70%; 162 / 288 × 70 = 39.375 → 39.38%; 32 / 288 × 70 = 7.777… → 7.78%.
        let rows = Self.rows(chart)
        #expect(rows.map(\.label) == ["Facebook and Messenger", "Instagram", "WhatsApp"])
        #expect(rows.map(\.width) == ["39.38%", "70%", "7.78%"])
        #expect(rows.map(\.value) == ["162", "288", "32"])
        // The value sits just after its bar's end.
        let values = Self.elements("text", in: chart).filter { $0.attribute("class") == "chart-value" }
        #expect(values.map { $0.attribute("x") } == ["39.38%", "70%", "7.78%"])
        #expect(values.allSatisfy { $0.attribute("dx") == "6" })
    }

    /// Bedfordshire 2018/19: 23 + 50 + 10 = 83 of 193, so 110 are on platforms not broken down, more
    /// than Instagram's 50: Instagram leads only the platforms named, and the text says the rest are not broken down.
    @Test func theLargestIsOnlyOfThePlatformsNamed() throws {
        let statistics = try Self.statistics2021.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).breakdown(statistics.previous["Bedfordshire"]))
        #expect(chart.summary == "In all, 193 online child sex crimes were recorded where the means of communication was known. "
            + "By platform, Facebook and Messenger: 23; Instagram: 50; WhatsApp: 10. Instagram had the most of the platforms named. "
            + "The counts by platform add up to less than the total: the platform of the rest is not given.")
        #expect(!chart.summary.contains("had the most."))
    }

    /// Hertfordshire 2018/19 has a count hidden as [c]: the sum of the rows is not known, so nothing is said of the rest.
    @Test func aHiddenCountLeavesTheRestUnsaid() throws {
        let statistics = try Self.statistics2021.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).breakdown(statistics.previous["Hertfordshire"]))
        #expect(!chart.summary.contains("add up to"))
        #expect(!chart.summary.contains("had the most."))
    }

    /// The release period has no breakdown for the East of England: no chart, rather than an empty one.
    @Test func noChartWithoutANumberToDraw() throws {
        let statistics = try Self.statistics2021.get()
        let value = ChartSet(dataset: statistics.dataset).breakdown(statistics.current["East of England"])
        #expect(value == nil, "expected no chart, got \(value?.id ?? "")")
    }

    // MARK: - Markers

    /// Hampshire 2023: 152 in 2017/18, nothing for three years, [x] for 2021/22, 279 in 2022/23.
    @Test func hampshireSeriesDrawsItsMarkerAsAMarker() throws {
        let statistics = try Self.statistics2023.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).series(statistics.series["Hampshire"]))
        #expect(chart.title == "Bar chart: offences of sexual communication with a child recorded in Hampshire, by period")
        #expect(chart.summary == "2017/18: 152; 2018/19: not published; 2019/20: not published; 2020/21: not published; "
            + "2021/22: not provided; 2022/23 (the release period): 279.")
        let rows = Self.rows(chart)
        #expect(rows.map(\.label) == ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23"])
        // Two bars only: 152 / 279 × 70 = 38.136…%, and 279 the longest. No bar for [x] or a gap, not even an empty one.
        #expect(rows.map(\.width) == ["38.14%", nil, nil, nil, nil, "70%"])
        #expect(rows.map(\.value) == ["152", "not published", "not published", "not published", "[x] not provided", "279"])
        #expect(Self.elements("rect", in: chart).count == 2)
        #expect(Self.elements("rect", in: chart).allSatisfy { $0.attribute("width") != "0%" })
    }

    /// Hertfordshire 2018/19: 8, 28 and a WhatsApp count of 1 to 4 hidden as [c] by disclosure control.
    @Test func suppressedCountHasNoBar() throws {
        let statistics = try Self.statistics2021.get()
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).breakdown(statistics.previous["Hertfordshire"]))
        let rows = Self.rows(chart)
        #expect(rows.map(\.label) == ["Facebook and Messenger", "Instagram", "WhatsApp"])
        #expect(rows.map(\.width) == ["20%", "70%", nil]) // 8 / 28 × 70 = 20
        #expect(rows[2].value == "[c] suppressed to protect identities")
        #expect(Self.elements("rect", in: chart).count == 2)
        // Spoken without the bracket code, and never ranked: a hidden count could be the largest.
        #expect(chart.summary == "In all, 94 online child sex crimes were recorded where the means of communication was known. "
            + "By platform, Facebook and Messenger: 8; Instagram: 28; WhatsApp: suppressed to protect identities.")
        #expect(!chart.markup.contains(">0<"))
    }

    /// A real zero is a value at the scale's start; a marker is never drawn as one.
    @Test func zeroIsAValueAndAMarkerIsNot() {
        func figure(_ id: String, _ value: FigureValue) -> Figure {
            Figure(id: id, label: id, value: value, derivation: .published(location: SourceLocation(path: "f", line: 1, column: 1)), sources: [])
        }
        let bars = HorizontalBars(rows: [
            .init(label: "none", figure: figure("a", .count(0))),
            .init(label: "many", figure: figure("b", .count(400))),
            .init(label: "tiny", figure: figure("c", .count(1))),
            .init(label: "hidden", figure: figure("d", .marker(.suppressed))),
            .init(label: "n/a", figure: figure("e", .marker(.notApplicable))),
            .init(label: "missing", figure: nil),
        ])
        // 400 → 70%; 1 → 0.175%, drawn at the shortest visible length, 0.5%.
        #expect(bars.lengths == [nil, 70, 0.5, nil, nil, nil])
        let texts = bars.layout().elements.flatMap(\.descendants).filter { $0.name == "text" && $0.attribute("class") != "chart-label" }.map(\.text)
        #expect(texts == ["0", "400", "1", "[c] suppressed to protect identities", "[z] not applicable", "not published"])
    }

    // MARK: - The national comparison

    /// 48% of 1,075 and 40% of 1,532 against 52%. A published whole percentage stands for 47.5–48.5%,
    /// so the interval is Wilson's low end at 47.5% (44.529%) to its high end at 48.5% (51.488%);
    /// West Midlands 37.081% to 42.979%. The scale runs 30–60% across 2–98% of the width.
    @Test func comparisonPlacesSharesIntervalsAndTheNationalLine() throws {
        let statistics = try Self.statistics2021.get()
        let comparisons = ["East of England", "West Midlands"].compactMap { statistics.comparisons[$0] }
        let chart = try Self.chart(ChartSet(dataset: statistics.dataset).comparison(comparisons))
        #expect(chart.summary == "National share, England, Wales and the Channel Islands: 52%. "
            + "East of England: 48%, lower than nationally, beyond the margin of error. "
            + "West Midlands: 40%, lower than nationally, beyond the margin of error.")
        let dots = Self.elements("circle", in: chart).filter { $0.attribute("cx")?.hasSuffix("%") == true }
        // 2 + 96 × (48 − 30) / 30 = 59.6; 2 + 96 × 10 / 30 = 34.
        #expect(dots.map { $0.attribute("cx") } == ["59.6%", "34%"])
        let intervals = Self.elements("line", in: chart).filter { $0.attribute("class") == "chart-interval" && $0.attribute("y1") == $0.attribute("y2") && $0.attribute("x1") != "1" }
        // 2 + 96 × (44.529 − 30) / 30 = 48.49; (51.488) → 70.76; (37.081) → 24.66; (42.979) → 43.53.
        #expect(intervals.map { [$0.attribute("x1"), $0.attribute("x2")] } == [["48.49%", "70.76%"], ["24.66%", "43.53%"]])
        // The national share, 52% → 2 + 96 × 22 / 30 = 72.4%, in each row: outside both intervals.
        let national = Self.elements("line", in: chart).filter { $0.attribute("class") == "chart-national" && $0.attribute("x1")?.hasSuffix("%") == true }
        #expect(national.count == 2 && national.allSatisfy { $0.attribute("x1") == "72.4%" })
        #expect(Self.elements("text", in: chart).map(\.text).contains("East of England 48%"))
    }

    // MARK: - Escaping and determinism

    /// The injection fixture's region is named `North <script>alert('area')</script>`.
    @Test func hostileNamesStayText() throws {
        let statistics = try Self.statistics(Repository.fixtures + "/injection/Data")
        let dataset = statistics.dataset
        let charts = ChartSet(dataset: dataset)
        let north = try #require(dataset.areas.first { $0.name.hasPrefix("North") }?.name)
        let comparison = try Self.chart(charts.comparison([try #require(statistics.comparisons[north])]))
        let south = try #require(dataset.areas.first { $0.name.hasPrefix("South") }?.name)
        let breakdown = try Self.chart(charts.breakdown(statistics.current[south]))
        for chart in [comparison, breakdown] {
            #expect(!chart.markup.contains("<script"), "\(chart.id) lets markup through")
            #expect(!chart.markup.contains("'area')</"))
        }
        #expect(comparison.markup.contains(">&lt;script&gt;alert('area')&lt;/script&gt;</text>"))
        #expect(breakdown.markup.contains("<title id=\"\(breakdown.id)-title\">Bar chart: instances recorded in South | Pipe &amp; *Stars* [link](javascript:alert(1)),"))
        #expect(!breakdown.markup.contains("href"))
        // Attribute values are escaped too.
        #expect(SVGElement("text", ["class": "a\"b<c>&"], text: "x").markup == "<text class=\"a&quot;b&lt;c&gt;&amp;\">x</text>")
    }

    @Test func sameFiguresGiveTheSameBytes() throws {
        let statistics = try Self.statistics2021.get()
        let first = ChartSet(dataset: statistics.dataset), second = ChartSet(dataset: statistics.dataset)
        for area in statistics.dataset.areas {
            let a = [first.breakdown(statistics.current[area.name]), first.breakdown(statistics.previous[area.name]), first.series(statistics.series[area.name])]
            let b = [second.breakdown(statistics.current[area.name]), second.breakdown(statistics.previous[area.name]), second.series(statistics.series[area.name])]
            for (x, y) in zip(a, b) {
                #expect(x?.markup == y?.markup)
            }
        }
    }

    @Test func labelsBreakIntoLinesThatFitAPhone() {
        #expect(ChartText.lines("Yorkshire and the Humber") == ["Yorkshire and the Humber"])
        #expect(ChartText.lines("National share, England, Wales and the Channel Islands: 52%", length: 28)
            == ["National share, England,", "Wales and the Channel", "Islands: 52%"])
        #expect(ChartText.lines(String(repeating: "x", count: 70)).map(\.count) == [32, 32, 6])
        #expect(ChartText.number(57.1069) == "57.11" && ChartText.number(70) == "70" && ChartText.number(0.5) == "0.5")
    }
}
