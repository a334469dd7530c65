import Testing
@testable import BriefingKit

/// The CSV parser: RFC 4180 fields, and the line and column of every field and every error.
struct CSVParserTests {
    private func parse(_ text: String) throws -> CSVTable {
        try CSVParser().parse(SourceText(path: "t.csv", text: text))
    }

    /// The one diagnostic a parse throws, in its one-line form.
    private func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    @Test func fieldsKeepTheirLineAndColumn() throws {
        let table = try parse("a,b,c\n1,22,333\n")
        #expect(table.header.map(\.text) == ["a", "b", "c"])
        #expect(table.rows.count == 1)
        let row = table.rows[0]
        #expect(row.line == 2)
        #expect(row.fields.map(\.text) == ["1", "22", "333"])
        #expect(row.fields.map(\.column) == [1, 3, 6])
        #expect(row.fields.map(\.endColumn) == [2, 5, 9])
        #expect(row.fields.allSatisfy { $0.line == 2 && !$0.wasQuoted })
    }

    @Test func quotedFieldKeepsItsCommas() throws {
        let field = try parse("a,b,c\nx,\"1,075\",y\n").rows[0].fields[1]
        #expect(field.text == "1,075")
        #expect(field.wasQuoted)
        #expect(field.column == 3)
        // Just after the closing quote, not after the five characters of the text.
        #expect(field.endColumn == 10)
    }

    @Test func doubledQuotesBecomeOneQuote() throws {
        let fields = try parse("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n").rows[0].fields
        #expect(fields.map(\.text) == ["say \"hi\"", "\""])
        #expect(fields[1].column == 14)
    }

    @Test func emptyQuotedFieldIsEmptyAndQuoted() throws {
        let field = try parse("a,b\n\"\",x\n").rows[0].fields[0]
        #expect(field.text.isEmpty)
        #expect(field.wasQuoted)
    }

    @Test func crlfEndsLinesLikeLF() throws {
        let table = try parse("a,b\r\n1,2\r\n3,4\r\n")
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", "2"], ["3", "4"]])
        #expect(table.header.last?.text == "b")
    }

    @Test func loneCRAndMixedEndingsEndLines() throws {
        let table = try parse("a,b\r1,2\n3,4\r\n5,6")
        #expect(table.rows.map(\.line) == [2, 3, 4])
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func lastRowNeedsNoNewline() throws {
        #expect(try parse("a,b\n1,2").rows.map { $0.fields.map(\.text) } == [["1", "2"]])
        #expect(try parse("a,b\n1,2\n").rows.count == 1)
    }

    @Test func newlineInsideQuotesIsTextAndMovesLaterLines() throws {
        let table = try parse("a,b\n\"two\nlines\",x\n1,2\n")
        #expect(table.rows[0].fields[0].text == "two\nlines")
        #expect(table.rows[0].fields[1].line == 3)
        #expect(table.rows[0].fields[1].column == 8)
        #expect(table.rows[1].line == 4)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let field = try parse("a,b\nCafé,x\n").rows[0].fields[1]
        #expect(field.column == 6)
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        #expect(failure("a,b,c\n1,\"2,3\n4,5,6\n")
            == "t.csv:2:3: error: a quoted field is never closed; add the closing quote mark")
    }

    @Test func quoteInsideAnUnquotedFieldIsReportedAtTheQuote() {
        #expect(failure("a,b\n5\" screen,x\n")
            == "t.csv:2:2: error: a quote mark inside a field that does not start with one; put the whole field in quotes and double the inner quote (\"\")")
    }

    @Test func textAfterAClosingQuoteIsReportedAtTheText() {
        #expect(failure("a,b\n\"1,075\"x,y\n")
            == "t.csv:2:8: error: text after a closing quote; a quoted field must end at its closing quote")
    }

    @Test func emptyTextHasNoHeader() {
        #expect(failure("") == "t.csv:1:1: error: the file is empty; it needs a header row")
    }
}
