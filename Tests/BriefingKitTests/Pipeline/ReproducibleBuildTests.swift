import Foundation
import Testing
@testable import BriefingKit

/// The same inputs give byte-identical output, whatever the time zone, locale, working folder or row order.
@Suite struct ReproducibleBuildTests {
    func build(data: String, output: String, in folder: String, environment: [String: String]) throws {
        let run = try ProcessRunner.run(CommandLineTests.executable,
                                        ["build", "--data", data, "--templates", Repository.templates, "--output", output],
                                        in: folder, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// The example data with the rows of every CSV file (after the header) in reverse order.
    func shuffledData(in folder: String) throws -> String {
        let data = folder + "/Shuffled"
        try FileManager.default.copyItem(atPath: Repository.data, toPath: data)
        for name in ["figures.csv", "areas.csv", "platforms.csv", "sources.csv"] {
            let lines = try String(contentsOfFile: data + "/" + name, encoding: .utf8).split(separator: "\n")
            let text = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
            try text.write(toFile: data + "/" + name, atomically: true, encoding: .utf8)
        }
        return data
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try Repository.temporaryFolder("repro-a")
        let second = try Repository.temporaryFolder("repro-b")
        try build(data: Repository.data, output: first + "/Output", in: first,
                  environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"])
        let shuffled = try shuffledData(in: second)
        try build(data: shuffled, output: "Output", in: second,
                  environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        let a = AtomicBuildTests.snapshot(first + "/Output")
        let b = AtomicBuildTests.snapshot(second + "/Output")
        #expect(a.keys.sorted() == b.keys.sorted())
        for path in a.keys.sorted() where a[path] != b[path] {
            Issue.record("\(path) differs between the two builds")
        }
        #expect(a.count > 10)
    }

    @Test func noClockTimeUnlessAsked() throws {
        let site = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.data, templates: Repository.templates)).site
        let home = String(decoding: try #require(site.file("index.html")).contents, as: UTF8.self)
        #expect(!home.contains("Built "))
        let dated = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.data, templates: Repository.templates, now: Date(timeIntervalSince1970: 1_616_716_860))).site
        #expect(String(decoding: try #require(dated.file("index.html")).contents, as: UTF8.self).contains("Built 2021-03-26T00:01:00Z."))
    }
}
