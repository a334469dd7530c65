/// How a figure was obtained: as published, or computed by this tool from other figures.
public enum Derivation: Sendable, Hashable {
    /// The calculations the tool makes.
    public enum Operation: String, Sendable, Hashable {
        /// The inputs added up.
        case sum
        /// The first input as a percentage of the second.
        case share
        /// The first input minus the second.
        case difference
        /// How many inputs there are.
        case count
    }

    /// As published; `location` is where the figure is written in `Data/` (kept out of line, as
    /// `Figure` is held by the half million).
    indirect case published(location: SourceLocation)
    /// Computed by this tool from the figures with these ids.
    case computed(Operation, inputs: [String])

    public var isComputed: Bool {
        if case .computed = self { return true }
        return false
    }

    /// The formula over figure ids: `a + b + c`, `a / b × 100`, `a − b`; "published" for a published figure.
    public var formula: String {
        switch self {
        case .published: "published"
        case .computed(.sum, let inputs): inputs.joined(separator: " + ")
        case .computed(.share, let inputs): "\(inputs.first ?? "") / \(inputs.dropFirst().first ?? "") × 100"
        case .computed(.difference, let inputs): "\(inputs.first ?? "") − \(inputs.dropFirst().first ?? "")"
        case .computed(.count, let inputs): "count of " + inputs.joined(separator: ", ")
        }
    }
}
