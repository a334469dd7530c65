/// A count set against the same count in the previous period, and whether the two can fairly be compared.
public struct PeriodChange: Sendable, Hashable {
    public let area: String
    public let current: Figure
    public let previous: Figure
    /// True only when the same forces stand behind both figures.
    public let comparable: Bool
    /// Why the figures are not directly comparable (or on what basis they are).
    public let basis: String
    /// Forces present in both periods, and forces in the area, when known.
    public let forcesInBoth: Int?
    public let forcesInArea: Int?
    /// Current minus previous over the comparable forces; nil when not comparable.
    public let difference: Figure?
    /// The difference as a percentage of the previous figure; nil when not comparable.
    public let percentChange: Figure?
}
