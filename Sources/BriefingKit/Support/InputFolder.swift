import Foundation

/// One input folder (`Data/` or `Templates/`), read as Jekyll's safe mode reads a site: only
/// regular files that really live inside it.
///
/// A symbolic link to another file of the same folder is followed; one that leads out of it (to
/// `/etc/passwd`, say) would publish that file, and is refused. The folder itself may be a link.
/// Each file's kind is checked before it is opened, so a named pipe or a device cannot hang the build.
struct InputFolder {
    let path: String
    let fileSystem: FileSystem

    /// The bytes of `name` in the folder, or nil when there is no such file.
    /// Throws a located error for anything but a regular file inside the folder.
    func contents(of name: String) throws -> Data? {
        let file = path + "/" + name
        guard let info = fileSystem.info(file) else {
            // A dangling link is listed by the folder but leads nowhere; a missing file is the caller's to report.
            if (try? fileSystem.entries(of: path))?.contains(name) == true {
                throw refusal(file, "\(name) is a link to a file that does not exist; replace it with the file itself")
            }
            return nil
        }
        let folder = fileSystem.info(path)?.realPath ?? path
        guard info.realPath.hasPrefix(folder + "/") else {
            throw refusal(file, "\(name) is a link to \(info.realPath), outside \(path)/; only files inside \(path)/ are read, so copy the file in instead of linking to it")
        }
        guard info.kind == .regular else {
            throw refusal(file, "\(name) is \(info.kindName), not a regular file; only regular files are read, so replace it with one")
        }
        return try fileSystem.contents(of: file)
    }

    private func refusal(_ file: String, _ message: String) -> BriefingError {
        BriefingError(step: "read files", .error(message, at: SourceLocation(path: file, line: 1, column: 1)))
    }
}
