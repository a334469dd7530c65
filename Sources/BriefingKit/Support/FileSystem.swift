import Foundation

/// The file operations the pipeline needs, injected so tests can run on a folder of their own.
///
/// Only the loader reads through it and only the site writer writes through it.
public protocol FileSystem: Sendable {
    /// The bytes of a file, or nil when there is no such file.
    func contents(of path: String) throws -> Data?
    /// Names of the entries of a folder (not recursive), sorted; empty when the folder is missing.
    func entries(of directory: String) throws -> [String]
    /// What the path is after following symbolic links, and its real path; nil when nothing is there
    /// (or a link leads nowhere). Never opens the file, so a named pipe cannot block it.
    func info(_ path: String) -> FileInfo?
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
    func createDirectory(_ path: String) throws
    func write(_ data: Data, to path: String) throws
    func remove(_ path: String) throws
    /// Renames `source` to `destination` in one step (a `rename(2)` on the same volume).
    func move(_ source: String, to destination: String) throws
    /// Swaps two existing paths in one step, so that neither is ever missing.
    func exchange(_ first: String, _ second: String) throws
}
