import CCmarkGFM
import Foundation

/// Turns a page's Markdown into HTML with Debian's cmark-gfm. The only file that calls C.
///
/// GFM's table, strikethrough and tagfilter extensions are attached. Rendering is safe: raw HTML
/// becomes a comment and `javascript:`, `vbscript:`, `file:` and `data:` links are emptied
/// (cmark-gfm's default without `CMARK_OPT_UNSAFE`).
///
/// The autolink extension is not attached: it made links of any `www.`, `https://` or e-mail
/// address in data text (a quote, a note), which escaping cannot prevent. Templates write every
/// link they mean as `[text](url)`.
///
/// The Markdown is parsed once and the pipeline's own markup is put in on the syntax tree, never
/// by reading the rendered HTML again:
/// - a link to `#figure-ref-ID` or `#figure-entry-ID` (what templates write for a figure) is
///   replaced by a `CMARK_NODE_CUSTOM_INLINE` node whose enter and exit text is `FigureMarkup`'s,
///   holding the link's children;
/// - each table is rebuilt as custom nodes with `TableMarkup`'s tags (caption, `scope`, row
///   headers, alignment classes, the scrolling wrapper), holding each cell's children;
/// - a paragraph holding only a link to `#chart-ref-ID` (what templates write for a chart) is
///   replaced by a `CMARK_NODE_CUSTOM_BLOCK` whose text is the chart's SVG (`ChartMarkup`);
/// - the page title is the plain text of the first level-1 heading.
///
/// Why this is safe: cmark-gfm's HTML renderer writes a custom node's enter and exit text
/// verbatim (safe mode filters only `HTML_BLOCK` and `HTML_INLINE` nodes and link and image
/// destinations), and nothing in Markdown can make a custom node: only this file does, and
/// only with text built from fixed tags, the page's root path, methods page folders (made of slugs) and figure data escaped for an
/// attribute (ids as `FigureMarkup.fragment` in URLs). Everything a template or the data wrote,
/// the shown text of a figure included, stays ordinary nodes under the custom ones, and is
/// escaped (or, for raw HTML, omitted) by cmark-gfm's renderer as before.
public struct MarkdownRenderer: Sendable {
    public static let extensionNames = ["table", "strikethrough", "tagfilter"]

    /// Registration of the core extensions is global in cmark-gfm; Swift runs this initialiser once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while cmark-gfm parses inlines, which pages rendered in parallel must not do at once.
    ///
    /// `cmark_parser_finish` marks the attached extensions' characters (`~`, `|`) in a table that
    /// is global to the process, parses the inlines, and unmarks them: a parse that ends while
    /// another is under way makes the other read `~~gone~~` as text. Only that step is serialised;
    /// feeding, the rewriting of the tree and rendering run in parallel.
    static let inlineParsing = NSLock()

    public init() {
        _ = Self.registered
    }

    /// Renders one page's Markdown, linking the figures it shows.
    ///
    /// - Parameters:
    ///   - figures: the figures the page may show, by id.
    ///   - charts: the charts the page may show, by id.
    ///   - root: the path from the page to the site's root: "" or "../../".
    ///   - page: the page's path, to name it in errors.
    ///   - entries: which methods page each figure link goes to.
    /// - Throws: a `BriefingError` naming every figure the page links to that `figures` lacks
    ///   (a hand-written link to nothing), every chart `charts` lacks, and every chart reference
    ///   that is not a paragraph of its own.
    public func render(_ markdown: String, figures: [String: Figure] = [:], charts: [String: Chart] = [:], root: String = "",
                       page: String = "page", entries: EntryPages = EntryPages()) throws -> RenderedPage {
        try Self.withTree(markdown, page: page) { document, extensions in
            var shown: [String] = []
            let (title, unknown, chartProblems) = try Self.rewrite(document, figures: figures, charts: charts, root: root, entries: entries,
                                                                   shown: &shown)
            if !unknown.isEmpty || !chartProblems.isEmpty {
                throw BriefingError(step: "lay out pages", diagnostics: unknown.map {
                    .error("\(page) links to figure '\($0)', which no statistic gives", at: nil)
                } + chartProblems.map { .error("\(page): \($0)", at: nil) })
            }
            guard let rendered = cmark_render_html(document, Self.options, extensions) else {
                throw Self.failure(page)
            }
            defer { free(rendered) }
            var result = RenderedPage(html: String(cString: rendered), title: title)
            result.figureIDs = shown
            return result
        }
    }

