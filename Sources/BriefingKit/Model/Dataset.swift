/// Everything in `Data/`, loaded and validated.
public struct Dataset: Sendable {
    public let release: Release
    public let areas: [Area]
    public let platforms: [Platform]
    public let sources: [Source]
    public let observations: [Observation]
    public let quotes: [Quote]
    public let context: [ContextFigure]
    /// Lookups by key, so that large datasets stay linear.
    private let cells: [Observation.Key: Observation]
    private let areasByName: [String: Area]
    private let childrenByParent: [String: [Area]]

    public init(release: Release, areas: [Area], platforms: [Platform], sources: [Source],
                observations: [Observation], quotes: [Quote], context: [ContextFigure]) {
        self.release = release
        self.areas = areas
        self.platforms = platforms
        self.sources = sources
        self.observations = observations
        self.quotes = quotes
        self.context = context
        self.cells = Dictionary(observations.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.areasByName = Dictionary(areas.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.childrenByParent = Dictionary(grouping: areas.filter { $0.parent != nil }, by: { $0.parent! })
    }

    public func area(named name: String) -> Area? { areasByName[name] }
    public func source(id: String) -> Source? { sources.first { $0.id == id } }
    public func children(of name: String) -> [Area] { childrenByParent[name] ?? [] }
    public var top: Area? { areas.first { $0.parent == nil } }

    /// The published value for one cell, if a row gives it.
    public func observation(_ period: Period, _ area: String, _ platform: String, _ measure: Measure) -> Observation? {
        cells[Observation.Key(period: period, area: area, platform: platform, measure: measure)]
    }

    /// Platforms owned by `owner`, in the order of `platforms.csv`.
    public func platforms(ownedBy owner: String) -> [Platform] { platforms.filter { $0.owner == owner } }
}
