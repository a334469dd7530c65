import Foundation
import Testing
@testable import BriefingKit

/// Issue 11: pages rendered in parallel give the serial site byte for byte; a rebuild with nothing
/// changed writes no file (same inode, same mtime); a rebuild after one change keeps the others.
@Suite(.serialized) struct SpeedTests {
    static let grooming = Repository.fixtures + "/example-2023/Data"

    func site(_ data: String, workers: Int) throws -> Site {
        var log = DiagnosticLog()
        let loaded = try DataLoader(fileSystem: Repository.fileSystem).load(from: data, log: &log)
        let dataset = DisclosureControl(threshold: loaded.release.disclosureThreshold).apply(to: loaded).dataset
        let templates = try TemplateLibrary.load(from: Repository.templates, fileSystem: Repository.fileSystem)
        var builder = SiteBuilder(statistics: StatisticsEngine().run(dataset), templates: templates, builtAt: Date(timeIntervalSince1970: 1_692_000_000))
        builder.workers = workers
        return try builder.build()
    }

    @Test(arguments: [Repository.data, grooming])
    func parallelBuildIsTheSerialOne(data: String) throws {
        let serial = try site(data, workers: 1), parallel = try site(data, workers: 4)
        #expect(serial.files.map(\.path) == parallel.files.map(\.path))
        for (a, b) in zip(serial.files, parallel.files) where a.contents != b.contents {
            Issue.record("\(a.path) differs between the serial and the parallel build")
        }
        #expect(serial.figures == parallel.figures)
        // Every page, its plain text and both downloads, and the methods page, at least.
        #expect(serial.files.filter { $0.path.hasSuffix("index.html") }.count >= 5)
    }

