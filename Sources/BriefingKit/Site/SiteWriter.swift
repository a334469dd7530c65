import Foundation

/// Writes a built site to `Output/` all at once.
///
/// The site is written to a sibling folder and swapped in with `rename(2)`, so `Output/` is
/// only ever the old site or the new one: a failed or killed build leaves it as it was, and
/// pages of areas removed from the data disappear.
public struct SiteWriter: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    public func write(_ site: Site, to output: String) throws {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        let staging = output + ".staging"
        let retired = output + ".previous"
        // Leftovers of a build that was killed: neither is ever the live site.
        try fileSystem.remove(staging)
        try fileSystem.remove(retired)
        try fileSystem.createDirectory(staging)
        for file in site.files {
            let path = staging + "/" + file.path
            try fileSystem.createDirectory((path as NSString).deletingLastPathComponent)
            try fileSystem.write(file.contents, to: path)
        }
        if fileSystem.fileExists(output) {
            try fileSystem.move(output, to: retired)
        }
        do {
            try fileSystem.move(staging, to: output)
        } catch {
            try? fileSystem.move(retired, to: output)
            throw error
        }
        try fileSystem.remove(retired)
    }
}
