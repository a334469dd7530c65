import Testing
@testable import BriefingKit

/// "Did you mean …?": the closest known name within a small edit distance, or nothing.
struct SuggestionTests {
    let platforms = ["All platforms", "Instagram", "Facebook and Messenger", "WhatsApp", "Facebook-owned apps"]

    @Test func misspeltNameFindsTheIntendedOne() {
        #expect(Suggestion.closest(to: "Facebok and Messenger", in: platforms) == "Facebook and Messenger")
        #expect(Suggestion.closest(to: "Instagarm", in: platforms) == "Instagram")
        #expect(Suggestion.closest(to: "Esex", in: ["Essex", "Suffolk"]) == "Essex")
    }

    @Test func caseIsIgnored() {
        #expect(Suggestion.closest(to: "whatsapp", in: platforms) == "WhatsApp")
    }

    @Test func nothingCloseGivesNothing() {
        #expect(Suggestion.closest(to: "Telegram", in: platforms) == nil)
        #expect(Suggestion.closest(to: "bbc-2021-03-26", in: ["telegraph-2021-03-26", "hits-east-2021-03-26"]) == nil)
        #expect(Suggestion.closest(to: "Essex", in: []) == nil)
    }

    @Test func theClosestWins() {
        #expect(Suggestion.closest(to: "count", in: ["counts", "count"]) == "count")
        #expect(Suggestion.closest(to: "shares", in: ["count", "share"]) == "share")
    }

    /// Longer names allow more edits: a quarter of the shorter name's length, at least two.
    @Test func allowanceGrowsWithLength() {
        #expect(Suggestion.closest(to: "Fcebk and Mesenger", in: platforms) == "Facebook and Messenger")
        #expect(Suggestion.closest(to: "Insgrm", in: platforms) == nil)
    }

    @Test func hintIsAClauseOrNothing() {
        #expect(Suggestion.hint(for: "Instagarm", in: platforms) == " (did you mean 'Instagram'?)")
        #expect(Suggestion.hint(for: "Telegram", in: platforms) == "")
    }
}
