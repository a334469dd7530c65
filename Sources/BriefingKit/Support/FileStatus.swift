/// The parts of `stat` the site writer keeps when it replaces a folder.
public struct FileStatus: Sendable, Equatable {
    /// Permission bits, setgid and sticky included.
    public var mode: UInt32
    public var owner: UInt32
    public var group: UInt32
    /// The file system it lives on: a mount point differs from its parent.
    public var device: UInt64

    public init(mode: UInt32, owner: UInt32, group: UInt32, device: UInt64) {
        self.mode = mode
        self.owner = owner
        self.group = group
        self.device = device
    }
}
