/// The whole built site, in memory, before anything is written.
public struct Site: Sendable {
    public let files: [SiteFile]
    /// Gaps and disagreements found while building; they do not stop the build unless `--strict`.
    public let warnings: [Diagnostic]
    /// Every figure the site shows or lists, in id order.
    public let figures: [Figure]

    public init(files: [SiteFile], warnings: [Diagnostic], figures: [Figure] = []) {
        self.files = files.sorted { $0.path < $1.path }
        self.warnings = warnings
        self.figures = figures
    }

    public func file(_ path: String) -> SiteFile? { files.first { $0.path == path } }
}
