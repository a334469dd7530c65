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

    public func csv(_ figures: [Figure]) -> String {
        // Gathered here rather than by `Data.gathering`, whose emit the compiler must take as throwing.
        var whole = Data()
        csv(figures) { whole.append($0) }
        return String(decoding: whole, as: UTF8.self)
    }

    /// The CSV in pieces of about 64 KB, for a download too large to hold whole.
    public func csv(_ figures: [Figure], emit: (Data) throws -> Void) rethrows {
        var piece = columns.joined(separator: ",") + "\r\n"
        for figure in figures {
            piece += row(figure).map(Self.csvField).joined(separator: ",") + "\r\n"
            if piece.utf8.count >= 1 << 16 {
                try emit(Data(piece.utf8))
                piece = ""
            }
        }
        if !piece.isEmpty { try emit(Data(piece.utf8)) }
    }

    /// The figures as a JSON document; `page` names the page they are the figures of (left out for the whole release).
    public func json(_ figures: [Figure], page: String? = nil) throws -> String {
        String(decoding: try Data.gathering { emit in try json(figures, page: page, emit: emit) }, as: UTF8.self)
    }

    /// The JSON document in pieces, one figure at a time, byte for byte what one `JSONEncoder` pass over
    /// the whole document writes (sorted keys, pretty-printed), without ever holding it whole.
    public func json(_ figures: [Figure], page: String? = nil, emit: (Data) throws -> Void) throws {
        struct Document: Encodable {
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The document around an empty list, then each figure put into the list as the encoder would indent it.
        let frame = String(decoding: try encoder.encode(Document(release: release.title, organisation: release.organisation, status: release.status,
                                                                 embargo: embargo, period: release.period.code, page: page, figures: [])),
                           as: UTF8.self) + "\n"
        let key = "\"figures\" : ["
        guard !figures.isEmpty, let open = frame.range(of: key), let close = frame[open.upperBound...].firstIndex(of: "]") else {
            try emit(Data(frame.utf8))
            return
        }
        var piece = [UInt8](frame[..<open.upperBound].utf8)
        piece.reserveCapacity(1 << 17)
        for (index, figure) in figures.enumerated() {
            piece.append(contentsOf: (index == 0 ? "\n    " : ",\n    ").utf8)
            // The object indented two levels deeper, as it sits in the list.
            try JSONValue.write(object: fields(json: figure), indent: 4, to: &piece)
            if piece.count >= 1 << 16 {
                try emit(Data(piece))
                piece.removeAll(keepingCapacity: true)
            }
        }
        piece.append(contentsOf: ("\n  " + frame[close...]).utf8)
        try emit(Data(piece))
    }

    /// A figure's JSON object. Typed: a count is a number, a percentage a number, a marker a marker
    /// (never a zero, never a number).
    private func fields(json figure: Figure) -> [String: JSONValue] {
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

    private func row(_ figure: Figure) -> [String] {
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
