import Foundation

/// Lays the whole release out as an accessible spreadsheet, following the Analysis Function's
/// guidance on releasing statistics in spreadsheets: a cover sheet, a contents sheet, a notes
/// sheet and one table a sheet, each sheet's title in A1, each table under a few lines that say
/// what it holds, with one header row, no merged cells, no blank rows or columns, and shorthand
/// (`[x]`, `[c]`, `[z]`, `[r]`) explained in the notes.
///
/// It holds every figure the site lists (the figures of `data/figures.csv`), each once:
/// `Table_1` the rows of `figures.csv` as published, `Table_2` the figures calculated for the
/// briefing with their formulas, `Table_3` the other published figures the briefing cites, and
/// `Table_4` the sources. A value is a number cell where it is a number and the marker's text
/// where it is a marker: never a zero. Disclosure control has already been applied to `figures`.
public struct WorkbookBuilder: Sendable {
    public let dataset: Dataset
    /// The embargo line while the release is under embargo; nil once it is not.
    public let embargo: String?
    /// The build time, when `--now` or SOURCE_DATE_EPOCH gives one.
    public let builtAt: Date?

    public init(dataset: Dataset, embargo: String? = nil, builtAt: Date? = nil) {
        self.dataset = dataset
        self.embargo = embargo
        self.builtAt = builtAt
    }

    /// The tables' titles, in the order of their sheets.
    static let tableTitles = [
        "Figures as published", "Figures calculated for this briefing from published figures",
        "Other figures the briefing gives", "Sources of the figures",
    ]

    /// The spreadsheet of `figures`, in id order. `tally` is what a pass over them learnt for it
    /// (`tally()`, then `WorkbookTally.add(_:at:)` for each); without one, it makes that pass itself.
    public func workbook<Figures: RandomAccessCollection<Figure> & Sendable>(_ figures: Figures) -> Spreadsheet where Figures.Index == Int {
        workbook(figures, tally: nil)
    }

    /// A tally to fill in a pass over the figures, for `workbook(_:tally:)`.
    func tally() -> WorkbookTally { WorkbookTally(rowIDs: observationsByID) }

    func workbook<Figures: RandomAccessCollection<Figure> & Sendable>(_ figures: Figures, tally: WorkbookTally?) -> Spreadsheet where Figures.Index == Int {
        // The tables refer to `figures` by index (in id order), and their rows are made as they are
        // written: a large release's tables are never held as cells. Every row of figures.csv is among
        // `figures` as its published figure, so the first table is made from the rows themselves, in
        // its own order (by period, then area), without looking each up among the figures.
        let tally = tally ?? WorkbookTally(figures, rowIDs: observationsByID)
        let byID = tally.rowIDs
        let observations = dataset.observations
        let published = publishedOrder(byID.rows)
        let sources = dataset.sources.sorted { $0.id < $1.id }
        // A note names a column only when the table has it.
        let hasChanges = published.contains { observations[$0].basePeriod != nil }

        var notes = NoteList()
        let words = dataset.release.subject
        notes.add("[x] means not provided: the figure was not supplied, so there is no number. It is never counted as zero.")
        notes.add("[c] means suppressed to protect identities"
                  + (dataset.release.disclosureThreshold > 0
                     ? ": counts from 1 to \(dataset.release.disclosureThreshold) are not shown, nor any other figure from which one could be worked out."
                     : "."))
        notes.add("[z] means not applicable.")
        notes.add("[r] means revised: the figure differs from the one first published.")
        notes.add("Figures calculated for this briefing from published figures are marked † on the briefing's pages. Table_2 gives each one's formula, over the figure IDs of its inputs.")
        notes.add("In the \(words.breakdownSingular.withCapitalFirstLetter) column, '\(Platform.recorded)' is every \(words.singular) recorded; "
                  + "'\(Platform.all)' is those \(words.known), the base of every share; "
                  + "'\(words.ownerGroupName("<owner>"))' is every \(words.breakdownSingular) of that owner together.")
        notes.add("A share is a percentage of the area's '\(Platform.all)' count in the same period"
                  + (hasChanges ? "; a change is the percentage change of the count since the period in the 'Change since' column." : "."))
        for note in dataset.release.notesToEditors { notes.add(note.text) }

        // Each table's sheet is Table_1, Table_2, … in order, leaving out a table with no rows; the
        // notes its rows add are numbered as they come.
        var tableSheets: [Spreadsheet.Sheet] = []
        var next: String { "Table_\(tableSheets.count + 1)" }
        if !published.isEmpty { tableSheets.append(publishedSheet(next, published, &notes)) }
        if !tally.calculated.picks.isEmpty { tableSheets.append(calculatedSheet(next, Picked(figures, tally.calculated.picks), tally.calculated)) }
        if !tally.cited.picks.isEmpty { tableSheets.append(citedSheet(next, Picked(figures, tally.cited.picks), tally, &notes)) }
        if !sources.isEmpty { tableSheets.append(sourcesSheet(next, sources)) }
        let titles = tableSheets.map { ($0.name, $0.rows.first.flatMap(\.first).map(Self.text) ?? "") }
        let release = dataset.release
        return Spreadsheet(
            title: release.title,
            description: "Every figure behind the \(release.organisation) press briefing on \(words.plural), \(release.period.name)",
            creator: release.organisation, date: builtAt,
            sheets: [coverSheet(), contentsSheet(titles), notesSheet(notes, referenced: tableSheets.contains(where: Self.hasNotesColumn))] + tableSheets)
    }

