import Foundation
import Testing
@testable import BriefingKit

/// Only regular files inside `Data/` and `Templates/` are read, as in Jekyll's safe mode: a link
/// out of the folder (a template linked to /etc/passwd was once published) and anything that is not
/// a regular file (a named pipe would hang the build, /dev/zero never ends) is a located error.
@Suite(.timeLimit(.minutes(2))) struct UnsafeInputFileTests {
    let fileManager = FileManager.default

    /// A copy of the corpus baseline (`Data/` and `Templates/`) in a fresh folder, and its real path.
    func workspace() throws -> (folder: String, real: String) {
        let folder = try Repository.temporaryFolder("unsafe")
        let baseline = BadInputCorpusTests.corpus + "/" + BadInputCorpusTests.baseline
        try fileManager.copyItem(atPath: baseline + "/Data", toPath: folder + "/Data")
        try fileManager.copyItem(atPath: baseline + "/Templates", toPath: folder + "/Templates")
        return (folder, URL(fileURLWithPath: folder).resolvingSymlinksInPath().path)
    }

    /// The check's diagnostics, with the workspace (as given and as resolved) taken out of their paths.
    func check(_ workspace: (folder: String, real: String)) throws -> [String] {
        try BadInputCorpusTests.check(workspace.folder).map { $0.replacingOccurrences(of: workspace.real + "/", with: "") }
    }

    /// Replaces a file with a symbolic link to `destination`.
    func link(_ path: String, to destination: String) throws {
        try? fileManager.removeItem(atPath: path)
        try fileManager.createSymbolicLink(atPath: path, withDestinationPath: destination)
    }

    @Test func aTemplateLinkedOutsideTemplatesIsRefused() throws {
        let workspace = try workspace()
        // Stands in for /etc/passwd: a file outside Templates/ that must never be published.
        try "root:x:0:0:root:/root:/bin/bash\n".write(toFile: workspace.folder + "/passwd", atomically: true, encoding: .utf8)
        try link(workspace.folder + "/Templates/about.md", to: workspace.folder + "/passwd")
        #expect(try check(workspace) == [
            "Templates/about.md:1:1: error: about.md is a link to passwd, outside Templates/; only files inside Templates/ are read, so copy the file in instead of linking to it",
        ])
    }

    @Test func aDataFileLinkedOutsideDataIsRefused() throws {
        let workspace = try workspace()
        try fileManager.createDirectory(atPath: workspace.folder + "/Elsewhere", withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: workspace.folder + "/Data/quotes.yaml", toPath: workspace.folder + "/Elsewhere/quotes.yaml")
        try link(workspace.folder + "/Data/quotes.yaml", to: "../Elsewhere/quotes.yaml")
        try link(workspace.folder + "/Data/release.yaml", to: "/dev/zero")
        #expect(try check(workspace) == [
            "Data/release.yaml:1:1: error: release.yaml is a link to /dev/zero, outside Data/; only files inside Data/ are read, so copy the file in instead of linking to it",
            "Data/quotes.yaml:1:1: error: quotes.yaml is a link to Elsewhere/quotes.yaml, outside Data/; only files inside Data/ are read, so copy the file in instead of linking to it",
        ])
    }

    /// A link to another file of the same folder is followed, and `Data/` or `Templates/` may itself be a link.
    @Test func linksThatStayInsideTheFolderAreAllowed() throws {
        let workspace = try workspace()
        try fileManager.moveItem(atPath: workspace.folder + "/Data/sources.csv", toPath: workspace.folder + "/Data/sources-master.csv")
        try link(workspace.folder + "/Data/sources.csv", to: "sources-master.csv")
        try fileManager.moveItem(atPath: workspace.folder + "/Templates", toPath: workspace.folder + "/Shared templates")
        try link(workspace.folder + "/Templates", to: workspace.folder + "/Shared templates")
        try fileManager.moveItem(atPath: workspace.folder + "/Shared templates/about.md", toPath: workspace.folder + "/Shared templates/about-2021.md")
        try link(workspace.folder + "/Shared templates/about.md", to: "about-2021.md")
        #expect(try check(workspace) == ["OK"])
    }

    /// The kind is checked before the file is opened: opening a named pipe would wait for a writer for ever.
    @Test func aNamedPipeIsRefusedWithoutHanging() throws {
        let workspace = try workspace()
        #expect(mkfifo(workspace.folder + "/Templates/x.md", 0o644) == 0)
        try fileManager.removeItem(atPath: workspace.folder + "/Data/platforms.csv")
        #expect(mkfifo(workspace.folder + "/Data/platforms.csv", 0o644) == 0)
        #expect(try check(workspace) == [
            "Data/platforms.csv:1:1: error: platforms.csv is a named pipe (FIFO), not a regular file; only regular files are read, so replace it with one",
            "Templates/x.md:1:1: error: x.md is a named pipe (FIFO), not a regular file; only regular files are read, so replace it with one",
        ])
    }

    @Test func aFolderNamedLikeATemplateIsRefused() throws {
        let workspace = try workspace()
        try fileManager.createDirectory(atPath: workspace.folder + "/Templates/x.md", withIntermediateDirectories: true)
        #expect(try check(workspace) == [
            "Templates/x.md:1:1: error: x.md is a folder, not a regular file; only regular files are read, so replace it with one",
        ])
    }
}
