/// A quote given for the release, published verbatim and always attributed.
public struct Quote: Sendable, Hashable {
    public let id: String
    public let speaker: String
    public let role: String?
    public let organisation: String
    public let source: String
    public let paragraphs: [String]
    /// The areas whose pages carry the quote; empty for the national page only.
    public let areas: [String]

    public init(id: String, speaker: String, role: String?, organisation: String, source: String, paragraphs: [String],
                areas: [String] = []) {
        self.areas = areas
        self.id = id
        self.speaker = speaker
        self.role = role
        self.organisation = organisation
        self.source = source
        self.paragraphs = paragraphs
    }

    /// "Andy Burrows, Head of Child Safety Online Policy, NSPCC"; no organisation repeated in a speaker's name.
    public var attribution: String {
        var parts = [speaker]
        if let role { parts.append(role) }
        if !speaker.contains(organisation) { parts.append(organisation) }
        return parts.joined(separator: ", ")
    }
}
