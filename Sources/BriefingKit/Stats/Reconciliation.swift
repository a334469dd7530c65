/// A parent figure set against the sum of its children in the same period.
public struct Reconciliation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Platform counts against the area's `All platforms` count.
        case platforms
        /// An owner's platforms against the published count for the owner's apps.
        case owner
        /// Forces against their region.
        case areas
    }

    public let kind: Kind
    public let period: Period
    public let area: String
    public let platform: String
    public let parent: Figure
    /// Children with a count.
    public let children: [Figure]
    /// Children that have no count: a marker (`[x]`) or no row at all. Never counted as zero.
    public let missing: [String]
    public let sum: Int
    /// The parent minus the sum of the children: positive when children fall short.
    public var gap: Int { (parent.value.count ?? 0) - sum }
    public var reconciles: Bool { gap == 0 }
}

extension Reconciliation {
    /// What the parts are, in the ids of the sum and the gap.
    private var partsName: String { kind == .areas ? "forces" : "platforms" }

    /// The sum of the children, as a calculated figure.
    public var sumFigure: Figure {
        Figure(id: FigureID.derived(from: parent.id, partsName + "-sum"), label: "Sum of \(kind == .areas ? "the forces' figures" : "the platform counts") for \(parent.label)",
               value: .count(sum), derivation: .computed(.sum, inputs: children.map(\.id)),
               sources: Ratio.sources(of: children), period: period, area: area)
    }

    /// The parent minus the sum of its children, as a calculated figure.
    public var gapFigure: Figure {
        Figure(id: FigureID.derived(from: parent.id, partsName + "-gap"), label: "Published figure minus the sum of its parts: \(parent.label)",
               value: .count(gap), derivation: .computed(.difference, inputs: [parent.id, sumFigure.id]),
               sources: Ratio.sources(of: [parent] + children), period: period, area: area)
    }
}
