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
        var lines = [columns.joined(separator: ",")]
        for figure in figures {
            lines.append(row(figure).map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The figures as a JSON document; `page` names the page they are the figures of (left out for the whole release).
    public func json(_ figures: [Figure], page: String? = nil) throws -> String {
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
        // Typed: a count is a number, a percentage a number, a marker a marker (never a zero, never a number).
        let document = Document(release: release.title, organisation: release.organisation, status: release.status,
                                embargo: embargo, period: release.period.code, page: page,
                                figures: figures.map { figure in
                                    var fields = Dictionary(uniqueKeysWithValues: zip(columns, row(figure))
                                        .filter { $0.0 != "status" && $0.0 != "embargo" }
                                        .map { ($0.0, JSONValue.text($0.1)) })
                                    fields["value"] = JSONValue(figure.value)
                                    fields["marker"] = figure.value.marker.map { .text($0.rawValue) } ?? .null
                                    return fields
                                })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
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
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
