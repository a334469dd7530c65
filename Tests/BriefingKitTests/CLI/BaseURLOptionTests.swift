import Foundation
import Testing
@testable import BriefingKit

/// `briefing build --base-url`: checked as a usage error (exit 64) before anything is read, and
/// needing a build time; with both, the site names itself absolutely, the same bytes every time.
@Suite struct BaseURLOptionTests {
    /// No SOURCE_DATE_EPOCH from the environment the tests run in, unless a test gives one.
    func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> ProcessRunner.Output {
        try ProcessRunner.run(CommandLineTests.executable, arguments, in: folder,
                              environment: ["SOURCE_DATE_EPOCH": "", "COLUMNS": "80"].merging(environment) { _, new in new })
    }

    @Test(arguments: [
        ("ftp://example.org/", "Error: --base-url 'ftp://example.org/' must start with https:// (or http://)"),
        ("example.org", "Error: --base-url 'example.org' is not an absolute URL; write it in full, such as https://example.org/briefing/"),
        ("https://example.org/?a=1", "Error: --base-url 'https://example.org/?a=1' must not have a query (?…) or a fragment (#…): the pages' paths are added to its end"),
    ])
    func aBadBaseURLIsAUsageError(url: String, message: String) throws {
        let folder = try CommandLineTests().workspace()
        let build = try run(["build", "--base-url", url, "--now", "2021-03-26T00:01:00Z"], in: folder)
        #expect(build.status == 64)
        #expect(build.stderr.hasPrefix(message + "\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))
    }

    @Test func aBaseURLNeedsABuildTime() throws {
        let folder = try CommandLineTests().workspace()
        let build = try run(["build", "--base-url", "https://example.org/"], in: folder)
        #expect(build.status == 64)
        #expect(build.stderr.hasPrefix("Error: --base-url needs a build time for the feed and the sitemap: give --now or set SOURCE_DATE_EPOCH\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))

        let dated = try run(["build", "--base-url", "https://example.org/"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1616716860"])
        #expect(dated.status == 0, "\(dated.stderr)")
        let feed = try String(contentsOfFile: folder + "/Output/feed.xml", encoding: .utf8)
        #expect(feed.contains("<updated>2021-03-26T00:01:00Z</updated>"))
        // 11 pages, the 9 areas' methods pages and 13 embeds, and README.md, the three downloads, the stylesheet, _headers,
        // feed, sitemap and robots.txt (9), each briefing's index.txt (10), each page's data.csv and data.json (40) and each
        // embed's oEmbed file (13).
        #expect(dated.stdout.hasPrefix("Built 33 pages and 72 other files into Output/:"), "\(dated.stdout)")
    }

    /// A malformed SOURCE_DATE_EPOCH stops the build (the clock it would fall back to could lift an
    /// embargo early); a malformed or impossible --now likewise. Nothing is written.
    @Test(arguments: [" 1616716859", "abc", "1e9", "99999999999999999999", "nan", "1616716859.9"])
    func aMalformedSourceDateEpochIsAUsageError(_ epoch: String) throws {
        let folder = try CommandLineTests().workspace()
        let build = try run(["build"], in: folder, environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(build.status == 64)
        #expect(build.stderr.hasPrefix("Error: SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds since 1970 (digits only, before the year 10000); fix or unset it\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))
    }

    @Test func anImpossibleNowIsAUsageError() throws {
        let folder = try CommandLineTests().workspace()
        let build = try run(["build", "--now", "2021-04-31T12:00:00+01:00"], in: folder)
        #expect(build.status == 64)
        #expect(build.stderr.hasPrefix("Error: --now '2021-04-31T12:00:00+01:00' is not a real time in ISO 8601 with its offset, such as 2021-03-26T00:01:00Z\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))
    }

    @Test func twoBuildsWithABaseURLAreByteIdenticalInAnyTimeZoneOrLocale() throws {
        let first = try CommandLineTests().workspace(), second = try CommandLineTests().workspace()
        let arguments = ["build", "--base-url", "https://briefing.example.org/2021", "--now", "2021-03-26T00:01:00Z"]
        #expect(try run(arguments, in: first, environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]).status == 0)
        #expect(try run(arguments, in: second, environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"]).status == 0)
        let a = AtomicBuildTests.snapshot(first + "/Output"), b = AtomicBuildTests.snapshot(second + "/Output")
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("feed.xml") && a.keys.contains("sitemap.xml") && a.keys.contains("_headers"))
        for path in a.keys.sorted() where a[path] != b[path] {
            Issue.record("\(path) differs between the two builds")
        }
    }
}
