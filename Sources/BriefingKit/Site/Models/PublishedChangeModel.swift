/// A change the release itself reports, checked when the tool's own change from the same base is like for like.
public struct PublishedChangeModel: TemplateModel {
    public var change: Figure
    public var since: String
    public var checked, increase, decrease: Bool

    public static var fields: [TemplateField<Self>] {[
        .figure("change", \.change), .text("since", \.since), .flag("checked", \.checked),
        .flag("increase", \.increase), .flag("decrease", \.decrease),
    ]}
}
