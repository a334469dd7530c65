import Foundation
import Testing
@testable import BriefingKit

/// The national and regional briefings as press releases: headline, standfirst, dateline, ENDS,
/// notes to editors, media contacts and the "About" paragraph, in that order.
@Suite struct PressReleaseTests {
    func page(_ path: String) throws -> (html: String, text: String) {
        let file = try #require(try EastBriefingTests.site.get().file(path), "no page \(path)")
        let html = String(decoding: file.contents, as: UTF8.self)
        return (html, EastBriefingTests.visibleText(html))
    }

    /// Where each of `parts` first appears in `text`, failing for any that is missing.
    func positions(of parts: [String], in text: String) -> [String.Index] {
        parts.compactMap { part in
            let range = text.range(of: part)
            #expect(range != nil, "missing: \(part)")
            return range?.lowerBound
        }
    }

    @Test func theNationalBriefingIsFramedAsAPressRelease() throws {
        let (html, text) = try page("index.html")
        #expect(html.contains("<h1>Facebook-owned apps used in more than half of online child sex crimes recorded by police</h1>\n<p><strong>Facebook's apps were used in more than half of the online child sex crimes recorded by police where the means of communication was known, as the NSPCC calls on the Government to strengthen the Online Safety Bill to tackle abuse in private messaging.</strong></p>\n<p>LONDON, 26 March 2021 — <strong>October 2019 to September 2020.</strong> Police recorded"))
        let order = positions(of: ["<h1>", "<h2>Key figures</h2>", "<h2>Other figures the release cites</h2>", "<p><strong>ENDS</strong></p>",
                                   "<h2>Notes to editors</h2>", "<h2>Media contacts</h2>", "<h2>About NSPCC</h2>"], in: html)
        #expect(order.count == 7 && order == order.sorted())
        #expect(text.contains("Media contacts NSPCC press office: press-office@example.org About NSPCC The NSPCC is the UK's leading children's charity"))
    }

    @Test func regionalBriefingsHaveTheSameFrame() throws {
        let (html, _) = try page("regions/east-of-england/index.html")
        #expect(html.contains("<p>LONDON, 26 March 2021 — <strong>October 2019 to September 2020.</strong> Police in the East of England recorded"))
        let order = positions(of: ["<h1>East of England: ", "<h2>What they said</h2>", "<p><strong>ENDS</strong></p>",
                                   "<h2>Notes to editors</h2>", "<h2>Media contacts</h2>", "<h2>About NSPCC</h2>"], in: html)
        #expect(order.count == 6 && order == order.sorted())
        // The standfirst is the national release's: a region's page has its own headline and none.
        #expect(!html.contains("as the NSPCC calls on the Government"))
    }

    @Test func aForceFactsheetIsNotAPressRelease() throws {
        let (html, _) = try page("forces/essex/index.html")
        #expect(!html.contains("ENDS"))
        #expect(!html.contains("LONDON"))
        #expect(html.contains("<h2>Notes to editors</h2>"))
    }

    @Test func withoutTheFrameFieldsTheTitleIsTheHeadlineAndThereIsNoDateline() throws {
        let site = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.fixtures + "/small/Data", templates: Repository.templates)).site
        let html = String(decoding: try #require(site.file("index.html")).contents, as: UTF8.self)
        #expect(html.contains("<h1>Example release for the golden-file test</h1>\n<p><strong>January 2023 to December 2023.</strong> Police recorded"))
        #expect(html.contains("<p><strong>ENDS</strong></p>"))
    }

    @Test func aHeadlineReplacesTheTitleOnTheNationalPage() throws {
        let data = try EmbargoTests.data("small", adding: "headline: Police figures, told plainly\ndateline: Cardiff")
        let site = try EmbargoTests.build(data, clock: nil).site
        let html = String(decoding: try #require(site.file("index.html")).contents, as: UTF8.self)
        #expect(html.contains("<title>Police figures, told plainly | Example Charity</title>"))
        #expect(html.contains("<h1>Police figures, told plainly</h1>"))
        // A place with no date of issue is a dateline alone.
        #expect(html.contains("<p>CARDIFF — <strong>"))
    }

    @Test func theDatelineIsThePlaceInCapitalsAndTheDayOfIssue() throws {
        var release = try Repository.dataset().release
        #expect(PressFrame(release: release).dateline == "LONDON, 26 March 2021")
        release.dateline = nil
        #expect(PressFrame(release: release).dateline == "26 March 2021")
        release.published = nil
        #expect(PressFrame(release: release).dateline == nil)
        release.dateline = "Belfast"
        #expect(PressFrame(release: release).dateline == "BELFAST")
        #expect(PressFrame(release: release).headline == release.title)
        release.headline = "Another headline"
        #expect(PressFrame(release: release).headline == "Another headline")
    }

    @Test func aPublishedDayThatDoesNotExistIsALocatedError() throws {
        let data = try EmbargoTests.data("small", adding: "published: 2021-02-29")
        let lines = try String(contentsOfFile: data + "/release.yaml", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect {
            try EmbargoTests.build(data, clock: nil)
        } throws: { error in
            let diagnostics = (error as? BriefingError)?.diagnostics ?? []
            return diagnostics.map(\.message) == ["published '2021-02-29' is not a date; write the day the release is issued as YYYY-MM-DD, like 2021-03-26"]
                && diagnostics.first?.location?.line == lines.count - 1 && diagnostics.first?.location?.column == 12
        }
    }
}
