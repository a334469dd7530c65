import Foundation
import Testing
@testable import BriefingKit

/// Embargo times in UK time, as a press release writes them, in winter (GMT) and summer (BST).
@Suite struct EmbargoWordingTests {
    static func time(_ iso: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: iso))
    }

    @Test func theMarch2021EmbargoIsInGMT() throws {
        // 26 March 2021 is before the clocks went forward (28 March), so UTC is UK time.
        let embargo = try Self.time("2021-03-26T00:01:00+00:00")
        #expect(EmbargoWording.line(embargo) == "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021")
        #expect(EmbargoWording.time(embargo) == "00:01 Friday 26 March 2021")
        #expect(EmbargoWording.zoneName(embargo) == "GMT")
    }

    @Test func aSummerEmbargoIsInBST() throws {
        // 00:01 BST on Monday 14 August 2023 is 23:01 UTC on the Sunday.
        let embargo = try Self.time("2023-08-13T23:01:00Z")
        #expect(EmbargoWording.line(embargo) == "EMBARGOED UNTIL 00:01 MONDAY 14 AUGUST 2023")
        #expect(EmbargoWording.zoneName(embargo) == "BST")
        // The same instant written with its own offset gives the same words.
        #expect(EmbargoWording.line(try Self.time("2023-08-14T00:01:00+01:00")) == "EMBARGOED UNTIL 00:01 MONDAY 14 AUGUST 2023")
        // And one written in another zone is still said in UK time.
        #expect(EmbargoWording.line(try Self.time("2023-08-14T09:01:00+10:00")) == "EMBARGOED UNTIL 00:01 MONDAY 14 AUGUST 2023")
    }

    @Test func noonAndMidnightStayInThe24HourClock() throws {
        #expect(EmbargoWording.line(try Self.time("2021-06-01T11:00:00Z")) == "EMBARGOED UNTIL 12:00 TUESDAY 1 JUNE 2021")
        #expect(EmbargoWording.line(try Self.time("2021-12-31T23:59:00Z")) == "EMBARGOED UNTIL 23:59 FRIDAY 31 DECEMBER 2021")
        #expect(EmbargoWording.line(try Self.time("2022-01-01T00:00:00Z")) == "EMBARGOED UNTIL 00:00 SATURDAY 1 JANUARY 2022")
        #expect(EmbargoWording.line(try Self.time("2021-12-01T13:05:00Z")) == "EMBARGOED UNTIL 13:05 WEDNESDAY 1 DECEMBER 2021")
    }

    @Test func theClockChangesAreFollowed() throws {
        // Spring 2021: at 01:00 UTC on 28 March the UK went from 01:00 GMT to 02:00 BST.
        #expect(EmbargoWording.time(try Self.time("2021-03-28T00:59:00Z")) == "00:59 Sunday 28 March 2021")
        #expect(EmbargoWording.time(try Self.time("2021-03-28T01:00:00Z")) == "02:00 Sunday 28 March 2021")
        #expect(EmbargoWording.zoneName(try Self.time("2021-03-28T01:00:00Z")) == "BST")
        // Autumn 2021: at 01:00 UTC on 31 October, 02:00 BST became 01:00 GMT.
        #expect(EmbargoWording.time(try Self.time("2021-10-31T00:30:00Z")) == "01:30 Sunday 31 October 2021")
        #expect(EmbargoWording.time(try Self.time("2021-10-31T01:30:00Z")) == "01:30 Sunday 31 October 2021")
        #expect(EmbargoWording.zoneName(try Self.time("2021-10-31T00:30:00Z")) == "BST")
        #expect(EmbargoWording.zoneName(try Self.time("2021-10-31T01:30:00Z")) == "GMT")
    }

    @Test func aLeapDayIsNamed() throws {
        #expect(EmbargoWording.line(try Self.time("2024-02-29T00:01:00Z")) == "EMBARGOED UNTIL 00:01 THURSDAY 29 FEBRUARY 2024")
    }
}
