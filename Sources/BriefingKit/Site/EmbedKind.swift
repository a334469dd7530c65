/// One kind of embed: what its file is called, which template fills it, and which areas have one.
///
/// Every kind is built for every area with a briefing page that `applies` accepts, as
/// `embed/<area-slug>/<name>.html` (with its oEmbed file `<name>.json`), framed by
/// `Templates/embed.html`. The content template is filled like a briefing page, with the area
/// as `area`; its first level-1 heading is the embed's title.
///
/// The hook for more embeds (a chart, say): add a kind to `all`, with a template under
/// `Templates/` that holds one chart (`{{#area}}# {{name}}: … {{> chart-series}}{{/area}}`) and an
/// `applies` that says which areas have that chart. Nothing else changes: the briefing page of
/// each such area then shows its embed code too.
public struct EmbedKind: Sendable {
    /// The file name without `.html`: `key-figures`.
    public let name: String
    /// The content template, without `.md`: `embed-key-figures`.
    public let template: String
    /// The frame's height before the embed has told its parent its own, in CSS pixels: what the
    /// embed code and the oEmbed file give, and what a page that runs no script keeps.
    public let initialHeight: Int
    /// Whether an area (one with a briefing page) has this embed.
    let applies: @Sendable (Area, Statistics) -> Bool

    public init(name: String, template: String, initialHeight: Int, applies: @escaping @Sendable (Area, Statistics) -> Bool) {
        self.name = name
        self.template = template
        self.initialHeight = initialHeight
        self.applies = applies
    }

    /// An area's key figures (`Templates/key-figures.md`): for the whole release, and for every
    /// other area with figures for the release period.
    public static let keyFigures = EmbedKind(name: "key-figures", template: "embed-key-figures", initialHeight: 520) { area, statistics in
        area.parent == nil || statistics.current[area.name]?.hasFigures == true
    }

    /// Every kind, in the order the briefing pages list their embed codes.
    public static let all: [EmbedKind] = [.keyFigures]
}
