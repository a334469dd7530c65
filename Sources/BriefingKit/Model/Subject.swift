/// What a release counts and how it breaks the count down, in the release's own words.
///
/// Templates never name the subject of one release: they print these, from `release.yaml`.
/// The defaults are plain and true of any release in the data contract, so that an older
/// `Data/` without `subject:` or `breakdown:` still builds, in generic words.
public struct Subject: Sendable, Hashable {
    /// One of what is counted: "online child sex crime", "offence of sexual communication with a child".
    public var singular: String
    public var plural: String
    /// What a breakdown is called: "platform", "platforms".
    public var breakdownSingular: String
    public var breakdownPlural: String
    /// The universe of the breakdown's shares: "where the means of communication was known".
    public var known: String
    /// How an owner's platforms are named on pages, with `{owner}` for the owner: "{owner}-owned apps".
    public var ownerGroup: String

    public init(singular: String = "instance", plural: String = "instances", breakdownSingular: String = "platform",
                breakdownPlural: String = "platforms", known: String = "where the platform was known",
                ownerGroup: String = "{owner}-owned apps") {
        self.singular = singular
        self.plural = plural
        self.breakdownSingular = breakdownSingular
        self.breakdownPlural = breakdownPlural
        self.known = known
        self.ownerGroup = ownerGroup
    }

    /// "Meta-owned products" for the owner "Meta".
    public func ownerGroupName(_ owner: String) -> String {
        ownerGroup.replacingOccurrences(of: "{owner}", with: owner)
    }
}
