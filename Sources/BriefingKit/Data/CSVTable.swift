/// A CSV file parsed into fields that remember where they came from.
public struct CSVTable: Sendable {
    /// One cell: its text (quotes removed), where it starts, and the column just after it.
    public struct Field: Sendable, Hashable {
        public let text: String
        public let line: Int
        public let column: Int
        public let wasQuoted: Bool
        /// The column just after the field (after its closing quote), on the line where it ends.
        /// Kept because the text alone cannot give it: quotes are removed and doubled quotes halved.
        public let endColumn: Int
    }

    /// One record: its fields and the line it starts on.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [Field]
    }

    public let source: SourceText
    public let header: [Field]
    public let rows: [Row]

    public init(source: SourceText, header: [Field], rows: [Row]) {
        self.source = source
        self.header = header
        self.rows = rows
    }
}
