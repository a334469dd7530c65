import Foundation
@testable import BriefingKit

/// A file system held in memory, for tests that need a few files and no disk.
final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    let lock = NSLock()
    private var files: [String: Data]

    init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    func contents(of path: String) throws -> Data? { lock.withLock { files[path] } }

    func entries(of directory: String) throws -> [String] {
        lock.withLock {
            Set(files.keys.compactMap { path -> String? in
                guard path.hasPrefix(directory + "/") else { return nil }
                return path.dropFirst(directory.count + 1).split(separator: "/").first.map(String.init)
            }).sorted()
        }
    }

    /// Memory holds no links: a file is a regular file at its own path.
    func info(_ path: String) -> FileInfo? {
        if lock.withLock({ files[path] != nil }) { return FileInfo(kind: .regular, realPath: path) }
        return isDirectory(path) ? FileInfo(kind: .directory, realPath: path) : nil
    }

    func isDirectory(_ path: String) -> Bool { lock.withLock { files.keys.contains { $0.hasPrefix(path + "/") } } }
    func fileExists(_ path: String) -> Bool { lock.withLock { files[path] != nil } || isDirectory(path) }
    func createDirectory(_ path: String) throws {}
    func write(_ data: Data, to path: String) throws { lock.withLock { files[path] = data } }

    func remove(_ path: String) throws {
        lock.withLock { files = files.filter { $0.key != path && !$0.key.hasPrefix(path + "/") } }
    }

    func move(_ source: String, to destination: String) throws {
        lock.withLock {
            for (path, data) in files where path == source || path.hasPrefix(source + "/") {
                files[destination + path.dropFirst(source.count)] = data
                files[path] = nil
            }
        }
    }

    func exchange(_ first: String, _ second: String) throws {
        lock.withLock {
            var swapped: [String: Data] = [:]
            for (path, data) in files {
                if path == first || path.hasPrefix(first + "/") {
                    swapped[second + path.dropFirst(first.count)] = data
                } else if path == second || path.hasPrefix(second + "/") {
                    swapped[first + path.dropFirst(second.count)] = data
                } else {
                    swapped[path] = data
                }
            }
            files = swapped
        }
    }

    func text(_ path: String) -> String? { lock.withLock { files[path].map { String(decoding: $0, as: UTF8.self) } } }
}

/// Only what loading reads is modelled; the site writer's tests run on a real folder.
extension MemoryFileSystem {
    func kind(of path: String) -> FileKind {
        if lock.withLock({ files[path] != nil }) { return .file }
        return isDirectory(path) ? .directory : .missing
    }

    var currentDirectory: String { "" }
    var homeDirectory: String? { nil }
    func isWritable(_ path: String) -> Bool { false }
    func makeNewDirectory(_ path: String) throws { throw CocoaError(.fileWriteNoPermission) }
    func copyPermissions(_ source: FileInfo, to path: String) throws {}
    func lockExclusively(_ path: String) throws -> FileLock? { throw CocoaError(.fileWriteNoPermission) }
}