    // MARK: - Reading and changing the tree

    /// One walk over the tree: takes the title, rebuilds each table as it is entered and replaces
    /// each figure link as it is left. Returns the title and the ids that name no figure.
    ///
    /// The iterator works out its next position when it reports a node, so after each change the
    /// walk is set (`cmark_iter_reset`) on the node put in its place and that stale position is
    /// never used. A link is replaced once the walk has left it. A table is rebuilt when the walk
    /// enters it, before its cells are walked, because a table cell may hold only cmark-gfm's own
    /// inline types: the figure links in it are replaced once its content is under a custom node.
    /// `shown` gets each figure's id the first time one of its links is replaced, then those of the
    /// figures only a chart draws.
    private static func rewrite(_ document: OpaquePointer, figures: [String: Figure], charts: [String: Chart], root: String,
                                entries: EntryPages, shown: inout [String]) throws -> (title: String?, unknown: [String], chartProblems: [String]) {
        guard let iterator = cmark_iter_new(document) else { throw failure("the page") }
        defer { cmark_iter_free(iterator) }
        let tableType = briefing_node_type_table()
        var title: String?
        var unknown: [String] = []
        var unresolved = Set<OpaquePointer>()
        var chartProblems: [String] = []
        var seen = Set<String>()
        // The figures the page's charts draw: a chart stands beside the table of its figures, so
        // they come after the figures the text and tables show, only when those do not show them.
        var drawn: [String] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                // Only a fragment can be a figure reference: look at the first byte before copying.
                guard type == CMARK_NODE_LINK, let url = cmark_node_get_url(node), url.pointee == CChar(UInt8(ascii: "#")) else { continue }
                let destination = String(cString: url)
                if let id = ChartMarkup.id(destination: destination) {
                    if let block = try placeChart(node, id: id, charts: charts, problems: &chartProblems) {
                        cmark_iter_reset(iterator, block, CMARK_EVENT_EXIT)
                        drawn += charts[id]?.figures.map(\.id) ?? []
                    }
                    continue
                }
                guard let reference = FigureMarkup.Reference(destination: destination) else { continue }
                guard let figure = figures[reference.id] else {
                    // Left in place; a caption's links are walked again under its table.
                    if unresolved.insert(node).inserted { unknown.append(reference.id) }
                    continue
                }
                if seen.insert(figure.id).inserted { shown.append(figure.id) }
                let markup = FigureMarkup(reference, figure: figure, root: root, entries: entries)
                let replacement = try custom(CMARK_NODE_CUSTOM_INLINE, markup.opening, markup.closing)
                try moveChildren(of: node, to: replacement, ownText: false)
                try replace(node, with: replacement)
                cmark_node_free(node)
                cmark_iter_reset(iterator, replacement, CMARK_EVENT_EXIT)
            } else if type == CMARK_NODE_HEADING {
                if title == nil, cmark_node_get_heading_level(node) == 1 { title = plainText(node) }
            } else if type == tableType {
                let wrapper = try rebuild(node)
                cmark_iter_reset(iterator, wrapper, CMARK_EVENT_ENTER)
            }
        }
        for id in drawn where seen.insert(id).inserted { shown.append(id) }
        return (title, unknown, chartProblems)
    }

    /// Puts a chart's SVG in place of the paragraph that holds only its reference, and returns the
    /// new block; nil, with the problem noted, when the page has no such chart or the reference
    /// shares its paragraph (a chart is a block: it cannot stand inside a sentence or a cell).
    private static func placeChart(_ link: OpaquePointer, id: String, charts: [String: Chart], problems: inout [String]) throws -> OpaquePointer? {
        guard let chart = charts[id] else {
            problems.append("shows chart '\(id)', which no statistic gives")
            return nil
        }
        guard let paragraph = cmark_node_parent(link), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              cmark_node_first_child(paragraph) == link, cmark_node_last_child(paragraph) == link else {
            problems.append("chart '\(id)' must be a paragraph of its own: put its tag on a line by itself, with a blank line before and after")
            return nil
        }
        let block = try custom(CMARK_NODE_CUSTOM_BLOCK, ChartMarkup.block(chart), "")
        try replace(paragraph, with: block)
        cmark_node_free(paragraph)
        return block
    }

    /// The text a reader sees in a heading: text, code and line breaks; not raw HTML (omitted on
    /// the page) nor an image's description.
    private static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        var image: OpaquePointer?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if let inside = image {
                if event == CMARK_EVENT_EXIT, current == inside { image = nil }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_IMAGE:
                image = current
            default:
                break
            }
        }
        return text
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    // MARK: - Tables

    /// Replaces a table with custom nodes carrying `TableMarkup`'s tags around its cells' content,
    /// taking the `Table: …` paragraph just before it as its caption.
    private static func rebuild(_ table: OpaquePointer) throws -> OpaquePointer {
        let wrapper = try custom(CMARK_NODE_CUSTOM_BLOCK, TableMarkup.opening, TableMarkup.closing)
        if let paragraph = cmark_node_previous(table), isCaption(paragraph) {
            let caption = try custom(CMARK_NODE_CUSTOM_INLINE, TableMarkup.captionOpening, TableMarkup.captionClosing)
            removeCaptionPrefix(paragraph)
            try moveChildren(of: paragraph, to: caption)
            try append(caption, to: wrapper)
            cmark_node_free(paragraph)
        }
        let columns = Int(cmark_gfm_extensions_get_table_columns(table))
        let alignments = cmark_gfm_extensions_get_table_alignments(table)
        var body: OpaquePointer?
        var row = cmark_node_first_child(table)
        while let current = row {
            let isHeader = cmark_gfm_extensions_get_table_row_is_header(current) != 0
            let tags = isHeader ? TableMarkup.head : TableMarkup.row
            let rowNode = try custom(CMARK_NODE_CUSTOM_BLOCK, tags.opening, tags.closing)
            if isHeader {
                try append(rowNode, to: wrapper)
            } else {
                if body == nil {
                    let group = try custom(CMARK_NODE_CUSTOM_BLOCK, TableMarkup.body.opening, TableMarkup.body.closing)
                    try append(group, to: wrapper)
                    body = group
                }
                try append(rowNode, to: body!)
            }
            var index = 0
            var cell = cmark_node_first_child(current)
            while let content = cell {
                let place: TableMarkup.Place = isHeader ? .columnHeader : index == 0 ? .rowHeader : .data
                let alignment = index < columns ? alignments?[index] ?? 0 : 0
                let tags = TableMarkup.cell(place, alignment: alignment)
                let cellNode = try custom(CMARK_NODE_CUSTOM_INLINE, tags.opening, tags.closing)
                try moveChildren(of: content, to: cellNode)
                try append(cellNode, to: rowNode)
                index += 1
                cell = cmark_node_next(content)
            }
            row = cmark_node_next(current)
        }
        try replace(table, with: wrapper)
        cmark_node_free(table)
        return wrapper
    }

    /// A paragraph cmark-gfm would write on one line as `<p>Table: …</p>`: not in a tight list
    /// (written there without `<p>`), beginning with the words, with no line break inside.
    private static func isCaption(_ paragraph: OpaquePointer) -> Bool {
        guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return false }
        if let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
           let list = cmark_node_parent(item), cmark_node_get_list_tight(list) != 0 {
            return false
        }
        var leading = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child, leading.utf8.count < TableMarkup.captionPrefix.utf8.count,
              cmark_node_get_type(node) == CMARK_NODE_TEXT {
            leading += literal(node)
            child = cmark_node_next(node)
        }
        guard leading.hasPrefix(TableMarkup.captionPrefix) else { return false }
        guard let iterator = cmark_iter_new(paragraph) else { return false }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return false
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if literal(node).contains("\n") { return false }
            default:
                break
            }
        }
        return true
    }

    /// Takes the words `Table: ` off the paragraph's leading text (which `isCaption` has checked).
    private static func removeCaptionPrefix(_ paragraph: OpaquePointer) {
        var remaining = TableMarkup.captionPrefix.utf8.count
        while remaining > 0, let node = cmark_node_first_child(paragraph), cmark_node_get_type(node) == CMARK_NODE_TEXT {
            let bytes = Array(literal(node).utf8)
            if bytes.count <= remaining {
                remaining -= bytes.count
                cmark_node_free(node)
            } else {
                // The words are ASCII, so this cut falls between characters.
                _ = cmark_node_set_literal(node, String(decoding: bytes[remaining...], as: UTF8.self))
                remaining = 0
            }
        }
    }

    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// Parses the page with the extensions attached and hands `body` its syntax tree and the parser's
    /// extension list (which the HTML renderer must be given). The HTML and the plain-text renderers
    /// both read the tree this makes; it is freed when `body` returns.
    static func withTree<T>(_ markdown: String, page: String,
                            _ body: (_ document: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) throws -> T) throws -> T {
        guard let parser = cmark_parser_new(options) else { throw failure(page) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // The real byte count, not strlen: a NUL must not end the page there (cmark-gfm shows it as U+FFFD).
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = inlineParsing.withLock({ cmark_parser_finish(parser) }) else { throw failure(page) }
        defer { cmark_node_free(document) }
        return try body(document, cmark_parser_get_syntax_extensions(parser))
    }

    // MARK: - Nodes

    /// A custom node: cmark-gfm writes `opening` before its children and `closing` after, verbatim.
    private static func custom(_ type: cmark_node_type, _ opening: String, _ closing: String) throws -> OpaquePointer {
        guard let node = cmark_node_new(type) else { throw failure("the page") }
        guard briefing_node_set_markup(node, opening, closing) != 0 else {
            cmark_node_free(node)
            throw failure("the page")
        }
        return node
    }

    private static func append(_ child: OpaquePointer, to parent: OpaquePointer) throws {
        guard cmark_node_append_child(parent, child) != 0 else { throw failure("the page") }
    }

    /// Moves a node's children under another, so that the node can be freed.
    ///
    /// A text or raw HTML node's text may be a view into the buffer of the block it was parsed in
    /// (a paragraph, a table cell). When that block is the one to be freed (`ownText`), reading
    /// each text with `cmark_node_get_literal` makes cmark-gfm copy it into its node's own memory,
    /// so that no moved text points into freed memory. An inline (a link) has no such buffer.
    private static func moveChildren(of source: OpaquePointer, to target: OpaquePointer, ownText: Bool = true) throws {
        if ownText, let iterator = cmark_iter_new(source) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE {
                    _ = cmark_node_get_literal(node)
                }
            }
        }
        while let child = cmark_node_first_child(source) {
            try append(child, to: target)
        }
    }

    /// Puts `new` where `old` was, leaving `old` out of the tree.
    private static func replace(_ old: OpaquePointer, with new: OpaquePointer) throws {
        guard cmark_node_replace(old, new) != 0 else {
            cmark_node_free(new)
            throw failure("the page")
        }
    }

    private static func failure(_ page: String) -> BriefingError {
        BriefingError(step: "render Markdown", .error("cmark-gfm could not render \(page) (out of memory?)", at: nil))
    }
}
