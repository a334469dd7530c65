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

    @Test func releaseChangesLeadWithTheJournalistsPhrase() {
        // Northern Ireland: 82 -> 198 is 2.41 times, a 141.46% rise.
        #expect(texts(Phraser.changeWordings(from: 82, to: 198)) == ["more than double", "more than twice", "up more than 140%", "up 141%"])
        #expect(texts(Phraser.changeWordings(from: 82, to: 198, as: .verb)) == ["more than doubled", "rose by more than 140%", "rose by 141%"])
        #expect(texts(Phraser.changeWordings(from: 82, to: 198, as: .noun)) == ["more than a doubling", "a rise of more than 140%", "a 141% rise", "a rise of 141%"])
        #expect(texts(Phraser.changeWordings(from: 82, to: 198, as: .comparative)) == ["more than twice as many", "over 140% more", "141% more"])
        #expect(Phraser.changeWordings(from: 82, to: 198).last?.claim == .exact(198.0 / 82.0))
        // Exactly four times.
        #expect(texts(Phraser.changeWordings(from: 14, to: 56)) == ["quadruple", "four times", "up 300%"])
        #expect(texts(Phraser.changeWordings(from: 14, to: 56, as: .verb)) == ["quadrupled", "rose by 300%"])
        #expect(texts(Phraser.changeWordings(from: 14, to: 56, as: .comparative)) == ["four times as many", "300% more"])
        // 83.55%: "up 84%" rounds, "more than 80%" never overstates.
        #expect(texts(Phraser.changeWordings(from: 152, to: 279)) == ["up more than 80%", "up 84%"])
        #expect(texts(Phraser.changeWordings(from: 152, to: 279, as: .noun)) == ["a rise of more than 80%", "an 84% rise", "a rise of 84%"])
        // 4.96 times: nearly five times, not "five times".
        #expect(texts(Phraser.changeWordings(from: 25, to: 124)) == [
            "nearly five times", "more than quadruple", "more than four times", "up more than 390%", "up 396%",
        ])
        #expect(Phraser.changeWordings(from: 25, to: 124, as: .verb).first?.text == "rose nearly fivefold")
        // 6,350 against an invented base of 3,489: 82.0006%.
        #expect(texts(Phraser.changeWordings(from: 3489, to: 6350)) == ["up more than 80%", "up 82%"])
        #expect(texts(Phraser.changeWordings(from: 3489, to: 6350, as: .noun)).contains("an 82% rise"))
    }

    @Test func fallsAndNoChange() {
        #expect(texts(Phraser.changeWordings(from: 100, to: 73)) == ["down more than 20%", "down 27%"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 73, as: .noun)) == ["a fall of more than 20%", "a 27% fall", "a fall of 27%"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 73, as: .comparative)) == ["over 20% fewer", "27% fewer"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 100)) == ["unchanged", "the same"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 100, as: .verb)) == ["did not change", "stayed the same"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 50, as: .verb)) == ["halved", "fell by half", "fell by 50%"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 45, as: .verb)) == [
            "more than halved", "fell by more than half", "fell by more than 50%", "fell by 55%",
        ])
        // Just over half is "nearly halved"; just under half is "nearly half" the old figure.
        #expect(Phraser.changeWordings(from: 100, to: 51, as: .verb).first?.text == "nearly halved")
        #expect(Phraser.changeWordings(from: 100, to: 49).first?.text == "nearly half")
        #expect(texts(Phraser.changeWordings(from: 100, to: 0)) == ["down 100%"])
        #expect(texts(Phraser.changeWordings(from: 1000, to: 1)) == ["down nearly 100%", "down more than 90%", "down 99.9%"])
        #expect(texts(Phraser.changeWordings(from: 10_000, to: 1)) == ["down nearly 100%", "down more than 90%", "down more than 99.9%"])
        #expect(texts(Phraser.changeWordings(from: 10_000, to: 10_001)) == ["up less than 0.1%"])
        #expect(texts(Phraser.changeWordings(from: 1000, to: 1005)) == ["up 0.5%"])
    }

    @Test func multiplesKeepToTheirThresholds() {
        // 1.98 times is nearly double, never "doubled"; exactly double is never "more than double".
        #expect(texts(Phraser.changeWordings(from: 100, to: 198)) == ["nearly double", "nearly twice", "up nearly 100%", "up more than 90%", "up 98%"])
        #expect(!texts(Phraser.changeWordings(from: 100, to: 198, as: .verb)).contains("doubled"))
        #expect(texts(Phraser.changeWordings(from: 100, to: 200)) == ["double", "twice", "up 100%"])
        #expect(texts(Phraser.changeWordings(from: 100, to: 201)).first == "more than double")
        #expect(!texts(Phraser.changeWordings(from: 100, to: 189)).contains("nearly double"))
        #expect(texts(Phraser.changeWordings(from: 100, to: 190)).first == "nearly double")
        #expect(Phraser.changeWordings(from: 100, to: 290, as: .verb).first?.text == "nearly tripled")
        #expect(Phraser.changeWordings(from: 10, to: 80, as: .noun).first?.text == "an eightfold rise")
        #expect(Phraser.changeWordings(from: 10, to: 115, as: .noun).first?.text == "a more than 11-fold rise")
        #expect(Phraser.changeWordings(from: 1, to: 1200).first?.text == "1,200 times")
    }

    @Test func publishedChangesOfferOnlyWhatTheirRoundingSupports() {
        // "a 141% rise" could be 140.5% to 141.5%: more than double throughout.
        #expect(texts(Phraser.changeWordings(percent: 141)) == ["more than double", "more than twice", "up more than 140%", "up 141%"])
        #expect(texts(Phraser.changeWordings(percent: 82, as: .noun)) == ["a rise of more than 80%", "an 82% rise", "a rise of 82%"])
        #expect(texts(Phraser.changeWordings(percent: -27)) == ["down more than 20%", "down 27%"])
        guard case .about(let centre, let tolerance) = Phraser.changeWordings(percent: 141).last?.claim else {
            Issue.record("the published figure is not an about claim")
            return
        }
        #expect(centre == 2.41 && abs(tolerance - 0.005) < 1e-12)
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
