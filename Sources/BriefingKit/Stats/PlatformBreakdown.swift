/// One platform's figures in an area and period.
public struct PlatformBreakdown: Sendable, Hashable {
    public let platform: Platform
    /// Instances on this platform, as published (or a marker); nil when not published.
    public let count: Figure?
    /// Share of the area's instances: published, or calculated from the counts.
    public let share: Figure?
    /// Share of the owner's apps' instances (WhatsApp of Facebook-owned apps), calculated.
    public let shareOfOwner: Figure?
}
