import Foundation

/// Where a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var data: String
    public var templates: String
    public var output: String
    /// The time to print as the build time; nil prints none, so output stays reproducible.
    public var now: Date?
    /// The time the embargo is judged at: the CLI gives `--now`, else SOURCE_DATE_EPOCH, else the
    /// system clock. Nil falls back to `now`; with neither, an embargo holds (see `EmbargoState`).
    public var clock: Date?
    /// Warnings fail the build.
    public var strict: Bool
    /// Where the site is published (`--base-url`), for canonical links, Open Graph, the feed and the sitemap; nil keeps links relative.
    public var baseURL: BaseURL? = nil
    /// What identifies the tool doing the build (the command line gives its executable's path, size and
    /// modification time). Given, a build from the same inputs onto the site it left renders nothing
    /// (`BuildFingerprint`); nil, every build renders.
    public var tool: String? = nil
    /// Called when a step of a build has finished and let go of what it made (the data loaded and
    /// checked, the figures' first pass, the pages, the methods pages): the command line gives the
    /// memory it freed back to the system, which glibc's allocator would otherwise keep for the
    /// thread that freed it, so that the steps' peaks do not add up. Not part of what a build is from.
    public var stepFinished: (@Sendable () -> Void)? = nil

    public init(data: String = "Data", templates: String = "Templates", output: String = "Output", now: Date? = nil, strict: Bool = false,
                clock: Date? = nil) {
        self.clock = clock
        self.data = data
        self.templates = templates
        self.output = output
        self.now = now
        self.strict = strict
    }
}
