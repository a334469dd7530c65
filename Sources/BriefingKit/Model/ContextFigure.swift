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

    /// Where `value` stands in `statement` as a number of its own: not inside a larger number
    /// ("5%" in "15%") or a word ("12" in "2012"). Nil when it does not.
    public static func range(of value: String, in statement: String) -> Range<String.Index>? {
        var start = statement.startIndex
        while let found = statement.range(of: value, range: start..<statement.endIndex) {
            let before = found.lowerBound > statement.startIndex ? statement[statement.index(before: found.lowerBound)] : nil
            let after = found.upperBound < statement.endIndex ? statement[found.upperBound] : nil
            let joins = { (character: Character?) in character.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "," } ?? false }
            // A trailing full stop or comma ends a sentence or a clause, not a number.
            let afterJoins = after.map { $0 == "." || $0 == "," ? false : joins($0) } ?? false
            if !joins(before), !afterJoins { return found }
            start = statement.index(after: found.lowerBound)
        }
        return nil
    }
}
