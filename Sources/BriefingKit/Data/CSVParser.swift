/// Parses RFC 4180 CSV keeping the line and column of every field.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift: neither reports where a
/// field sits in the file, and every data error here must name its line and column.
public struct CSVParser: Sendable {
    public init() {}

    /// Parses the text; a quote left open is an error at the line where it opened.
    public func parse(_ source: SourceText) throws -> CSVTable {
        let scalars = Array(source.text.unicodeScalars)
        var records: [CSVTable.Row] = []
        var fields: [CSVTable.Field] = []
        var field = String.UnicodeScalarView()
        var fieldLine = 1, fieldColumn = 1, recordLine = 1
        var line = 1, column = 1
        var quoted = false, inQuotes = false, quoteLine = 1, quoteColumn = 1
        var index = 0

        func endField() {
            fields.append(.init(text: String(field), line: fieldLine, column: fieldColumn, wasQuoted: quoted, endColumn: column))
            field = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord() {
            endField()
            records.append(.init(line: recordLine, fields: fields))
            fields = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2; column += 2
                        continue
                    }
                    inQuotes = false
                    index += 1; column += 1
                    continue
                }
                // A refused character is reported by the file's scan; leaving it out here keeps it
                // from making a second error ("not an area") out of the same fault.
                if !UnsafeCharacter.isRefused(scalar) { field.append(scalar) }
                if scalar == "\n" || (scalar == "\r" && !(index + 1 < scalars.count && scalars[index + 1] == "\n")) {
                    line += 1; column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !quoted:
                inQuotes = true; quoted = true
                quoteLine = line; quoteColumn = column
                index += 1; column += 1
            case "\"":
                throw BriefingError(step: "load data", source.error(
                    "a quote mark inside a field that does not start with one; put the whole field in quotes and double the inner quote (\"\")",
                    line: line, column: column))
            case ",":
                endField()
                index += 1; column += 1
                fieldLine = line; fieldColumn = column
            case "\r", "\n":
                endRecord()
                index += (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") ? 2 : 1
                line += 1; column = 1
                fieldLine = line; fieldColumn = 1; recordLine = line
            default:
                if quoted {
                    throw BriefingError(step: "load data", source.error(
                        "text after a closing quote; a quoted field must end at its closing quote",
                        line: line, column: column))
                }
                if !UnsafeCharacter.isRefused(scalar) { field.append(scalar) }
                index += 1; column += 1
            }
        }
        if inQuotes {
            throw BriefingError(step: "load data", source.error(
                "a quoted field is never closed; add the closing quote mark", line: quoteLine, column: quoteColumn))
        }
        if !field.isEmpty || !fields.isEmpty || quoted { endRecord() }

        guard let header = records.first else {
            throw BriefingError(step: "load data", .error("the file is empty; it needs a header row",
                                                          at: source.location(line: 1, column: 1)))
        }
        return CSVTable(source: source, header: header.fields, rows: Array(records.dropFirst()))
    }
}
