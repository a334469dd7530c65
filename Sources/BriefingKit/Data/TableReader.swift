import Foundation

/// Checks a CSV table's header and rows against the columns a file must have, and hands out
/// each row as named fields.
struct TableReader {
    /// One data row, its fields by column name.
    struct Record {
        let source: SourceText
        let line: Int
        /// The row's fields in the file's order (the table's own array, not a copy), and each
        /// column's place among them (one table for every row: a table of its own per row took
        /// more memory than the rows themselves).
        let row: [CSVTable.Field]
        let columns: [String: Int]

        /// An error pointing at the start of a column's field in this row.
        func error(_ message: String, at column: String) -> Diagnostic {
            let field = self[column]
            return source.error(message, line: field?.line ?? line, column: field?.column ?? 1)
        }

        subscript(column: String) -> CSVTable.Field? { columns[column].map { row[$0] } }
        /// The trimmed text of a column, empty when absent.
        func text(_ column: String) -> String { self[column]?.text.trimmedSpaces ?? "" }
    }

    let source: SourceText
    let required: [String]
    let optional: [String]
    private var state = State.awaitingHeader

    private enum State {
        case awaitingHeader
        /// Each column's place in a row, and how many fields a row must have.
        case reading(columns: [String: Int], count: Int)
        /// The header is wrong: no row can be read.
        case unreadable
    }

    init(source: SourceText, required: [String], optional: [String]) {
        self.source = source
        self.required = required
        self.optional = optional
    }

    /// Whether the header was read and is right, so that rows could be read.
    var headerIsRight: Bool {
        if case .reading = state { return true }
        return false
    }

    /// Reads the file's records one at a time, the header first: its problems, and each row's
    /// shape, go to the log, and each row that can be read comes back. After a wrong header no row
    /// is read, and `headerIsRight` says so, so that the caller does not report every row that
    /// names something from this file as unknown.
    mutating func read(_ row: CSVTable.Row, log: inout DiagnosticLog) -> Record? {
        switch state {
        case .awaitingHeader:
            state = readHeader(row.fields, log: &log)
            return nil
        case .unreadable:
            return nil
        case .reading(let columns, let count):
            // A row of only commas is what a spreadsheet saves for a row whose cells were cleared.
            if row.fields.allSatisfy({ $0.text.trimmedSpaces.isEmpty }) {
                log.append(source.error("blank row; delete it", line: row.line, column: 1))
                return nil
            }
            if row.fields.count != count {
                log.append(Self.shapeError(row, headerCount: count, source: source))
                return nil
            }
            return Record(source: source, line: row.line, row: row.fields, columns: columns)
        }
    }

    private func readHeader(_ header: [CSVTable.Field], log: inout DiagnosticLog) -> State {
        let known = required + optional
        var columns: [String: Int] = [:]
        var headerOK = true
        for (index, field) in header.enumerated() {
            let name = field.text.trimmedSpaces
            if columns[name] != nil {
                log.append(source.error("column '\(name)' appears twice in the header", line: field.line, column: field.column))
                headerOK = false
            } else if !known.contains(name) {
                log.append(source.error("unknown column '\(name)'; expected \(Self.list(known))\(Suggestion.hint(for: name, in: known))",
                                        line: field.line, column: field.column))
                headerOK = false
            }
            columns[name] = columns[name] ?? index
        }
        for name in required where columns[name] == nil {
            log.append(source.error("missing column '\(name)'; the header must have \(Self.list(required))", line: 1, column: 1))
            headerOK = false
        }
        return headerOK ? .reading(columns: columns, count: header.count) : .unreadable
    }

    /// A row with too many or too few fields, at the first extra field or the end of the row.
    /// An unquoted number like 1,234 is the usual cause of extra fields, so it is named when seen.
    static func shapeError(_ row: CSVTable.Row, headerCount: Int, source: SourceText) -> Diagnostic {
        let fields = row.fields
        let count = "this row has \(fields.count) fields but the header has \(headerCount)"
        if fields.count > headerCount, let start = groupedNumberStart(in: fields, extra: fields.count - headerCount) {
            let number = fields[start...(start + fields.count - headerCount)].map(\.text).joined(separator: ",")
            return source.error("\(count): put the number \(number) in quotes (\"\(number)\") or write it without commas",
                                line: fields[start].line, column: fields[start].column)
        }
        if fields.count > headerCount {
            let extra = fields[headerCount]
            return source.error("\(count); check for an extra comma (a number like 1,234 must be in quotes)",
                                line: extra.line, column: extra.column)
        }
        let last = fields[fields.count - 1]
        return source.error("\(count); check for a missing value or comma",
                            line: last.line, column: last.endColumn)
    }

    /// Where an unquoted `1,234` (or `1,234,567`) split into `extra + 1` fields starts, if it did.
    private static func groupedNumberStart(in fields: [CSVTable.Field], extra: Int) -> Int? {
        let isDigits = { (field: CSVTable.Field, lengths: ClosedRange<Int>) in
            !field.wasQuoted && lengths.contains(field.text.count) && field.text.allSatisfy { $0.isASCII && $0.isNumber }
        }
        for start in fields.indices where start + extra < fields.count && isDigits(fields[start], 1...3) {
            if fields[(start + 1)...(start + extra)].allSatisfy({ isDigits($0, 3...3) }) { return start }
        }
        return nil
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
