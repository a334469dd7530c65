import Foundation

/// Writes a built site to `Output/` all at once.
///
/// The site is written to a sibling folder, `Output.staging`, then swapped with `Output/` in
/// one `renameat2(RENAME_EXCHANGE)`: `Output/` is only ever the whole old site or the whole
/// new one, so a failed or killed build leaves it as it was, and pages of areas removed from
/// the data disappear. A staging folder left by a killed build is removed by the next one.
public struct SiteWriter: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    public func write(_ site: Site, to output: String) throws {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        let staging = output + ".staging"
        try fileSystem.remove(staging)
        try fileSystem.createDirectory(staging)
        for file in site.files {
            let path = staging + "/" + file.path
            try fileSystem.createDirectory((path as NSString).deletingLastPathComponent)
            try fileSystem.write(file.contents, to: path)
        }
        if fileSystem.fileExists(output) {
            try fileSystem.exchange(staging, output)
            // Now the staging folder holds the old site.
            try fileSystem.remove(staging)
        } else {
            try fileSystem.move(staging, to: output)
        }
    }
}
