import Foundation
import Testing
@testable import BriefingKit

/// The value column: whole counts, percentages and markers, and the message for each mistake.
struct ValueParserTests {
    private func count(_ text: String, quoted: Bool = false) -> Result<Quantity, ValueParser.Failure> {
        ValueParser.parse(text, measure: .count, quoted: quoted)
    }

    private func share(_ text: String) -> Result<Quantity, ValueParser.Failure> {
        ValueParser.parse(text, measure: .share, quoted: false)
    }

    @Test(arguments: [("1075", 1075), ("1,075", 1075), ("0", 0), (" 42 ", 42), ("1,234,567", 1_234_567)])
    func wholeCounts(_ text: String, _ value: Int) {
        #expect(count(text, quoted: text.contains(",")) == .success(.count(value)))
    }

    @Test(arguments: ["1,07", "10,75", "1,0750", ",075", "1,", "1 075", "1.075,5"])
    func badlyGroupedCountsAreRefused(_ text: String) {
        #expect(count(text, quoted: true).isFailure)
    }

    @Test func countMistakesSayWhatIsWrong() {
        #expect(count("-568") == .failure(.message("a count cannot be negative ('-568')")))
        #expect(count("20.8") == .failure(.message("'20.8' is not a whole number; counts are whole instances")))
        #expect(count("48%") == .failure(.message("'48%' is a percentage but the measure is 'count'; use measure 'share' for percentages")))
        #expect(count("n/a") == .failure(.message("'n/a' is not a whole number or a marker: [x] not provided, [c] suppressed, [z] not applicable")))
        #expect(count("") == .failure(.message("the value is empty; give a number, or a marker: [x] not provided, [c] suppressed, [z] not applicable")))
        #expect(count("[n]") == .failure(.message("'[n]' is not a marker; use [x] (not provided), [c] (suppressed) or [z] (not applicable)")))
    }

    @Test(arguments: [("48%", 48.0, 0), ("12.5%", 12.5, 1), ("0%", 0.0, 0), ("100%", 100.0, 0), ("7.25 %", 7.25, 2)])
    func shares(_ text: String, _ value: Double, _ decimals: Int) {
        #expect(share(text) == .success(.percent(value, decimals: decimals)))
    }

    @Test func shareMistakesSayWhatIsWrong() {
        #expect(share("48") == .failure(.message("a share is a percentage with a % sign, like 48% or 12.5% (found '48')")))
        #expect(share("148%") == .failure(.message("a share cannot be above 100% ('148%')")))
        #expect(share("100.1%") == .failure(.message("a share cannot be above 100% ('100.1%')")))
        #expect(share("-5%") == .failure(.message("a share cannot be negative ('-5%')")))
        #expect(share("12.%") == .failure(.message("'12.%' is not a percentage like 48% or 12.5%")))
        #expect(share("about 40%") == .failure(.message("'about 40%' is not a percentage like 48% or 12.5%")))
    }

    /// A marker is never read as a number, for either measure, in any case or spacing.
    @Test(arguments: Marker.allCases)
    func markersAreNeverNumbers(_ marker: Marker) {
        for text in [marker.rawValue, marker.rawValue.uppercased(), " \(marker.rawValue) "] {
            for measure in Measure.allCases {
                let parsed = ValueParser.parse(text, measure: measure, quoted: false)
                #expect(parsed == .success(.marker(marker)))
                let quantity = try? parsed.get()
                #expect(quantity?.count == nil)
                #expect(quantity?.percent == nil)
                #expect(quantity?.marker == marker)
            }
        }
    }

    /// Through the loader too: the baseline fixture's `[x]` row is a marker, never a count of zero.
    @Test func loaderKeepsTheMarkerRow() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bad/00-valid/Data").path
        var log = DiagnosticLog()
        let dataset = try DataLoader(fileSystem: LocalFileSystem(manager: .default)).load(from: data, log: &log)
        let row = try #require(dataset.observations.first { $0.area == "Suffolk" && $0.platform == "WhatsApp" })
        #expect(row.value == .marker(.notProvided))
        #expect(row.value.count == nil)
        #expect(!dataset.observations.contains { $0.value.count == 0 })
    }
}

private extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

/// Counts too large to be real are refused before any sum can overflow (found by fuzzing).
@Suite struct LargeCountTests {
    @Test func countsAboveATrillionAreRefused() {
        #expect(ValueParser.parse("1,000,000,000,000", measure: .count, quoted: true) == .success(.count(1_000_000_000_000)))
        #expect(ValueParser.parse("9223372036854775807", measure: .count, quoted: false)
            == .failure(.message("'9223372036854775807' is too large for a count (the largest accepted is 1,000,000,000,000); check the value")))
        #expect(ValueParser.parse("99999999999999999999", measure: .count, quoted: false)
            == .failure(.message("'99999999999999999999' is too large for a count (the largest accepted is 1,000,000,000,000); check the value")))
    }
}
