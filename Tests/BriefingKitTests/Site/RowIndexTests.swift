import Testing
@testable import BriefingKit

/// `RowIndex` finds a row of figures.csv by its figure's id, holding only a hash of each id.
@Suite struct RowIndexTests {
    @Test func everyRowIsFoundByItsIDAndNoOtherIDFindsOne() throws {
        let observations = try Repository.statistics().dataset.observations
        let index = RowIndex(observations)
        var firsts: [String: Int] = [:]
        for (position, row) in observations.enumerated() where firsts[AreaSummarizer.id(for: row)] == nil {
            firsts[AreaSummarizer.id(for: row)] = position
        }
        for (id, position) in firsts { #expect(index[id] == position, "\(id)") }
        #expect(Set(index.rows) == Set(firsts.values))
        #expect(index.rows.count == firsts.count)
        // A calculated figure's id, and ids one character off a row's, find no row.
        let id = try #require(firsts.keys.min())
        for other in [id + "--share-calculated", String(id.dropLast()), id + "x", "", "no-such--id"] {
            #expect(index[other] == nil, "\(other)")
        }
    }
}