    // MARK: - Cover, contents, notes

    func coverSheet() -> Spreadsheet.Sheet {
        let release = dataset.release
        let words = release.subject
        var rows: [[SpreadsheetCell]] = [[.text(release.title, .title)]]
        func section(_ heading: String, _ lines: [SpreadsheetCell]) {
            guard !lines.isEmpty else { return }
            rows.append([.text(heading, .heading)])
            rows += lines.map { [$0] }
        }
        rows.append([.text("This spreadsheet holds every figure behind the \(release.organisation) press briefing on \(words.plural), "
                           + "\(release.period.name): the figures as published, the figures calculated for the briefing, and where each comes from.")])
        if let embargo { section("Embargo", [.text(embargo)]) }
        section("Status", [.text(release.status)])
        section("Period", [.text(release.period.name + (dataset.previousPeriod.map { ", compared with \($0.name)" } ?? ""))])
        section("What is counted", [.text(release.measure)])
        section("Coverage", release.coverage.map { coverage in
            // The whole release's coverage names its place in its description; an area's starts with the area's name.
            let area = coverage.area.map { dataset.displayName(of: $0).withCapitalFirstLetter + ", " } ?? ""
            let when = coverage.everyPeriod ? "every period" : coverage.period.name
            let forces = coverage.forcesAnswered.map { "\($0) " } ?? ""
            return .text("\(area)\(area.isEmpty ? when.withCapitalFirstLetter : when): \(forces)\(coverage.description)" + (coverage.note.map { " (\($0))" } ?? ""))
        })
        section("Shorthand", [.text("Where there is no number, a cell holds shorthand: [x] not provided, [c] suppressed to protect identities, "
                                    + "[z] not applicable. [r] marks a revised figure. The Notes sheet explains each.")])
        section("Sources", [.text("Every figure names its source; the last table lists them, with links.")])
        section("Contact", release.contacts.map { contact in
            let parts = [contact.name, contact.role, contact.email, contact.phone].compactMap { $0 }
            if let email = contact.email { return .link(parts.joined(separator: ", "), target: "mailto:" + email) }
            return .text(parts.joined(separator: ", "))
        })
        section("Published by", [.text(release.organisation), .text(release.boilerplate)])
        if let builtAt { section("Built", [.text(Timestamp.rfc3339(builtAt))]) }
        // One column of wrapped text, narrow enough to print on a portrait page.
        return Spreadsheet.Sheet(name: "Cover", rows: rows, columnWidths: [17])
    }

