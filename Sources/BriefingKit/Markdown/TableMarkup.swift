/// The markup of an accessible table, which `MarkdownRenderer` puts around cmark-gfm's cells.
///
/// A table gets a caption, `scope` on its header cells, the first cell of each body row as that
/// row's header, alignment as a class (`align-right`, not the obsolete `align` attribute), and a
/// wrapper that scrolls on a phone. Markdown has no syntax for captions: a paragraph `Table: …`
/// written just before a table becomes its `<caption>`. Only the tags are decided here; every
/// cell's content is cmark-gfm's, escaped by its renderer.
enum TableMarkup {
    /// Before the table (and its caption, when it has one).
    static let opening = "<div class=\"table-wrap\">\n<table>"
    static let closing = "</table>\n</div>"
    static let captionOpening = "<caption>"
    static let captionClosing = "</caption>"
    /// The words that make a paragraph the caption of the table after it.
    static let captionPrefix = "Table: "
    static let head = (opening: "<thead>\n<tr>", closing: "</tr>\n</thead>")
    static let body = (opening: "<tbody>", closing: "</tbody>")
    static let row = (opening: "<tr>", closing: "</tr>")

    /// Where a cell sits in its table.
    enum Place: Equatable {
        /// In the header row: a column header.
        case columnHeader
        /// First in a body row: the row's header.
        case rowHeader
        /// Any other body cell.
        case data
    }

    /// The tags around one cell; `alignment` is cmark-gfm's: `l`, `r`, `c`, or 0 for none.
    ///
    /// The closing tag ends the cell's line, as cmark-gfm writes each cell on a line of its own.
    static func cell(_ place: Place, alignment: UInt8) -> (opening: String, closing: String) {
        let align = switch alignment {
        case UInt8(ascii: "l"): " class=\"align-left\""
        case UInt8(ascii: "r"): " class=\"align-right\""
        case UInt8(ascii: "c"): " class=\"align-center\""
        default: ""
        }
        return switch place {
        case .columnHeader: ("<th scope=\"col\"\(align)>", "</th>\n")
        case .rowHeader: ("<th scope=\"row\"\(align)>", "</th>\n")
        case .data: ("<td\(align)>", "</td>\n")
        }
    }
}
