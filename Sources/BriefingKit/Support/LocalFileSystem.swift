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
        // Not `Data.write`: its error for a full disk does not say so, and a message must be true.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Self.posixError(path) }
        defer { close(fd) }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                Glibc.write(fd, bytes.baseAddress! + offset, data.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.posixError(path)
            }
            offset += written
        }
    }

    public func remove(_ path: String) throws {
        // `removeItem` deletes a symbolic link itself, never what it points to.
        if kind(of: path) != .missing { try manager.removeItem(atPath: path) }
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw Self.posixError(destination) }
    }

    public func exchange(_ first: String, _ second: String) throws {
        guard briefing_exchange_paths(first, second) == 0 else { throw Self.posixError(second) }
    }

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public var currentDirectory: String { manager.currentDirectoryPath }

    public var homeDirectory: String? {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public func isWritable(_ path: String) -> Bool {
        access(path, W_OK | X_OK) == 0
    }

    public func makeNewDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw Self.posixError(path) }
    }

    public func lockExclusively(_ path: String) throws -> FileLock? {
        // O_NOFOLLOW: a link planted at the lock's name is refused, never followed.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Self.posixError(path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let error = Self.posixError(path)
            close(fd)
            if busy { return nil }
            throw error
        }
        return FileLock { close(fd) }
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
