/// A published placeholder where a number would stand. Never zero, never shown as a number.
public enum Marker: String, Sendable, Hashable, CaseIterable, Codable {
    /// `[x]`: the force did not provide data.
    case notProvided = "[x]"
    /// `[c]`: suppressed to protect identities.
    case suppressed = "[c]"
    /// `[z]`: not applicable.
    case notApplicable = "[z]"

    /// What the marker means, for a footnote or a screen reader.
    public var meaning: String {
        switch self {
        case .notProvided: "not provided"
        case .suppressed: "suppressed to protect identities"
        case .notApplicable: "not applicable"
        }
    }
}
