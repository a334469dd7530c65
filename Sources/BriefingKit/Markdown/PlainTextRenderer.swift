import CCmarkGFM
import Foundation

/// Turns a page's Markdown into plain text ready to paste into an email: the `index.txt` beside
/// each briefing.
///
/// The Markdown is parsed by cmark-gfm exactly as `MarkdownRenderer` parses it (the same
/// extensions and options) and the text is written from its syntax tree, never from HTML, so no
/// Markdown symbol (`#`, `**`, `|`, `[`, `](`) reaches the text; the data's own characters do
/// (a `*` in a quote stays a `*`, as on the page), and so do the `[x]`, `[c]` and `[r]` markers
/// the pages explain. Hand-written because no listed package renders cmark-gfm's tree as text:
/// its own plain-text renderer keeps no tables, links or figures.
///
/// - Lines are wrapped at 72 columns on spaces; a word longer than that (a long address) stands
///   alone on its line, whole.
/// - Headings of levels 1 and 2 are in capitals; lower ones as written. Blocks are separated by a
///   blank line; quotes are indented by two spaces; list items start `• ` or `1. `.
/// - A figure is its shown text; a calculated one keeps its †, and a last line says what † means.
/// - A link is its text and, in brackets, its address: an `http(s)` address as written, an e-mail
///   address without `mailto:`, and a link to another page of the site in full when `baseURL`
///   is given (and as its text alone when not). In tables a link is its text alone.
/// - A table is printed in aligned columns when they fit in 72, else as one block per row: the
///   row's first cell, then `Column: value` for each other cell. Its `Table: …` caption heads it.
public struct PlainTextRenderer: Sendable {
    /// The widest a line may be (an unbreakable word aside).
    public static let width = 72
    /// What † means: the last line of a text that shows a calculated figure.
    public static let calculatedNote = "† Calculated for this briefing from published figures; every other number is as published."

    /// The site's address, so that links to its pages can be written in full; nil writes them as their text.
    public let baseURL: String?

    public init(baseURL: String? = nil) {
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        _ = MarkdownRenderer()
    }

    /// One page's Markdown as plain text, ending with a line break.
    ///
    /// - Parameters:
    ///   - figures: the figures the page shows, by id (to mark calculated ones with †).
    ///   - page: the page's path in the site (`regions/east/index.html`), against which its
    ///     relative links are resolved.
    public func render(_ markdown: String, figures: [String: Figure] = [:], page: String = "index.html") throws -> String {
        try MarkdownRenderer.withTree(markdown, page: page) { document, _ in
            guard let iterator = cmark_iter_new(document) else { throw Self.failure(page) }
            defer { cmark_iter_free(iterator) }

            var writer = Writer(figures: figures, pageURL: baseURL.flatMap { URL(string: $0 + page) })
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                writer.visit(node, entering: event == CMARK_EVENT_ENTER)
            }
            return writer.finish()
        }
    }

    /// Words of `text` in lines of at most `width` characters; each `\n` starts a new line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for segment in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", count = 0
            for word in segment.split(separator: " ") {
                let length = word.count
                if count == 0 {
                    line = String(word)
                    count = length
                } else if count + 1 + length <= width {
                    line += " " + word
                    count += 1 + length
                } else {
                    lines.append(line)
                    line = String(word)
                    count = length
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A table in aligned columns when they fit in `width`, else one block per row.
    static func table(header: [String], rows: [[String]], alignments: [UInt8], width: Int) -> [String] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let pad = { (cells: [String]) in cells + Array(repeating: "", count: columns - cells.count) }
        let header = pad(header), rows = rows.map(pad)
        let widths = (0..<columns).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        if widths.reduce(0, +) + 2 * (columns - 1) <= width {
            return ([header] + rows).map { cells in
                cells.enumerated().map { column, cell in
                    let space = String(repeating: " ", count: widths[column] - cell.count)
                    let right = column < alignments.count && alignments[column] == UInt8(ascii: "r")
                    return right ? space + cell : cell + space
                }.joined(separator: "  ").trimmingTrailingSpaces
            }
        }
        var lines: [String] = []
        for (index, cells) in rows.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrap(cells[0], width: width)
            for column in 1..<max(columns, 1) where !cells[column].isEmpty {
                let label = header[column].isEmpty ? "" : header[column] + ": "
                lines += hanging(label + cells[column], first: "  ", rest: "    ", width: width)
            }
        }
        return lines
    }

    /// Wrapped text whose first line starts with `first` and the others with `rest`.
    static func hanging(_ text: String, first: String, rest: String, width: Int) -> [String] {
        wrap(text, width: width - rest.count).enumerated().map { index, line in (index == 0 ? first : rest) + line }
    }

    private static func failure(_ page: String) -> BriefingError {
        BriefingError(step: "render plain text", .error("cmark-gfm could not render \(page) as text (out of memory?)", at: nil))
    }
}

