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

    /// Merging a log gives what appending its diagnostics here one by one gives, its errors past the
    /// cap included: the loader keeps figures.csv's row problems apart and adds them later.
    @Test(arguments: [(0, 0), (10, 10), (45, 30), (0, 70), (60, 5), (60, 60)])
    func mergingALogIsAppendingItsDiagnostics(_ counts: (first: Int, second: Int)) {
        var appended = DiagnosticLog(), first = DiagnosticLog(), second = DiagnosticLog()
        for line in 0..<counts.first {
            appended.error("a \(line)", at: location(line))
            first.error("a \(line)", at: location(line))
        }
        for line in 0..<counts.second {
            // Every seventh a warning, which the cap never holds back.
            let diagnostic: Diagnostic = line % 7 == 0 ? .warning("w \(line)", at: location(1000 + line)) : .error("b \(line)", at: location(1000 + line))
            appended.append(diagnostic)
            second.append(diagnostic)
        }
        first.merge(second)
        #expect(first.diagnostics == appended.diagnostics)
        #expect(first.unlistedErrors == appended.unlistedErrors)
        #expect(Self.thrown(first) == Self.thrown(appended))
    }

    /// What a log throws, one line a diagnostic; empty when it throws nothing.
    private static func thrown(_ log: DiagnosticLog) -> [String] {
        do { try log.throwIfErrors(step: "load data") } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        } catch { return ["not a BriefingError: \(error)"] }
        return []
    }
}
