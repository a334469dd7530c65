/// What a figure measures.
public enum Measure: String, Sendable, Hashable, CaseIterable, Codable {
    /// A number of instances.
    case count
    /// A percentage of the area's `All platforms` count (the instances where the breakdown was known).
    case share
    /// A published percentage change of the count since the row's `base_period`.
    case change
}
