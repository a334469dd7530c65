import Testing
@testable import BriefingKit

/// Each claim holds exactly on its documented set of values.
struct WordingTests {
    @Test func exactHoldsOnlyForTheValue() {
        let claim = Wording.Claim.exact(1075)
        #expect(claim.holds(for: 1075))
        #expect(!claim.holds(for: 1074))
        #expect(!claim.holds(for: 1075.01))
        // Only division noise is absorbed, not rounding.
        #expect(Wording.Claim.exact(100.0 / 3.0).holds(for: 1.0 / 3.0 * 100))
    }

    @Test func moreThanIsStrict() {
        let claim = Wording.Claim.moreThan(50)
        #expect(claim.holds(for: 50.0001))
        #expect(!claim.holds(for: 50))
        #expect(!claim.holds(for: 49))
    }

    @Test func nearlyIsFromBelowOnly() {
        let claim = Wording.Claim.nearly(50, within: 5)
        #expect(claim.holds(for: 45))
        #expect(claim.holds(for: 49.999))
        #expect(!claim.holds(for: 50))
        #expect(!claim.holds(for: 50.1))
        #expect(!claim.holds(for: 44.999))
    }

    @Test func aboutIsClosedOnBothSides() {
        let claim = Wording.Claim.about(10, tolerance: 1.5)
        #expect(claim.holds(for: 8.5))
        #expect(claim.holds(for: 11.5))
        #expect(!claim.holds(for: 11.5001))
        #expect(!claim.holds(for: 8.4999))
    }

    @Test func nothingHoldsForNaN() {
        let claims: [Wording.Claim] = [.exact(1), .moreThan(0), .nearly(10, within: 1), .about(5, tolerance: 100)]
        for claim in claims {
            #expect(!claim.holds(for: .nan))
        }
    }

    @Test func wordingForwardsToItsClaimAndPrintsItsText() {
        let wording = Wording(text: "more than half", claim: .moreThan(50))
        #expect(wording.description == "more than half")
        #expect("\(wording)" == "more than half")
        #expect(wording.holds(for: 52))
        #expect(!wording.holds(for: 50))
    }
}
