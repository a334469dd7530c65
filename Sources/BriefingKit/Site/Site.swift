/// The whole built site, in memory, before anything is written.
public struct Site: Sendable {
    public let files: [SiteFile]
    /// Every figure the site shows or lists, in id order.
    public let figures: [Figure]

    public init(files: [SiteFile], figures: [Figure] = []) {
        self.files = files.sorted { $0.path < $1.path }
        self.figures = figures
    }

    public func file(_ path: String) -> SiteFile? { files.first { $0.path == path } }
}
