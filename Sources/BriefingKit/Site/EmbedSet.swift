/// The embeds of a site, built: their files, and what each briefing page shows of its own.
public struct EmbedSet: Sendable {
    /// One built embed.
    public struct Embed: Sendable {
        public let spec: EmbedSpec
        /// The first level-1 heading of its content.
        public let title: String
        public let code: EmbedCode
        /// The embed page and its oEmbed file.
        public let files: [SiteFile]
        /// The figures it shows, by id.
        public let shown: [String: Figure]
    }

    public let embeds: [Embed]
    /// The site's address, or nil.
    public let baseURL: String?

    public init(embeds: [Embed] = [], baseURL: String? = nil) {
        self.embeds = embeds
        self.baseURL = baseURL
    }

    public var files: [SiteFile] { embeds.flatMap(\.files) }

    /// Every figure the embeds show, by id.
    public var shown: [String: Figure] {
        embeds.reduce(into: [:]) { all, embed in all.merge(embed.shown) { first, _ in first } }
    }

    /// What a briefing page's layout gets: `embeds` (each with its `title`, the `code` to copy,
    /// `href`, the embed page, and `oembed_href`, its oEmbed file, for the discovery `<link>`),
    /// `has_embeds`, and `embed_code_is_relative` (no site address, so the code's address is its path).
    /// Every page gets the fields, the methods page with no embeds.
    public func layoutFields(for page: PageSpec) -> [String: TemplateValue] {
        let own = embeds.filter { $0.spec.page == page.folder }
        return [
            "embeds": .list(own.map { embed in
                .object([
                    "title": .text(embed.title),
                    "code": .text(embed.code.html),
                    "href": .text(page.root + embed.spec.path),
                    "oembed_href": .text((baseURL ?? page.root) + embed.spec.oEmbedPath),
                ])
            }),
            "has_embeds": .bool(!own.isEmpty),
            "embed_code_is_relative": .bool(baseURL == nil),
        ]
    }
}
