import Foundation

/// Where a build may write its site, resolved from `--output` and checked against every rule
/// that keeps a user's files safe.
///
/// The output is only ever a new folder, an empty one, or a site this tool wrote (it carries a
/// `SiteManifest`). It is never the root, the home or the current folder, never a file, and
/// never holds, or lies inside, the data or templates folder. Paths are compared after
/// `realpath`, so `Out/`, `Out//`, `Out/.`, `Data/..` and links all meet the same rules.
///
/// A symbolic link as the output (a webroot link is a real use) is followed: the site is
/// built beside, and swapped in at, the folder it points to, which must meet the same rules.
/// The link itself is never replaced.
public struct OutputFolder: Sendable, Equatable {
    /// The path as the user gave it, for messages.
    public let given: String
    /// The real, absolute path of the site folder (the link's target when `given` is a link).
    public let path: String
    /// The real folder that holds `path`, where the staging folder and the lock go.
    public let parent: String
    /// The last component of `path`.
    public let name: String
    /// Whether a folder is there already (a site of ours, or an empty folder).
    public let exists: Bool
    /// Whether `given` is a symbolic link to `path`.
    public let isLink: Bool
    /// The `--data` and `--templates` folders it was checked against, to check again under the lock.
    let data: String, templates: String

    /// `--output 'Out'`, and where it leads when it is a link, for messages.
    var shown: String { "--output '\(given)'" + (isLink ? " (a link to '\(path)')" : "") }

    /// The lock file that keeps two builds from writing this site at once.
    public var lockPath: String { parent + "/." + name + ".briefing-lock" }
    /// The prefix of this site's staging folders; each build adds a random suffix.
    public var stagingPrefix: String { "." + name + ".staging-" }

    static func error(_ message: String, step: String = "check the output folder") -> BriefingError {
        BriefingError(step: step, .error(message, at: nil))
    }

    /// Resolves `given` and checks where it leads; nothing is written.
    public static func resolve(_ given: String, data: String, templates: String, fileSystem: FileSystem) throws -> OutputFolder {
        var quoted = "--output '\(given)'"
        let ownFolder = "; the site needs a folder of its own, such as Output"
        guard !given.trimmingHorizontalSpace().isEmpty else {
            throw error("--output is empty; name the folder the site should go in, such as Output")
        }
        let absolute = given.hasPrefix("/") ? given : fileSystem.currentDirectory + "/" + given
        let target: String
        let isLink = fileSystem.kind(of: absolute) == .symbolicLink
        switch fileSystem.kind(of: absolute) {
        case .missing:
            // A new folder: its parent must exist. Trailing `/`, `//` and `.` are dropped first.
            let components = absolute.split(separator: "/").filter { $0 != "." }
            guard let last = components.last, last != ".." else { throw error("\(quoted) is not a folder name") }
            let parentPath = "/" + components.dropLast().joined(separator: "/")
            guard let parent = fileSystem.realPath(parentPath), fileSystem.kind(of: parent) == .directory else {
                throw error("\(quoted) is inside '\(parentPath)', which is not a folder that exists; create it first")
            }
            // `report.txt/` is missing as written but names a file: the checks below say so.
            target = (parent == "/" ? "" : parent) + "/" + last
        case .symbolicLink:
            guard let resolved = fileSystem.realPath(absolute) else {
                throw error("\(quoted) is a symbolic link to a folder that does not exist; create the folder it points to, or remove the link")
            }
            target = resolved
            quoted += " (a link to '\(resolved)')"
        default:
            guard let resolved = fileSystem.realPath(absolute) else { throw error("\(quoted) cannot be resolved") }
            target = resolved
        }

        let kind = fileSystem.kind(of: target)
        if target == "/" { throw error("\(quoted) is the root folder\(ownFolder)") }
        if let home = fileSystem.homeDirectory.flatMap(fileSystem.realPath), target == home {
            throw error("\(quoted) is your home folder\(ownFolder)")
        }
        if let current = fileSystem.realPath(fileSystem.currentDirectory), target == current {
            throw error("\(quoted) is the current folder\(ownFolder)")
        }
        for (option, folder) in [("--data", data), ("--templates", templates)] {
            guard let real = fileSystem.realPath(folder) else { continue }
            let what = option == "--data" ? "data" : "templates"
            if target == real { throw error("\(quoted) is the \(what) folder (\(option) '\(folder)')\(ownFolder)") }
            if target.hasPrefix(real + "/") { throw error("\(quoted) is inside the \(what) folder (\(option) '\(folder)')\(ownFolder)") }
            if real.hasPrefix(target + "/") { throw error("\(quoted) holds the \(what) folder (\(option) '\(folder)'), which building there would delete\(ownFolder)") }
        }
        if let current = fileSystem.realPath(fileSystem.currentDirectory), current.hasPrefix(target + "/") {
            throw error("\(quoted) holds the current folder, which building there would delete\(ownFolder)")
        }
        switch kind {
        case .missing, .directory: break
        case .file: throw error("\(quoted) is a file, not a folder; name a folder for the site, such as Output")
        case .symbolicLink, .other: throw error("\(quoted) is not a folder; name a folder for the site, such as Output")
        }
        let components = target.split(separator: "/")
        let parent = "/" + components.dropLast().joined(separator: "/")
        let name = String(components.last!)
        // The lock and staging names add up to 31 characters to the folder's name, and a name has at most 255 bytes.
        if name.utf8.count > 224 {
            throw error("\(quoted) has a name of \(name.utf8.count) bytes; the build needs room beside it for names 31 bytes longer (at most 255), so use a shorter name")
        }
                if name.hasPrefix("."), name.contains(".staging-") {
            throw error("\(quoted) is named like one of briefing's staging folders, which builds delete; choose another name")
        }
        if kind == .directory, let own = fileSystem.info(target), let above = fileSystem.info(parent), own.device != above.device {
            throw error("\(quoted) is a mount point, so a site cannot be swapped in whole; choose a folder inside it")
        }
        return OutputFolder(given: given, path: target, parent: parent, name: name, exists: kind == .directory, isLink: isLink,
                            data: data, templates: templates)
    }

