/// What `layout.html` frames a page with, beside the shared values.
public struct LayoutModel: TemplateModel {
    public var title: String
    /// The page's HTML, inserted with `{{{content}}}`.
    public var content: String
    /// The build time, when `--now` or SOURCE_DATE_EPOCH gives one.
    public var builtAt: String?
    /// One flag per navigation section, so that the layout can mark the current one.
    public var sectionNational = false, sectionRegions = false, sectionForces = false, sectionMethodology = false
    /// The page's description for search engines and link previews, from the release's own words.
    public var description = ""
    /// The page's absolute address and the feed's, with a base URL.
    public var discovery: DiscoveryLinksModel?
    /// The page shows figures, so the layout offers its own downloads (`data.csv`, `data.json`).
    public var pageFigures = false
    /// The page's embeds, with the code to copy (`EmbedSet.layoutFields`); none on the methods page.
    public var embeds: [EmbedCodeModel] = []
    public var hasEmbeds = false
    /// The script that sizes every frame of the page's embeds, once per newsroom page, as text.
    public var embedListener = ""
    /// No base URL: the code's address is the embed's path from the site's root, and the layout says so.
    public var embedCodeIsRelative = false

    public init(title: String, content: String, builtAt: String?, section: String) {
        self.title = title
        self.content = content
        self.builtAt = builtAt
        sectionNational = section == "national"
        sectionRegions = section == "regions"
        sectionForces = section == "forces"
        sectionMethodology = section == "methodology"
    }

    public static var fields: [TemplateField<Self>] {[
        .text("title", \.title), .html("content", \.content), .text("built_at", \.builtAt),
        .flag("section_national", \.sectionNational), .flag("section_regions", \.sectionRegions),
        .flag("section_forces", \.sectionForces), .flag("section_methodology", \.sectionMethodology),
        .text("description", \.description), .optional("discovery", \.discovery),
        .flag("page_figures", \.pageFigures),
        .list("embeds", \.embeds), .flag("has_embeds", \.hasEmbeds), .text("embed_listener", \.embedListener),
        .flag("embed_code_is_relative", \.embedCodeIsRelative),
    ]}
}
