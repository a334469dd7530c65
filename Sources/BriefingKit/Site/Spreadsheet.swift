import Foundation

/// A workbook as the Analysis Function's guidance on releasing statistics in spreadsheets lays
/// one out: sheets of rows of typed cells, each sheet with its title in A1, and at most one table
/// a sheet, whose header row is marked. `ODSWriter` writes it as an OpenDocument spreadsheet.
public struct Spreadsheet: Sendable, Hashable {
    /// One worksheet.
    public struct Sheet: Sendable, Hashable {
        /// The tab's name: letters, digits and underscores, no spaces (`Table_1`).
        public let name: String
        /// Rows from the top; a row is its cells from column A, with nothing between them left out.
        public let rows: [[SpreadsheetCell]]
        /// The index in `rows` of the table's one header row; the table runs from it to the last row.
        /// Nil for a sheet of text only (the cover sheet).
        public let headerRow: Int?
        /// The name of the table as a named range (`Published_figures`), for screen readers and formulas.
        public let tableName: String?
        /// Each column's width in centimetres, from column A.
        public let columnWidths: [Double]

        public init(name: String, rows: [[SpreadsheetCell]], headerRow: Int? = nil, tableName: String? = nil,
                    columnWidths: [Double]) {
            self.name = name
            self.rows = rows
            self.headerRow = headerRow
            self.tableName = tableName
            self.columnWidths = columnWidths
        }

        /// The number of columns the table (or, without one, the sheet) uses.
        public var columnCount: Int {
            let tableRows = headerRow.map { rows[$0...] } ?? rows[...]
            return tableRows.map(\.count).max() ?? 0
        }
    }

    /// The document's title, as its properties give it.
    public let title: String
    /// What it is, in a sentence (the document's description).
    public let description: String
    /// Who publishes it.
    public let creator: String
    /// The language of its text, as a BCP 47 tag (`en-GB`).
    public let language: String
    /// When it was built; nil gives none (and a fixed date inside the file), so builds stay byte-identical.
    public let date: Date?
    public let sheets: [Sheet]

    public init(title: String, description: String, creator: String, language: String = "en-GB", date: Date? = nil,
                sheets: [Sheet]) {
        self.title = title
        self.description = description
        self.creator = creator
        self.language = language
        self.date = date
        self.sheets = sheets
    }
}
