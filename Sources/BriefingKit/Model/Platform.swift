/// A platform from `platforms.csv`, with its owner and whether its messages are end-to-end encrypted.
public struct Platform: Sendable, Hashable {
    public let name: String
    public let owner: String?
    public let endToEndEncrypted: Bool?
    /// A residual category ("Other platforms", from `catch_all: yes`): shown, never ranked or called the largest.
    public var isCatchAll = false

    public init(name: String, owner: String?, endToEndEncrypted: Bool?) {
        self.name = name
        self.owner = owner
        self.endToEndEncrypted = endToEndEncrypted
    }

    /// The name that stands for every instance where the platform was known: the denominator of shares.
    public static let all = "All platforms"

    /// The name that stands for every instance recorded, whether or not its platform was known.
    public static let recorded = "All recorded"

    /// The group name for an owner's platforms: `Facebook-owned apps`.
    public static func ownedGroup(_ owner: String) -> String { "\(owner)-owned apps" }
}
