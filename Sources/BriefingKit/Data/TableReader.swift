import Foundation

/// Checks a CSV table's header and rows against the columns a file must have, and hands out
/// each row as named fields.
struct TableReader {
    /// One data row, its fields by column name.
    struct Record {
        let source: SourceText
        let line: Int
        let fields: [String: CSVTable.Field]

        /// An error pointing at the start of a column's field in this row.
        func error(_ message: String, at column: String) -> Diagnostic {
            let field = fields[column]
            return source.error(message, line: field?.line ?? line, column: field?.column ?? 1)
        }

        func warning(_ message: String, at column: String) -> Diagnostic {
            let field = fields[column]
            return source.warning(message, line: field?.line ?? line, column: field?.column ?? 1)
        }

        subscript(column: String) -> CSVTable.Field? { fields[column] }
        /// The trimmed text of a column, empty when absent.
        func text(_ column: String) -> String { fields[column]?.text.trimmingCharacters(in: .whitespaces) ?? "" }
    }

    let table: CSVTable
    let required: [String]
    let optional: [String]

    /// The rows that can be read; problems with the header or a row's shape go to the log.
    func records(log: inout DiagnosticLog) -> [Record] {
        let source = table.source
        let known = required + optional
        var columns: [String: Int] = [:]
        var headerOK = true
        for (index, field) in table.header.enumerated() {
            let name = field.text.trimmingCharacters(in: .whitespaces)
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
        guard headerOK else { return [] }

        var records: [Record] = []
        for row in table.rows {
            if row.fields.count == 1, row.fields[0].text.trimmingCharacters(in: .whitespaces).isEmpty {
                log.append(source.error("blank row; delete it", line: row.line, column: 1))
                continue
            }
            if row.fields.count != table.header.count {
                let at = row.fields.count > table.header.count ? row.fields[table.header.count] : row.fields[row.fields.count - 1]
                let column = row.fields.count > table.header.count ? at.column : at.column + at.text.count
                log.append(source.error("this row has \(row.fields.count) fields but the header has \(table.header.count); check for a missing or extra comma (a number like 1,234 must be in quotes)",
                                        line: at.line, column: column))
                continue
            }
            var fields: [String: CSVTable.Field] = [:]
            for (name, index) in columns { fields[name] = row.fields[index] }
            records.append(Record(source: source, line: row.line, fields: fields))
        }
        return records
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
