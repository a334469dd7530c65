/// Parses RFC 4180 CSV keeping the line and column of every field.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift: neither reports where a
/// field sits in the file, and every data error here must name its line and column.
public struct CSVParser: Sendable {
    public init() {}

    /// Parses the text into a whole table; a quote left open is an error at the line where it opened.
    public func parse(_ source: SourceText) throws -> CSVTable {
        var records: [CSVTable.Row] = []
        try forEachRecord(in: source) { records.append($0) }
        // A file with no record has thrown: the header is there.
        return CSVTable(source: source, header: records[0].fields, rows: Array(records.dropFirst()))
    }

    /// Hands each record to `body` as it is read, the header first, so that a large file's rows need
    /// not all be held at once. Throws at the first fault in the file's syntax, when some records may
    /// already have been handed on: a caller that must not act on half a file keeps what it made
    /// until this returns.
    public func forEachRecord(in source: SourceText, _ body: (CSVTable.Row) throws -> Void) throws {
        // One scalar of lookahead is all the grammar needs: a doubled quote, or the LF of a CRLF.
        var scalars = source.text.unicodeScalars.makeIterator()
        var current = scalars.next(), following = scalars.next()
        func advance() { current = following; following = scalars.next() }
        var fields: [CSVTable.Field] = []
        var field = String.UnicodeScalarView()
        var fieldLine = 1, fieldColumn = 1, recordLine = 1
        var line = 1, column = 1
        var quoted = false, inQuotes = false, quoteLine = 1, quoteColumn = 1
        var records = 0

        func endField() {
            fields.append(.init(text: String(field), line: fieldLine, column: fieldColumn, wasQuoted: quoted, endColumn: column))
            field = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord() throws {
            endField()
            try body(.init(line: recordLine, fields: fields))
            records += 1
            fields = []
        }

        while let scalar = current {
            if inQuotes {
                if scalar == "\"" {
                    if following == "\"" {
                        field.append("\"")
                        advance(); advance(); column += 2
                        continue
                    }
                    inQuotes = false
                    advance(); column += 1
                    continue
                }
                // A refused character is reported by the file's scan; leaving it out here keeps it
                // from making a second error ("not an area") out of the same fault.
                if !UnsafeCharacter.isRefused(scalar) { field.append(scalar) }
                if scalar == "\n" || (scalar == "\r" && following != "\n") {
                    line += 1; column = 1
                } else {
                    column += 1
                }
                advance()
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !quoted:
                inQuotes = true; quoted = true
                quoteLine = line; quoteColumn = column
                advance(); column += 1
            case "\"":
                throw BriefingError(step: "load data", source.error(
                    "a quote mark inside a field that does not start with one; put the whole field in quotes and double the inner quote (\"\")",
                    line: line, column: column))
            case ",":
                endField()
                advance(); column += 1
                fieldLine = line; fieldColumn = column
            case "\r", "\n":
                try endRecord()
                if scalar == "\r" && following == "\n" { advance() }
                advance()
                line += 1; column = 1
                fieldLine = line; fieldColumn = 1; recordLine = line
            default:
                if quoted {
                    throw BriefingError(step: "load data", source.error(
                        "text after a closing quote; a quoted field must end at its closing quote",
                        line: line, column: column))
                }
                if !UnsafeCharacter.isRefused(scalar) { field.append(scalar) }
                advance(); column += 1
            }
        }
        if inQuotes {
            throw BriefingError(step: "load data", source.error(
                "a quoted field is never closed; add the closing quote mark", line: quoteLine, column: quoteColumn))
        }
        if !field.isEmpty || !fields.isEmpty || quoted { try endRecord() }
        if records == 0 {
            throw BriefingError(step: "load data", .error("the file is empty; it needs a header row", at: source.location(line: 1, column: 1)))
        }
    }
}
