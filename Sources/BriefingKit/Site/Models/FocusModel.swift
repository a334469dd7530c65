/// A platform or owner the release is about, with its share of those where the breakdown was known.
public struct FocusModel: TemplateModel {
    public var name: String
    public var isOwner: Bool
    public var share, count: Figure?
    public var shareIsPublished: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .flag("is_owner", \.isOwner), .figure("share", \.share), .figure("count", \.count),
        .flag("share_is_published", \.shareIsPublished),
    ]}
}
