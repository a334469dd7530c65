import Testing
@testable import BriefingKit

/// Hand-computed examples from the briefing's own figures and the rules table.
struct PhraserTests {
    private func texts(_ wordings: [Wording]) -> [String] { wordings.map(\.text) }

    @Test func releaseCountsLeadWithTheJournalistsPhrase() {
        #expect(Phraser.approximations(of: 1075).first?.text == "over a thousand")
        #expect(Phraser.approximations(of: 9477).first?.text == "more than 9,470")
        #expect(texts(Phraser.approximations(of: 1075)) == ["over a thousand", "more than 1,070", "more than 1,000", "1,075"])
        #expect(texts(Phraser.approximations(of: 9477)) == [
            "more than 9,470", "nearly 9,500", "more than 9,400", "over nine thousand", "more than 9,000", "9,477",
        ])
        #expect(texts(Phraser.approximations(of: 877)) == ["more than 870", "more than 800", "877"])
    }

    @Test func roundAndSmallCountsAreGivenExactly() {
        #expect(texts(Phraser.approximations(of: 0)) == ["0"])
        #expect(texts(Phraser.approximations(of: 7)) == ["seven"])
        #expect(texts(Phraser.approximations(of: 99)) == ["99"])
        #expect(texts(Phraser.approximations(of: 9470)) == ["9,470"])
        #expect(texts(Phraser.approximations(of: 1000)) == ["a thousand", "1,000"])
        #expect(texts(Phraser.approximations(of: 2_000_000)) == ["two million", "2 million", "2,000,000"])
        #expect(texts(Phraser.approximations(of: 1_200_000)) == ["1.2 million", "1,200,000"])
        #expect(Phraser.approximations(of: -1).isEmpty)
    }

    @Test func thousandsAndMillionsReadNaturally() {
        #expect(texts(Phraser.approximations(of: 1001)) == ["over a thousand", "more than 1,000", "1,001"])
        #expect(Phraser.approximations(of: 2050 + 1).first?.text == "over two thousand")
        #expect(Phraser.approximations(of: 30_412).first?.text == "more than 30,000")
        #expect(Phraser.approximations(of: 47_312).first?.text == "more than 47,300")
        #expect(Phraser.approximations(of: 999).first?.text == "nearly a thousand")
        #expect(Phraser.approximations(of: 99_990).first?.text == "nearly 100,000")
        #expect(Phraser.approximations(of: 1_075_000).first?.text == "over a million")
        #expect(Phraser.approximations(of: 1_234_567).first?.text == "more than 1.23 million")
        #expect(Phraser.approximations(of: 12_345_678).first?.text == "more than 12.3 million")
        // Exactly a thousand is never "over a thousand"; 1,100 is not round enough for "nearly".
        #expect(!texts(Phraser.approximations(of: 1000)).contains("over a thousand"))
        #expect(!texts(Phraser.approximations(of: 1099)).contains("nearly 1,100"))
        #expect(!texts(Phraser.approximations(of: 877)).contains("nearly 880"))
        // Nothing crashes at the top of the range.
        #expect(Phraser.approximations(of: Int.max).last?.text == "9,223,372,036,854,775,807")
    }

    @Test func releaseSharesLeadWithTheJournalistsPhrase() {
        // WhatsApp: 568 of 4,971 Facebook-owned instances, 11.4%, "one in ten".
        #expect(texts(Phraser.shareWordings(part: 568, of: 4971)) == ["one in ten", "more than one in ten", "11%"])
        #expect(Phraser.shareWordings(part: 5, of: 10).first?.text == "half")
        // Facebook-owned: 4,971 of 9,477 is 52.45%.
        #expect(Phraser.shareWordings(part: 3212 + 1191 + 568, of: 9477).first?.text == "more than half")
    }

    @Test func halfIsNeverMoreThanHalf() {
        let exactlyHalf = texts(Phraser.shareWordings(part: 5000, of: 10000))
        #expect(exactlyHalf.contains("half"))
        #expect(!exactlyHalf.contains("more than half"))
        #expect(texts(Phraser.shareWordings(part: 5001, of: 10000)).contains("more than half"))
        // 50.5% rounds to 51%, so it is not plain "half".
        #expect(!texts(Phraser.shareWordings(part: 101, of: 200)).contains("half"))
        #expect(texts(Phraser.shareWordings(part: 99, of: 200)).contains("half"))
    }

    @Test func publishedPercentagesOnlyOfferWhatTheWholeIntervalSupports() {
        let fiftyTwo = texts(Phraser.shareWordings(percent: 52))
        #expect(fiftyTwo.contains("more than half"))
        #expect(fiftyTwo.first == "more than half")
        #expect(fiftyTwo.last == "52%")
        let fifty = texts(Phraser.shareWordings(percent: 50))
        #expect(!fifty.contains("more than half"))
        #expect(fifty.first == "half")
        #expect(fifty.contains("about half"))
        #expect(Phraser.shareWordings(percent: 48).first?.text == "nearly half")
        #expect(Phraser.shareWordings(percent: 74).first?.text == "nearly three quarters")
        #expect(Phraser.shareWordings(percent: 11.4, decimals: 1).first?.text == "one in ten")
        #expect(Phraser.shareWordings(percent: 1.3, decimals: 1).map(\.text) == ["1.3%"])
        // 50.5% at one decimal could be 50.55%, which does not round to half.
        #expect(!texts(Phraser.shareWordings(percent: 50.5, decimals: 1)).contains("half"))
    }

    @Test func sharesAtTheEndsNeverPrintAMisleadingZeroOrHundred() {
        #expect(texts(Phraser.shareWordings(part: 0, of: 10)) == ["none", "0%"])
        #expect(Phraser.shareWordings(part: 10, of: 10).first?.text == "all")
        #expect(Phraser.shareWordings(part: 10, of: 10).last?.text == "100%")
        #expect(Phraser.shareWordings(part: 1, of: 150).last?.text == "0.7%")
        #expect(Phraser.shareWordings(part: 1, of: 5000).last?.text == "less than 0.1%")
        #expect(Phraser.shareWordings(part: 4999, of: 5000).last?.text == "more than 99.9%")
        #expect(Phraser.shareWordings(part: 199, of: 200).last?.text == "99.5%")
    }

    /// The examples quoted in RULES.md.
    @Test func rulesTableExamplesHold() {
        #expect(texts(Phraser.shareWordings(part: 55, of: 1000)).contains("one in twenty"))
        #expect(texts(Phraser.shareWordings(part: 49, of: 100)).contains("about half"))
        #expect(!texts(Phraser.shareWordings(part: 49, of: 100)).contains("half"))
        #expect(Phraser.shareWordings(part: 48, of: 100).first?.text == "nearly half")
        #expect(Phraser.shareWordings(part: 95, of: 1000).first?.text == "nearly one in ten")
        #expect(texts(Phraser.shareWordings(part: 35, of: 100)) == ["more than a third", "35%"])
        #expect(Phraser.shareWordings(part: 74, of: 100).first?.text == "nearly three quarters")
        #expect(texts(Phraser.shareWordings(percent: 51)) == ["about half", "more than half", "51%"])
        #expect(texts(Phraser.shareWordings(percent: 50.4, decimals: 1)).contains("half"))
        #expect(Phraser.approximations(of: 1_234_567).first?.text == "more than 1.23 million")
        #expect(texts(Phraser.approximations(of: 2_000_000)).contains("two million"))
        #expect(texts(Phraser.approximations(of: 999)).contains("nearly a thousand"))
        #expect(!texts(Phraser.approximations(of: 1099)).contains { $0.hasPrefix("nearly") })
    }

    @Test func invalidInputGivesNothing() {
        #expect(Phraser.shareWordings(part: 1, of: 0).isEmpty)
        #expect(Phraser.shareWordings(part: -1, of: 10).isEmpty)
        #expect(Phraser.shareWordings(part: 11, of: 10).isEmpty)
        #expect(Phraser.shareWordings(percent: .nan).isEmpty)
        #expect(Phraser.shareWordings(percent: -1).isEmpty)
        #expect(Phraser.shareWordings(percent: 100.1, decimals: 1).isEmpty)
        #expect(Phraser.shareWordings(percent: 50, decimals: -1).isEmpty)
        #expect(Phraser.shareWordings(percent: 50, decimals: 13).isEmpty)
    }
}
