/// A page's absolute address and the feed's, for canonical and Open Graph links; only with a base URL.
public struct DiscoveryLinksModel: TemplateModel {
    public var url, feed: String

    public static var fields: [TemplateField<Self>] {[.text("url", \.url), .text("feed", \.feed)]}
}
