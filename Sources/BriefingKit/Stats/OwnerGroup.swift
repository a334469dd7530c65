/// The figures for all platforms of one owner (`Facebook-owned apps`) in an area and period.
public struct OwnerGroup: Sendable, Hashable {
    public let owner: String
    /// `Facebook-owned apps`.
    public let name: String
    /// Instances on the owner's apps: published, or the sum of its platforms' counts.
    public let count: Figure?
    /// The share to quote: the published share when there is one (a published figure always wins), else the calculated one.
    public let share: Figure?
    public let publishedShare: Figure?
    /// The share calculated from counts, whether or not a share was published.
    public let calculatedShare: Figure?
    /// True when a published and a calculated share disagree by more than rounding.
    public let sharesDisagree: Bool
}
