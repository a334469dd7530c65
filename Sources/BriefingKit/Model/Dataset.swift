/// Everything in `Data/`, loaded and validated.
public struct Dataset: Sendable {
    public let release: Release
    public let areas: [Area]
    public let platforms: [Platform]
    public let sources: [Source]
    public let observations: [Observation]
    public let quotes: [Quote]
    public let context: [ContextFigure]

    public init(release: Release, areas: [Area], platforms: [Platform], sources: [Source],
                observations: [Observation], quotes: [Quote], context: [ContextFigure]) {
        self.release = release
        self.areas = areas
        self.platforms = platforms
        self.sources = sources
        self.observations = observations
        self.quotes = quotes
        self.context = context
    }

    public func area(named name: String) -> Area? { areas.first { $0.name == name } }
    public func source(id: String) -> Source? { sources.first { $0.id == id } }
    public func children(of name: String) -> [Area] { areas.filter { $0.parent == name } }
    public var top: Area? { areas.first { $0.parent == nil } }

    /// The published value for one cell, if a row gives it.
    public func observation(_ period: Period, _ area: String, _ platform: String, _ measure: Measure) -> Observation? {
        observations.first { $0.period == period && $0.area == area && $0.platform == platform && $0.measure == measure }
    }

    /// Platforms owned by `owner`, in the order of `platforms.csv`.
    public func platforms(ownedBy owner: String) -> [Platform] { platforms.filter { $0.owner == owner } }
}
