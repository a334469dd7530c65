/// A count set against the same count in the previous period, and whether the two can fairly be compared.
public struct PeriodChange: Sendable, Hashable {
    /// On what basis the two figures can or cannot be compared. Templates word it.
    public enum Basis: Sendable, Hashable {
        /// A force against itself.
        case sameForce
        /// Compared over the forces of an area with a count in both periods: how many, of how many forces in the area.
        case forcesInBoth(count: Int, of: Int)
        /// Different forces of an area gave figures: the ids of their figures in the previous period and in this one.
        case differentForces(previous: [String], current: [String])
        /// No force-level figures for this period, so which forces stand behind the total is not known.
        case forcesUnknown(Period)
        /// The release says how many forces answered in each period, and the numbers differ.
        case coverageDiffers(previous: Release.Coverage, current: Release.Coverage)
        /// The area's published figure is not the sum of its forces' figures in one of the periods, so
        /// which forces stand behind it, and whether they are the same, is not known.
        case forcesDoNotAddUp
        /// The two periods are of different lengths (six months against a year).
        case differentLengths
        /// The release says the same forces stand behind the area's figures in every period.
        case sameCoverage(Release.Coverage)
        /// The release does not say which forces answered in each period.
        case coverageUnknown
    }

    public let area: String
    public let current: Figure
    public let previous: Figure
    /// True only when the same forces stand behind both figures.
    public let comparable: Bool
    public let basis: Basis
    /// Current minus previous; nil when not comparable.
    public let difference: Figure?
    /// The difference as a percentage of the previous figure; nil when not comparable.
    public let percentChange: Figure?
}
