/// What the spreadsheet needs to know of the figures before it writes its tables of them: which
/// figures each table holds, how wide its columns must be and how many bytes its rows' XML takes.
///
/// Learnt in one pass over the figures, which the release's downloads make anyway (`add(_:at:)` a
/// figure at a time, in id order), so that the spreadsheet then makes each row once, as it writes
/// it: a large release's figures are made again from its statistics on every pass over them.
struct WorkbookTally: Sendable {
    /// A table of figures: the indices of its figures among all of them, the most characters a
    /// cell of each column holds, and its rows' XML measured.
    struct Table: Sendable {
        var picks: [Int] = []
        var longest: [Int]
        var measured = ODSWriter.Measured()

        init(columns: Int) {
            longest = Array(repeating: 0, count: columns)
        }

        mutating func add(_ cells: [SpreadsheetCell], at index: Int) {
            picks.append(index)
            WorkbookBuilder.widen(&longest, to: cells)
            measured.add(cells)
        }
    }

    /// The figures calculated for the briefing (Table_2).
    private(set) var calculated = Table(columns: WorkbookBuilder.calculatedColumns)
    /// The other figures it cites (Table_3), measured without their Notes cells: whether the table
    /// has a Notes column depends on every figure's notes, which `notes` keeps.
    private(set) var cited = Table(columns: WorkbookBuilder.citedColumns)
    /// Whether each cited figure is revised, and its note.
    private(set) var notes: [(revised: Bool, note: String?)] = []
    /// The ids of the release's rows (`WorkbookBuilder.observationsByID`): a figure that is not
    /// calculated and is not one of them is cited.
    let rowIDs: RowIndex

    init(rowIDs: RowIndex) {
        self.rowIDs = rowIDs
    }

    /// The tally of `figures`, in a pass of its own.
    init(_ figures: some Collection<Figure>, rowIDs: RowIndex) {
        self.init(rowIDs: rowIDs)
        for (index, figure) in figures.enumerated() { add(figure, at: index) }
    }

    /// Adds the figure at `index` among all of them.
    mutating func add(_ figure: Figure, at index: Int) {
        if figure.derivation.isComputed {
            calculated.add(WorkbookBuilder.calculatedCells(figure), at: index)
        } else if rowIDs[figure.id] == nil {
            cited.add(WorkbookBuilder.citedCells(figure), at: index)
            notes.append((figure.revised, figure.note))
        }
    }
}
