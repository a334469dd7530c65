import Foundation

/// The figures behind the site as CSV and JSON, each carrying the release's status label.
///
/// The same columns serve the whole release (`data/figures.csv`, in id order) and each page's own
/// figures (`<page folder>/data.csv`, in the order the page shows them).
public struct DownloadWriter: Sendable {
    public let release: Release
    /// Adds where each published figure is written in `Data/` (for `briefing figures`). Left out of the
    /// site's downloads: it depends on the order of rows, and the site must not.
    public let includeLocations: Bool
    /// "EMBARGOED UNTIL …" while the release is under embargo; nil once it has lifted or when there is none.
    /// The CSV always has an `embargo` column and the JSON an `embargo` field, so that a download's
    /// shape is the same before and after the lift: the line while embargoed, empty (null in JSON) otherwise.
    public let embargo: String?

    public init(release: Release, includeLocations: Bool = false, embargo: String? = nil) {
        self.release = release
        self.includeLocations = includeLocations
        self.embargo = embargo
    }

    var columns: [String] {
        ["id", "label", "value", "shown_as", "how_obtained", "formula", "sources", "period", "area", "note"]
            + (includeLocations ? ["data_location"] : []) + ["status", "embargo"]
    }

    public func csv(_ figures: some Collection<Figure>) -> String {
        // Gathered here rather than by `Data.gathering`, whose emit the compiler must take as throwing.
        var whole = Data()
        csv(figures) { whole.append($0) }
        return String(decoding: whole, as: UTF8.self)
    }

    /// The CSV in pieces of about 64 KB, for a download too large to hold whole.
    public func csv(_ figures: some Collection<Figure>, emit: (Data) throws -> Void) rethrows {
        var stream = csvStream()
        for figure in figures {
            if let piece = stream.add(figure) { try emit(piece) }
        }
        if let rest = stream.finish() { try emit(rest) }
    }

    /// A CSV made a figure at a time: the columns' line, then a line per figure, handed out about
    /// 64 KB at a time, so that several downloads can be made in one pass over the figures.
    public struct CSVStream {
        let writer: DownloadWriter
        private var piece: String

        init(_ writer: DownloadWriter) {
            self.writer = writer
            piece = writer.columns.joined(separator: ",") + "\r\n"
        }

        /// Adds a figure's line; the bytes made so far once there are 64 KB of them.
        public mutating func add(_ figure: Figure) -> Data? {
            piece += writer.row(figure).map(DownloadWriter.csvField).joined(separator: ",") + "\r\n"
            guard piece.utf8.count >= 1 << 16 else { return nil }
            defer { piece = "" }
            return Data(piece.utf8)
        }

        /// The bytes not yet handed out; nil when the last figure's filled a piece.
        public mutating func finish() -> Data? {
            defer { piece = "" }
            return piece.isEmpty ? nil : Data(piece.utf8)
        }
    }

    public func csvStream() -> CSVStream { CSVStream(self) }

    /// The figures as a JSON document; `page` names the page they are the figures of (left out for the whole release).
    public func json(_ figures: some Collection<Figure>, page: String? = nil) throws -> String {
        String(decoding: try Data.gathering { emit in try json(figures, page: page, emit: emit) }, as: UTF8.self)
    }

    /// The JSON document in pieces, one figure at a time, byte for byte what one `JSONEncoder` pass over
    /// the whole document writes (sorted keys, pretty-printed), without ever holding it whole.
    public func json(_ figures: some Collection<Figure>, page: String? = nil, emit: (Data) throws -> Void) throws {
        var stream = try jsonStream(page: page)
        for figure in figures {
            if let piece = try stream.add(figure) { try emit(piece) }
        }
        try emit(stream.finish())
    }

    /// A JSON document made a figure at a time (`json(_:page:emit:)`), handed out about 64 KB at a time.
    public struct JSONStream {
        let writer: DownloadWriter
        /// The document around an empty list, split where the figures go.
        private let frame: String
        private let open: String.Index?
        private let close: String.Index?
        private var piece: [UInt8] = []
        private var count = 0

