import Foundation
import Testing
@testable import BriefingKit

/// What the user does to the output while a build runs is never lost.
@Suite struct SiteWriterRaceTests {
    /// The real disk, with a hook that runs just before the site is swapped in: the moment a
    /// user's file landing in the output would be most at risk.
    struct DiskWithHook: FileSystem {
        let disk = LocalFileSystem(manager: .default)
        let beforeSwap: @Sendable () -> Void

        func exchange(_ first: String, _ second: String) throws {
            beforeSwap()
            try disk.exchange(first, second)
        }
        func move(_ source: String, to destination: String) throws {
            beforeSwap()
            try disk.move(source, to: destination)
        }
        func contents(of path: String) throws -> Data? { try disk.contents(of: path) }
        func entries(of directory: String) throws -> [String] { try disk.entries(of: directory) }
        func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
        func fileExists(_ path: String) -> Bool { disk.fileExists(path) }
        func createDirectory(_ path: String) throws { try disk.createDirectory(path) }
        func write(_ data: Data, to path: String) throws { try disk.write(data, to: path) }
        func remove(_ path: String) throws { try disk.remove(path) }
        func kind(of path: String) -> FileKind { disk.kind(of: path) }
        func info(_ path: String) -> FileInfo? { disk.info(path) }
        var currentDirectory: String { disk.currentDirectory }
        var homeDirectory: String? { nil }
        func isWritable(_ path: String) -> Bool { disk.isWritable(path) }
        func makeNewDirectory(_ path: String) throws { try disk.makeNewDirectory(path) }
        func copyPermissions(_ source: FileInfo, to path: String) throws { try disk.copyPermissions(source, to: path) }
        func lockExclusively(_ path: String) throws -> FileLock? { try disk.lockExclusively(path) }
    }

    let site = Site(files: [SiteFile(path: "index.html", text: "new")])

    func output(_ folder: String, _ fileSystem: FileSystem) throws -> OutputFolder {
        try OutputFolder.resolve(folder + "/Out", data: folder + "/Data", templates: folder + "/Templates", fileSystem: fileSystem)
    }

    @Test func aFileAddedToTheSiteDuringTheBuildIsPutBack() throws {
        let folder = try Repository.temporaryFolder("race")
        let plain = LocalFileSystem(manager: .default)
        _ = try SiteWriter(fileSystem: plain).write(Site(files: [SiteFile(path: "index.html", text: "old")]), to: output(folder, plain))
        let hooked = DiskWithHook { try? "draft".write(toFile: folder + "/Out/draft.txt", atomically: false, encoding: .utf8) }
        #expect(throws: BriefingError.self) { try SiteWriter(fileSystem: hooked).write(site, to: output(folder, hooked)) }
        // The old site is back, with the user's file, and no staging is left.
        #expect(try String(contentsOfFile: folder + "/Out/index.html", encoding: .utf8) == "old")
        #expect(try String(contentsOfFile: folder + "/Out/draft.txt", encoding: .utf8) == "draft")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".Out.briefing-lock", "Out"])
    }

    @Test func aFolderMadeWhereTheSiteWillGoIsNeverReplaced() throws {
        let folder = try Repository.temporaryFolder("race")
        let hooked = DiskWithHook {
            try? FileManager.default.createDirectory(atPath: folder + "/Out", withIntermediateDirectories: true)
            try? "thesis".write(toFile: folder + "/Out/thesis.txt", atomically: false, encoding: .utf8)
        }
        let error = try #require(throws: BriefingError.self) { try SiteWriter(fileSystem: hooked).write(site, to: output(folder, hooked)) }
        #expect(error.diagnostics.map(\.message) == ["cannot write the site to --output '\(folder)/Out': \(folder)/Out: something appeared there while the site was being built"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/Out") == ["thesis.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".Out.briefing-lock", "Out"])
    }

    @Test func aFolderMadeBeforeTheLockIsCheckedAgain() throws {
        let folder = try Repository.temporaryFolder("race")
        let disk = LocalFileSystem(manager: .default)
        let resolved = try output(folder, disk)
        #expect(!resolved.exists)
        try FileManager.default.createDirectory(atPath: folder + "/Out", withIntermediateDirectories: true)
        try "mine".write(toFile: folder + "/Out/mine.txt", atomically: false, encoding: .utf8)
        #expect(throws: BriefingError.self) { try SiteWriter(fileSystem: disk).write(site, to: resolved) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/Out") == ["mine.txt"])
    }
}
