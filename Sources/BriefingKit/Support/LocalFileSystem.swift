import CFileExchange
import Foundation

/// The real disk, through a `FileManager` the caller hands in.
public struct LocalFileSystem: FileSystem, @unchecked Sendable {
    private let manager: FileManager

    public init(manager: FileManager) {
        self.manager = manager
    }

    public func contents(of path: String) throws -> Data? {
        guard fileExists(path), !isDirectory(path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func entries(of directory: String) throws -> [String] {
        guard isDirectory(directory) else { return [] }
        return try manager.contentsOfDirectory(atPath: directory).sorted()
    }

    public func info(_ path: String) -> FileInfo? {
        var status = stat()
        guard stat(path, &status) == 0, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let kind: FileInfo.Kind = switch status.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFIFO: .fifo
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFSOCK: .socket
        default: .other
        }
        return FileInfo(kind: kind, realPath: String(cString: resolved))
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool {
        manager.fileExists(atPath: path)
    }

    public func createDirectory(_ path: String) throws {
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    public func remove(_ path: String) throws {
        if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw Self.posixError(destination) }
    }

    public func exchange(_ first: String, _ second: String) throws {
        guard briefing_exchange_paths(first, second) == 0 else { throw Self.posixError(second) }
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