/// Writes the text while the walk goes over the tree: block frames give each line its indent,
/// and inline content is gathered in a buffer until its paragraph, heading or cell ends.
private struct Writer {
    let figures: [String: Figure]
    /// The page's full address, against which relative links are resolved; nil without a base URL.
    let pageURL: URL?

    private enum Frame {
        case quote
        case list(ordered: Bool, next: Int, tight: Bool, items: Int)
        /// A list item: its marker is written on its first line, spaces of the same width after.
        case item(marker: String, used: Bool)
    }

    private struct Table {
        let node: OpaquePointer
        let alignments: [UInt8]
        var header: [String] = []
        var rows: [[String]] = []
        var caption: String?
    }

    private var lines: [String] = []
    private var frames: [Frame] = []
    /// The next block follows the previous one with no blank line (items of a tight list).
    private var joinNext = false
    private var shownCalculated = false
    /// Inline text being gathered, while in a paragraph, heading or table cell.
    private var inline: String?
    private var capitals = false
    private var inCell = false
    /// For each open link or image: where its text starts in `inline`, and its destination.
    private var links: [(start: Int, url: String?, figure: Figure?)] = []
    private var table: Table?
    /// A `Table: …` paragraph, held for the table that follows it.
    private var caption: String?

    init(figures: [String: Figure], pageURL: URL?) {
        self.figures = figures
        self.pageURL = pageURL
    }

    mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        if let open = table, open.node != node, inline == nil || inCell {
            if cmark_node_parent(node) == open.node {
                if entering { startRow(node) }
                return
            }
            if let row = cmark_node_parent(node), cmark_node_parent(row) == open.node {
                if entering {
                    inline = ""
                    inCell = true
                } else {
                    endCell()
                }
                return
            }
        }
        if inline != nil, visitInline(node, type: type, entering: entering) { return }
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            if entering { frames.append(.quote) } else { frames.removeLast() }
        case CMARK_NODE_LIST:
            if entering {
                frames.append(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, next: Int(cmark_node_get_list_start(node)),
                                    tight: cmark_node_get_list_tight(node) != 0, items: 0))
            } else {
                frames.removeLast()
            }
        case CMARK_NODE_ITEM:
            if entering { startItem() } else { frames.removeLast() }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            if entering {
                inline = ""
                capitals = type == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) <= 2
            } else {
                endParagraph(node)
            }
        case CMARK_NODE_CODE_BLOCK:
            let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            emit(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map(String.init))
        case briefing_node_type_table():
            if entering {
                let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                let alignments = cmark_gfm_extensions_get_table_alignments(node).map { pointer in (0..<columns).map { pointer[$0] } } ?? []
                table = Table(node: node, alignments: alignments, caption: caption)
                caption = nil
            } else if let done = table {
                table = nil
                var block = done.caption.map { PlainTextRenderer.wrap($0, width: available) + [""] } ?? []
                block += PlainTextRenderer.table(header: done.header, rows: done.rows, alignments: done.alignments, width: available)
                emit(block)
            }
        default:
            // Raw HTML is left out, as on the page; a thematic break only separates blocks.
            break
        }
    }

    /// Inline content; false for a node that is not inline (the block's own exit).
    private mutating func visitInline(_ node: OpaquePointer, type: cmark_node_type, entering: Bool) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            let text = Self.literal(node)
            inline! += capitals ? text.uppercased() : text
        case CMARK_NODE_SOFTBREAK:
            inline! += " "
        case CMARK_NODE_LINEBREAK:
            inline! += inCell ? " " : "\n"
        case CMARK_NODE_HTML_INLINE:
            break
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if entering {
                let url = cmark_node_get_url(node).map { String(cString: $0) }
                let figure = url.flatMap(FigureMarkup.Reference.init(destination:)).flatMap { figures[$0.id] }
                links.append((inline!.count, type == CMARK_NODE_LINK ? url : nil, figure))
            } else if let link = links.popLast() {
                inline! += suffix(link, text: String(inline!.dropFirst(link.start)))
            }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            return false
        default:
            // Emphasis, strong emphasis, strikethrough: their text alone.
            break
        }
        return true
    }

    /// A text node's literal, each tab a space (Foundation's `replacingOccurrences` bridged every
    /// text node through NSString for it).
    private static func literal(_ node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        return String(decoding: bytes.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }

    /// What follows a link's text: † for a calculated figure, the address for a link that has one to give.
    private mutating func suffix(_ link: (start: Int, url: String?, figure: Figure?), text: String) -> String {
        if let figure = link.figure {
            guard figure.derivation.isComputed else { return "" }
            shownCalculated = true
            return "†"
        }
        guard !inCell, let url = link.url, !url.hasPrefix("#"), FigureMarkup.Reference(destination: url) == nil else { return "" }
        let scheme = url.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
        let address: String?
        if scheme.count < url.count, url.dropFirst(scheme.count).hasPrefix(":") {
            switch scheme.lowercased() {
            case "http", "https": address = url
            case "mailto": address = String(url.dropFirst(scheme.count + 1))
            // Any other scheme is emptied on the page (javascript:, data:): here it is left out.
            default: address = nil
            }
        } else {
            address = pageURL.flatMap { URL(string: url, relativeTo: $0)?.absoluteURL.absoluteString }
        }
        guard let address, !address.isEmpty, address != text else { return "" }
        return " (\(address))"
    }

    /// A paragraph that is only a chart reference: left out of the text, as the table it draws follows it.
    private static func isChart(_ paragraph: OpaquePointer) -> Bool {
        guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH, let link = cmark_node_first_child(paragraph),
              cmark_node_next(link) == nil, cmark_node_get_type(link) == CMARK_NODE_LINK,
              let url = cmark_node_get_url(link) else { return false }
        return ChartMarkup.id(destination: String(cString: url)) != nil
    }

    private mutating func endParagraph(_ node: OpaquePointer) {
        let text = inline ?? ""
        inline = nil
        capitals = false
        links = []
        if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let next = cmark_node_next(node), cmark_node_get_type(next) == briefing_node_type_table(),
           text.hasPrefix("Table: ") {
            caption = String(text.dropFirst("Table: ".count))
            return
        }
        guard !text.trimmingHorizontalSpace().isEmpty, !Self.isChart(node) else { return }
        emit(PlainTextRenderer.wrap(text, width: available))
    }

    private mutating func startRow(_ row: OpaquePointer) {
        if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
            table?.header = []
        } else {
            table?.rows.append([])
        }
    }

    private mutating func endCell() {
        let text = (inline ?? "").trimmingHorizontalSpace()
        inline = nil
        inCell = false
        links = []
        // In place: a copy of the table here would copy every row for every cell.
        guard table != nil else { return }
        if table!.rows.isEmpty { table!.header.append(text) } else { table!.rows[table!.rows.count - 1].append(text) }
    }

    private mutating func startItem() {
        guard case .list(let ordered, let next, let tight, let items) = frames.last else { return }
        frames[frames.count - 1] = .list(ordered: ordered, next: next + 1, tight: tight, items: items + 1)
        if tight, items > 0 { joinNext = true }
        frames.append(.item(marker: ordered ? "\(next). " : "• ", used: false))
    }

    /// The width left for text once the line's indent is written.
    private var available: Int {
        let indent = frames.reduce(0) { total, frame in
            switch frame {
            case .quote: total + 2
            case .list: total
            case .item(let marker, _): total + marker.count
            }
        }
        return max(20, PlainTextRenderer.width - indent)
    }

    /// Writes a block's lines, each after the indent of the blocks it is in, a blank line before it.
    private mutating func emit(_ block: [String]) {
        guard !block.isEmpty else { return }
        if !lines.isEmpty, !joinNext { lines.append("") }
        joinNext = false
        for line in block {
            var indent = ""
            for index in frames.indices {
                switch frames[index] {
                case .quote: indent += "  "
                case .list: break
                case .item(let marker, let used):
                    indent += used ? String(repeating: " ", count: marker.count) : marker
                    frames[index] = .item(marker: marker, used: true)
                }
            }
            lines.append((indent + line).trimmingTrailingSpaces)
        }
    }

    mutating func finish() -> String {
        if shownCalculated {
            joinNext = false
            frames = []
            emit(PlainTextRenderer.wrap(PlainTextRenderer.calculatedNote, width: PlainTextRenderer.width))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
