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

    /// Puts a briefing page's embeds in its layout: each with its title, its iframe to copy, the
    /// embed page and, with a base URL, its oEmbed file (for the discovery `<link>`); the listener that sizes them all,
    /// to copy once; and whether the code's address is relative (no base URL). The methods page,
    /// which has no embed, gets none.
    public func add(to layout: inout LayoutModel, for page: PageSpec) {
        let own = embeds.filter { $0.spec.page == page.folder }
        layout.embeds = own.map { embed in
            EmbedCodeModel(title: embed.title, code: embed.code.iframe, href: page.root + embed.spec.path,
                           oembedHref: baseURL.map { $0 + embed.spec.oEmbedPath })
        }
        layout.hasEmbeds = !own.isEmpty
        layout.embedListener = own.first?.code.listener ?? ""
        layout.embedCodeIsRelative = baseURL == nil
    }
}