    func contentsSheet(_ tables: [(name: String, title: String)]) -> Spreadsheet.Sheet {
        let entries = [("Notes", "Notes")] + tables
        let rows: [[SpreadsheetCell]] = [
            [.text("Contents", .title)],
            [.text("This worksheet contains one table. Each sheet name links to its sheet.", .lead)],
            [.text("Sheet name", .header), .text("Sheet title", .header)],
        ] + entries.map { [.link($0.0, target: "#\($0.0).A1"), .text($0.1)] }
        return Spreadsheet.Sheet(name: "Contents", rows: rows, headerRow: 2, tableName: "Contents_table", columnWidths: [4, 16])
    }

    /// `referenced` when some table has a Notes column: only then does the lead say the tables cite the notes.
    func notesSheet(_ notes: NoteList, referenced: Bool) -> Spreadsheet.Sheet {
        let rows: [[SpreadsheetCell]] = [
            [.text("Notes", .title)],
            [.text("This worksheet contains one table. "
                   + (referenced ? "The tables' Notes columns refer to these notes by number." : "These notes explain the shorthand and the columns of the tables."), .lead)],
            [.text("Note number", .header), .text("Note text", .header)],
        ] + notes.texts.enumerated().map { [.text(NoteList.reference($0)), .text($1)] }
        return Spreadsheet.Sheet(name: "Notes", rows: rows, headerRow: 2, tableName: "Notes_table", columnWidths: [3, 20])
    }

    // MARK: - The tables

    /// The rows of figures.csv, by their indices in `dataset.observations`, in the table's order.
    func publishedSheet(_ name: String, _ rows: [Int], _ notes: inout NoteList) -> Spreadsheet.Sheet {
        let words = dataset.release.subject
        let dataset = dataset
        let observations = dataset.observations
        let hasChanges = rows.contains { observations[$0].basePeriod != nil }
        var header = ["Period", "Period code", "Area", "Area type", words.breakdownSingular.withCapitalFirstLetter, "Measure"]
        if hasChanges { header.append("Change since") }
        let references = rows.map { notes.references(for: dataset.publishedFigure(of: observations[$0])) }
        let (notesColumn, blankNotes) = (references.contains { !$0.isEmpty }, references.contains(where: \.isEmpty))
        header += ["Value", "Source"] + (notesColumn ? ["Notes"] : []) + ["Figure ID"]
        let body = Spreadsheet.Rows.MadeRows(count: rows.count, columns: header.count) { index in
            let row = observations[rows[index]], references = references[index]
            let figure = dataset.publishedFigure(of: row)
            var cells: [SpreadsheetCell] = [
                .text(row.period.name), .text(row.period.code), .text(row.area),
                .text(dataset.area(named: row.area)?.kind.rawValue ?? "[z]"), .text(Self.platformName(row.platform, in: dataset)), .text(row.measure.rawValue),
            ]
            if hasChanges { cells.append(.text(row.basePeriod?.name ?? "[z]")) }
            cells += [.figure(figure.value), .text(figure.sources.joined(separator: " "))]
            if notesColumn { cells.append(references.isEmpty ? .empty : .text(references)) }
            return cells + [.text(figure.id)]
        }
        let title = "\(Self.tableTitles[0]), by period, area, \(words.breakdownSingular) and measure"
        return tableSheet(name, title: title, tableName: "Published_figures", lines: [
            "Every row of the release's figures, as published. Where there is no number the cell holds shorthand, explained in the Notes sheet.",
            "Source: the Source column gives each figure's source, listed in the last table.",
        ] + (notesColumn && blankNotes ? [Self.blankNotesLine] : []), header: header, body: body)
    }

    static let blankNotesLine = "A cell in the Notes column is empty where the figure has no note."

    static let calculatedColumns = 8

