import Foundation
import Testing
@testable import BriefingKit

/// A page's Open Graph description is its own: the standfirst on the release's page, the page's
/// own title elsewhere, never the national headline ("…used in more than half…", which the East's
/// 48% and the West Midlands' 40% do not bear out).
@Suite struct PageDescriptionTests {
    static func description(_ site: Site, _ path: String) throws -> String? {
        let html = String(decoding: try #require(site.file(path)).contents, as: UTF8.self)
        // The same text as og:description, which is there only with a base URL.
        guard let start = html.range(of: "<meta name=\"description\" content=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func eachPageDescribesItself() throws {
        let site = try PageDownloadTests.site("2021")
        let release = try Repository.dataset().release
        let standfirst = try #require(release.standfirst)
        #expect(try Self.description(site, "index.html") == standfirst)
        for path in ["regions/east-of-england/index.html", "regions/west-midlands/index.html", "forces/bedfordshire/index.html"] {
            let description = try #require(try Self.description(site, path), "\(path) has no og:description")
            #expect(description != release.title && !description.contains("more than half"), "\(path): \(description)")
            let html = String(decoding: try #require(site.file(path)).contents, as: UTF8.self)
            #expect(html.contains("<title>\(description) | "), "\(path): the description is not the page's own title")
        }
        #expect(try Self.description(site, "regions/east-of-england/index.html")?.hasPrefix("East of England: ") == true)
    }
}
