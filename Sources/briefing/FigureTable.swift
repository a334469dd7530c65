import Foundation

/// Lays out the figures CSV as a plain-text table for the terminal.
enum FigureTable {
    static func render(csv: String) -> String {
        let rows = csv.split(separator: "\r\n").map { splitCSV(String($0)) }
        guard let header = rows.first else { return "" }
        let keep = ["id", "shown_as", "how_obtained", "sources"].compactMap { header.firstIndex(of: $0) }
        let table = rows.map { row in keep.map { $0 < row.count ? row[$0] : "" } }
        let widths = keep.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    private static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if c == "\"" { quoted.toggle(); continue }
            if c == ",", !quoted { fields.append(field); field = ""; continue }
            field.append(c)
        }
        fields.append(field)
        return fields
    }
}
