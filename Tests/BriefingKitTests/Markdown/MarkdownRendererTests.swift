import Testing
@testable import BriefingKit

/// The real cmark-gfm, with its extensions attached and its safe mode on.
@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersTablesThroughTheExtension() {
        let html = renderer.html(from: "| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
    }

    @Test func rendersStrikethrough() {
        #expect(renderer.html(from: "~~gone~~") == "<p><del>gone</del></p>\n")
    }

    /// Addresses in text stay text: the autolink extension is not attached, so a quote or note
    /// holding an address cannot become a link. Templates write their links as `[text](url)`.
    @Test func addressesInTextDoNotBecomeLinks() {
        for text in ["write to evil@evil.example now", "see www.evil.example now", "see https://evil.example now"] {
            let html = renderer.html(from: text)
            #expect(html == "<p>\(text)</p>\n")
        }
        #expect(renderer.html(from: "[a](https://example.org)") == "<p><a href=\"https://example.org\">a</a></p>\n")
    }

    /// The whole text reaches cmark-gfm, not only what comes before a NUL.
    @Test func aNULDoesNotEndTheText() {
        let html = renderer.html(from: "before\u{0}after\n\nsecond paragraph")
        #expect(html == "<p>before\u{FFFD}after</p>\n<p>second paragraph</p>\n")
    }

    @Test func rawHTMLNeverReachesThePage() {
        let html = renderer.html(from: "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dangerousLinksAreEmptied() {
        let html = renderer.html(from: "[click](javascript:alert(1)) [img](data:text/html;base64,xx)")
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("<a href=\"\">click</a>"))
    }

    @Test func rendersManyTimesWithOneRegistration() {
        for _ in 0..<200 { _ = renderer.html(from: "| x |\n|---|\n| y |\n") }
        #expect(MarkdownRenderer().html(from: "*a*") == "<p><em>a</em></p>\n")
    }
}
