/// What `FileSystem.kind(of:)` finds at a path.
public enum FileKind: Sendable, Equatable {
    case missing, file, directory, symbolicLink
    /// A named pipe, socket or device: never read and never replaced.
    case other
}
