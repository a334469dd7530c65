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
    /// Children with a count, in order.
    public var children: [Figure] { parts.figures }
    /// How many children have a count, without making their figures.
    public var childCount: Int { parts.count }
    private let parts: Parts
    /// Children that have no count: a marker (`[x]`) or no row at all. Never counted as zero.
    public let missing: [String]
    public let sum: Int

    public init(kind: Kind, period: Period, area: String, platform: String, parent: Figure, children: [Figure],
                missing: [String], sum: Int) {
        self.init(kind: kind, period: period, area: area, platform: platform, parent: parent, parts: .figures(children),
                  missing: missing, sum: sum)
    }

    init(kind: Kind, period: Period, area: String, platform: String, parent: Figure, parts: Parts, missing: [String], sum: Int) {
        self.kind = kind
        self.period = period
        self.area = area
        self.platform = platform
        self.parent = parent
        self.parts = parts
        self.missing = missing
        self.sum = sum
    }

    /// Where the children's figures come from. A region's checks name every force's count in every
    /// period and platform: held as figures, the statistics of the regions kept (`Statistics.of`)
    /// held a copy of each with its id and label (about 90 KB a region), so they are held as their
    /// rows and made when asked for, the same figures every time.
    enum Parts: Sendable {
        case figures([Figure])
        /// Indices into the dataset's rows, and how a row is made into its figure.
        case rows([Int], RowFigures)

        var figures: [Figure] {
            switch self {
            case .figures(let figures): figures
            case .rows(let rows, let make): rows.map(make.figure)
            }
        }

        var count: Int {
            switch self {
            case .figures(let figures): figures.count
            case .rows(let rows, _): rows.count
            }
        }
    }

    /// A row of the dataset, by its index, as its published figure.
    struct RowFigures: Sendable {
        let figure: @Sendable (Int) -> Figure
    }

    public static func == (lhs: Reconciliation, rhs: Reconciliation) -> Bool {
        lhs.kind == rhs.kind && lhs.period == rhs.period && lhs.area == rhs.area && lhs.platform == rhs.platform
            && lhs.parent == rhs.parent && lhs.missing == rhs.missing && lhs.sum == rhs.sum && lhs.children == rhs.children
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(period)
        hasher.combine(area)
        hasher.combine(platform)
        hasher.combine(parent)
        hasher.combine(children)
        hasher.combine(missing)
        hasher.combine(sum)
    }
    /// The parent minus the sum of the children: positive when children fall short.
    public var gap: Int { (parent.value.count ?? 0) - sum }
    public var reconciles: Bool { gap == 0 }
}

extension Reconciliation {
    /// What the parts are, in the ids of the sum and the gap.
    private var partsName: String { kind == .areas ? "forces" : "platforms" }

    private var sumID: String { FigureID.derived(from: parent.id, partsName + "-sum") }

    /// The children, their sum and the gap, with each child's figure made once: a check held as rows
    /// makes its children's figures again on each read of `children`.
    public var figures: (children: [Figure], sum: Figure, gap: Figure) {
        let children = children
        return (children, sumFigure(of: children), gapFigure(of: children))
    }

    /// The sum of the children, as a calculated figure.
    public var sumFigure: Figure { sumFigure(of: children) }

    /// The parent minus the sum of its children, as a calculated figure.
    public var gapFigure: Figure { gapFigure(of: children) }

    private func sumFigure(of children: [Figure]) -> Figure {
        Figure(id: sumID, label: "Sum of \(kind == .areas ? "the forces' figures" : "the platform counts") for \(parent.label)",
               value: .count(sum), derivation: .computed(.sum, inputs: children.map(\.id)),
               sources: Ratio.sources(of: children), period: period, area: area)
    }

    private func gapFigure(of children: [Figure]) -> Figure {
        Figure(id: FigureID.derived(from: parent.id, partsName + "-gap"), label: "Published figure minus the sum of its parts: \(parent.label)",
               value: .count(gap), derivation: .computed(.difference, inputs: [parent.id, sumID]),
               sources: Ratio.sources(of: [parent] + children), period: period, area: area)
    }
}
