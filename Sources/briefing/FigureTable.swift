import BriefingKit
import Foundation

/// Lays out the figures as a plain-text table for the terminal.
enum FigureTable {
    static let columns = ["id", "shown_as", "how_obtained", "sources"]

    static func render(_ figures: [Figure], writer: DownloadWriter) -> String {
        let rows = [columns] + figures.map { figure in
            let fields = writer.fields(figure)
            return columns.map { fields[$0] ?? "" }
        }
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