    /// A build tells the command line when each of its steps has let go of what it made, so that the
    /// memory can be given back before the next (`BuildOptions.stepFinished`): after the data are
    /// checked, after the figures' first pass, after the pages and after the methods pages. A build
    /// from the same inputs renders nothing, so has no step to tell of.
    @Test func aBuildSaysWhenEachStepHasFinished() throws {
        let folder = try Repository.temporaryFolder("speed-steps")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var steps = 0
            func add() { lock.withLock { steps += 1 } }
        }
        let count = Count()
        var options = BuildOptions(data: Self.grooming, templates: Repository.templates, output: folder + "/Output")
        options.stepFinished = { count.add() }
        options.tool = "test"
        _ = try BuildPipeline(fileSystem: Repository.fileSystem).build(options)
        #expect(count.steps == 4)
        _ = try BuildPipeline(fileSystem: Repository.fileSystem).build(options)
        #expect(count.steps == 4)
    }

    /// Inode and modification time (to the nanosecond) of every file and folder under `folder`.
    static func stamps(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder))
        for case let relative as String in walker {
            var status = stat()
            #expect(lstat(folder + "/" + relative, &status) == 0)
            result[relative] = "\(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
        var status = stat()
        _ = lstat(folder, &status)
        result["."] = "\(status.st_ino)"
        return result
    }

    func build(_ data: String, into output: String) throws {
        _ = try BuildPipeline(fileSystem: Repository.fileSystem).build(
            BuildOptions(data: data, templates: Repository.templates, output: output, now: Date(timeIntervalSince1970: 1_692_000_000)))
    }

    @Test func rebuildWithNothingChangedWritesNoFile() throws {
        let folder = try Repository.temporaryFolder("speed-noop")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try build(Self.grooming, into: folder + "/Output")
        let before = try Self.stamps(folder + "/Output")
        try build(Self.grooming, into: folder + "/Output")
        let after = try Self.stamps(folder + "/Output")
        #expect(before.count > 20)
        #expect(before == after, "a file or folder was rewritten or swapped")
        // Nothing left beside the output but the lock: no staging folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("staging") } == [])
    }

    @Test func rebuildAfterOneChangeKeepsTheOtherFiles() throws {
        let folder = try Repository.temporaryFolder("speed-one")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/Data"
        try FileManager.default.copyItem(atPath: Self.grooming, toPath: data)
        try build(data, into: folder + "/Output")
        let before = try Self.stamps(folder + "/Output")
        // Only the quotes change: the quote appears on some pages, never in the downloads of figures.
        let quotes = data + "/quotes.yaml"
        let text = try String(contentsOfFile: quotes, encoding: .utf8)
        #expect(text.contains("the sheer scale"))
        try text.replacingOccurrences(of: "the sheer scale", with: "the large scale").write(toFile: quotes, atomically: true, encoding: .utf8)
        try build(data, into: folder + "/Output")
        let after = try Self.stamps(folder + "/Output")
        #expect(before.keys.sorted() == after.keys.sorted())
        let rewritten = after.keys.filter { !$0.hasSuffix("/") && before[$0] != after[$0] && !FileManager.default.isDirectory(folder + "/Output/" + $0) }
        // The whole-release downloads never hold a quote: they are the old files, linked.
        #expect(before["data/figures.csv"] == after["data/figures.csv"])
        #expect(before["data/figures.json"] == after["data/figures.json"])
        #expect(before["assets/style.css"] == after["assets/style.css"])
        // Some page showed the quote, and the folder was swapped (a new inode for it).
        #expect(rewritten.contains { $0.hasSuffix(".html") })
        #expect(before["."] != after["."])
    }

    func build(_ data: String, into output: String, tool: String?, clock: Date? = nil) throws -> BuildPipeline.Result {
        var options = BuildOptions(data: data, templates: Repository.templates, output: output, now: Date(timeIntervalSince1970: 1_692_000_000),
                                   clock: clock)
        options.tool = tool
        return try BuildPipeline(fileSystem: Repository.fileSystem).build(options)
    }

    /// With the tool's identity given (as the command line gives it), a build from the same inputs onto
    /// the site the last one left renders nothing: the builder never runs, so the result has no figures.
    @Test func rebuildFromTheSameInputsRendersNothing() throws {
        let folder = try Repository.temporaryFolder("speed-inputs")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/Data", output = folder + "/Output"
        try FileManager.default.copyItem(atPath: Self.grooming, toPath: data)
        let first = try build(data, into: output, tool: "briefing test 1")
        #expect(!first.unchanged && first.site.figureCount > 0)
        let lock = try String(contentsOfFile: folder + "/.Output.briefing-lock", encoding: .utf8)
        #expect(lock.hasPrefix("briefing inputs 1 ") && lock.split(separator: " ").count == 5, "the lock file does not record the inputs: \(lock)")
        let before = try Self.stamps(output)

        let second = try build(data, into: output, tool: "briefing test 1")
        #expect(second.unchanged && second.site.figureCount == 0, "the same inputs were rendered again")
        #expect(second.paths == first.paths && second.paths.count > 20)
        #expect(try Self.stamps(output) == before)

        // Another tool (a rebuilt binary) renders, and finds nothing to write.
        let retooled = try build(data, into: output, tool: "briefing test 2")
        #expect(retooled.unchanged && retooled.site.figureCount > 0)
        #expect(try Self.stamps(output) == before)
        // Without an identity, every build renders, and forgets the record.
        #expect(try build(data, into: output, tool: nil).site.figureCount > 0)
        #expect(try build(data, into: output, tool: "briefing test 2").site.figureCount > 0, "a build without an identity left a stale record")
        #expect(try build(data, into: output, tool: "briefing test 2").site.figureCount == 0)

        // One byte of one file of the data changes: rendered again.
        let quotes = data + "/quotes.yaml"
        let text = try String(contentsOfFile: quotes, encoding: .utf8)
        try text.replacingOccurrences(of: "the sheer scale", with: "the sheer  scale").write(toFile: quotes, atomically: true, encoding: .utf8)
        let edited = try build(data, into: output, tool: "briefing test 2")
        #expect(!edited.unchanged && edited.site.figureCount > 0)
    }

    /// A file of the output edited by hand since the last build is put right by the next, even from the same inputs.
    @Test func anOutputFileEditedByHandIsRebuilt() throws {
        let folder = try Repository.temporaryFolder("speed-edited")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/Output"
        _ = try build(Self.grooming, into: output, tool: "briefing test")
        let page = output + "/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        Thread.sleep(forTimeInterval: 0.01)
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: page))
        let again = try build(Self.grooming, into: output, tool: "briefing test")
        #expect(again.site.figureCount > 0, "the edited site was taken as up to date")
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == original)
    }

    /// An embargo that lifts between two builds from the same files: the second renders, and publishes.
    @Test func anEmbargoLiftingRendersAgain() throws {
        let folder = try Repository.temporaryFolder("speed-embargo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/Data", output = folder + "/Output"
        try FileManager.default.copyItem(atPath: Self.grooming, toPath: data)
        let release = data + "/release.yaml"
        try (try String(contentsOfFile: release, encoding: .utf8) + "embargo: 2023-08-17T00:01:00+01:00\n")
            .write(toFile: release, atomically: true, encoding: .utf8)
        let early = Date(timeIntervalSince1970: 1_692_000_000), late = Date(timeIntervalSince1970: 1_692_300_000)
        #expect(try build(data, into: output, tool: "briefing test", clock: early).embargo.isEmbargoed)
        #expect(try build(data, into: output, tool: "briefing test", clock: early).unchanged)
        let after = try build(data, into: output, tool: "briefing test", clock: late)
        #expect(!after.embargo.isEmbargoed && !after.unchanged && after.site.figureCount > 0)
        #expect(try !String(contentsOfFile: output + "/index.html", encoding: .utf8).contains("<div class=\"embargo\">"))
    }
}

private extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
