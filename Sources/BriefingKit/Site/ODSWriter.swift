import Foundation

/// Writes a `Spreadsheet` as an OpenDocument spreadsheet (`.ods`), the government's open standard
/// for documents.
///
/// An ODS file is a zip archive (`ZipStream`) whose first entry is `mimetype`, stored
/// uncompressed, followed by the manifest, the document's properties (`meta.xml`), its default
/// styles (`styles.xml`) and its sheets (`content.xml`). The XML is written here: it is a few
/// fixed elements around the rows, and no listed Swift package writes OpenDocument.
///
/// The bytes depend on the spreadsheet alone: every entry carries the spreadsheet's date (or,
/// without one, 1 January 1980, the earliest a zip can hold), entries come in a fixed order and
/// styles are named in the order of their kinds.
public struct ODSWriter: Sendable {
    public static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"
    static let odfVersion = "1.2"
    /// The date a zip entry carries when the spreadsheet has none: the start of the zip format's calendar.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    public init() {}

    /// The spreadsheet's bytes, whole.
    public func write(_ spreadsheet: Spreadsheet) throws -> Data {
        try Data.gathering { try write(spreadsheet, to: $0) }
    }

    /// The spreadsheet's bytes handed to `emit` in order as they are made (`ZipStream`): a large
    /// release's sheets are never held, as text or as zip.
    public func write(_ spreadsheet: Spreadsheet, to emit: (Data) throws -> Void) throws {
        var zip = ZipStream(date: spreadsheet.date ?? Self.fixedDate)
        let entries: [(path: String, text: String, compressed: Bool)] = [
            ("mimetype", Self.mediaType, false),
            ("META-INF/manifest.xml", Self.manifest, true),
            ("meta.xml", meta(spreadsheet), true),
            ("styles.xml", styles(spreadsheet), true),
        ]
        for entry in entries { try zip.add(entry.path, Data(entry.text.utf8), compressed: entry.compressed, to: emit) }
        // The sheets are made twice, a row at a time, and never held: once to count the bytes of
        // content.xml and to find the cell styles it names, then into the archive. (Rows a pass over
        // the figures has measured already, `Measured`, are skipped in the first.)
        var counted = SheetsXML(spreadsheet.sheets, skippingMeasured: true)
        var size = 0
        while let piece = counted.next() { size += piece.utf8.count }
        size += counted.skipped
        let head = contentHead(spreadsheet, styles: counted.styles), tail = contentTail(spreadsheet)
        size += head.utf8.count + tail.utf8.count
        var pieces = [head].makeIterator(), rows = SheetsXML(spreadsheet.sheets), ends = [tail].makeIterator()
        var reader = PieceReader { pieces.next() ?? rows.next() ?? ends.next() }
        try zip.add("content.xml", size: size, reading: { reader.read($0) }, to: emit)
        // The two passes must agree to the byte, or the entry would not hold what its size says.
        guard reader.handedOut == size, reader.isFinished() else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "content.xml changed between its two passes; this is a fault in briefing"])
        }
        try zip.finish(to: emit)
    }

    /// Hands out text made piece by piece as bytes, as many as are asked for at a time.
    struct PieceReader {
        let next: () -> String?
        private var pending: [UInt8] = []
        private var offset = 0
        /// How many bytes `read` has handed out.
        private(set) var handedOut = 0

        init(_ next: @escaping () -> String?) {
            self.next = next
        }

        mutating func read(_ size: Int) -> Data {
            if offset > 1 << 16 { pending.removeFirst(offset); offset = 0 }
            while pending.count - offset < size, let piece = next() { pending.append(contentsOf: piece.utf8) }
            let end = min(pending.count, offset + size)
            defer { handedOut += end - offset; offset = end }
            return Data(pending[offset..<end])
        }

        /// Whether every byte has been handed out and the pieces have run out.
        mutating func isFinished() -> Bool { offset == pending.count && next() == nil }
    }

    // MARK: - The fixed parts

    static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
    xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
    xmlns:xlink="http://www.w3.org/1999/xlink" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    """

    static let manifest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="\(odfVersion)">
     <manifest:file-entry manifest:full-path="/" manifest:version="\(odfVersion)" manifest:media-type="\(mediaType)"/>
     <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
     <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
    </manifest:manifest>

    """

    func meta(_ spreadsheet: Spreadsheet) -> String {
        var fields = [
            "<meta:generator>briefing</meta:generator>",
            "<dc:title>\(Self.escape(spreadsheet.title))</dc:title>",
            "<dc:description>\(Self.escape(spreadsheet.description))</dc:description>",
            "<meta:initial-creator>\(Self.escape(spreadsheet.creator))</meta:initial-creator>",
            "<dc:creator>\(Self.escape(spreadsheet.creator))</dc:creator>",
            "<dc:language>\(Self.escape(spreadsheet.language))</dc:language>",
        ]
        if let date = spreadsheet.date {
            let stamp = Timestamp.rfc3339(date)
            fields += ["<meta:creation-date>\(stamp)</meta:creation-date>", "<dc:date>\(stamp)</dc:date>"]
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(Self.namespaces) office:version="\(Self.odfVersion)"><office:meta>\(fields.joined())</office:meta></office:document-meta>

        """
    }

    func styles(_ spreadsheet: Spreadsheet) -> String {
        let language = spreadsheet.language.split(separator: "-").map(String.init)
        let country = language.count > 1 ? " fo:country=\"\(Self.escape(language[1]))\"" : ""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(Self.namespaces) office:version="\(Self.odfVersion)"><office:styles>\
        <style:default-style style:family="table-cell">\
        <style:table-cell-properties style:vertical-align="top"/>\
        <style:text-properties fo:font-size="12pt" fo:language="\(Self.escape(language.first ?? "en"))"\(country)/>\
        </style:default-style>\
        <style:style style:name="Default" style:family="table-cell"/>\
        </office:styles></office:document-styles>

        """
    }

    // MARK: - The sheets

    /// A cell's look: its emphasis, or its number format, and whether its text wraps.
    enum CellStyle: Hashable, Comparable {
        case title, heading, header, lead, wrapped, number(SpreadsheetCell.NumberFormat)
    }

    /// content.xml's start: the column and cell styles the sheets use, each named for what it is
    /// (so a cell's XML does not depend on the others), in a fixed order.
    func contentHead(_ spreadsheet: Spreadsheet, styles: Set<CellStyle>) -> String {
        let widths = Set(spreadsheet.sheets.flatMap { $0.columnWidths.map(Self.millimetres) })
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(Self.namespaces) office:version="\(Self.odfVersion)"><office:automatic-styles>
        """
        for width in widths.sorted() {
            xml += "<style:style style:name=\"\(Self.name(ofWidth: width))\" style:family=\"table-column\">"
                + "<style:table-column-properties style:column-width=\"\(Self.centimetres(width))\"/></style:style>"
        }
        for style in styles.sorted() {
            xml += Self.definition(of: style)
        }
        return xml + "</office:automatic-styles><office:body><office:spreadsheet>"
    }

    /// content.xml's end: each table's named range, then the closing tags.
    func contentTail(_ spreadsheet: Spreadsheet) -> String {
        let ranges = spreadsheet.sheets.compactMap { sheet -> String? in
            guard let header = sheet.headerRow, let name = sheet.tableName, sheet.columnCount > 0 else { return nil }
            let sheetName = Self.escape(sheet.name)
            let range = "\(sheetName).A\(header + 1):\(sheetName).\(Self.column(sheet.columnCount - 1))\(sheet.rows.count)"
            return "<table:database-range table:name=\"\(Self.escape(name))\" table:target-range-address=\"\(range)\" table:contains-header=\"true\"/>"
        }
        return (ranges.isEmpty ? "" : "\n<table:database-ranges>\(ranges.joined())</table:database-ranges>")
            + "</office:spreadsheet></office:body></office:document-content>\n"
    }

    /// The bytes and cell styles of some rows' XML, measured as they were made for another purpose.
    struct Measured: Sendable {
        var bytes = 0
        var styles = Set<CellStyle>()

        /// Adds a row's XML.
        mutating func add(_ cells: [SpreadsheetCell]) {
            bytes += ODSWriter.row(cells, styles: &styles).utf8.count
        }

        /// Adds one more cell's XML to rows already measured (within their row elements).
        mutating func add(cell: SpreadsheetCell) {
            if let style = ODSWriter.style(of: cell) { styles.insert(style) }
            bytes += ODSWriter.cell(for: cell).utf8.count
        }
    }

    /// A row's XML (never a header row), noting the cell styles it names.
    static func row(_ cells: [SpreadsheetCell], styles: inout Set<CellStyle>) -> String {
        var xml = ""
        for cell in cells {
            if let style = style(of: cell) { styles.insert(style) }
            xml += ODSWriter.cell(for: cell)
        }
        return "<table:table-row>\(xml.isEmpty ? "<table:table-cell/>" : xml)</table:table-row>"
    }

    /// The sheets' XML, a sheet's opening or a row at a time, noting the cell styles it names.
    struct SheetsXML: IteratorProtocol {
        let sheets: [Spreadsheet.Sheet]
        private(set) var styles = Set<CellStyle>()
        private var sheet = 0
        /// The next row of the current sheet; -1 before its opening.
        private var row = -1
        /// Whether to pass over made rows that were measured, counting their bytes (`skipped`) and styles.
        private let skippingMeasured: Bool
        private(set) var skipped = 0

        init(_ sheets: [Spreadsheet.Sheet], skippingMeasured: Bool = false) {
            self.sheets = sheets
            self.skippingMeasured = skippingMeasured
        }

        mutating func next() -> String? {
            guard sheet < sheets.count else { return nil }
            let current = sheets[sheet]
            if row < 0 {
                row = 0
                return "\n<table:table table:name=\"\(ODSWriter.escape(current.name))\">" + current.columnWidths.map {
                    "<table:table-column table:style-name=\"\(ODSWriter.name(ofWidth: ODSWriter.millimetres($0)))\"/>"
                }.joined()
            }
            guard row < current.rows.count else {
                (sheet, row) = (sheet + 1, -1)
                return "</table:table>"
            }
            if skippingMeasured, row == current.rows.head.count, let measured = current.rows.made.measured {
                skipped += measured.bytes
                styles.formUnion(measured.styles)
                row = current.rows.count
                return ""
            }
            defer { row += 1 }
            let made = current.rows[row]
            assert(row < current.rows.head.count || made.count == current.rows.made.columns, "a made row has the cells its sheet declares")
            let line = ODSWriter.row(made, styles: &styles)
            return row == current.headerRow ? "<table:table-header-rows>\(line)</table:table-header-rows>" : line
        }
    }

    static func cell(for cell: SpreadsheetCell) -> String {
        let style = Self.style(of: cell).map { " table:style-name=\"\(name(of: $0))\"" } ?? ""
        switch cell {
        case .empty:
            return "<table:table-cell/>"
        case .text(let text, _):
            return "<table:table-cell\(style) office:value-type=\"string\">\(Self.paragraphs(text))</table:table-cell>"
        case .link(let text, let target):
            let link = "<text:a xlink:type=\"simple\" xlink:href=\"\(Self.escape(target))\">\(Self.inline(text))</text:a>"
            return "<table:table-cell\(style) office:value-type=\"string\"><text:p>\(link)</text:p></table:table-cell>"
        case .number(let value, let shown, let format):
            let type = if case .percent = format { "percentage" } else { "float" }
            return "<table:table-cell\(style) office:value-type=\"\(type)\" office:value=\"\(Self.escape(value))\">"
                + "<text:p>\(Self.inline(shown))</text:p></table:table-cell>"
        }
    }

    /// A cell style's name, from what it is: `ce-title`, `ce-whole`, `ce-percent-1`.
    static func name(of style: CellStyle) -> String {
        switch style {
        case .title: "ce-title"
        case .heading: "ce-heading"
        case .header: "ce-header"
        case .lead: "ce-lead"
        case .wrapped: "ce-wrapped"
        case .number(.whole): "ce-whole"
        case .number(.decimal(let places)): "ce-decimal-\(places)"
        case .number(.percent(let places)): "ce-percent-\(places)"
        }
    }

    /// A column style's name, from its width: `co-45` for 4.5 cm.
    static func name(ofWidth millimetres: Int) -> String { "co-\(millimetres)" }

    static func style(of cell: SpreadsheetCell) -> CellStyle? {
        switch cell {
        case .empty: nil
        case .text(_, .title): .title
        case .text(_, .heading): .heading
        case .text(_, .header): .header
        case .text(_, .lead): .lead
        case .text(_, .plain), .link: .wrapped
        case .number(_, _, let format): .number(format)
        }
    }

    static func definition(of style: CellStyle) -> String {
        let name = name(of: style)
        let open = "<style:style style:name=\"\(name)\" style:family=\"table-cell\" style:parent-style-name=\"Default\""
        switch style {
        case .title:
            return open + "><style:text-properties fo:font-size=\"15pt\" fo:font-weight=\"bold\"/></style:style>"
        case .heading:
            return open + "><style:text-properties fo:font-size=\"13pt\" fo:font-weight=\"bold\"/></style:style>"
        case .header:
            return open + "><style:table-cell-properties fo:wrap-option=\"wrap\"/>"
                + "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
        case .lead:
            return open + "/>"
        case .wrapped:
            return open + "><style:table-cell-properties fo:wrap-option=\"wrap\"/></style:style>"
        case .number(let format):
            let data = "N" + name.dropFirst(2)  // the number format's name: `N-percent-1`
            let number: String, percent: Bool
            switch format {
            case .whole: (number, percent) = ("<number:number number:decimal-places=\"0\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>", false)
            case .decimal(let places): (number, percent) = (digits(places), false)
            case .percent(let places): (number, percent) = (digits(places), true)
            }
            let element = percent ? "number:percentage-style" : "number:number-style"
            return "<\(element) style:name=\"\(data)\">\(number)\(percent ? "<number:text>%</number:text>" : "")</\(element)>"
                + open + " style:data-style-name=\"\(data)\"/>"
        }
    }

    static func digits(_ places: Int) -> String {
        "<number:number number:decimal-places=\"\(places)\" number:min-decimal-places=\"\(places)\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
    }

    // MARK: - Text

    /// Text as paragraphs, one a line, with tabs and runs of spaces kept (ODF collapses white space).
    static func paragraphs(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return "<text:p>\(inline(text))</text:p>" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { "<text:p>\(inline(String($0)))</text:p>" }.joined()
    }

    /// One line of text for inside a `text:p`: escaped, with a second space onwards and tabs as elements.
    static func inline(_ text: String) -> String {
        isPlain(text, spacesToo: true) ? text : inlineByCharacter(text)
    }

    /// `inline`'s character loop, for text that needs it.
    static func inlineByCharacter(_ text: String) -> String {
        var result = ""
        var spaces = 0
        func flush() {
            guard spaces > 0 else { return }
            // A space at the start of a paragraph, or after another, is collapsed unless written as `text:s`.
            if result.isEmpty { result += "<text:s text:c=\"\(spaces)\"/>" }
            else { result += " " + (spaces > 1 ? "<text:s text:c=\"\(spaces - 1)\"/>" : "") }
            spaces = 0
        }
        for character in text {
            if character == " " { spaces += 1; continue }
            flush()
            if character == "\t" { result += "<text:tab/>" } else if character == "\r" { continue } else { result += escape(String(character)) }
        }
        if spaces > 0 { result += "<text:s text:c=\"\(spaces)\"/>" }
        return result
    }

    /// Text for XML content or a double-quoted attribute. Characters XML 1.0 cannot hold (control
    /// characters other than tab and line breaks, U+FFFE, U+FFFF) are dropped; `Data/` refuses
    /// most of them already.
    static func escape(_ text: String) -> String {
        isPlain(text, spacesToo: false) ? text : escapeByScalar(text)
    }

    /// `escape`'s loop over scalars, for text that needs it.
    static func escapeByScalar(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `text` needs no escaping at all, found on its bytes: nearly every cell of a large
    /// workbook, which would otherwise be rebuilt a character at a time. With `spacesToo`, a space
    /// at either end or after another also needs writing out (`inline`). Any doubt (a byte that could
    /// start U+FFFE or U+FFFF) leaves the text to the character loop.
    static func isPlain(_ text: String, spacesToo: Bool) -> Bool {
        var previous: UInt8 = spacesToo ? UInt8(ascii: " ") : 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0xEF: return false
            case UInt8(ascii: " ") where spacesToo && previous == UInt8(ascii: " "): return false
            case UInt8(ascii: "\n") where !spacesToo: break
            case ..<0x20: return false
            default: break
            }
            previous = byte
        }
        return !(spacesToo && previous == UInt8(ascii: " ") && !text.isEmpty)
    }

    /// The letters of a column from its index: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    static func millimetres(_ centimetres: Double) -> Int { Int((centimetres * 10).rounded()) }

    static func centimetres(_ millimetres: Int) -> String {
        "\(millimetres / 10).\(millimetres % 10)cm"
    }
}
