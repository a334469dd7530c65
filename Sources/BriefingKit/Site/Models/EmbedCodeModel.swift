/// One embed of a briefing page, as its layout shows it: the code to copy, and where the embed and
/// its oEmbed file are.
public struct EmbedCodeModel: TemplateModel {
    /// The embed's title (its first heading): the frame's accessible name.
    public var title: String
    /// The iframe, as text: the layout escapes it into a code block.
    public var code: String
    /// The embed page, from this page.
    public var href: String
    /// Its oEmbed file, absolute, for the discovery `<link>`: only with a base URL (nil writes no link).
    public var oembedHref: String?

    public static var fields: [TemplateField<Self>] {[
        .text("title", \.title), .text("code", \.code), .text("href", \.href), .text("oembed_href", \.oembedHref),
    ]}
}
