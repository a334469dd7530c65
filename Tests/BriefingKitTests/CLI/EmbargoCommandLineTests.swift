import Foundation
import Testing

/// `briefing build --now` before and after the embargo: the two behaviours, as a press officer sees them.
@Suite struct EmbargoCommandLineTests {
    /// A workspace with the example Data/ and its embargo (00:01 GMT on Friday 26 March 2021).
    func workspace() throws -> String {
        let folder = try CommandLineTests().workspace()
        let release = folder + "/Data/release.yaml"
        try (try String(contentsOfFile: release, encoding: .utf8) + "embargo: 2021-03-26T00:01:00+00:00\n")
            .write(toFile: release, atomically: true, encoding: .utf8)
        return folder
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func beforeTheEmbargoTheSiteIsEmbargoedAndAfterItPublishes() throws {
        let folder = try workspace()
        let before = try CommandLineTests().run(["build", "--now", "2021-03-26T00:00:59Z"], in: folder)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("\nUnder embargo until 00:01 Friday 26 March 2021 (GMT): every page carries the embargo banner and noindex. Build again after it to publish.\n"))
        let page = try read(folder + "/Output/regions/east-of-england/index.html")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<p><strong>EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021</strong></p>"))
        #expect(try read(folder + "/Output/regions/east-of-england/index.txt").hasPrefix("EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021\n\n"))

        let after = try CommandLineTests().run(["build", "--now", "2021-03-26T00:01:00Z"], in: folder)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(!after.stdout.contains("embargo"))
        for path in ["/Output/index.html", "/Output/regions/east-of-england/index.html", "/Output/index.txt", "/Output/data/figures.json"] {
            let text = try read(folder + path)
            #expect(!text.contains("EMBARGOED") && !text.contains("noindex"), "\(path)")
        }
    }

    @Test func withoutNowTheSystemClockJudgesTheEmbargo() throws {
        // The example's embargo is long past: a build with no --now publishes, and prints no build time.
        let folder = try workspace()
        if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
            let run = try CommandLineTests().run(["build"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("embargo"))
            let page = try read(folder + "/Output/index.html")
            #expect(!page.contains("noindex") && !page.contains("Built "))
        }
        // SOURCE_DATE_EPOCH is the clock when --now is not given: 1616630400 is 00:00 UTC on 25 March 2021.
        let epoch = try ProcessRunner.run(CommandLineTests.executable, ["build"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1616630400"])
        #expect(epoch.status == 0, "\(epoch.stderr)")
        #expect(epoch.stdout.contains("Under embargo until 00:01 Friday 26 March 2021 (GMT)"))
        #expect(try read(folder + "/Output/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
    }
}
