/// Everything the statistics know about one area in one period.
public struct AreaSummary: Sendable, Hashable {
    public let area: Area
    public let period: Period
    /// Instances where the means of communication was known (`All platforms` count); nil when not published.
    public let total: Figure?
    /// One entry per platform in `platforms.csv` with any figure in this area and period.
    public let platforms: [PlatformBreakdown]
    public let owners: [OwnerGroup]

    public var hasFigures: Bool { total != nil || !platforms.isEmpty || owners.contains { $0.share != nil || $0.count != nil } }

    public func owner(_ name: String) -> OwnerGroup? { owners.first { $0.owner == name } }
}
