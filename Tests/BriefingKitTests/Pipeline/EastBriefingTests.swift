import Foundation
import Testing
@testable import BriefingKit

/// The East of England briefing carries what the regional story reported (shared/reference/).
@Suite struct EastBriefingTests {
    let html: String
    /// The page's visible text: tags dropped, entities decoded, spaces collapsed.
    let text: String

    /// The example site, built once for the whole suite (a suite is made anew for each test).
    static let site = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.data, templates: Repository.templates)).site }

    init() throws {
        let file = try #require(try Self.site.get().file("regions/east-of-england/index.html"))
        html = String(decoding: file.contents, as: UTF8.self)
        text = Self.visibleText(html)
    }

    static func visibleText(_ html: String) -> String {
        let body = html.components(separatedBy: "<body>").last ?? html
        return body.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test func regionalTotalIsWordedWithoutOverstating() {
        #expect(html.contains("<data value=\"1075\">over a thousand</data>"))
        #expect(html.contains("<data value=\"1075\">1,075</data>"))
    }

    @Test func facebookOwnedShareAgainstTheNationalShare() {
        #expect(html.contains("<data value=\"48\">48%</data></a> of them took place on Facebook-owned apps, against <a class=\"figure\" href=\"../../methodology/index.html#united-kingdom--2019-10-2020-09--facebook-owned-apps--share\"><data value=\"52\">52%</data>"))
        // 48% of 1,075 against 52%: outside the 95% interval, so "lower" may be said.
        #expect(text.contains("the share in the East of England is lower, by 4 percentage points"))
    }

    @Test func nationalTotalIsGivenExactlyAndSoftened() {
        #expect(html.contains("<data value=\"9477\">more than 9,470</data>"))
        #expect(html.contains("<data value=\"9477\">9,477</data>"))
    }

    @Test func whatsAppIsAboutOneInTenOfFacebookOwnedInstances() {
        #expect(text.contains("WhatsApp, whose messages are end-to-end encrypted, accounted for 11.4%† of those on Facebook-owned apps: one in ten"))
    }

    @Test func theThreeQuotesAreVerbatimAndAttributed() throws {
        let quotes = try Repository.dataset().quotes
        #expect(quotes.count == 3)
        for quote in quotes {
            for paragraph in quote.paragraphs { #expect(text.contains(paragraph), "missing: \(paragraph.prefix(40))") }
        }
        #expect(text.contains("— Andy Burrows, Head of Child Safety Online Policy, NSPCC"))
        #expect(text.contains("— A Facebook company spokesperson"))
        #expect(text.contains("— A Government spokesperson, UK Government"))
    }

    @Test func contextFiguresKeepTheirAttributionAndStatus() {
        #expect(text.contains("Office for National Statistics: children are contacted via direct message in nearly three quarters of cases"))
        #expect(text.contains("Not checked against the original: as reported by the NSPCC; the exact ONS figure is not given in the release."))
        #expect(html.contains("<data value=\"1.3\">1.3%</data>"))
        #expect(text.contains("NSPCC (release text as carried by OnTheWight): WhatsApp made up 1.3% of child abuse tip-offs from Facebook to the National Crime Agency last year. Not checked against the original: as reported by the NSPCC"))
    }

    @Test func earlierYearIsNotPresentedAsATrend() {
        #expect(text.contains("The two figures are not directly comparable: which forces stand behind the figure for October 2019 to September 2020 is not known"))
        #expect(!text.contains("up by"))
        #expect(!text.contains("down by"))
    }

    @Test func forceGapAndMissingForcesAreShown() {
        #expect(text.contains("the forces that gave figures sum to 872†, 5† short of the published 877; Essex and Northamptonshire gave no figure"))
        #expect(html.contains("<data value=\"[x]\">[x]</data>"))
    }
}
