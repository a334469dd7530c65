import Testing
@testable import BriefingKit

/// The real cmark-gfm, with its extensions attached and its safe mode on, and the pipeline's own
/// markup (figures, tables, the title) put in on its syntax tree.
@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func html(_ markdown: String) -> String {
        (try? renderer.render(markdown).html) ?? "render failed"
    }

    static let published = Figure(id: "east-count", label: "Instances", value: .count(1075),
                                  derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 2, column: 1)), sources: [])
    static let computed = Figure(id: "east-share", label: "Share", value: .percent(12.5, decimals: 1),
                                 derivation: .computed(.share, inputs: ["a", "b"]), sources: [])
    static let suppressed = Figure(id: "east-x", label: "Suppressed", value: .marker(.suppressed),
                                   derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 3, column: 1)), sources: [])
    static let figures = Dictionary(uniqueKeysWithValues: [published, computed, suppressed].map { ($0.id, $0) })

    func linked(_ markdown: String, root: String = "../../") throws -> String {
        try renderer.render(markdown, figures: Self.figures, root: root, page: "regions/east/index.html").html
    }

    @Test func rendersStrikethrough() {
        #expect(html("~~gone~~") == "<p><del>gone</del></p>\n")
    }

    /// Addresses in text stay text: the autolink extension is not attached, so a quote or note
    /// holding an address cannot become a link. Templates write their links as `[text](url)`.
    @Test func addressesInTextDoNotBecomeLinks() {
        for text in ["write to evil@evil.example now", "see www.evil.example now", "see https://evil.example now"] {
            #expect(html(text) == "<p>\(text)</p>\n")
        }
        #expect(html("[a](https://example.org)") == "<p><a href=\"https://example.org\">a</a></p>\n")
    }

    /// The whole text reaches cmark-gfm, not only what comes before a NUL.
    @Test func aNULDoesNotEndTheText() {
        #expect(html("before\u{0}after\n\nsecond paragraph") == "<p>before\u{FFFD}after</p>\n<p>second paragraph</p>\n")
    }

    @Test func rawHTMLNeverReachesThePage() {
        let html = html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dangerousLinksAreEmptied() {
        let html = html("[click](javascript:alert(1)) [img](data:text/html;base64,xx)")
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("<a href=\"\">click</a>"))
    }

    @Test func rendersManyTimesWithOneRegistration() {
        for _ in 0..<200 { _ = html("| x |\n|---|\n| y |\n") }
        #expect(html("*a*") == "<p><em>a</em></p>\n")
    }

    /// cmark-gfm keeps the extensions' special characters in a global table that each parse sets
    /// and clears; pages rendered at once must still all see their strikethrough.
    @Test func pagesRenderedInParallelAgree() async {
        let markdown = String(repeating: "Some ~~struck~~ text and | a | pipe.\n\n", count: 200)
        let expected = html(markdown)
        #expect(expected.contains("<del>struck</del>"))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<256 { group.addTask { (try? MarkdownRenderer().render(markdown).html) == expected } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }

    // MARK: Figures

    @Test func aFigureLinksToItsEntryOnTheMethodsPage() throws {
        #expect(try linked("In *all*, [1,075](#figure-ref-east-count) instances.")
            == "<p>In <em>all</em>, <a class=\"figure\" href=\"../../methodology/index.html#east-count\"><data value=\"1075\">1,075</data></a> instances.</p>\n")
    }

    @Test func anEntryIsASpanWithTheFiguresId() throws {
        #expect(try linked("[1,075](#figure-entry-east-count)", root: "../")
            == "<p><span class=\"figure-entry\" id=\"east-count\"><data value=\"1075\">1,075</data></span></p>\n")
    }

    @Test func aCalculatedFigureCarriesADaggerAndATitle() throws {
        #expect(try linked("[12.5%](#figure-ref-east-share)")
            == "<p><a class=\"figure\" href=\"../../methodology/index.html#east-share\" title=\"calculated for this briefing from published figures; the methods page gives the formula\">"
            + "<data value=\"12.5\">12.5%</data><span class=\"calculated\">†</span></a></p>\n")
    }

    @Test func aMarkedFigureSaysWhatItsMarkerMeans() throws {
        #expect(try linked("[\\[c\\]](#figure-ref-east-x)")
            == "<p><a class=\"figure\" href=\"../../methodology/index.html#east-x\" title=\"suppressed to protect identities\"><data value=\"[c]\">[c]</data></a></p>\n")
    }

    /// The shown text is the template's Markdown, rendered (and escaped) by cmark-gfm like any other.
    @Test func aFiguresShownTextIsStillEscapedAndFiltered() throws {
        let html = try linked("[**a** &lt;b&gt; <script>x</script> & \"q\"](#figure-ref-east-count)")
        #expect(html == "<p><a class=\"figure\" href=\"../../methodology/index.html#east-count\"><data value=\"1075\">"
            + "<strong>a</strong> &lt;b&gt; <!-- raw HTML omitted -->x<!-- raw HTML omitted --> &amp; &quot;q&quot;</data></a></p>\n")
    }

    @Test func ordinaryLinksAndImagesAreLeftAlone() throws {
        let html = try linked("[methods](#methods) [x](figure-ref-east-count) ![a](#figure-ref-east-count)")
        #expect(html == "<p><a href=\"#methods\">methods</a> <a href=\"figure-ref-east-count\">x</a> <img src=\"#figure-ref-east-count\" alt=\"a\" /></p>\n")
    }

    @Test func figuresInsideTablesAndHeadingsAreLinked() throws {
        let page = try renderer.render("# East: [1,075](#figure-ref-east-count)\n\n| a | n |\n|---|---|\n| x | [12.5%](#figure-ref-east-share) |\n",
                                       figures: Self.figures, root: "", page: "index.html")
        #expect(page.title == "East: 1,075")
        #expect(page.html.contains("<h1>East: <a class=\"figure\" href=\"methodology/index.html#east-count\"><data value=\"1075\">1,075</data></a></h1>"))
        #expect(page.html.contains("<td><a class=\"figure\" href=\"methodology/index.html#east-share\""))
    }

    @Test func aLinkToAnUnknownFigureNamesThePageAndTheId() {
        #expect {
            try linked("[1](#figure-ref-nothing) and [2](#figure-entry-also%20nothing) and [3](#figure-ref-east-count)")
        } throws: { error in
            let messages = (error as? BriefingError)?.diagnostics.map(\.message) ?? []
            return messages == ["regions/east/index.html links to figure 'nothing', which no statistic gives",
                                "regions/east/index.html links to figure 'also nothing', which no statistic gives"]
        }
    }

    @Test func referencesAreReadFromTheDestination() {
        #expect(FigureMarkup.Reference(destination: "#figure-ref-a%20b") == FigureMarkup.Reference(id: "a b", isEntry: false))
        #expect(FigureMarkup.Reference(destination: "#figure-entry-x") == FigureMarkup.Reference(id: "x", isEntry: true))
        #expect(FigureMarkup.Reference(destination: "#figure-ref-entry-x") == FigureMarkup.Reference(id: "entry-x", isEntry: false))
        #expect(FigureMarkup.Reference(destination: "#methods") == nil)
        #expect(FigureMarkup.Reference(destination: "figure-ref-x") == nil)
    }

    @Test func markupEscapesWhatItTakesFromTheFigure() {
        let figure = Figure(id: "a\"<b>&", label: "x", value: .count(1),
                            derivation: .published(location: SourceLocation(path: "p", line: 1, column: 1)), sources: [])
        let entry = FigureMarkup(.init(id: figure.id, isEntry: true), figure: figure, root: "")
        #expect(entry.opening == "<span class=\"figure-entry\" id=\"a&quot;&lt;b&gt;&amp;\"><data value=\"1\">")
        #expect(entry.closing == "</data></span>")
        let link = FigureMarkup(.init(id: figure.id, isEntry: false), figure: figure, root: "../")
        #expect(link.opening == "<a class=\"figure\" href=\"../methodology/index.html#a%22%3Cb%3E%26\"><data value=\"1\">")
    }

    // MARK: Title

    @Test func theTitleIsTheTextOfTheFirstLevelOneHeading() throws {
        #expect(try renderer.render("## Not this\n\n# *Fish* & `chips` <b>x</b>\n\n# Nor this").title == "Fish & chips x")
        #expect(try renderer.render("Para\n\n## Only level two").title == nil)
        #expect(try renderer.render("Two\nlines\n===").title == "Two\nlines")
        #expect(try renderer.render("# ![alt](a.png) &lt;Quoted&gt; &amp;").title == " <Quoted> &")
    }

    // MARK: Tables

    @Test func aTableIsMadeAccessible() {
        #expect(html("Table: Instances by *force*\n\n| Force | n | m |\n|:--|--:|:-:|\n| A & B | 1 | 2 |\n| C |  | 3 |\n") == """
            <div class="table-wrap">
            <table>
            <caption>Instances by <em>force</em></caption>
            <thead>
            <tr>
            <th scope="col" class="align-left">Force</th>
            <th scope="col" class="align-right">n</th>
            <th scope="col" class="align-center">m</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <th scope="row" class="align-left">A &amp; B</th>
            <td class="align-right">1</td>
            <td class="align-center">2</td>
            </tr>
            <tr>
            <th scope="row" class="align-left">C</th>
            <td class="align-right"></td>
            <td class="align-center">3</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test func aTableWithoutCaptionOrBody() {
        #expect(html("Before\n\n| a |\n|---|\n\nAfter") == "<p>Before</p>\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n</table>\n</div>\n<p>After</p>\n")
    }

    /// Only a one-line paragraph just before a table is its caption; it is not one anywhere else.
    @Test func aTableParagraphElsewhereStaysAParagraph() {
        #expect(html("Table: alone\n\nText") == "<p>Table: alone</p>\n<p>Text</p>\n")
        #expect(html("Table: two\nlines\n\n| a |\n|---|\n").hasPrefix("<p>Table: two\nlines</p>\n<div class=\"table-wrap\">\n<table>\n<thead>"))
        #expect(html("Table: first\n\nTable: second\n\n| a |\n|---|\n").hasPrefix("<p>Table: first</p>\n<div class=\"table-wrap\">\n<table>\n<caption>second</caption>\n"))
        #expect(html("Table:no space\n\n| a |\n|---|\n").hasPrefix("<p>Table:no space</p>\n"))
    }

    /// The words may come in more than one text node (cmark-gfm splits text at an entity or escape).
    @Test func theCaptionWordsMaySpanTextNodes() {
        #expect(html("Tab&#108;e\\: Counts\n\n| a |\n|---|\n").hasPrefix("<div class=\"table-wrap\">\n<table>\n<caption>Counts</caption>\n"))
    }

    @Test func cellsAreEscapedAndRawHTMLOmitted() {
        let html = html("| <b>x</b> | \"y\" |\n|---|---|\n| <script>z</script> | a &lt; b |\n")
        #expect(html.contains("<th scope=\"col\"><!-- raw HTML omitted -->x<!-- raw HTML omitted --></th>"))
        #expect(html.contains("<th scope=\"col\">&quot;y&quot;</th>"))
        #expect(html.contains("<th scope=\"row\"><!-- raw HTML omitted -->z<!-- raw HTML omitted --></th>"))
        #expect(html.contains("<td>a &lt; b</td>"))
    }

    @Test func tableMarkupForEachPlace() {
        #expect(TableMarkup.cell(.columnHeader, alignment: 0) == ("<th scope=\"col\">", "</th>\n"))
        #expect(TableMarkup.cell(.rowHeader, alignment: UInt8(ascii: "r")) == ("<th scope=\"row\" class=\"align-right\">", "</th>\n"))
        #expect(TableMarkup.cell(.data, alignment: UInt8(ascii: "c")) == ("<td class=\"align-center\">", "</td>\n"))
    }
}
