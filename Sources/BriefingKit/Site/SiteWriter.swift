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

    /// What writing found that did not stop it, such as an old site that could not be deleted,
    /// and what the site now holds.
    public struct Outcome: Sendable {
        public var warnings: [Diagnostic] = []
        /// Every file of the site, sorted.
        public var paths: [String] = []
        /// True when the output was left as it was: built from the same inputs, or with every file the same.
        public var unchanged = false
    }

    static func failure(_ message: String) -> BriefingError {
        OutputFolder.error(message, step: "write the site")
    }

    /// Writes a site made beforehand, in memory.
    public func write(_ site: Site, to requested: OutputFolder) throws -> Outcome {
        try write(to: requested) { sink in
            for file in site.files { try sink.add(file) }
        }
    }

    /// Writes the site that `build` makes, file by file as it makes them, into a staging folder,
    /// then swaps it in. An error thrown by `build` removes the staging folder and is thrown as it
    /// is; the output is left as it was. With `inputs` (a `BuildFingerprint`) equal to those the lock
    /// file records of the build that wrote the output, and the output as that build left it,
    /// `build` is not run at all.
    public func write(to requested: OutputFolder, inputs: String? = nil, build: (any SiteSink) throws -> Void) throws -> Outcome {
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
        let old = replacing ? OutputFolder.manifest(in: output.path, fileSystem: fileSystem) : nil
        let manifestPath = output.path + "/" + SiteManifest.fileName
        if let inputs, let old, let record = BuiltFrom(lock.contents), record.inputs == inputs,
           fileSystem.info(manifestPath)?.inode == record.manifestInode, isIntact(output.path, as: old) {
            outcome.paths = old.files
            outcome.unchanged = true
            return outcome
        }
        // What the output is built from, told to the lock file once the output holds it (nothing, without inputs).
        let remember = {
            let record = inputs.flatMap { inputs in fileSystem.info(manifestPath).map { BuiltFrom(inputs: inputs, manifestInode: $0.inode) } }
            lock.setContents(record?.data ?? Data())
        }
        let staging = try makeStaging(for: output)
        let site = StagingSite(folder: staging, old: old == nil ? nil : output.path, listed: old?.files ?? [], fileSystem: fileSystem)
        let manifest: SiteManifest
        do {
            try fileSystem.write(SiteManifest.markOnly, to: staging + "/" + SiteManifest.fileName)
            try build(site)
            manifest = SiteManifest(files: site.paths)
            // Every file the old site's, byte for byte, and the same manifest: nothing to swap.
            if site.isOldSite, let before = try? fileSystem.contents(of: manifestPath),
               before == Data(manifest.text.utf8) {
                try? removeMarked(staging)
                outcome.paths = manifest.files
                outcome.unchanged = true
                remember()
                return outcome
            }
            try fileSystem.write(Data(manifest.text.utf8), to: staging + "/" + SiteManifest.fileName)
            if replacing {
                // A webroot keeps its permissions and group across builds.
                if let folder = fileSystem.info(output.path) { try fileSystem.copyPermissions(folder, to: staging) }
                try fileSystem.exchange(staging, output.path)
            } else {
                try fileSystem.move(staging, to: output.path)
            }
        } catch let failure as StagingSite.WriteFailure {
            try? removeMarked(staging)
            throw Self.failure("cannot write the site to \(output.shown): \(Self.reason(failure.underlying))")
        } catch let error as BriefingError {
            // The build's own error (a template fault found while rendering): reported as it is.
            try? removeMarked(staging)
            throw error
        } catch {
            try? removeMarked(staging)
            throw Self.failure("cannot write the site to \(output.shown): \(Self.reason(error))")
        }
        outcome.paths = manifest.files
        guard replacing else {
            remember()
            return outcome
        }

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
        remember()
        return outcome
    }

    /// What the lock file remembers of the build that wrote the output: its inputs' fingerprint and
    /// the inode of the manifest it wrote (a later build by other means writes a new manifest).
    struct BuiltFrom: Equatable {
        static let signature = "briefing inputs 1"
        let inputs: String
        let manifestInode: UInt64

        init(inputs: String, manifestInode: UInt64) {
            self.inputs = inputs
            self.manifestInode = manifestInode
        }

        init?(_ data: Data?) {
            guard let data else { return nil }
            let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
            guard words.count == 5, words[0...2].joined(separator: " ") == Self.signature, let inode = UInt64(words[4]) else { return nil }
            self.init(inputs: String(words[3]), manifestInode: inode)
        }

        var data: Data { Data("\(Self.signature) \(inputs) \(manifestInode)\n".utf8) }
    }

    /// Whether the output is as the build that wrote `manifest` left it: exactly its files, each a
    /// regular file (not a link) last changed no later than the manifest, which that build wrote
    /// after every file. A file edited or replaced by hand since is newer, and the site is built again.
    private func isIntact(_ folder: String, as manifest: SiteManifest) -> Bool {
        guard let written = fileSystem.info(folder + "/" + SiteManifest.fileName)?.modified,
              OutputFolder.foreignEntries(in: folder, fileSystem: fileSystem) == [] else { return false }
        return manifest.files.allSatisfy { file in
            let path = folder + "/" + file
            guard fileSystem.kind(of: path) == .file, let info = fileSystem.info(path) else { return false }
            return info.modified <= written
        }
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
