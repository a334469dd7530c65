import Foundation

/// A held lock; released when `release()` is called or the value is freed.
public final class FileLock: @unchecked Sendable {
    private let lock = NSLock()
    private var unlock: (() -> Void)?

    public init(unlock: @escaping () -> Void) {
        self.unlock = unlock
    }

    public func release() {
        lock.withLock {
            unlock?()
            unlock = nil
        }
    }

    deinit { release() }
}
