import Foundation

/// A workbook as the Analysis Function's guidance on releasing statistics in spreadsheets lays
/// one out: sheets of rows of typed cells, each sheet with its title in A1, and at most one table
/// a sheet, whose header row is marked. `ODSWriter` writes it as an OpenDocument spreadsheet.
public struct Spreadsheet: Sendable {
    /// One worksheet.
    public struct Sheet: Sendable {
        /// The tab's name: letters, digits and underscores, no spaces (`Table_1`).
        public let name: String
        /// Rows from the top; a row is its cells from column A, with nothing between them left out.
        public let rows: Rows
        /// The index in `rows` of the table's one header row; the table runs from it to the last row.
        /// Nil for a sheet of text only (the cover sheet).
        public let headerRow: Int?
        /// The name of the table as a named range (`Published_figures`), for screen readers and formulas.
        public let tableName: String?
        /// Each column's width in centimetres, from column A.
        public let columnWidths: [Double]

        public init(name: String, rows: [[SpreadsheetCell]], headerRow: Int? = nil, tableName: String? = nil,
                    columnWidths: [Double]) {
            self.init(name: name, rows: Rows(rows), headerRow: headerRow, tableName: tableName, columnWidths: columnWidths)
        }

        public init(name: String, rows: Rows, headerRow: Int? = nil, tableName: String? = nil, columnWidths: [Double]) {
            self.name = name
            self.rows = rows
            self.headerRow = headerRow
            self.tableName = tableName
            self.columnWidths = columnWidths
        }

        /// The number of columns the table (or, without one, the sheet) uses.
        public var columnCount: Int {
            let written = rows.head[min(headerRow ?? 0, rows.head.count)...].map(\.count).max() ?? 0
            return rows.made.isEmpty ? written : max(written, rows.made.columns)
        }
    }

    /// A sheet's rows: a few written out (`head`), then any number (`made`) each made when it is read,
    /// so that a table of every figure of a large release is never held whole.
    public struct Rows: RandomAccessCollection, Sendable {
        public let head: [[SpreadsheetCell]]
        public let made: MadeRows

        /// Rows that are made one at a time: `count` of them, each of `columns` cells.
        public struct MadeRows: Sendable {
            public let count: Int
            public let columns: Int
            let row: @Sendable (Int) -> [SpreadsheetCell]
            /// What the rows' XML comes to, when a pass that made them for another purpose measured it
            /// (`ODSWriter.Measured`): the writer then makes them once, not twice.
            let measured: ODSWriter.Measured?

            public init(count: Int, columns: Int, row: @escaping @Sendable (Int) -> [SpreadsheetCell]) {
                self.init(count: count, columns: columns, measured: nil, row: row)
            }

            init(count: Int, columns: Int, measured: ODSWriter.Measured?, row: @escaping @Sendable (Int) -> [SpreadsheetCell]) {
                self.count = count
                self.columns = columns
                self.measured = measured
                self.row = row
            }

            var isEmpty: Bool { count == 0 }
        }

        public init(_ head: [[SpreadsheetCell]], then made: MadeRows = MadeRows(count: 0, columns: 0, row: { _ in [] })) {
            self.head = head
            self.made = made
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { head.count + made.count }

        public subscript(index: Int) -> [SpreadsheetCell] {
            index < head.count ? head[index] : made.row(index - head.count)
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