        init(_ writer: DownloadWriter, page: String?) throws {
            self.writer = writer
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let release = writer.release
            let frame = String(decoding: try encoder.encode(FiguresDocument(release: release.title, organisation: release.organisation, status: release.status,
                                                                            embargo: writer.embargo, period: release.period.code, page: page, figures: [])),
                               as: UTF8.self) + "\n"
            let key = "\"figures\" : ["
            let open = frame.range(of: key)?.upperBound
            self.frame = frame
            self.open = open
            close = open.flatMap { frame[$0...].firstIndex(of: "]") }
            piece.reserveCapacity(1 << 17)
        }

        /// Adds a figure's object to the list; the bytes made so far once there are 64 KB of them.
        public mutating func add(_ figure: Figure) throws -> Data? {
            guard let open, close != nil else { return nil }
            if count == 0 { piece.append(contentsOf: frame[..<open].utf8) }
            piece.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
            count += 1
            // The object indented two levels deeper, as it sits in the list.
            try JSONValue.write(object: writer.fields(json: figure), indent: 4, to: &piece)
            guard piece.count >= 1 << 16 else { return nil }
            defer { piece.removeAll(keepingCapacity: true) }
            return Data(piece)
        }

        /// The rest of the document: with no figures, the document around an empty list.
        public mutating func finish() -> Data {
            defer { piece.removeAll() }
            guard count > 0, let close else { return Data(frame.utf8) }
            piece.append(contentsOf: ("\n  " + frame[close...]).utf8)
            return Data(piece)
        }
    }

    public func jsonStream(page: String? = nil) throws -> JSONStream { try JSONStream(self, page: page) }

    /// A figure's JSON object. Typed: a count is a number, a percentage a number, a marker a marker
    /// (never a zero, never a number).
    fileprivate func fields(json figure: Figure) -> [String: JSONValue] {
        var fields = Dictionary(uniqueKeysWithValues: zip(columns, row(figure))
            .filter { $0.0 != "status" && $0.0 != "embargo" }
            .map { ($0.0, JSONValue.text($0.1)) })
        fields["value"] = JSONValue(figure.value)
        fields["marker"] = figure.value.marker.map { .text($0.rawValue) } ?? .null
        return fields
    }

    /// A figure's fields, by column name: what the CSV and JSON write, and the CLI's table shows.
    public func fields(_ figure: Figure) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(columns, row(figure)))
    }

    fileprivate func row(_ figure: Figure) -> [String] {
        let location: String = if case .published(let location) = figure.derivation { location.description } else { "" }
        return [figure.id, figure.label, figure.value.machineValue, FigureWording.display(figure),
                figure.derivation.isComputed ? "calculated" : "published", figure.derivation.isComputed ? figure.derivation.formula : "",
                figure.sources.joined(separator: " "), figure.period?.code ?? "", figure.area ?? "", figure.note ?? ""]
            + (includeLocations ? [location] : []) + [release.status, embargo ?? ""]
    }

    /// Quotes a field when it holds a comma, quote or line break; a leading = + - @ is prefixed
    /// with a quote mark so that spreadsheets do not run it as a formula.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        // By scalar: Swift reads CR LF as one Character, which equals neither "\n" nor "\r".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + ByteEscaper.escape(text) { $0 == UInt8(ascii: "\"") ? "\"\"" : nil } + "\""
    }
}

/// The JSON download around its list of figures.
private struct FiguresDocument: Encodable {
    let release: String
    let organisation: String
    let status: String
    let embargo: String?
    let period: String
    let page: String?
    let figures: [[String: JSONValue]]

    enum CodingKeys: String, CodingKey { case release, organisation, status, embargo, period, page, figures }

    // Every key always written, `embargo` as null when there is none.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(release, forKey: .release)
        try container.encode(organisation, forKey: .organisation)
        try container.encode(status, forKey: .status)
        try container.encode(embargo, forKey: .embargo)
        try container.encode(period, forKey: .period)
        try container.encodeIfPresent(page, forKey: .page)
        try container.encode(figures, forKey: .figures)
    }
}
