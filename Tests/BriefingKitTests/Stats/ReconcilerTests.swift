import Testing
@testable import BriefingKit

/// Gaps between parents and children are reported as published, never corrected.
@Suite struct ReconcilerTests {
    let statistics: Statistics
    init() throws { statistics = try Repository.statistics() }

    @Test func nationalPlatformCountsFallFortyTwoShort() throws {
        let item = try #require(statistics.reconciliations().first { $0.area == "United Kingdom" && $0.kind == .platforms })
        // 3,212 + 1,191 + 568 + 4,464 = 9,435 against 9,477.
        #expect(item.sum == 9435)
        #expect(item.gap == 42)
        #expect(item.gapFigure.value == .count(42))
        #expect(item.parent.value == .count(9477))
    }

    @Test func eastForcesFallFiveShortWithTwoForcesMissing() throws {
        let item = try #require(statistics.reconciliations().first {
            $0.area == "East of England" && $0.kind == .areas && $0.platform == Platform.all
        })
        // 193 + 173 + 94 + 204 + 208 = 872 against 877; Essex and Northamptonshire gave [x].
        #expect(item.sum == 872)
        #expect(item.gap == 5)
        #expect(item.missing == ["Essex", "Northamptonshire"])
        #expect(item.children.count == 5)
    }

    /// A region's check holds its forces' rows, not their figures: the children made from them are
    /// the forces' published figures, in the region's order, the same on every call.
    @Test func aRegionsChildrenAreItsForcesPublishedFigures() throws {
        let item = try #require(statistics.reconciliations().first {
            $0.area == "East of England" && $0.kind == .areas && $0.platform == Platform.all
        })
        let dataset = statistics.dataset
        let expected = dataset.children(of: "East of England").compactMap { force -> Figure? in
            guard let row = dataset.observation(item.period, force.name, Platform.all, .count), row.value.count != nil else { return nil }
            return dataset.publishedFigure(of: row)
        }
        #expect(expected.count == 5)
        #expect(item.children == expected)
        #expect(item.childCount == 5)
        #expect(item.children.compactMap(\.value.count).reduce(0, +) == 872)
        #expect(item.sumFigure.derivation == .computed(.sum, inputs: expected.map(\.id)))
        // Made at once, the children, sum and gap are the ones each read makes.
        let made = item.figures
        #expect(made.children == expected)
        #expect(made.sum == item.sumFigure)
        #expect(made.gap == item.gapFigure)
        #expect(made.gap.value.count == 5)
        #expect(made.gap.derivation == .computed(.difference, inputs: [item.parent.id, made.sum.id]))
        // The same check held as figures is equal to it, and hashes alike.
        let asFigures = Reconciliation(kind: item.kind, period: item.period, area: item.area, platform: item.platform,
                                       parent: item.parent, children: expected, missing: item.missing, sum: item.sum)
        #expect(asFigures == item)
        #expect(asFigures.hashValue == item.hashValue)
        let other = Reconciliation(kind: item.kind, period: item.period, area: item.area, platform: item.platform,
                                   parent: item.parent, children: Array(expected.dropLast()), missing: item.missing, sum: item.sum)
        #expect(other != item)
    }

    @Test func eastForcePlatformCountsAgreeWithTheRegion() throws {
        let perPlatform = statistics.reconciliations().filter { $0.area == "East of England" && $0.kind == .areas && $0.platform != Platform.all }
        // Facebook and Messenger 162, Instagram 288, WhatsApp 32: the forces add up exactly.
        #expect(perPlatform.map(\.sum).sorted() == [32, 162, 288])
        #expect(perPlatform.allSatisfy { $0.reconciles })
    }

    @Test func gapsBecomeWarningsAtTheParentRow() {
        let messages = statistics.warnings.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(Repository.data)/figures.csv:2:1: warning: United Kingdom, October 2019 to September 2020: the platform counts sum to 9,435, 42 fewer than the published 9,477") })
        #expect(messages.contains { $0.contains("figures.csv:17:1: warning: East of England, April 2018 to March 2019: the forces that gave figures (5 of 7) sum to 872, 5 fewer than the published 877") })
        #expect(statistics.warnings.count == 2)
    }
}
