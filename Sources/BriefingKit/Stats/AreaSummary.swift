/// Everything the statistics know about one area in one period.
public struct AreaSummary: Sendable, Hashable {
    public let area: Area
    public let period: Period
    /// Every instance recorded, whether or not its platform was known (`All recorded` count); nil when not published.
    public let recorded: Figure?
    /// Instances where the platform was known (`All platforms` count), the denominator of shares; nil when not published.
    public let total: Figure?
    /// One entry per platform in `platforms.csv` with any figure in this area and period.
    public let platforms: [PlatformBreakdown]
    public let owners: [OwnerGroup]

    public var hasFigures: Bool { recorded != nil || total != nil || !platforms.isEmpty || owners.contains { $0.share != nil || $0.count != nil } }

    public func owner(_ name: String) -> OwnerGroup? { owners.first { $0.owner == name } }
}
