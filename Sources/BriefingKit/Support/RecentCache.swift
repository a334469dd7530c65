import Foundation

/// Values made on demand, the most recently used few kept: what is made per area for a page is
/// asked for again by its embeds and methods page, but holding every area's would make memory grow
/// with the release. Safe across threads; two threads asking for one missing key may both make it,
/// which is harmless because what is made is a pure function of the key.
final class RecentCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func value(for key: Key, make: () -> Value) -> Value {
        if let value = self[key] { return value }
        let value = make()
        insert(value, for: key)
        return value
    }

    /// The value kept for the key, if one is.
    subscript(key: Key) -> Value? {
        lock.withLock {
            guard let entry = entries[key] else { return nil }
            clock += 1
            entries[key] = (entry.value, clock)
            return entry.value
        }
    }

    /// Keeps a value made for the key.
    func insert(_ value: Value, for key: Key) {
        lock.withLock {
            clock += 1
            entries[key] = (value, clock)
            if entries.count > capacity {
                // The least recently used quarter goes, so that eviction is rare rather than on every miss.
                let stale = entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, capacity / 4)).map(\.key)
                for key in stale { entries[key] = nil }
            }
        }
    }
}
