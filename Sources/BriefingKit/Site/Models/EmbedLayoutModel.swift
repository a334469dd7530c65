/// What `embed.html` frames an embed with, beside the shared values (`release`, `embargo` …).
public struct EmbedLayoutModel: TemplateModel {
    /// The first heading of the embed's content.
    public var title: String
    /// The embed's HTML, inserted with `{{{content}}}`.
    public var content: String
    /// `embed/<area-slug>/<name>`: its id in the Datawrapper message, on `<html data-embed-id>`.
    public var embedID: String
    /// `EmbedScript.source`, inserted with `{{{script}}}`.
    public var script: String
    /// The page's Content Security Policy, which allows the script by its hash; inserted with `{{{policy}}}`.
    public var policy: String
    /// The embed's oEmbed file, for its discovery `<link>`: only with a base URL (nil writes no link).
    public var oembedHref: String?
    /// The area's briefing page: absolute with a base URL.
    public var briefingHref: String
    /// The sources of the figures the embed shows, in `sources.csv` order.
    public var sources: [EmbedSourceModel]
    public var hasSources: Bool
    public var severalSources: Bool
    /// A figure shown was calculated, so the † needs its key.
    public var hasCalculated: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("title", \.title), .html("content", \.content), .text("embed_id", \.embedID), .html("script", \.script),
        .html("policy", \.policy), .text("oembed_href", \.oembedHref), .text("briefing_href", \.briefingHref),
        .list("sources", \.sources), .flag("has_sources", \.hasSources), .flag("several_sources", \.severalSources),
        .flag("has_calculated", \.hasCalculated),
    ]}
}
