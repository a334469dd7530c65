/// A press contact.
public struct ContactModel: TemplateModel {
    public var name: String
    public var role, email, phone: String?

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .text("role", \.role), .text("email", \.email), .text("phone", \.phone),
    ]}
}