    /// The same output resolved again now, for the check under the lock.
    func again(fileSystem: FileSystem) throws -> OutputFolder {
        try Self.resolve(given, data: data, templates: templates, fileSystem: fileSystem)
    }

    /// The quick check before a build: a folder there carries the tool's mark, or is empty.
    public func checkMarked(fileSystem: FileSystem) throws {
        guard exists, !((try? fileSystem.entries(of: path)) ?? []).isEmpty, Self.manifest(in: path, fileSystem: fileSystem) == nil else { return }
        throw unmarked
    }

    private var unmarked: BriefingError {
        Self.error("\(shown) is a folder that briefing did not write (it has no \(SiteManifest.fileName) file), so building there would delete what is in it; name a new or empty folder (a site built by a version of briefing before the mark: delete it yourself, once)")
    }

    /// Checks that the folder there now can be replaced whole without losing anything: it is
    /// empty, or a site this tool wrote that holds only the files it wrote, and every folder
    /// in it can be emptied. Also that the site can be built beside it.
    public func checkReplaceable(fileSystem: FileSystem) throws {
        guard fileSystem.isWritable(parent) else {
            throw Self.error("cannot write beside \(shown): the folder '\(parent)' is read-only for you; make it writable, or choose another output")
        }
        guard exists else { return }
        guard let foreign = Self.foreignEntries(in: path, fileSystem: fileSystem) else { throw unmarked }
        if !foreign.isEmpty { throw foreignError(foreign) }
        var readOnly: [String] = fileSystem.isWritable(path) ? [] : [""]
        Self.walk(path, fileSystem: fileSystem) { relative, kind in
            if kind == .directory, !fileSystem.isWritable(path + "/" + relative) { readOnly.append(relative) }
        }
        if let first = readOnly.first {
            let place = first.isEmpty ? "it is read-only" : "its folder '\(first)' is read-only"
            throw Self.error("cannot replace \(shown): \(place) for you, so the old site could not be removed; make it writable (chmod -R u+w) and build again")
        }
    }

    func foreignError(_ foreign: [String]) -> BriefingError {
        let folder = displayName + "/"
        let listed = foreign.prefix(5).map { "'\(folder)\($0)'" }.joined(separator: ", ")
        let more = foreign.count > 5 ? " and \(foreign.count - 5) more" : ""
        return Self.error("\(shown) holds files that briefing did not write: \(listed)\(more); building would delete them, so move them out of the folder first")
    }

    /// `given` without trailing `/` and `/.`, for listing paths under it.
    public var displayName: String {
        var name = given
        while name.hasSuffix("/") || name.hasSuffix("/.") { name = String(name.dropLast(name.hasSuffix("/") ? 1 : 2)) }
        return name.isEmpty ? path : name
    }

    /// The manifest of a folder, when it carries one this tool wrote.
    static func manifest(in folder: String, fileSystem: FileSystem) -> SiteManifest? {
        guard fileSystem.kind(of: folder + "/" + SiteManifest.fileName) == .file,
              let data = try? fileSystem.contents(of: folder + "/" + SiteManifest.fileName) else { return nil }
        return SiteManifest.parse(data)
    }

    /// What in a folder the tool did not write: [] for an empty folder or a site holding only its
    /// listed files; nil when the folder has entries but no mark (so nothing in it is the tool's).
    static func foreignEntries(in folder: String, fileSystem: FileSystem) -> [String]? {
        guard !((try? fileSystem.entries(of: folder)) ?? []).isEmpty else { return [] }
        guard let manifest = manifest(in: folder, fileSystem: fileSystem) else { return nil }
        let known = Set(manifest.files + [SiteManifest.fileName])
        let knownFolders = Set(manifest.files.flatMap { file in
            let parts = file.split(separator: "/").dropLast()
            return parts.indices.map { parts[...$0].joined(separator: "/") }
        })
        var foreign: [String] = []
        walk(folder, fileSystem: fileSystem) { relative, kind in
            if kind == .directory {
                if !knownFolders.contains(relative) { foreign.append(relative + "/") }
            } else if !known.contains(relative) {
                foreign.append(relative)
            }
        }
        return foreign.sorted()
    }

    /// Visits every entry under a folder without following links; folders after their contents.
    static func walk(_ root: String, relative: String = "", fileSystem: FileSystem, visit: (String, FileKind) -> Void) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for entry in (try? fileSystem.entries(of: folder)) ?? [] {
            let child = relative.isEmpty ? entry : relative + "/" + entry
            let kind = fileSystem.kind(of: root + "/" + child)
            if kind == .directory { walk(root, relative: child, fileSystem: fileSystem, visit: visit) }
            visit(child, kind)
        }
    }
}
