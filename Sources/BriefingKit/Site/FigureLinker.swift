import Foundation

/// Turns the figure links that templates write (`[1,075](#figure-id)`) into `<data>` elements that
/// link to the figure's entry on the methods page.
///
/// A calculated figure carries a † and a title giving its formula, wherever it appears.
public struct FigureLinker: Sendable {
    /// The fragment prefix that marks a link as a figure reference in rendered Markdown.
    ///
    /// Neither prefix begins the other, so an id that starts with `entry-` (an area named
    /// "Entry Bedfordshire") is read as written, not as an entry of `bedfordshire-…`.
    public static let anchorPrefix = "figure-ref-"
    /// The prefix for a figure's own entry on the methods page (the target of the links).
    public static let entryPrefix = "figure-entry-"

    public let figures: [String: Figure]
    /// The path from the page to the site's root: "" or "../../".
    public let root: String

    public init(figures: [String: Figure], root: String) {
        self.figures = figures
        self.root = root
    }

    private static let pattern = try! NSRegularExpression(
        pattern: "<a href=\"#(\(entryPrefix)|\(anchorPrefix))([A-Za-z0-9._~%-]+)\">(.*?)</a>", options: [.dotMatchesLineSeparators])

    /// Rewrites every figure link; an id with no figure is an error (a hand-written link to nothing).
    public func link(_ html: String, page: String) throws -> String {
        let text = html as NSString
        var result = ""
        var last = 0
        var unknown: [String] = []
        for match in Self.pattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            let isEntry = text.substring(with: match.range(at: 1)) == Self.entryPrefix
            let encoded = text.substring(with: match.range(at: 2))
            let id = encoded.removingPercentEncoding ?? encoded
            let shown = text.substring(with: match.range(at: 3))
            last = match.range.location + match.range.length
            guard let figure = figures[id] else {
                unknown.append(id)
                continue
            }
            let data = "<data value=\"\(Self.attribute(figure.value.machineValue))\">\(shown)</data>"
            let mark = figure.derivation.isComputed ? "<span class=\"calculated\">†</span>" : ""
            var titles: [String] = []
            if let marker = figure.value.marker { titles.append(marker.meaning) }
            if figure.derivation.isComputed { titles.append("calculated for this briefing from published figures; the methods page gives the formula") }
            let title = titles.isEmpty ? "" : " title=\"\(Self.attribute(titles.joined(separator: "; ")))\""
            if isEntry {
                result += "<span class=\"figure-entry\" id=\"\(Self.attribute(id))\"\(title)>\(data)\(mark)</span>"
            } else {
                result += "<a class=\"figure\" href=\"\(root)methodology/index.html#\(Self.fragment(id))\"\(title)>\(data)\(mark)</a>"
            }
        }
        result += text.substring(from: last)
        if !unknown.isEmpty {
            throw BriefingError(step: "lay out pages", diagnostics: unknown.map {
                .error("\(page) links to figure '\($0)', which no statistic gives", at: nil)
            })
        }
        return result
    }

    /// An id as a URL fragment: every byte but `A–Z a–z 0–9 - . _ ~` percent-encoded.
    ///
    /// Ids are built from slugs and never need it; it is here so that no id, whatever it holds,
    /// can end a Markdown link or an HTML attribute early.
    public static func fragment(_ id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
