/// The whole built site, in memory, before anything is written.
public struct Site: Sendable {
    public let files: [SiteFile]
    /// Every figure the site shows or lists, in id order.
    public let figures: [Figure]
    /// Whether the release was under embargo when the site was built: the feed and sitemap leave
    /// the pages out, and robots are told not to index them.
    public var embargo: EmbargoState = .none
    /// How many figures the site lists: those of `figures`, or of a site written as it was built, which holds none.
    public var figureCount: Int

    public init(files: [SiteFile], figures: [Figure] = []) {
        self.files = files.sorted { $0.path < $1.path }
        self.figures = figures
        self.figureCount = figures.count
    }

    public func file(_ path: String) -> SiteFile? { files.first { $0.path == path } }
}
