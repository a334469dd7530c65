/// The focus owner's platforms together, with its share published and calculated.
public struct OwnerModel: TemplateModel {
    public var name = "", owner = ""
    public var count, share: Figure?
    public var shareIsPublished = false
    public var publishedShare, calculatedShare: Figure?
    public var sharesDisagree = false
    /// Its end-to-end encrypted platforms with a share of the owner's count.
    public var encrypted: [PlatformModel] = []

    public init() {}

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .text("owner", \.owner), .figure("count", \.count), .figure("share", \.share),
        .flag("share_is_published", \.shareIsPublished), .figure("published_share", \.publishedShare),
        .figure("calculated_share", \.calculatedShare), .flag("shares_disagree", \.sharesDisagree), .list("encrypted", \.encrypted),
    ]}
}
