/// What a figure measures.
public enum Measure: String, Sendable, Hashable, CaseIterable, Codable {
    /// A number of instances.
    case count
    /// A percentage of the area's `All platforms` count.
    case share
}
