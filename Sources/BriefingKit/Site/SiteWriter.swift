import Foundation

/// Writes a built site to its output folder all at once, one build at a time.
///
/// Under an exclusive lock beside the output, the site is written to a staging folder of its
/// own (a random name, marked from its first moment), then swapped with the output in one
/// `renameat2(RENAME_EXCHANGE)`: the output is only ever the whole old site or the whole new
/// one, so a failed or killed build leaves it as it was, and pages of areas removed from the
/// data disappear. What was swapped out is checked before it is deleted: if anything the tool
/// did not write appeared in the output during the build, the old folder is swapped back.
/// A staging folder is removed when its build fails; one left by a killed build is removed by
/// the next, and only when it carries the tool's mark.
public struct SiteWriter: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// What writing found that did not stop it, such as an old site that could not be deleted.
    public struct Outcome: Sendable {
        public var warnings: [Diagnostic] = []
    }

    static func failure(_ message: String) -> BriefingError {
        OutputFolder.error(message, step: "write the site")
    }

    public func write(_ site: Site, to requested: OutputFolder) throws -> Outcome {
        let held: FileLock?
        do {
            held = try fileSystem.lockExclusively(requested.lockPath)
        } catch {
            let denied = (error as NSError).localizedDescription == String(cString: strerror(EACCES))
            throw Self.failure(denied
                ? "cannot open the lock '\(requested.lockPath)' that keeps two builds apart: it belongs to another user; when no build is running it is safe to delete, or make it writable for your group"
                : "cannot take the lock '\(requested.lockPath)' that keeps two builds apart: \(Self.reason(error)); if it is not a file, remove it")
        }
        guard let lock = held else {
            throw Self.failure("another briefing build is writing \(requested.shown) now; wait for it to finish, then build again")
        }
        defer { lock.release() }
        var outcome = Outcome()
        // Resolved and checked again under the lock: the folder may have changed since the first look.
        let output = try requested.again(fileSystem: fileSystem)
        try output.checkReplaceable(fileSystem: fileSystem)
        outcome.warnings += removeStaleStaging(of: output)

        let replacing = output.exists
        // Files the old site already holds are linked, not written; a site with nothing changed is not swapped at all.
        let manifest = Data(SiteManifest(files: site.files.map(\.path)).text.utf8)
        let unchanged = replacing ? UnchangedFiles(site, in: output.path, manifest: manifest, fileSystem: fileSystem) : nil
        if unchanged?.isWholeSite == true { return outcome }
        let staging = try makeStaging(for: output)
        do {
            try fileSystem.write(SiteManifest.markOnly, to: staging + "/" + SiteManifest.fileName)
            for file in site.files {
                let path = staging + "/" + file.path
                try fileSystem.createDirectory((path as NSString).deletingLastPathComponent)
                // A file that cannot be linked (immutable, or a file system without links) is written.
                if unchanged?.paths.contains(file.path) != true || (try? fileSystem.link(output.path + "/" + file.path, to: path)) == nil {
                    try fileSystem.write(file.contents, to: path)
                }
            }
            try fileSystem.write(manifest, to: staging + "/" + SiteManifest.fileName)
            if replacing {
                // A webroot keeps its permissions and group across builds.
                if let folder = fileSystem.info(output.path) { try fileSystem.copyPermissions(folder, to: staging) }
                try fileSystem.exchange(staging, output.path)
            } else {
                try fileSystem.move(staging, to: output.path)
            }
        } catch {
            try? removeMarked(staging)
            throw Self.failure("cannot write the site to \(output.shown): \(Self.reason(error))")
        }
        guard replacing else { return outcome }

        // The staging name now holds what was the output. Files that appeared in it during the build are not ours.
        let foreign = OutputFolder.foreignEntries(in: staging, fileSystem: fileSystem)
        if foreign != [] {
            do {
                try fileSystem.exchange(staging, output.path)
            } catch {
                throw Self.failure("files that briefing did not write appeared in \(output.shown) during the build, and the folder could not be put back: it is now '\(staging)' (\(Self.reason(error))); nothing was deleted")
            }
            try? removeMarked(staging)
            throw foreign.map { output.foreignError($0) } ?? Self.failure(
                "\(output.shown) was replaced by a folder briefing did not write during the build; it was put back as it was")
        }
        do {
            if fileSystem.kind(of: staging + "/" + SiteManifest.fileName) == .missing {
                // An empty folder swapped out: marked, so a later build can finish deleting it.
                try? fileSystem.write(SiteManifest.markOnly, to: staging + "/" + SiteManifest.fileName)
            }
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
                throw Self.failure("cannot write beside \(output.shown) in '\(output.parent)': \(Self.reason(error))")
            }
        }
        throw Self.failure("cannot find a free name for a staging folder in '\(output.parent)'")
    }

    /// Deletes staging folders that killed builds left, recognised by name and by the tool's mark.
    private func removeStaleStaging(of output: OutputFolder) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // Only this output's own names: the prefix then 1 to 16 hex digits, so that `.Site.staging-v2.staging-…`,
        // another output's staging, is never taken for `Site`'s.
        let isOwn = { (entry: String) in
            let suffix = entry.dropFirst(output.stagingPrefix.count)
            return entry.hasPrefix(output.stagingPrefix) && (1...16).contains(suffix.count) && suffix.allSatisfy(\.isHexDigit)
        }
        for entry in (try? fileSystem.entries(of: output.parent)) ?? [] where isOwn(entry) {
            let path = output.parent + "/" + entry
            guard fileSystem.kind(of: path) == .directory, OutputFolder.manifest(in: path, fileSystem: fileSystem) != nil else { continue }
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
