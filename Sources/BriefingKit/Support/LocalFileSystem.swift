import CFileExchange
import Foundation

/// The real disk, through a `FileManager` the caller hands in.
public struct LocalFileSystem: FileSystem, @unchecked Sendable {
    private let manager: FileManager
    public let homeDirectory: String?

    /// `home` is the user's home folder, which `--output` may never be (the CLI passes `$HOME`).
    public init(manager: FileManager, home: String? = nil) {
        self.manager = manager
        self.homeDirectory = home.flatMap { $0.isEmpty ? nil : $0 }
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
        var info = FileInfo(kind: kind, realPath: String(cString: resolved))
        info.mode = UInt32(status.st_mode & 0o7777)
        info.owner = status.st_uid
        info.group = status.st_gid
        info.device = UInt64(status.st_dev)
        info.modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        info.inode = UInt64(status.st_ino)
        return info
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
        try write(to: path) { emit in try emit(data) }
    }

    public func write(to path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        // Not `Data.write`: its error for a full disk does not say so, and a message must be true.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Self.posixError(path) }
        defer { close(fd) }
        try produce { data in
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
    }

    /// Compared a block at a time, never following a final link.
    public func sameContents(_ first: String, _ second: String) -> Bool {
        let a = open(first, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), b = open(second, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        defer { if a >= 0 { close(a) }; if b >= 0 { close(b) } }
        guard a >= 0, b >= 0 else { return false }
        var one = [UInt8](repeating: 0, count: 1 << 16), two = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let countA = Self.readFully(a, &one), countB = Self.readFully(b, &two)
            guard countA >= 0, countA == countB else { return false }
            if countA == 0 { return true }
            guard one[..<countA] == two[..<countB] else { return false }
        }
    }

    /// Fills the buffer unless the file ends first; the bytes read, or -1 on an error.
    private static func readFully(_ fd: Int32, _ buffer: inout [UInt8]) -> Int {
        var total = 0
        while total < buffer.count {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if count < 0 { if errno == EINTR { continue }; return -1 }
            if count == 0 { break }
            total += count
        }
        return total
    }

    public func link(_ existing: String, to path: String) throws {
        // linkat without AT_SYMLINK_FOLLOW: a symbolic link would be linked itself, and the writer links only regular files.
        guard linkat(AT_FDCWD, existing, AT_FDCWD, path, 0) == 0 else { throw Self.posixError(path) }
    }

    public func remove(_ path: String) throws {
        // `removeItem` deletes a symbolic link itself, never what it points to.
        if kind(of: path) != .missing { try manager.removeItem(atPath: path) }
    }

    public func move(_ source: String, to destination: String) throws {
        guard briefing_rename_noreplace(source, destination) == 0 else { throw Self.swapError(destination) }
    }

    public func exchange(_ first: String, _ second: String) throws {
        guard briefing_exchange_paths(first, second) == 0 else { throw Self.swapError(second) }
    }

    /// A failed swap, in words that say what to do about it.
    private static func swapError(_ path: String) -> Error {
        let reason: String
        switch errno {
        case EXDEV, EBUSY: reason = "it is a mount point or on another file system than the folder that holds it, so a site cannot be swapped in; choose a folder inside it"
        case EINVAL, ENOSYS, ENOTSUP: reason = "this file system cannot swap folders in one step (renameat2), which the build needs to never publish half a site; choose an output on a local disk"
        case EEXIST, ENOTEMPTY: reason = "something appeared there while the site was being built"
        default: return posixError(path)
        }
        return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
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


    public var currentDirectory: String { manager.currentDirectoryPath }


    public func isWritable(_ path: String) -> Bool {
        access(path, W_OK | X_OK) == 0
    }

    public func makeNewDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw Self.posixError(path) }
    }

    public func copyPermissions(_ status: FileInfo, to path: String) throws {
        // The owner first: chown clears setgid. Only root, or a member of the group, may hand a folder on.
        _ = chown(path, status.owner, status.group) == 0 || chown(path, UInt32.max, status.group) == 0
        guard chmod(path, mode_t(status.mode)) == 0 else { throw Self.posixError(path) }
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
        return FileLock(unlock: { close(fd) }, read: {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            var offset: off_t = 0
            while true {
                let count = pread(fd, &buffer, buffer.count, offset)
                if count < 0 { return nil }
                if count == 0 { return data }
                data.append(contentsOf: buffer[..<count])
                offset += off_t(count)
                if data.count > 1 << 16 { return nil }
            }
        }, write: { data in
            guard ftruncate(fd, 0) == 0 else { return false }
            let written = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return written == data.count
        })
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
