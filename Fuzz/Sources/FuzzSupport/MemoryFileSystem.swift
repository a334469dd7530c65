import BriefingKit
import Foundation

/// A read-only file system held in memory: the fixed files, with one of them swapped for the fuzz input.
///
/// Only what loading needs works; writing throws, since the fuzzers never write a site.
public struct MemoryFileSystem: FileSystem {
    /// Bytes by path (`Data/figures.csv`); see `Harness.fixtures` for why not `Data`.
    public let files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]]) {
        self.files = files
    }

    public func contents(of path: String) throws -> Data? { files[path].map { Data($0) } }

    public func entries(of directory: String) throws -> [String] {
        Set(files.keys.compactMap { path -> String? in
            guard path.hasPrefix(directory + "/") else { return nil }
            return path.dropFirst(directory.count + 1).split(separator: "/").first.map(String.init)
        }).sorted()
    }

    /// Memory holds no links: a file is a regular file at its own path.
    public func info(_ path: String) -> FileInfo? {
        if files[path] != nil { return FileInfo(kind: .regular, realPath: path) }
        return isDirectory(path) ? FileInfo(kind: .directory, realPath: path) : nil
    }

    public func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }
    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    public struct ReadOnly: Error {}
    public func createDirectory(_ path: String) throws { throw ReadOnly() }
    public func write(_ data: Data, to path: String) throws { throw ReadOnly() }
    public func remove(_ path: String) throws { throw ReadOnly() }
    public func move(_ source: String, to destination: String) throws { throw ReadOnly() }
    public func exchange(_ first: String, _ second: String) throws { throw ReadOnly() }

    public func kind(of path: String) -> FileKind { files[path] != nil ? .file : isDirectory(path) ? .directory : .missing }
    public var currentDirectory: String { "" }
    public var homeDirectory: String? { nil }
    public func isWritable(_ path: String) -> Bool { false }
    public func makeNewDirectory(_ path: String) throws { throw ReadOnly() }
    public func copyPermissions(_ source: FileInfo, to path: String) throws {}
    public func lockExclusively(_ path: String) throws -> FileLock? { throw ReadOnly() }
}
