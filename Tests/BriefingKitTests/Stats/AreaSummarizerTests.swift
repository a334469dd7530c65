import Testing
@testable import BriefingKit

/// Hand-computed statistics on the example release (shared/data/README.md lists the sums).
@Suite struct AreaSummarizerTests {
    let statistics: Statistics
    init() throws { statistics = try Repository.statistics() }

    var national: AreaSummary { statistics.current["United Kingdom"]! }
    var east: AreaSummary { statistics.current["East of England"]! }

    @Test func nationalTotalIsPublishedNotSummed() {
        #expect(national.total?.value == .count(9477))
        #expect(national.total?.derivation.isComputed == false)
        #expect(national.total?.sources == ["telegraph-2021-03-26"])
    }

    @Test func facebookOwnedCountIsTheSumOfItsPlatforms() throws {
        let group = try #require(national.owner("Facebook"))
        // 1,191 + 3,212 + 568, platforms in name order
        #expect(group.count?.value == .count(4971))
        #expect(group.count?.derivation == .computed(.sum, inputs: [
            "united-kingdom--2019-10-2020-09--facebook-and-messenger--count",
            "united-kingdom--2019-10-2020-09--instagram--count",
            "united-kingdom--2019-10-2020-09--whatsapp--count",
        ]))
    }

    @Test func publishedShareWinsAndCalculatedShareIsKeptBeside() throws {
        let group = try #require(national.owner("Facebook"))
        #expect(group.share?.value == .percent(52, decimals: 0))
        #expect(group.share?.derivation.isComputed == false)
        // 4,971 / 9,477 = 52.4533…%: inside 52%'s rounding interval [51.5, 52.5], so no disagreement.
        let calculated = try #require(group.calculatedShare?.value.number)
        #expect(abs(calculated - 52.453308) < 0.00001)
        #expect(group.sharesDisagree == false)
    }

    @Test func calculatedShareIsUsedWhenNoneWasPublished() throws {
        // East of England 2018/19: (162 + 288 + 32) / 877 = 54.96%.
        let previous = try #require(statistics.previous["East of England"])
        let group = try #require(previous.owner("Facebook"))
        #expect(group.publishedShare == nil)
        #expect(group.share?.derivation.isComputed == true)
        #expect(abs((group.share?.value.number ?? 0) - 54.960091) < 0.00001)
    }

    @Test func whatsAppShareOfFacebookOwnedInstances() throws {
        let whatsapp = try #require(national.platforms.first { $0.platform.name == "WhatsApp" })
        // 568 / 4,971 = 11.426%
        #expect(abs((whatsapp.shareOfOwner?.value.number ?? 0) - 11.426272) < 0.00001)
        #expect(FigureWording.apply("fraction", to: whatsapp.shareOfOwner!) == .success("one in ten"))
    }

    @Test func platformShareOfTotalIsCalculatedFromCounts() throws {
        let instagram = try #require(national.platforms.first { $0.platform.name == "Instagram" })
        // 3,212 / 9,477 = 33.893%
        #expect(abs((instagram.share?.value.number ?? 0) - 33.892582) < 0.00001)
        #expect(instagram.share?.derivation.isComputed == true)
    }

    @Test func regionWithOnlyTotalAndShareHasNoPlatformRows() {
        #expect(east.total?.value == .count(1075))
        #expect(east.platforms.isEmpty)
        #expect(east.owner("Facebook")?.share?.value == .percent(48, decimals: 0))
        #expect(east.owner("Facebook")?.calculatedShare == nil)
    }

    @Test func markerIsNeverACount() throws {
        let essex = try #require(statistics.previous["Essex"])
        #expect(essex.total?.value == .marker(.notProvided))
        #expect(essex.total?.value.count == nil)
        #expect(essex.owner("Facebook")?.count == nil)
    }
}
