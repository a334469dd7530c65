/// An area's share set against the national share: the difference in points and whether it is significant.
public struct ShareComparison: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        /// The two figures as shown are equal.
        case same
        /// The national share lies inside the area's 95% interval.
        case similar
        case higher
        case lower
    }

    public let area: String
    public let period: Period
    /// The group or platform compared (`Facebook-owned apps`).
    public let subject: String
    public let share: Figure
    public let national: Figure
    /// Area share minus national share, in percentage points.
    public let difference: Figure
    /// The area share's 95% Wilson interval, in percent; nil when the area's total is not known.
    public let interval: WilsonInterval?
    public let direction: Direction
}
