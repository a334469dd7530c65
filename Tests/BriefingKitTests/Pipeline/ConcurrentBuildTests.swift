import Foundation
import Testing
@testable import BriefingKit

/// Two builds started at once to one output: the output is always one whole site, never a mix.
@Suite struct ConcurrentBuildTests {
    /// Starts a build and returns at once, with its output going to files in `scratch`.
    static func start(data: String, output: String, scratch: String, name: String) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["build", "--data", data, "--templates", Repository.templates, "--output", output]
        let errPath = scratch + "/" + name + ".err"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        return (process, errPath)
    }

    @Test func twoBuildsToOneOutputNeverMix() throws {
        let folder = try Repository.temporaryFolder("concurrent")
        let manager = FileManager.default
        // Two releases that differ in a figure and in their pages (B has one more force), so that a mix would show.
        let dataA = Repository.fixtures + "/small/Data", dataB = folder + "/DataB"
        try manager.copyItem(atPath: dataA, toPath: dataB)
        let figures = try String(contentsOfFile: dataB + "/figures.csv", encoding: .utf8)
        try (figures.replacingOccurrences(of: "Testland,All platforms,count,2000", with: "Testland,All platforms,count,2010")
            + "2023-01/2023-12,Gamma Police,All platforms,count,90,fixture-news\n")
            .write(toFile: dataB + "/figures.csv", atomically: true, encoding: .utf8)
        let areas = try String(contentsOfFile: dataB + "/areas.csv", encoding: .utf8)
        try (areas + "Gamma Police,force,South\n").write(toFile: dataB + "/areas.csv", atomically: true, encoding: .utf8)
        let pipeline = BuildPipeline(fileSystem: Repository.fileSystem)
        for (data, name) in [(dataA, "A"), (dataB, "B")] {
            _ = try pipeline.build(BuildOptions(data: data, templates: Repository.templates, output: folder + "/ref" + name))
        }
        let siteA = FolderTree(folder + "/refA"), siteB = FolderTree(folder + "/refB")
        try #require(Set(siteA.entries.keys) != Set(siteB.entries.keys))

        let output = folder + "/Out"
        var outcomes: [String: Int] = [:]
        for round in 0..<30 {
            let (first, firstErr) = try Self.start(data: dataA, output: output, scratch: folder, name: "a\(round)")
            let (second, secondErr) = try Self.start(data: dataB, output: output, scratch: folder, name: "b\(round)")
            first.waitUntilExit(); second.waitUntilExit()
            let site = FolderTree(output)
            #expect(site == siteA || site == siteB, "round \(round): Out/ is neither whole site (\(site.changes(from: siteA).prefix(5)))")
            for (process, errPath) in [(first, firstErr), (second, secondErr)] where process.terminationStatus != 0 {
                let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
                #expect(stderr == """
                    briefing: error: another briefing build is writing --output '\(output)' now; wait for it to finish, then build again
                    briefing: write the site failed with 1 error; '\(output)' was not changed

                    """, "round \(round)")
            }
            #expect(first.terminationStatus == 0 || second.terminationStatus == 0, "round \(round): both builds failed")
            outcomes[site == siteA ? "A" : "B", default: 0] += 1
            // No staging folder is ever left behind.
            let leftovers = try manager.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".Out.staging-") }
            #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
        }
    }

    /// While a build holds the lock, another fails at once with the message; once free, it builds.
    @Test func aSecondBuildFailsAtOnceWhileTheLockIsHeld() throws {
        let folder = try Repository.temporaryFolder("concurrent")
        let output = folder + "/Out"
        let lock = try #require(try Repository.fileSystem.lockExclusively(folder + "/.Out.briefing-lock"))
        let arguments = ["build", "--data", Repository.fixtures + "/small/Data", "--templates", Repository.templates, "--output", output]
        let blocked = try ProcessRunner.run(CommandLineTests.executable, arguments)
        #expect(blocked.status == 1)
        #expect(blocked.stderr == """
            briefing: error: another briefing build is writing --output '\(output)' now; wait for it to finish, then build again
            briefing: write the site failed with 1 error; '\(output)' was not changed

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [".Out.briefing-lock"])
        lock.release()
        #expect(try ProcessRunner.run(CommandLineTests.executable, arguments).status == 0)
    }
}
