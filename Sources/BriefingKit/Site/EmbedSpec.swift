/// One embed to build: a kind of embed for one area, and where it and its briefing page live.
public struct EmbedSpec: Sendable {
    public let kind: EmbedKind
    public let area: Area
    /// The folder of the area's briefing page, from the site's root ("" for the national page).
    public let page: String

    public init(kind: EmbedKind, area: Area, page: String) {
        self.kind = kind
        self.area = area
        self.page = page
    }

    /// `embed/<area-slug>/<name>`: the embed's id (its Datawrapper chart id), and its path without extension.
    public var id: String { "embed/\(area.slug)/\(kind.name)" }
    /// The embed page, from the site's root.
    public var path: String { id + ".html" }
    /// Its oEmbed file, beside it.
    public var oEmbedPath: String { id + ".json" }
    /// From the embed page back to the site's root.
    public static let root = "../../"
}
