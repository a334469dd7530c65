import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders by polling: every `interval`, a snapshot of every file under them (path, size,
/// modification time to the nanosecond, inode). Polling needs no platform API and sees edits made
/// by any editor (in place, or by writing a new file and renaming it over the old one).
struct FolderWatcher: Sendable {
    /// One file's state; any change in it counts as a change.
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    let folders: [String]
    var interval: Duration = .milliseconds(200)

    /// Every file under the folders (links not followed), by path.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            stamps[folder] = stamp(folder)
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in walker {
                let path = folder + "/" + relative
                stamps[path] = stamp(path)
            }
        }
        return stamps
    }

    private func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                     inode: UInt64(info.st_ino))
    }

    /// Calls `changed` each time the files change and then hold still for one interval (so a save
    /// that writes several files, or one file in pieces, gives one call), until the task is cancelled.
    /// `due` is asked at every poll too: a rebuild with nothing changed (an embargo lifting) is due when it says so.
    func watch(from start: [String: Stamp], due: @Sendable () async -> Bool = { false }, changed: @Sendable () async -> Void) async {
        var built = start
        var last = start
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let now = snapshot()
            defer { last = now }
            // Debounce: a change is acted on once two polls in a row agree.
            let settled = now != built && now == last
            let isDue = settled ? false : await due()
            guard settled || isDue else { continue }
            built = now
            await changed()
        }
    }
}
