import Testing
@testable import BriefingKit

/// `ObservationTable` holds the rows as numbers into tables of their names and periods, and gives
/// back every row exactly as it was put in.
@Suite struct ObservationTableTests {
    /// Rows with everything a row can carry: each kind of value, a base period, a note, a revision,
    /// names shared between columns, and the same path and period on several rows.
    static func awkwardRows() -> [Observation] {
        let location = { (line: Int) in SourceLocation(path: "Data/figures.csv", line: line, column: 1) }
        let year = Period("2022-04/2023-03")!, before = Period("2021-04/2022-03")!
        func row(_ area: String, _ platform: String, _ measure: Measure, _ value: Quantity, line: Int,
                 base: Period? = nil, note: String? = nil, revised: Bool = false) -> Observation {
            var row = Observation(period: base == nil ? before : year, area: area, platform: platform, measure: measure, value: value,
                                  source: "foi-2023", location: location(line), basePeriod: base)
            row.note = note
            row.revised = revised
            return row
        }
        return [
            row("Metropolitan Police Service", Platform.all, .count, .count(1_234_567), line: 2),
            row("Metropolitan Police Service", "Snapchat", .share, .percent(12.5, decimals: 1), line: 3, note: "Snapchat"),
            row("Gwent", "Instagram", .count, .marker(.suppressed), line: 4, revised: true),
            row("Gwent", "Instagram", .count, .marker(.notProvided), line: 5, note: "Force did not reply, 'in time' — ŵ"),
            row("Gwent", Platform.all, .change, .percent(-33, decimals: 0), line: 6, base: before, note: ""),
            row("foi-2023", "foi-2023", .count, .count(0), line: Int(Int32.max)),  // the largest line a row keeps
        ]
    }

    @Test func everyRowComesBackAsItWent() throws {
        let rows = Self.awkwardRows() + Array(try Repository.dataset().observations)
        let table = ObservationTable(rows)
        #expect(table.count == rows.count)
        #expect(Array(table) == rows)
        #expect(ObservationTable([Observation]()).isEmpty)
    }

    /// Two spellings of one name, equal to Swift's `==`, each come back in their own bytes.
    @Test func aNameComesBackInTheBytesItWasGiven() {
        let composed = "Ynys M\u{F4}n", decomposed = "Ynys Mo\u{302}n"
        #expect(composed == decomposed)
        var rows = Self.awkwardRows()
        for (index, name) in [composed, decomposed, composed].enumerated() {
            var row = Observation(period: rows[0].period, area: name, platform: name, measure: .count, value: .count(index + 5),
                                  source: name, location: SourceLocation(path: name, line: index + 10, column: 1))
            row.note = name
            rows.append(row)
        }
        let bytes = { (row: Observation) in [row.area, row.platform, row.source, row.location.path, row.note ?? ""].map { Array($0.utf8) } }
        #expect(ObservationTable(rows).map(bytes) == rows.map(bytes))
    }

    @Test func aNewValueChangesOnlyThatRowsValue() {
        let rows = Self.awkwardRows()
        var table = ObservationTable(rows)
        table.setValue(.marker(.suppressed), at: 1)
        for (index, row) in table.enumerated() {
            if index == 1 {
                #expect(row.value == .marker(.suppressed))
                #expect(row.key == rows[1].key && row.note == rows[1].note && row.location == rows[1].location && row.source == rows[1].source)
            } else {
                #expect(row == rows[index])
            }
        }
    }
}
