import Foundation
import Testing
@testable import BriefingKit

/// `Output/` is only ever the whole old site or the whole new one.
@Suite(.serialized) struct AtomicBuildTests {
    /// Every file under a folder with its bytes, for before-and-after comparisons.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let manager = FileManager.default
        for case let path as String in manager.enumerator(atPath: folder) ?? NSEnumerator() {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = manager.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    /// A copy of the example data with 3,000 more forces, so that writing the site takes a while.
    static func largeWorkspace() throws -> String {
        let folder = try Repository.temporaryFolder("atomic")
        try FileManager.default.copyItem(atPath: Repository.data, toPath: folder + "/Data")
        var areas = try String(contentsOfFile: folder + "/Data/areas.csv", encoding: .utf8)
        var figures = try String(contentsOfFile: folder + "/Data/figures.csv", encoding: .utf8)
        for index in 1...3000 {
            areas += "Extra Force \(index),force,West Midlands,\n"
            figures += "2019-10/2020-09,Extra Force \(index),All platforms,count,\(100 + index),greatest-hits-wm-2021-03\n"
        }
        try areas.write(toFile: folder + "/Data/areas.csv", atomically: true, encoding: .utf8)
        try figures.write(toFile: folder + "/Data/figures.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func killedBuildLeavesOutputAsItWasOrWhollyNew() throws {
        let folder = try Self.largeWorkspace()
        let output = folder + "/Output"
        // The old site: the example release without the extra forces.
        _ = try BuildPipeline(fileSystem: Repository.fileSystem)
            .build(BuildOptions(data: Repository.data, templates: Repository.templates, output: output))
        let before = Self.snapshot(output)
        #expect(before["index.html"] != nil)

        var sawOld = false
        for delay in [0.05, 0.2, 0.5, 1.0, 1.5, 2.5] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["build", "--data", folder + "/Data", "--templates", Repository.templates, "--output", output]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = Self.snapshot(output)
            if after == before {
                sawOld = true
            } else {
                // The swap happened: the new site is complete.
                #expect(after["forces/extra-force-3000/index.html"] != nil, "killed after \(delay)s: Output/ is neither the old site nor the new one")
                #expect(after.count > before.count + 3000)
                break
            }
        }
        #expect(sawOld, "no kill landed before the swap; the test did not exercise a killed build")
    }

    @Test func failedBuildLeavesOutputByteForByte() throws {
        let folder = try Repository.temporaryFolder("atomic")
        let output = folder + "/Output"
        let pipeline = BuildPipeline(fileSystem: Repository.fileSystem)
        _ = try pipeline.build(BuildOptions(data: Repository.data, templates: Repository.templates, output: output))
        let before = Self.snapshot(output)
        #expect(throws: BriefingError.self) {
            try pipeline.build(BuildOptions(data: folder + "/NoSuchData", templates: Repository.templates, output: output))
        }
        #expect(Self.snapshot(output) == before)
    }

    @Test func pagesOfRemovedAreasDisappear() throws {
        let folder = try Repository.temporaryFolder("atomic")
        let fileSystem = Repository.fileSystem
        let writer = SiteWriter(fileSystem: fileSystem)
        func output() throws -> OutputFolder {
            try OutputFolder.resolve(folder + "/Out", data: folder + "/Data", templates: folder + "/Templates", fileSystem: fileSystem)
        }
        _ = try writer.write(Site(files: [SiteFile(path: "index.html", text: "a"), SiteFile(path: "forces/gone/index.html", text: "b")]), to: output())
        _ = try writer.write(Site(files: [SiteFile(path: "index.html", text: "c")]), to: output())
        #expect(try String(contentsOfFile: folder + "/Out/index.html", encoding: .utf8) == "c")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out/forces"))
        // Only the site, its lock beside it, and no staging folder left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".Out.briefing-lock", "Out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/Out").sorted() == [SiteManifest.fileName, "index.html"])
    }
}