    /// A row of the calculated figures' table.
    static func calculatedCells(_ figure: Figure) -> [SpreadsheetCell] {
        [.text(figure.id), .text(figure.label), .text(figure.period?.name ?? "[z]"), .text(figure.area ?? "[z]"),
         .figure(figure.value), .text(Self.unit(figure.value)), .text(figure.derivation.formula),
         .text(figure.sources.isEmpty ? "[z]" : figure.sources.joined(separator: " "))]
    }

    func calculatedSheet<Figures>(_ name: String, _ figures: Picked<Figures>, _ tally: WorkbookTally.Table) -> Spreadsheet.Sheet {
        let header = ["Figure ID", "Description", "Period", "Area", "Value", "Unit", "Formula", "Sources"]
        let body = Spreadsheet.Rows.MadeRows(count: figures.count, columns: header.count, measured: tally.measured) { index in
            Self.calculatedCells(figures[index])
        }
        return tableSheet(name, title: Self.tableTitles[1], tableName: "Calculated_figures", lines: [
            "Each figure the briefing worked out, marked † on its pages, with its formula over the figure IDs of its inputs (in Table_1 or this table).",
            "Source: the sources of a calculated figure are those of its inputs.",
        ], header: header, body: body, longest: tally.longest)
    }

    /// The columns of the other figures' table before its Notes column.
    static let citedColumns = 7

    /// A row of the other figures' table, without its Notes cell.
    static func citedCells(_ figure: Figure) -> [SpreadsheetCell] {
        [.text(figure.id), .text(figure.label), .text(figure.period?.name ?? "[z]"), .text(figure.area ?? "[z]"),
         .figure(figure.value), .text(Self.unit(figure.value)),
         .text(figure.sources.isEmpty ? "[z]" : figure.sources.joined(separator: " "))]
    }

    func citedSheet<Figures>(_ name: String, _ figures: Picked<Figures>, _ tally: WorkbookTally, _ notes: inout NoteList) -> Spreadsheet.Sheet {
        let references = tally.notes.map { notes.references(revised: $0.revised, note: $0.note) }
        let (notesColumn, blankNotes) = (references.contains { !$0.isEmpty }, references.contains(where: \.isEmpty))
        let header = ["Figure ID", "Description", "Period", "Area", "Value", "Unit", "Sources"] + (notesColumn ? ["Notes"] : [])
        let noteCell = { @Sendable (references: String) -> SpreadsheetCell in references.isEmpty ? .empty : .text(references) }
        // The rows as the tally measured them, with their Notes cells when the table has the column.
        var measured = tally.cited.measured, longest = tally.cited.longest
        if notesColumn {
            longest.append(references.map { Self.length(Self.text(noteCell($0))) }.max() ?? 0)
            references.map(noteCell).forEach { measured.add(cell: $0) }
        }
        let body = Spreadsheet.Rows.MadeRows(count: figures.count, columns: header.count, measured: measured) { index in
            Self.citedCells(figures[index]) + (notesColumn ? [noteCell(references[index])] : [])
        }
        return tableSheet(name, title: Self.tableTitles[2], tableName: "Other_figures", lines: [
            "Figures the briefing gives besides the release's own rows: how many forces answered, figures other bodies published, and its disclosure setting.",
            "Source: the Sources column gives each figure's source; [z] where the figure is a setting of the briefing.",
        ] + (notesColumn && blankNotes ? [Self.blankNotesLine] : []), header: header, body: body, longest: longest)
    }

    func sourcesSheet(_ name: String, _ sources: [Source]) -> Spreadsheet.Sheet {
        let header = ["Source ID", "Publisher", "Title", "Published", "Link"]
        let body = Spreadsheet.Rows.MadeRows(count: sources.count, columns: header.count) { index in
            let source = sources[index]
            return [.text(source.id), .text(source.publisher), .text(source.title), .text(source.published.isEmpty ? "[x]" : source.published),
                    .link(source.url, target: source.url)]
        }
        return tableSheet(name, title: Self.tableTitles[3], tableName: "Sources", lines: [
            "Where the figures were published. The Source columns of the other tables give these IDs. [x] where no date of publication is known.",
        ], header: header, body: body)
    }

