/// A figure from another body that the release cites (`context.yaml`), or one of the release's
/// own figures of another breakdown, with its denominator (`findings.yaml`: "83% of victims
/// where gender was known").
public struct ContextFigure: Sendable, Hashable {
    public let id: String
    public let statement: String
    /// The figure as given (`1.3%`), when the release gives one.
    public let value: String?
    /// The wording, when the release gives only words (`nearly three quarters`).
    public let phrase: String?
    public let source: String
    public let verified: Bool
    public let note: String?
    /// Where the item starts in its file.
    public let location: SourceLocation
    /// True for the release's own figures (`findings.yaml`), false for other bodies' (`context.yaml`).
    public var isFinding = false
    /// What a finding's share is of: "victims where gender was known".
    public var of: String? = nil
    /// The areas whose pages carry a finding; empty for the national page.
    public var areas: [String] = []

    public init(id: String, statement: String, value: String?, phrase: String?, source: String, verified: Bool, note: String?,
                location: SourceLocation) {
        self.location = location
        self.id = id
        self.statement = statement
        self.value = value
        self.phrase = phrase
        self.source = source
        self.verified = verified
        self.note = note
    }
}
