import Foundation
import Testing
@testable import BriefingKit

/// The structure a screen reader and a keyboard rely on, read from each built page with a plain
/// tag scan (the pages come from one layout and cmark-gfm, so a scan is enough). Each rule is a
/// pure function of the HTML, so the `rule…` tests below prove it catches a bad page.
struct AccessibilityTests {
    // MARK: - The built pages

    @Test func everyPageDeclaresItsLanguage() throws { try checkEveryPage(Self.languageProblems) }
    @Test func everyPageHasATitle() throws { try checkEveryPage(Self.titleProblems) }
    @Test func headingsStartAtOneH1AndNeverSkipALevel() throws { try checkEveryPage(Self.headingProblems) }
    @Test func tablesHaveCaptionsAndScopedHeaders() throws { try checkEveryPage(Self.tableProblems) }
    @Test func imagesHaveAlternativeText() throws { try checkEveryPage(Self.imageProblems) }
    @Test func linksHaveText() throws { try checkEveryPage(Self.linkProblems) }
    @Test func calculatedFiguresAreMarkedInTextNotColour() throws { try checkEveryPage(Self.calculatedMarkProblems) }

    /// Colour is never the only cue: links in the text are underlined, and the current section
    /// in the navigation has a rule under it as well as a different colour.
    @Test func stylesheetDoesNotRelyOnColourAlone() throws {
        let css = try String(contentsOf: BuiltSite.load().url(of: "2021/assets/style.css"), encoding: .utf8)
        let problems = Self.colourOnlyProblems(css)
        if !problems.isEmpty { Issue.record("assets/style.css:\n  \(problems.joined(separator: "\n  "))") }
    }

