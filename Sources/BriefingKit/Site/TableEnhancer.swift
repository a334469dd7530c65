/// Makes cmark-gfm's tables accessible: a caption, `scope` on header cells, the first cell of
/// each body row as its row header, alignment as classes, and a wrapper that scrolls on a phone.
///
/// Markdown has no syntax for captions; a paragraph `Table: …` written just before a table
/// becomes its `<caption>`. cmark-gfm writes every table tag and cell on a line of its own,
/// so one pass over the lines does it (regular expressions over whole pages were the
/// slowest step of a large build).
enum TableEnhancer {
    static func enhance(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var output: [Substring] = []
        var pendingCaption: Substring?
        var inBody = false, rowStart = false
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<p>Table: "), line.hasSuffix("</p>") {
                // Held back: it becomes a caption if a table follows.
                if let held = pendingCaption { output.append(held) }
                pendingCaption = line
                continue
            }
            if line == "<table>" {
                output.append("<div class=\"table-wrap\">")
                output.append("<table>")
                if let caption = pendingCaption {
                    output.append("<caption>" + caption.dropFirst("<p>Table: ".count).dropLast("</p>".count) + "</caption>")
                }
                pendingCaption = nil
                continue
            }
            if let held = pendingCaption {
                output.append(held)
                pendingCaption = nil
            }
            switch line {
            case "</table>":
                output.append("</table>")
                output.append("</div>")
            case "<tbody>":
                inBody = true
                output.append(line)
            case "</tbody>":
                inBody = false
                output.append(line)
            case "<tr>":
                rowStart = inBody
                output.append(line)
            default:
                output.append(Substring(cell(line, rowHeader: rowStart)))
                if line.hasPrefix("<td>") || line.hasPrefix("<td ") { rowStart = false }
            }
        }
        if let held = pendingCaption { output.append(held) }
        return output.joined(separator: "\n")
    }

    /// One cell line with alignment as a class; the first body cell of a row becomes its header.
    private static func cell(_ line: Substring, rowHeader: Bool) -> String {
        var text = String(line)
        for side in ["left", "right", "center"] where text.contains(" align=\"\(side)\"") {
            text = text.replacing(" align=\"\(side)\"", with: " class=\"align-\(side)\"")
        }
        if text.hasPrefix("<th>") || text.hasPrefix("<th ") {
            return "<th scope=\"col\"" + text.dropFirst(3)
        }
        if rowHeader, text.hasPrefix("<td>") || text.hasPrefix("<td "), text.hasSuffix("</td>") {
            return "<th scope=\"row\"" + text.dropFirst(3).dropLast(5) + "</th>"
        }
        return text
    }
}
