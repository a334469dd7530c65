import Testing
@testable import BriefingKit

/// The log caps the errors it lists, and says how many more there were and where they start.
struct DiagnosticLogTests {
    private func location(_ line: Int) -> BriefingKit.SourceLocation { BriefingKit.SourceLocation(path: "Data/figures.csv", line: line, column: 3) }

    @Test func errorsPastTheCapAreCountedAndSummarised() {
        var log = DiagnosticLog()
        for line in 1...(DiagnosticLog.errorCap + 20) { log.error("bad \(line)", at: location(line)) }
        log.warning("still kept", at: nil)
        #expect(log.errorCount == DiagnosticLog.errorCap)
        #expect(log.unlistedErrors == 20)
        let thrown = #expect(throws: BriefingError.self) { try log.throwIfErrors(step: "load data") }
        let descriptions = thrown?.diagnostics.map(\.description) ?? []
        #expect(descriptions.count == DiagnosticLog.errorCap + 2)
        #expect(descriptions.last == "Data/figures.csv:\(DiagnosticLog.errorCap + 1):3: error: 20 more errors from here on, not listed; fix the ones above and check again")
        #expect(descriptions.contains("briefing: warning: still kept"))
    }

    @Test func noSummaryUnderTheCap() {
        var log = DiagnosticLog()
        log.error("bad", at: location(2))
        let thrown = #expect(throws: BriefingError.self) { try log.throwIfErrors(step: "load data") }
        #expect(thrown?.diagnostics.map(\.description) == ["Data/figures.csv:2:3: error: bad"])
    }

    @Test func warningsAloneDoNotThrow() throws {
        var log = DiagnosticLog()
        log.warning("gap", at: location(2))
        #expect(!log.hasErrors)
        try log.throwIfErrors(step: "load data")
    }
}
