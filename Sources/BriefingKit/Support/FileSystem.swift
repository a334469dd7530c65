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
    /// Renames `source` to `destination` in one step, failing (never replacing) when something is already there.
    func move(_ source: String, to destination: String) throws
    /// Swaps two existing paths in one step, so that neither is ever missing.
    func exchange(_ first: String, _ second: String) throws

    /// What is at a path, without following a final symbolic link (`lstat`).
    func kind(of path: String) -> FileKind
    /// The folder relative paths start from.
    var currentDirectory: String { get }
    /// The user's home folder, when there is one.
    var homeDirectory: String? { get }
    /// Whether this process may create and delete entries in a folder (`access(W_OK)`).
    func isWritable(_ path: String) -> Bool
    /// Makes one new folder; fails when anything is already there (so a new name is never shared).
    func makeNewDirectory(_ path: String) throws
    /// Gives a folder the permission bits, and where allowed the owner, of another (from `info`).
    func copyPermissions(_ source: FileInfo, to path: String) throws
    /// Makes `path` a new name (a hard link) for the regular file at `existing`, never following a symbolic
    /// link; fails when anything is already at `path`. A file system without links copies the bytes.
    func link(_ existing: String, to path: String) throws
    /// Takes an exclusive lock on a lock file, creating it if needed; nil when another process holds it.
    func lockExclusively(_ path: String) throws -> FileLock?
    /// Writes a file from pieces as `produce` hands them over, so that a large file is never whole in memory.
    func write(to path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws
    /// Whether two regular files hold the same bytes (false when either cannot be read).
    func sameContents(_ first: String, _ second: String) -> Bool
}

extension FileSystem {
    /// Gathers the pieces, then writes them: for file systems (such as the tests' in memory) with no streams.
    public func write(to path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        try write(try Data.gathering(produce), to: path)
    }

    public func sameContents(_ first: String, _ second: String) -> Bool {
        guard let a = try? contents(of: first), let b = try? contents(of: second) else { return false }
        return a == b
    }

    /// Copies the bytes: for file systems (such as the tests' in memory) that have no hard links.
    public func link(_ existing: String, to path: String) throws {
        guard kind(of: path) == .missing, kind(of: existing) == .file, let data = try contents(of: existing) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        try write(data, to: path)
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved (`realpath`); nil when it does not resolve.
    public func realPath(_ path: String) -> String? { info(path)?.realPath }
}
