import Foundation

/// A site being written into its staging folder, file by file, as the builder makes it.
///
/// A file the old site already holds byte for byte (a regular file its manifest lists, never
/// through a link) is staged as a hard link to it, so after the swap it is the same inode with the
/// same modification time: `make`, `rsync` and a preview server see no change. A file that cannot
/// be linked (immutable, or a file system without links) is written.
final class StagingSite: SiteSink {
    /// A fault of the staging folder itself (disk full, permissions), told apart from a build's own errors.
    struct WriteFailure: Error {
        let underlying: any Error
    }

    let folder: String
    private let old: String?
    private let listed: Set<String>
    private let fileSystem: FileSystem
    /// The folders made last: a page's files come together, and a folder made again is no fault.
    /// Every folder made was a set of full paths, 3 MB at 10,000 pages.
    private var recentFolders: [String] = []
    /// Every path added, in order.
    private(set) var paths: [String] = []
    private var seen: Set<String> = []
    /// How many files were linked to the old site's.
    private(set) var unchanged = 0

    /// `old` is the output folder when it holds a site of this tool's (`listed`, its manifest's files).
    init(folder: String, old: String?, listed: [String], fileSystem: FileSystem) {
        self.folder = folder
        self.old = old
        self.listed = Set(listed)
        self.fileSystem = fileSystem
    }

    /// Records a new path and makes its folder; the path in the staging folder.
    private func place(_ relative: String) throws -> String {
        guard seen.insert(relative).inserted else {
            throw BriefingError(step: "write the site", .error("two files of the site have the same path, '\(relative)'; this is a fault in briefing"))
        }
        paths.append(relative)
        let path = folder + "/" + relative
        let parent = (path as NSString).deletingLastPathComponent
        do {
            if !recentFolders.contains(parent) {
                try fileSystem.createDirectory(parent)
                recentFolders.append(parent)
                if recentFolders.count > 8 { recentFolders.removeFirst() }
            }
        } catch {
            throw WriteFailure(underlying: error)
        }
        return path
    }

    /// The old site's copy of a file, when the old site lists it and it is a regular file (never a link).
    private func previous(_ relative: String) -> String? {
        guard let old, listed.contains(relative) else { return nil }
        let path = old + "/" + relative
        return fileSystem.kind(of: path) == .file ? path : nil
    }

    /// Written as it comes, then compared with the old file: when they are the same, the old file
    /// takes its place (a link, or failing that a copy of the same bytes).
    func add(_ relative: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        let path = try place(relative)
        // A fault in writing is the staging folder's; one in making the pieces is the build's, passed on as it is.
        try fileSystem.write(to: path) { write in
            try withoutActuallyEscaping(write) { write in
                try produce { data in
                    do { try write(data) } catch { throw WriteFailure(underlying: error) }
                }
            }
        }
        guard let previous = previous(relative), fileSystem.sameContents(previous, path) else { return }
        do {
            try fileSystem.remove(path)
            if (try? fileSystem.link(previous, to: path)) != nil {
                unchanged += 1
            } else {
                guard let bytes = try fileSystem.contents(of: previous) else { throw CocoaError(.fileReadNoSuchFile) }
                try fileSystem.write(bytes, to: path)
            }
        } catch {
            throw WriteFailure(underlying: error)
        }
    }

    func add(_ file: SiteFile) throws {
        let path = try place(file.path)
        do {
            if let previous = previous(file.path), (try? fileSystem.contents(of: previous)) == file.contents,
               (try? fileSystem.link(previous, to: path)) != nil {
                unchanged += 1
                return
            }
            try fileSystem.write(file.contents, to: path)
        } catch {
            throw WriteFailure(underlying: error)
        }
    }

    /// Whether every file was the old site's, and the old site had no others.
    var isOldSite: Bool { old != nil && unchanged == paths.count && listed.count == paths.count }
}
