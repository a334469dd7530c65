import Foundation

/// The files of a new site that the site in the output already holds byte for byte.
///
/// The writer stages each of them as a hard link to the old file instead of writing it, so after
/// the swap it is the same inode with the same modification time: `make`, `rsync` and a preview
/// server see no change. When every file is unchanged and the set of files is the same, there is
/// nothing to swap at all, and the output is left exactly as it was.
struct UnchangedFiles {
    /// Paths (relative to the site's root) whose old file is a regular file with the new bytes.
    let paths: Set<String>
    /// Whether the old site is the new one: same files, same bytes, same manifest.
    let isWholeSite: Bool

    /// Compares with the old site in `folder`, read through `fileSystem`; only the files its manifest
    /// lists are looked at, and only regular files (never through a symbolic link).
    init(_ site: Site, in folder: String, manifest: Data, fileSystem: FileSystem) {
        guard let old = OutputFolder.manifest(in: folder, fileSystem: fileSystem) else {
            paths = []
            isWholeSite = false
            return
        }
        let listed = Set(old.files)
        var same = Set<String>()
        for file in site.files where listed.contains(file.path) {
            let path = folder + "/" + file.path
            guard fileSystem.kind(of: path) == .file, let bytes = try? fileSystem.contents(of: path), bytes == file.contents else { continue }
            same.insert(file.path)
        }
        paths = same
        let manifestPath = folder + "/" + SiteManifest.fileName
        isWholeSite = same.count == site.files.count && listed.count == site.files.count
            && (try? fileSystem.contents(of: manifestPath)) == manifest
    }
}
