import Foundation

/// Writes a built site to its output folder all at once, one build at a time.
///
/// Under an exclusive lock beside the output, the site is written to a staging folder of its
/// own (a random name, marked from its first moment), then swapped with the output in one
/// `renameat2(RENAME_EXCHANGE)`: the output is only ever the whole old site or the whole new
/// one, so a failed or killed build leaves it as it was, and pages of areas removed from the
/// data disappear. A staging folder is removed when its build fails; one left by a killed build
/// is removed by the next, and only when it carries the tool's mark.
public struct SiteWriter: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// What writing found that did not stop it, such as an old site that could not be deleted.
    public struct Outcome: Sendable {
        public var warnings: [Diagnostic] = []
    }

    public func write(_ site: Site, to output: OutputFolder) throws -> Outcome {
        guard let lock = try fileSystem.lockExclusively(output.lockPath) else {
            throw OutputFolder.error("another briefing build is writing \(output.shown) now; wait for it to finish, then build again", step: "write the site")
        }
        defer { lock.release() }
        var outcome = Outcome()
        // Checked again under the lock: another build or the user may have changed the folder since.
        try output.checkReplaceable(fileSystem: fileSystem)
        outcome.warnings += removeStaleStaging(of: output)

        let staging = try makeStaging(for: output)
        do {
            try fileSystem.write(Data((SiteManifest.signature + "\n").utf8), to: staging + "/" + SiteManifest.fileName)
            for file in site.files {
                let path = staging + "/" + file.path
                try fileSystem.createDirectory((path as NSString).deletingLastPathComponent)
                try fileSystem.write(file.contents, to: path)
            }
            try fileSystem.write(Data(SiteManifest(files: site.files.map(\.path)).text.utf8), to: staging + "/" + SiteManifest.fileName)
            if fileSystem.kind(of: output.path) == .directory {
                try fileSystem.exchange(staging, output.path)
            } else {
                try fileSystem.move(staging, to: output.path)
                return outcome
            }
        } catch {
            try? fileSystem.remove(staging)
            throw OutputFolder.error("cannot write the site to \(output.shown): \(Self.reason(error))", step: "write the site")
        }
        // The new site is in place; the staging folder now holds the old one.
        do {
            try removeMarked(staging)
        } catch {
            outcome.warnings.append(.warning("the new site is in \(output.shown), but the old one could not be deleted from '\(staging)': \(Self.reason(error)); the next build tries again, or delete it yourself"))
        }
        return outcome
    }

    /// A new, marked staging folder beside the output, with a name no other build shares.
    private func makeStaging(for output: OutputFolder) throws -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let suffix = String(generator.next() as UInt64, radix: 16)
            let path = output.parent + "/" + output.stagingPrefix + suffix
            do {
                try fileSystem.makeNewDirectory(path)
                return path
            } catch where fileSystem.kind(of: path) != .missing {
                continue
            } catch {
                throw OutputFolder.error("cannot write beside \(output.shown) in '\(output.parent)': \(Self.reason(error))", step: "write the site")
            }
        }
        throw OutputFolder.error("cannot find a free name for a staging folder in '\(output.parent)'", step: "write the site")
    }

    /// Deletes staging folders that killed builds left, recognised by name and by the tool's mark.
    private func removeStaleStaging(of output: OutputFolder) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for entry in (try? fileSystem.entries(of: output.parent)) ?? [] where entry.hasPrefix(output.stagingPrefix) {
            let path = output.parent + "/" + entry
            guard fileSystem.kind(of: path) == .directory,
                  fileSystem.kind(of: path + "/" + SiteManifest.fileName) == .file,
                  let data = try? fileSystem.contents(of: path + "/" + SiteManifest.fileName),
                  SiteManifest.parse(data) != nil else { continue }
            do {
                try removeMarked(path)
            } catch {
                warnings.append(.warning("a staging folder left by an earlier build, '\(path)', could not be deleted: \(Self.reason(error)); delete it yourself"))
            }
        }
        return warnings
    }

    /// Deletes a marked folder, its mark last: if deleting stops half way, what is left is still
    /// recognisably the tool's, so a later build can finish the job.
    private func removeMarked(_ folder: String) throws {
        for entry in try fileSystem.entries(of: folder) where entry != SiteManifest.fileName {
            try fileSystem.remove(folder + "/" + entry)
        }
        try fileSystem.remove(folder)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? BriefingError { return error.diagnostics.map(\.message).joined(separator: "; ") }
        let text = (error as NSError).localizedDescription
        let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String
        return path.map { "\($0): \(text)" } ?? text
    }
}
