/// A figure from another body that the release cites, from `context.yaml`.
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
    /// Where the item starts in `context.yaml`.
    public let location: SourceLocation

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