    /// A table's sheet: its title in A1, the lines that say what it holds, then the header row and the rows.
    /// `longest`: the most characters a cell of each column holds, when a pass over the rows found them.
    func tableSheet(_ name: String, title: String, tableName: String, lines: [String], header: [String],
                    body: Spreadsheet.Rows.MadeRows, longest cells: [Int]? = nil) -> Spreadsheet.Sheet {
        let top: [[SpreadsheetCell]] = [[.text(title, .title)], [.text("This worksheet contains one table.", .lead)]]
            + lines.map { [.text($0, .lead)] }
        // Each column as wide as its longest entry needs, within bounds, so that long text wraps.
        var longest = header.map(\.count)
        if let cells {
            for (column, length) in cells.enumerated() where column < longest.count { longest[column] = max(longest[column], length) }
        } else {
            for index in 0..<body.count { Self.widen(&longest, to: body.row(index)) }
        }
        let widths = longest.map { min(max(Double($0) * 0.22 + 0.4, 2.5), 12) }
        return Spreadsheet.Sheet(name: name, rows: Spreadsheet.Rows(top + [header.map { .text($0, .header) }], then: body),
                                 headerRow: top.count, tableName: tableName, columnWidths: widths)
    }

    // MARK: - Helpers

    /// Whether a table's header row has a Notes column.
    static func hasNotesColumn(_ sheet: Spreadsheet.Sheet) -> Bool {
        sheet.headerRow.map { sheet.rows[$0].contains { text($0) == "Notes" } } ?? false
    }

    /// A platform of figures.csv as the release words it: an owner's group (`Meta-owned apps` in the
    /// data) in `release.subject.owner_group`'s words ("Meta-owned products"), as the pages name it.
    static func platformName(_ platform: String, in dataset: Dataset) -> String {
        let suffix = "-owned apps"
        guard platform.hasSuffix(suffix), !dataset.platforms.contains(where: { $0.name == platform }) else { return platform }
        return dataset.release.subject.ownerGroupName(String(platform.dropLast(suffix.count)))
    }

    /// The index in `dataset.observations` of each row of figures.csv, by the id of the figure it gives.
    var observationsByID: RowIndex { RowIndex(dataset.observations) }

    /// Some of the figures, picked by index, in the order given: a table's rows, without copying a figure.
    struct Picked<Figures: RandomAccessCollection<Figure> & Sendable>: RandomAccessCollection, Sendable where Figures.Index == Int {
        let figures: Figures
        let picks: [Int]

        init(_ figures: Figures, _ picks: [Int]) {
            self.figures = figures
            self.picks = picks
        }

        var startIndex: Int { 0 }
        var endIndex: Int { picks.count }
        subscript(position: Int) -> Figure { figures[picks[position]] }
    }

    /// The rows of the published table (indices in `dataset.observations`) in its order: by period,
    /// the series first and totals across periods after it, then the whole release before nations,
    /// regions and forces (each by name), then the headline totals before groups and platforms, then
    /// count, share, change, then by the period a change is measured from.
    ///
    /// Each row is sorted by the ranks of its period, area, platform and base period among the few
    /// distinct ones: a large release's rows were sorted as copies of their names, 30 MB at 100,000 rows.
    func publishedOrder(_ rows: [Int]) -> [Int] {
        let observations = dataset.observations
        var periods = Set<Period>(), areas = Set<String>(), platforms = Set<String>(), bases = Set<String>()
        for index in rows {
            let row = observations[index]
            periods.insert(row.period); areas.insert(row.area); platforms.insert(row.platform); bases.insert(row.basePeriod?.code ?? "")
        }
        let kinds = Area.Kind.allCases
        let kind = { (area: String) in self.dataset.area(named: area).map { kinds.firstIndex(of: $0.kind) ?? kinds.count } ?? kinds.count }
        let platformRank = { (platform: String) in
            platform == Platform.recorded ? 0 : platform == Platform.all ? 1 : platform.hasSuffix("-owned apps") ? 2 : 3
        }
        let periodRank = Self.ranks(periods) { (dataset.cumulativePeriods.contains($0) ? 1 : 0, $0) < (dataset.cumulativePeriods.contains($1) ? 1 : 0, $1) }
        let areaRank = Self.ranks(areas) { (kind($0), $0) < (kind($1), $1) }
        let platformRanks = Self.ranks(platforms) { (platformRank($0), $0) < (platformRank($1), $1) }
        let baseRank = Self.ranks(bases, by: <)
        let measureRank = Dictionary(uniqueKeysWithValues: Measure.allCases.enumerated().map { ($1, Int32($0)) })
        // The row's own index last: no two rows of a release have one place, but the order never depends on it.
        let places = rows.map { index in
            let row = observations[index]
            return (periodRank[row.period]!, areaRank[row.area]!, platformRanks[row.platform]!, measureRank[row.measure]!,
                    baseRank[row.basePeriod?.code ?? ""]!, index)
        }
        return rows.indices.sorted { places[$0] < places[$1] }.map { rows[$0] }
    }

