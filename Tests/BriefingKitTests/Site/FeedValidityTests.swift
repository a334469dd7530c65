import Foundation
import Testing
@testable import BriefingKit

/// The feed validates as Atom (RFC 4287's RELAX NG grammar, with Jing) and the sitemap against the
/// sitemaps.org schema (with xmllint). `make test-deps` installs both tools from Debian.
@Suite struct FeedValidityTests {
    static let schemas = Repository.fixtures + "/schemas"

    /// The feeds and sitemaps of both releases, with a base URL, and the 2021 release's embargoed feed.
    static func documents(_ name: String) throws -> [(label: String, text: String)] {
        var documents: [(String, String)] = []
        for release in ["2021", "2023"] {
            let site = try DiscoveryTests.site(release, baseURL: "https://example.org/briefing/\(release)", now: DiscoveryTests.now)
            documents.append(("\(release)/\(name)", try DiscoveryTests.text(site, name)))
        }
        if name == FeedWriter.path {
            let embargoed = try DiscoveryTests.site(baseURL: DiscoveryTests.base, now: DiscoveryTests.now, embargoed: true)
            documents.append(("2021-embargoed/\(name)", try DiscoveryTests.text(embargoed, name)))
            let quoted = FeedWriter(baseURL: try BaseURL("https://example.org/a&b/"), organisation: "Smith & Jones <Press>",
                                    releaseTitle: "\"Quotes\" & 'apostrophes'", updated: DiscoveryTests.now)
            documents.append(("escaped/\(name)", quoted.xml([ListedPage(folder: "x/", title: "Fish & <chips>", description: "a \u{1} b")])))
        }
        return documents
    }

    /// Writes the documents and a deliberately invalid canary into a fresh folder; returns their paths.
    static func write(_ documents: [(label: String, text: String)], canary: String, named name: String) throws -> (files: [String], canary: String) {
        let folder = try Repository.temporaryFolder("discovery-xml")
        var files: [String] = []
        for (index, document) in documents.enumerated() {
            let path = folder + "/\(index)-" + document.label.replacingOccurrences(of: "/", with: "-")
            try document.text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let canaryPath = folder + "/canary-" + name
        try canary.write(toFile: canaryPath, atomically: true, encoding: .utf8)
        return (files, canaryPath)
    }

    static func tool(_ name: String, package: String) throws -> String {
        try #require(BuiltSite.executable(named: name), """
            \(name) is not installed, so the feed and sitemap cannot be validated. \
            Run `make test-deps` (it installs Debian's \(package)).
            """)
    }

    @Test func everyFeedValidatesAsAtom() throws {
        let jing = try Self.tool("jing", package: "jing")
        let documents = try Self.documents(FeedWriter.path)
        #expect(documents.count == 4)
        // A feed with no id or updated time, and an entry with a date that is not RFC 3339.
        let canary = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>https://example.org/</id><title>t</title><updated>26 March 2021</updated></entry></feed>
            """
        let (files, canaryPath) = try Self.write(documents, canary: canary, named: "feed.xml")
        let run = try BuiltSite.run(jing, ["-c", Self.schemas + "/atom.rnc"] + files + [canaryPath])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.hasPrefix(canaryPath + ":") }, "Jing did not flag the invalid canary feed: \(run.stdout)\(run.stderr)")
        let real = errors.filter { !$0.hasPrefix(canaryPath + ":") }
        #expect(real.isEmpty, "\(real.joined(separator: "\n"))")
        #expect(run.status == 1, "Jing should fail on the canary alone: exit \(run.status)")
    }

    @Test func everySitemapValidatesAgainstTheSitemapsSchema() throws {
        let xmllint = try Self.tool("xmllint", package: "libxml2-utils")
        let documents = try Self.documents(SitemapWriter.path)
        #expect(documents.count == 2)
        // A relative address and a last-modified time that is not a W3C date.
        let canary = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>x/</loc><lastmod>yesterday</lastmod></url>
            </urlset>
            """
        let (files, canaryPath) = try Self.write(documents, canary: canary, named: "sitemap.xml")
        for file in files {
            let run = try BuiltSite.run(xmllint, ["--noout", "--schema", Self.schemas + "/sitemap.xsd", file])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("\(file) validates"), "\(run.stderr)")
        }
        let run = try BuiltSite.run(xmllint, ["--noout", "--schema", Self.schemas + "/sitemap.xsd", canaryPath])
        #expect(run.status != 0 && run.stderr.contains("fails to validate"), "xmllint did not flag the invalid canary sitemap: \(run.stderr)")
    }
}