    private func checkEveryPage(_ rule: (String) -> [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let site = try BuiltSite.load()
        #expect(!site.pages.isEmpty, "the site has no pages", sourceLocation: sourceLocation)
        for page in site.pages {
            let problems = rule(try site.html(of: page))
            if !problems.isEmpty {
                Issue.record("\(page):\n  \(problems.joined(separator: "\n  "))", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: - The rules catch what they should

    @Test func ruleCatchesMissingLanguageAndTitle() {
        #expect(!Self.languageProblems("<html><head><title>x</title></head></html>").isEmpty)
        #expect(!Self.languageProblems("<html lang=\"\">").isEmpty)
        #expect(Self.languageProblems("<html lang=\"en-GB\">").isEmpty)
        #expect(!Self.titleProblems("<head><title> </title></head>").isEmpty)
        #expect(!Self.titleProblems("<head></head>").isEmpty)
        #expect(Self.titleProblems("<title>Briefing | NSPCC</title>").isEmpty)
    }

    @Test func ruleCatchesSkippedAndDoubledHeadings() {
        #expect(!Self.headingProblems("<h1>a</h1><h3>b</h3>").isEmpty)
        #expect(!Self.headingProblems("<h1>a</h1><h1>b</h1>").isEmpty)
        #expect(!Self.headingProblems("<h2>a</h2>").isEmpty)
        #expect(!Self.headingProblems("<h1>a</h1><h2> </h2>").isEmpty)
        #expect(Self.headingProblems("<h1>a</h1><h2>b</h2><h3>c</h3><h2 id=\"x\">d</h2>").isEmpty)
    }

    @Test func ruleCatchesTablesWithoutCaptionOrScope() {
        #expect(!Self.tableProblems("<table><tr><th scope=\"col\">a</th></tr></table>").isEmpty)
        #expect(!Self.tableProblems("<table><caption> </caption><tr><th scope=\"col\">a</th></tr></table>").isEmpty)
        #expect(!Self.tableProblems("<table><caption>c</caption><tr><th>a</th></tr></table>").isEmpty)
        #expect(!Self.tableProblems("<table><caption>c</caption><tr><th scope=\"cell\">a</th></tr></table>").isEmpty)
        #expect(Self.tableProblems("<table>\n<caption>c</caption><tr><th scope=\"col\" align=\"left\">a</th></tr><tr><th scope=\"row\">b</th></tr></table>").isEmpty)
    }

    @Test func ruleCatchesImagesAndLinksWithoutText() {
        #expect(!Self.imageProblems("<img src=\"a.png\">").isEmpty)
        #expect(Self.imageProblems("<img src=\"a.png\" alt=\"\">").isEmpty)
        #expect(!Self.linkProblems("<a href=\"x\"></a>").isEmpty)
        #expect(!Self.linkProblems("<a href=\"x\"><span> </span></a>").isEmpty)
        #expect(!Self.linkProblems("<a href=\"x\"><img src=\"a.png\" alt=\"\"></a>").isEmpty)
        #expect(Self.linkProblems("<a href=\"x\"><img src=\"a.png\" alt=\"Chart\"></a>").isEmpty)
        #expect(Self.linkProblems("<a class=\"figure\" href=\"x\"><data value=\"1\">1</data></a>").isEmpty)
        #expect(Self.linkProblems("<a href=\"x\" aria-label=\"Home\"></a>").isEmpty)
    }

    @Test func ruleCatchesAColourOnlyCalculatedMark() {
        let key = "<p>Numbers marked † were calculated.</p>"
        #expect(!Self.calculatedMarkProblems("<a><data>5</data><span class=\"calculated\"></span></a>" + key).isEmpty)
        #expect(!Self.calculatedMarkProblems("<a><data>5</data><span class=\"calculated\">†</span></a>").isEmpty)
        #expect(Self.calculatedMarkProblems("<a><data>5</data><span class=\"calculated\">†</span></a>" + key).isEmpty)
        #expect(!Self.colourOnlyProblems("a.figure { color: inherit; text-decoration: none; }").isEmpty)
        #expect(!Self.colourOnlyProblems("a.figure { text-decoration: underline; } nav a[aria-current=\"page\"] { color: red; }").isEmpty)
        let fine = "a.figure { text-decoration: underline dotted; } nav a[aria-current=\"page\"] { color: red; border-bottom: 3px solid; }"
        #expect(Self.colourOnlyProblems(fine).isEmpty)
        #expect(!Self.colourOnlyProblems(fine + " .calculated { display: none; }").isEmpty)
    }

    // MARK: - Rules: each returns what is wrong, empty when the page passes

    static func languageProblems(_ html: String) -> [String] {
        guard let tag = firstMatch("<html\\b[^>]*>", in: html) else { return ["no <html> start tag"] }
        let lang = attribute("lang", in: tag)?.trimmingCharacters(in: .whitespaces) ?? ""
        return lang.isEmpty ? ["<html> has no lang: \(tag)"] : []
    }

    static func titleProblems(_ html: String) -> [String] {
        // The document's title, in its head: an SVG chart's <title> names the chart.
        let head = html.components(separatedBy: "</head>").first ?? html
        let titles = captures("<title\\b[^>]*>(.*?)</title>", in: head)
        if titles.count != 1 { return ["expected one <title>, found \(titles.count)"] }
        return text(of: titles[0]).isEmpty ? ["the <title> is empty"] : []
    }

    /// One `<h1>`, first; each later heading at most one level deeper than the one before.
    static func headingProblems(_ html: String) -> [String] {
        let headings = matches("<h([1-6])\\b[^>]*>(.*?)</h\\1>", in: html).map { (level: Int($0[1])!, text: text(of: $0[2])) }
        var problems: [String] = []
        let h1s = headings.filter { $0.level == 1 }.count
        if h1s != 1 { problems.append("expected exactly one <h1>, found \(h1s)") }
        if let first = headings.first, first.level != 1 { problems.append("the first heading is <h\(first.level)> “\(first.text)”, not <h1>") }
        for (before, heading) in zip(headings, headings.dropFirst()) where heading.level > before.level + 1 {
            problems.append("<h\(before.level)> “\(before.text)” is followed by <h\(heading.level)> “\(heading.text)”: skips a level")
        }
        for heading in headings where heading.text.isEmpty { problems.append("an empty <h\(heading.level)>") }
        return problems
    }

    /// A non-empty `<caption>` as each table's first child, and `scope` of col/row/colgroup/rowgroup on every `<th>`.
    static func tableProblems(_ html: String) -> [String] {
        var problems: [String] = []
        for (index, table) in captures("<table\\b[^>]*>(.*?)</table>", in: html).enumerated() {
            let caption = captures("^\\s*<caption\\b[^>]*>(.*?)</caption>", in: table).first.map(text(of:)) ?? ""
            if caption.isEmpty { problems.append("table \(index + 1) has no caption (it must be its first child and not empty)") }
            for th in matches("<th\\b[^>]*>", in: table).map({ $0[0] }) {
                let scope = attribute("scope", in: th) ?? ""
                if !["col", "row", "colgroup", "rowgroup"].contains(scope) {
                    problems.append("table \(index + 1) (“\(caption)”) has a header cell without a valid scope: \(th)")
                }
            }
        }
        return problems
    }

    static func imageProblems(_ html: String) -> [String] {
        matches("<img\\b[^>]*>", in: html).map { $0[0] }.filter { attribute("alt", in: $0) == nil }.map { "image without alt: \($0)" }
    }

    /// Each link has a name: its text, an image's alt, or aria-label.
    static func linkProblems(_ html: String) -> [String] {
        matches("<a\\b([^>]*)>(.*?)</a>", in: html).compactMap { match in
            let altText = matches("<img\\b[^>]*>", in: match[2]).compactMap { attribute("alt", in: $0[0]) }.joined()
            let label = attribute("aria-label", in: "<a\(match[1])>") ?? ""
            let name = (text(of: match[2]) + altText + label).trimmingCharacters(in: .whitespacesAndNewlines)
            return name.isEmpty ? "link with no text: \(match[0])" : nil
        }
    }

    /// The mark for a calculated figure is the character †, which a reader sees and a screen
    /// reader reads, and a page that shows it says in words what it means.
    static func calculatedMarkProblems(_ html: String) -> [String] {
        let marks = captures("<span class=\"calculated\"[^>]*>(.*?)</span>", in: html).map(text(of:))
        var problems = marks.filter { $0 != "†" }.map { "a calculated-figure mark is “\($0)”, not the character †" }
        let explained = text(of: html.replacingOccurrences(of: "<span class=\"calculated\">†</span>", with: ""))
            .range(of: "marked †", options: .caseInsensitive) != nil
        if !marks.isEmpty, !explained {
            problems.append("the page marks \(marks.count) figure(s) with † but never says what † means (e.g. “Numbers marked † were calculated …”)")
        }
        return problems
    }

    /// Rules of the stylesheet that would leave colour as the only cue, or hide the † mark.
    static func colourOnlyProblems(_ css: String) -> [String] {
        let rules = matches("([^{}]+)\\{([^}]*)\\}", in: css.replacingOccurrences(of: "/\\*.*?\\*/", with: "", options: .regularExpression))
            .map { (selector: $0[1].trimmingCharacters(in: .whitespacesAndNewlines), body: $0[2]) }
        func declarations(where match: (String) -> Bool) -> String {
            rules.filter { rule in rule.selector.split(separator: ",").contains { match($0.trimmingCharacters(in: .whitespaces)) } }
                .map(\.body).joined(separator: ";")
        }
        var problems: [String] = []
        let figureLinks = declarations { $0 == "a.figure" }
        if figureLinks.range(of: "text-decoration[^;]*underline", options: .regularExpression) == nil {
            problems.append("a.figure (numbers in the text) is not underlined: colour would be the only sign it is a link")
        }
        let current = declarations { $0.contains("aria-current") && !$0.contains(":hover") && !$0.contains(":focus") }
        if current.range(of: "(border|text-decoration|outline)[^;]*(solid|underline)", options: .regularExpression) == nil {
            problems.append("the current section ([aria-current]) differs by colour only: give it a rule or underline")
        }
        let mark = declarations { $0.contains(".calculated") }
        if mark.range(of: "display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0|color\\s*:\\s*transparent", options: .regularExpression) != nil {
            problems.append(".calculated hides the † mark")
        }
        return problems
    }

    // MARK: - Scanning

    /// Every match of `pattern` (case-insensitive, `.` spans lines): the whole match, then its groups.
    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .dotMatchesLineSeparators])
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : string.substring(with: match.range(at: $0)) }
        }
    }

    private static func captures(_ pattern: String, in text: String) -> [String] { matches(pattern, in: text).map { $0[1] } }
    private static func firstMatch(_ pattern: String, in text: String) -> String? { matches(pattern, in: text).first?[0] }

    /// An attribute's value in a start tag, or nil when it is absent.
    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let match = matches("\\s\(name)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?(?=[\\s/>])", in: tag).first else { return nil }
        return match[1] + match[2] + match[3]
    }

    /// The visible text of an HTML fragment: tags dropped, entities for spaces folded, whitespace trimmed.
    private static func text(of fragment: String) -> String {
        fragment.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
