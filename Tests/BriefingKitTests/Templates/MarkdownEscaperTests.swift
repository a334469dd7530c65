import Testing
@testable import BriefingKit

/// Values inserted into Markdown come out as the characters they are.
@Suite struct MarkdownEscaperTests {
    /// Escape as a template would (Markdown, then the engine's HTML escaping), then render.
    func shown(_ text: String) -> String {
        let markdown = "Value: " + htmlEscaped(MarkdownEscaper.escape(text))
        return try! MarkdownRenderer().render(markdown).html
    }

    func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(arguments: [
        ("a | b", "<p>Value: a | b</p>\n"),
        ("*not emphasis*", "<p>Value: *not emphasis*</p>\n"),
        ("snake_case_name", "<p>Value: snake_case_name</p>\n"),
        ("<script>alert(1)</script>", "<p>Value: &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ("[link](https://example.org)", "<p>Value: [link](https://example.org)</p>\n"),
        ("Fish & chips &copy;", "<p>Value: Fish &amp; chips &amp;copy;</p>\n"),
        ("# not a heading", "<p>Value: # not a heading</p>\n"),
        ("line one\n- not a list", "<p>Value: line one - not a list</p>\n"),
        ("`code`", "<p>Value: `code`</p>\n"),
        ("javascript:alert(1)", "<p>Value: javascript:alert(1)</p>\n"),
    ])
    func specialCharactersShowAsThemselves(input: String, expected: String) {
        #expect(shown(input) == expected)
    }

    @Test func pipeInATableCellStaysInItsCell() throws {
        let cell = htmlEscaped(MarkdownEscaper.escape("A | B"))
        let html = try MarkdownRenderer().render("| name | n |\n|---|---|\n| \(cell) | 1 |\n").html
        #expect(html.contains("<th scope=\"row\">A | B</th>"))
        #expect(html.contains("<td>1</td>"))
    }
}
