import Foundation

/// A held lock; released when `release()` is called or the value is freed.
///
/// The lock file can carry a few bytes for the build that holds it (what the last build was made
/// from: see `BuildFingerprint`). They are read and written in place, through the open file, never
/// by writing a new file over the name: another build waiting on the lock must wait on this file.
public final class FileLock: @unchecked Sendable {
    private let lock = NSLock()
    private var unlock: (() -> Void)?
    private let read: (() -> Data?)?
    private let write: ((Data) -> Bool)?

    public init(unlock: @escaping () -> Void, read: (() -> Data?)? = nil, write: ((Data) -> Bool)? = nil) {
        self.unlock = unlock
        self.read = read
        self.write = write
    }

    /// The bytes the lock file holds; nil when they cannot be read.
    public var contents: Data? { lock.withLock { unlock == nil ? nil : read?() } }

    /// Replaces the bytes the lock file holds; false when they cannot be written.
    @discardableResult public func setContents(_ data: Data) -> Bool {
        lock.withLock { unlock == nil ? false : (write?(data) ?? false) }
    }

    public func release() {
        lock.withLock {
            unlock?()
            unlock = nil
        }
    }

    deinit { release() }
}