    /// Each value's place among `values` in the order `less` gives.
    static func ranks<Value: Hashable>(_ values: Set<Value>, by less: (Value, Value) -> Bool) -> [Value: Int32] {
        Dictionary(uniqueKeysWithValues: values.sorted(by: less).enumerated().map { ($1, Int32($0)) })
    }

    static func unit(_ value: FigureValue) -> String {
        switch value {
        case .count: "count"
        case .percent: "percentage"
        case .points: "percentage points"
        case .change: "percentage change"
        case .marker: "[z]"
        }
    }

    /// Makes each column's longest length (as many columns as `longest` has) at least its cell's in `cells`.
    static func widen(_ longest: inout [Int], to cells: [SpreadsheetCell]) {
        for (column, cell) in cells.enumerated() where column < longest.count {
            longest[column] = max(longest[column], length(text(cell)))
        }
    }

    /// How many characters a text has: for printable ASCII, its bytes (counting characters one by one
    /// was a tenth of the spreadsheet's time on a large release).
    static func length(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? text.utf8.count : text.count
    }

    /// A cell's text as a reader sees it.
    static func text(_ cell: SpreadsheetCell) -> String {
        switch cell {
        case .text(let text, _), .link(let text, _): text
        case .number(_, let shown, _): shown
        case .empty: ""
        }
    }

    /// The notes sheet's notes, numbered in the order they are added; a text added twice is one note.
    struct NoteList {
        private(set) var texts: [String] = []
        private var numbers: [String: Int] = [:]

        @discardableResult
        mutating func add(_ text: String) -> Int {
            if let number = numbers[text] { return number }
            texts.append(text)
            numbers[text] = texts.count
            return texts.count
        }

        /// What a figure's Notes cell says: `[r]` when it is revised, and its own note's number.
        mutating func references(for figure: Figure) -> String {
            references(revised: figure.revised, note: figure.note)
        }

        mutating func references(revised: Bool, note: String?) -> String {
            var parts: [String] = []
            if revised { parts.append("[r]") }
            if let note, !note.isEmpty { parts.append(Self.reference(add(note) - 1)) }
            return parts.joined(separator: " ")
        }

        /// "[note 3]" for the note at index 2.
        static func reference(_ index: Int) -> String { "[note \(index + 1)]" }
    }
}

extension WorkbookBuilder {
    /// Where the site carries the spreadsheet.
    public static let path = "data/figures.ods"

    /// The spreadsheet handed to `sink` as it is written, never held whole, from what a pass over
    /// the figures learnt (`tally()`; nil: the spreadsheet measures its tables itself).
    func add<Figures: RandomAccessCollection<Figure> & Sendable>(_ figures: Figures, tally: WorkbookTally?, to sink: any SiteSink) throws where Figures.Index == Int {
        let spreadsheet = workbook(figures, tally: tally)
        try sink.add(Self.path) { emit in try ODSWriter().write(spreadsheet, to: emit) }
    }
}
