import Foundation

/// Where a site's files go as they are made: the staging folder of a build (`StagingSite`), or
/// memory for a check (`SiteCollector`). Files reach it in the builder's order, one at a time, so
/// a build never holds more of the site than one batch of pages.
public protocol SiteSink: AnyObject {
    func add(_ file: SiteFile) throws
    /// A large file (a download of every figure), handed over in pieces as `produce` makes them.
    func add(_ path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws
}

/// Keeps every file in memory: what `check` and the tests look at.
public final class SiteCollector: SiteSink {
    public private(set) var files: [SiteFile] = []

    public init() {}

    public func add(_ file: SiteFile) throws {
        files.append(file)
    }

    public func add(_ path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        files.append(SiteFile(path: path, contents: try Data.gathering(produce)))
    }
}
