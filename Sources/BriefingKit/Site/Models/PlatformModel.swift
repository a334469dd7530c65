/// One platform's count and shares in an area and period.
public struct PlatformModel: TemplateModel {
    public var name: String
    public var count, share, shareOfOwner: Figure?
    public var encrypted: Bool
    public var ownerName: String?

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .figure("count", \.count), .figure("share", \.share), .figure("share_of_owner", \.shareOfOwner),
        .flag("encrypted", \.encrypted), .text("owner_name", \.ownerName),
    ]}
}
