import Foundation

/// Everything under a folder, as a value: each entry's kind, permissions and bytes (or link
/// target), so that a test can show that nothing in a tree changed.
struct FolderTree: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        var kind: String
        var mode: UInt32
        var contents: Data
    }

    let entries: [String: Entry]

    /// Reads the tree under `root` without following links.
    init(_ root: String) {
        var entries: [String: Entry] = [:]
        func visit(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            let mode = UInt32(info.st_mode & 0o7777)
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !relative.isEmpty { entries[relative] = Entry(kind: "dir", mode: mode, contents: Data()) }
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                    visit(relative.isEmpty ? name : relative + "/" + name)
                }
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                entries[relative] = Entry(kind: "link", mode: mode, contents: Data(target.utf8))
            case S_IFREG:
                entries[relative] = Entry(kind: "file", mode: mode, contents: FileManager.default.contents(atPath: path) ?? Data())
            default:
                entries[relative] = Entry(kind: "other", mode: mode, contents: Data())
            }
        }
        visit("")
        self.entries = entries
    }

    /// A short digest of the whole tree (FNV-1a over sorted entries), for messages.
    var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            mix(path.utf8); mix([0]); mix(entry.kind.utf8); mix(String(entry.mode).utf8); mix(entry.contents); mix([0])
        }
        return String(hash, radix: 16)
    }

    var description: String { "\(entries.count) entries, digest \(digest)" }

    /// The paths that differ between two trees, for a readable failure.
    func changes(from other: FolderTree) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }
}
