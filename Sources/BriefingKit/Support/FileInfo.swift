/// What a path is once symbolic links are followed, and where it really lives.
///
/// Inputs are read only when they are regular files inside their folder: a link out of `Data/`
/// or `Templates/` could publish any file on the machine, and reading a pipe or a device never ends.
public struct FileInfo: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, directory, fifo, characterDevice, blockDevice, socket, other
    }

    public let kind: Kind
    /// The absolute path with every symbolic link resolved (`realpath(3)`).
    public let realPath: String
    /// Permission bits (setgid and sticky included), owner and group: what the site writer keeps
    /// when it replaces a folder.
    public var mode: UInt32 = 0
    public var owner: UInt32 = 0
    public var group: UInt32 = 0
    /// The file system it lives on: a mount point differs from its parent.
    public var device: UInt64 = 0
    /// When its contents last changed, in nanoseconds since 1970.
    public var modified: Int64 = 0
    /// Its inode: a file written anew has a new one, while `touch` keeps it.
    public var inode: UInt64 = 0

    public init(kind: Kind, realPath: String) {
        self.kind = kind
        self.realPath = realPath
    }

    /// The kind in words, for "x is a named pipe, not a file".
    var kindName: String {
        switch kind {
        case .regular: "a file"
        case .directory: "a folder"
        case .fifo: "a named pipe (FIFO)"
        case .characterDevice, .blockDevice: "a device"
        case .socket: "a socket"
        case .other: "not a regular file"
        }
    }
}
