import Foundation

/// What a figure reference in a page's Markdown becomes: the markup around its shown text.
///
/// Templates write a figure as a link, `[1,075](#figure-ref-ID)` (or `#figure-entry-ID` for its
/// own entry on a methods page). `MarkdownRenderer` finds those links on cmark-gfm's syntax
/// tree and asks this type for the `opening` and `closing` markup that replaces the link; the shown
/// text between them stays cmark-gfm's, escaped by its renderer. Pure, so it is tested without C.
///
/// A reference becomes `<a class="figure" href="…methodology/index.html#ID"><data value="…">text</data></a>`
/// (the methods page that holds the entry, as `EntryPages` says: `…methodology/forces/essex/index.html#ID`),
/// an entry `<span class="figure-entry" id="ID"><data value="…">text</data></span>`. A calculated
/// figure carries a † and a title giving how it was obtained, wherever it appears; a marked figure
/// (provisional, revised, …) a title giving the marker's meaning.
public struct FigureMarkup: Sendable, Equatable {
    /// The fragment prefix that marks a link as a reference to a figure.
    ///
    /// Neither prefix begins the other, so an id that starts with `entry-` (an area named
    /// "Entry Bedfordshire") is read as written, not as an entry of `bedfordshire-…`.
    public static let anchorPrefix = "figure-ref-"
    /// The prefix for a figure's own entry on the methods page (the target of the references).
    public static let entryPrefix = "figure-entry-"

    /// Written before the figure's shown text.
    public let opening: String
    /// Written after it.
    public let closing: String

    /// A link written by a template, read from its destination.
    public struct Reference: Sendable, Equatable {
        /// The figure's id, percent-decoding undone.
        public let id: String
        /// True for the figure's own entry (`#figure-entry-…`), false for a link to it.
        public let isEntry: Bool

        public init(id: String, isEntry: Bool) {
            self.id = id
            self.isEntry = isEntry
        }

        /// The reference a link destination makes, or nil when it is an ordinary link.
        ///
        /// Every destination that starts `#figure-ref-` or `#figure-entry-` is a figure reference:
        /// no other anchor on the site has those names, so such a link can only mean a figure, and
        /// one naming no figure is an error rather than a link to nowhere.
        public init?(destination: String) {
            guard destination.hasPrefix("#") else { return nil }
            let fragment = destination.dropFirst()
            let isEntry: Bool, encoded: Substring
            if fragment.hasPrefix(FigureMarkup.entryPrefix) {
                (isEntry, encoded) = (true, fragment.dropFirst(FigureMarkup.entryPrefix.count))
            } else if fragment.hasPrefix(FigureMarkup.anchorPrefix) {
                (isEntry, encoded) = (false, fragment.dropFirst(FigureMarkup.anchorPrefix.count))
            } else {
                return nil
            }
            self.isEntry = isEntry
            // Foundation's decoding is slow, and an id rarely needs it.
            self.id = encoded.utf8.contains(UInt8(ascii: "%")) ? encoded.removingPercentEncoding ?? String(encoded) : String(encoded)
        }
    }

    /// The markup for a figure shown on a page whose path to the site's root is `root` ("" or "../../"),
    /// linking to its entry on the methods page `entries` gives it.
    public init(_ reference: Reference, figure: Figure, root: String, entries: EntryPages = EntryPages()) {
        let data = "<data value=\"\(Self.attribute(figure.value.machineValue))\">"
        let mark = figure.derivation.isComputed ? "<span class=\"calculated\">†</span>" : ""
        var titles: [String] = []
        if let marker = figure.value.marker { titles.append(marker.meaning) }
        if figure.derivation.isComputed { titles.append("calculated for this briefing from published figures; the methods page gives the formula") }
        let title = titles.isEmpty ? "" : " title=\"\(Self.attribute(titles.joined(separator: "; ")))\""
        if reference.isEntry {
            opening = "<span class=\"figure-entry\" id=\"\(Self.attribute(figure.id))\"\(title)>" + data
            closing = "</data>" + mark + "</span>"
        } else {
            opening = "<a class=\"figure\" href=\"\(root)\(entries.path(for: figure))#\(Self.fragment(figure.id))\"\(title)>" + data
            closing = "</data>" + mark + "</a>"
        }
    }

    /// An id as a URL fragment: every byte but `A–Z a–z 0–9 - . _ ~` percent-encoded.
    ///
    /// Ids are built from slugs and never need it; it is here so that no id, whatever it holds,
    /// can end a Markdown link or an HTML attribute early.
    public static func fragment(_ id: String) -> String {
        func unreserved(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
            default: false
            }
        }
        // Every figure link writes one: most ids need no escape, and a Character appended a byte at a time was 1.4% of a build.
        guard !id.utf8.allSatisfy(unreserved) else { return id }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count * 3)
        for byte in id.utf8 {
            if unreserved(byte) { bytes.append(byte) } else { bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for a double-quoted HTML attribute.
    static func attribute(_ text: String) -> String {
        ByteEscaper.attribute(text)
    }
}
