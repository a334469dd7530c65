import Foundation
import Testing
@testable import BriefingKit

/// Whether a build is embargoed: decided by the embargo time against the build's clock.
@Suite struct EmbargoStateTests {
    let embargo = ISO8601DateFormatter().date(from: "2021-03-26T00:01:00Z")!

    @Test func beforeTheEmbargoTheReleaseIsEmbargoed() {
        let state = EmbargoState(embargo: embargo, clock: embargo.addingTimeInterval(-1))
        #expect(state == .embargoed(until: embargo))
        #expect(state.isEmbargoed)
        #expect(state.until == embargo)
        #expect(state.notice == "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021")
    }

    @Test func atAndAfterTheEmbargoItHasLifted() {
        for clock in [embargo, embargo.addingTimeInterval(1), embargo.addingTimeInterval(86_400 * 365)] {
            let state = EmbargoState(embargo: embargo, clock: clock)
            #expect(state == .lifted(at: embargo))
            #expect(!state.isEmbargoed)
            #expect(state.until == nil)
            #expect(state.notice == nil)
        }
    }

    @Test func withoutAnEmbargoThereIsNone() {
        #expect(EmbargoState(embargo: nil, clock: embargo) == EmbargoState.none)
        #expect(EmbargoState(embargo: nil, clock: nil) == EmbargoState.none)
        #expect(EmbargoState.none.notice == nil)
    }

    @Test func withoutAClockAnEmbargoHolds() {
        // A library caller that gives no time cannot publish early by mistake.
        #expect(EmbargoState(embargo: embargo, clock: nil) == .embargoed(until: embargo))
    }

    @Test func pagesReadTheSameFieldsInEveryState() throws {
        for state in [EmbargoState.none, .lifted(at: embargo), .embargoed(until: embargo)] {
            #expect(state.model.templateValue.childNames == ["datetime", "embargoed", "line", "time", "zone"])
        }
        let model = EmbargoState.embargoed(until: embargo).model
        #expect(model.embargoed)
        #expect(model.datetime == "2021-03-26T00:01:00Z")
        #expect(model.line == "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021")
        #expect(!EmbargoState.lifted(at: embargo).model.embargoed)
        #expect(EmbargoState.lifted(at: embargo).model.line == nil)
    }
}
