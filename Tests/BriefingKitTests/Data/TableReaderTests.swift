import Testing
@testable import BriefingKit

/// The header and row-shape checks of a CSV table, before any column's meaning is looked at.
struct TableReaderTests {
    /// The records read and the diagnostics logged, in their one-line form.
    private func read(_ text: String, required: [String] = ["a", "b", "c"], optional: [String] = []) throws -> (records: [TableReader.Record]?, messages: [String]) {
        let source = SourceText(path: "t.csv", text: text)
        var log = DiagnosticLog()
        var reader = TableReader(source: source, required: required, optional: optional)
        var records: [TableReader.Record] = []
        try CSVParser().forEachRecord(in: source) { row in
            if let record = reader.read(row, log: &log) { records.append(record) }
        }
        return (reader.headerIsRight ? records : nil, log.diagnostics.map(\.description))
    }

    @Test func recordsAreByColumnName() throws {
        let result = try read("c,a,b\n3,1,2\n")
        #expect(result.messages.isEmpty)
        let record = try #require(result.records?.first)
        #expect(record.text("a") == "1")
        #expect(record.text("c") == "3")
        #expect(record["b"]?.column == 5)
    }

    @Test func optionalColumnMayBeAbsentOrPresent() throws {
        #expect(try read("a,b,c\n1,2,3\n", optional: ["note"]).records?.count == 1)
        #expect(try read("a,b,c,note\n1,2,3,x\n", optional: ["note"]).records?.first?.text("note") == "x")
    }

    /// A broken header reads no rows and says so with nil, so that callers skip checks against the file.
    @Test func brokenHeaderReadsNothing() throws {
        let duplicate = try read("a,b,c,b\n1,2,3,4\n")
        #expect(duplicate.records == nil)
        #expect(duplicate.messages == ["t.csv:1:7: error: column 'b' appears twice in the header"])
        let missing = try read("a,b\n1,2\n")
        #expect(missing.records == nil)
        #expect(missing.messages == ["t.csv:1:1: error: missing column 'c'; the header must have 'a', 'b', 'c'"])
        let unknown = try read("a,b,c,bb\n1,2,3,4\n")
        #expect(unknown.records == nil)
        #expect(unknown.messages == ["t.csv:1:7: error: unknown column 'bb'; expected 'a', 'b', 'c' (did you mean 'b'?)"])
    }

    @Test func blankRowsAndRowsOfCommasAreBlank() throws {
        let result = try read("a,b,c\n1,2,3\n\n , ,\n4,5,6\n")
        #expect(result.records?.map { $0.text("a") } == ["1", "4"])
        #expect(result.messages == ["t.csv:3:1: error: blank row; delete it", "t.csv:4:1: error: blank row; delete it"])
    }

    /// A short row is reported just after its last field, counting the quotes a quoted field had.
    @Test func shortRowPointsAfterItsLastField() throws {
        #expect(try read("a,b,c\n1,\"x,y\"\n").messages
            == ["t.csv:2:8: error: this row has 2 fields but the header has 3; check for a missing value or comma"])
    }

    @Test func longRowPointsAtTheFirstExtraField() throws {
        #expect(try read("a,b,c\n1,2,3,four\n").messages
            == ["t.csv:2:7: error: this row has 4 fields but the header has 3; check for an extra comma (a number like 1,234 must be in quotes)"])
    }

    @Test func unquotedThousandsAreNamed() throws {
        #expect(try read("a,b,c\nx,1,075,y\n").messages
            == ["t.csv:2:3: error: this row has 4 fields but the header has 3: put the number 1,075 in quotes (\"1,075\") or write it without commas"])
        #expect(try read("a,b,c\nx,1,234,567,y\n").messages
            == ["t.csv:2:3: error: this row has 5 fields but the header has 3: put the number 1,234,567 in quotes (\"1,234,567\") or write it without commas"])
    }
}
