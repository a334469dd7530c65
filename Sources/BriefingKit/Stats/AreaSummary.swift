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

    /// The platform with the most, when every one of `platforms` (the release's, catch-alls aside)
    /// has a count here and one is strictly ahead; nil otherwise: a platform with no count could be the largest.
    public func largest(of platforms: [Platform]) -> PlatformBreakdown? {
        let ranked = platforms.filter { !$0.isCatchAll }
        let counted = ranked.compactMap { platform in
            self.platforms.first { $0.platform == platform }.flatMap { item in item.count?.value.count.map { (item, $0) } }
        }
        guard ranked.count >= 2, counted.count == ranked.count else { return nil }
        let sorted = counted.sorted { $0.1 > $1.1 }
        return sorted[0].1 > sorted[1].1 ? sorted[0].0 : nil
    }
}
