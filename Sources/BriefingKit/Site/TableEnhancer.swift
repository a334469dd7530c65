import Foundation

/// Makes cmark-gfm's tables accessible: a caption, `scope` on header cells, and the first cell
/// of each body row as its row header.
///
/// Markdown has no syntax for captions; a paragraph `Table: …` written just before a table
/// becomes its `<caption>`.
enum TableEnhancer {
    private static let captioned = try! NSRegularExpression(pattern: "<p>Table: (.*?)</p>\\s*<table>", options: [.dotMatchesLineSeparators])
    private static let rowStart = try! NSRegularExpression(pattern: "<tr>\\s*<td([^>]*)>(.*?)</td>", options: [.dotMatchesLineSeparators])

    static func enhance(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var html = captioned.stringByTemplate(html, "<table>\n<caption>$1</caption>")
        html = html.replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
            .replacingOccurrences(of: "<th align=", with: "<th scope=\"col\" align=")
        // HTML5 has no align attribute and the CSP allows no style attribute: alignment becomes a class.
        for side in ["left", "right", "center"] {
            html = html.replacingOccurrences(of: " align=\"\(side)\"", with: " class=\"align-\(side)\"")
        }
        // Body rows only: header rows hold <th>, so they never match.
        html = rowStart.stringByTemplate(html, "<tr>\n<th scope=\"row\"$1>$2</th>")
        // A wide table scrolls inside its own box on a phone, and stays a table for screen readers.
        return html.replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\">\n<table>")
            .replacingOccurrences(of: "</table>", with: "</table>\n</div>")
    }
}

private extension NSRegularExpression {
    func stringByTemplate(_ text: String, _ template: String) -> String {
        stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: template)
    }
}
