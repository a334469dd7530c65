import Foundation
import Testing
@testable import BriefingKit

/// `data/figures.ods`: a real OpenDocument reader (odfpy, from PyPI; `make test-deps` installs it)
/// opens it and finds the sheets the Analysis Function's guidance asks for and every figure of
/// `data/figures.csv`; its bytes are the same from build to build; its zip is laid out as ODF requires.
@Suite struct SpreadsheetTests {
    /// Reads every sheet with odfpy and prints it as JSON: each sheet's name, the index of the row
    /// inside `table:table-header-rows`, and its rows of cells (value type, value, text, any span).
    static let reader = """
    import json, sys
    from odf.opendocument import load
    from odf.table import Table, TableRow, TableCell, TableHeaderRows
    from odf.text import P
    from odf import teletype, dc
    doc = load(sys.argv[1])
    sheets = []
    for table in doc.spreadsheet.getElementsByType(Table):
        headers = table.getElementsByType(TableHeaderRows)
        header, rows = None, []
        for index, row in enumerate(table.getElementsByType(TableRow)):
            if headers and row.parentNode is headers[0]:
                header = index
            rows.append([{"type": cell.getAttribute("valuetype"), "value": cell.getAttribute("value"),
                          "span": cell.getAttribute("numbercolumnsspanned"),
                          "text": "\\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))}
                         for cell in row.getElementsByType(TableCell)])
        sheets.append({"name": table.getAttribute("name"), "header": header, "rows": rows})
    titles = [teletype.extractText(t) for t in doc.meta.getElementsByType(dc.Title)]
    print(json.dumps({"mimetype": doc.mimetype, "title": titles[0] if titles else None, "sheets": sheets}))
    """

    struct Workbook: Decodable {
        struct Cell: Decodable {
            let type: String?
            let value: String?
            let span: String?
            let text: String
        }
        struct Sheet: Decodable {
            let name: String
            let header: Int?
            let rows: [[Cell]]
        }
        let mimetype: String
        let title: String?
        let sheets: [Sheet]

        func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }, "no sheet \(name)") }
    }

    static func python() throws -> String {
        try #require(BuiltSite.python, "the tests' Python (.venv-test) is needed to read the spreadsheet back; run `make test-deps`")
    }

    /// The spreadsheet as odfpy reads it, from a file written to a scratch folder.
    static func read(_ bytes: Data) throws -> Workbook {
        let folder = try Repository.temporaryFolder("ods")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/figures.ods"
        try bytes.write(to: URL(fileURLWithPath: path))
        let run = try ProcessRunner.run(try python(), ["-c", reader, path])
        #expect(!run.stderr.contains("No module named 'odf'"), "odfpy is not installed: run `make test-deps`")
        try #require(run.status == 0, "odfpy could not read the spreadsheet: \(run.stderr)")
        return try JSONDecoder().decode(Workbook.self, from: Data(run.stdout.utf8))
    }

    static func site(_ release: String) throws -> Site {
        try PageDownloadTests.site(release)
    }

    static func ods(_ site: Site) throws -> Data {
        try #require(site.file("data/figures.ods"), "the site has no data/figures.ods").contents
    }

    // MARK: - A real reader

    @Test(arguments: ["2021", "2023"])
    func aRealReaderFindsTheGuidancesSheetsAndEveryFigure(_ release: String) throws {
        let site = try Self.site(release)
        let workbook = try Self.read(try Self.ods(site))
        #expect(workbook.mimetype == "application/vnd.oasis.opendocument.spreadsheet")
        var log = DiagnosticLog()
        let dataset = try DataLoader(fileSystem: Repository.fileSystem).load(from: try #require(PageDownloadTests.sites[release]), log: &log)
        #expect(workbook.title == dataset.release.title)
        #expect(workbook.sheets.map(\.name) == ["Cover", "Contents", "Notes", "Table_1", "Table_2", "Table_3", "Table_4"])

        for sheet in workbook.sheets {
            #expect(!sheet.name.contains(" "), "a sheet name has a space: \(sheet.name)")
            // A title alone in A1.
            #expect(sheet.rows.first?.count == 1 && sheet.rows.first?.first?.text.isEmpty == false, "\(sheet.name) has no title in A1")
            #expect(sheet.rows.allSatisfy { row in row.allSatisfy { $0.span == nil } }, "\(sheet.name) has a merged cell")
            guard sheet.name != "Cover" else {
                #expect(sheet.header == nil)
                #expect(sheet.rows.allSatisfy { $0.count == 1 && !$0[0].text.isEmpty }, "the cover sheet has a blank row or a second column")
                continue
            }
            // One header row, marked, right after the lines above the table (each alone in column A).
            let header = try #require(sheet.header, "\(sheet.name) marks no header row")
            #expect(sheet.rows[..<header].allSatisfy { $0.count == 1 }, "\(sheet.name): a row above the header has more than one cell")
            let names = sheet.rows[header].map(\.text)
            #expect(names.allSatisfy { !$0.isEmpty } && Set(names).count == names.count, "\(sheet.name): header \(names)")
            #expect(sheet.rows[header].allSatisfy { $0.type == "string" })
            #expect(sheet.rows.count > header + 1, "\(sheet.name) has a header and no rows")
            for row in sheet.rows[(header + 1)...] {
                #expect(row.count <= names.count, "\(sheet.name): a row wider than its header")
                #expect(row.contains { !$0.text.isEmpty }, "\(sheet.name): a blank row inside the table")
                #expect(!row.isEmpty && !row[0].text.isEmpty, "\(sheet.name): a row with nothing in column A")
            }
        }

        // Contents lists the notes and every table sheet; the notes explain the shorthand.
        let contents = try workbook.sheet("Contents")
        #expect(contents.rows[(contents.header! + 1)...].map { $0[0].text } == ["Notes", "Table_1", "Table_2", "Table_3", "Table_4"])
        let notes = try workbook.sheet("Notes")
        let noteTexts = notes.rows[(notes.header! + 1)...].map { $0[1].text }
        for marker in ["[x]", "[c]", "[z]", "[r]"] {
            #expect(noteTexts.contains { $0.hasPrefix(marker + " means") }, "no note explains \(marker)")
        }
        #expect(noteTexts.contains { $0.contains("†") })

        // Every figure of data/figures.csv, once, with its value: published rows in Table_1, calculated ones in Table_2.
        let csv = try PageDownloadTests.rows(ofCSV: PageDownloadTests.text(site, "data/figures.csv"))
        #expect(csv.count == site.figures.count)
        var cells: [String: (sheet: String, cell: Workbook.Cell)] = [:]
        for name in ["Table_1", "Table_2", "Table_3"] {
            let sheet = try workbook.sheet(name)
            let header = sheet.rows[sheet.header!].map(\.text)
            let idColumn = try #require(header.firstIndex(of: "Figure ID"))
            let valueColumn = try #require(header.firstIndex(of: "Value"))
            for row in sheet.rows[(sheet.header! + 1)...] {
                let id = row[idColumn].text
                #expect(cells[id] == nil, "\(id) is in the spreadsheet twice")
                cells[id] = (name, row[valueColumn])
            }
        }
        #expect(cells.count == csv.count, "the spreadsheet has \(cells.count) figures; figures.csv has \(csv.count)")
        for row in csv {
            let id = row["id"] ?? "", value = row["value"] ?? ""
            guard let (sheet, cell) = cells[id] else { Issue.record("\(id) is not in the spreadsheet"); continue }
            if row["how_obtained"] == "calculated" { #expect(sheet == "Table_2", "\(id), calculated, is in \(sheet)") }
            else { #expect(sheet != "Table_2", "\(id), published, is in \(sheet)") }
            if value.hasPrefix("[") {
                // A marker is text, never a number and never zero.
                #expect(cell.type == "string" && cell.text == value && cell.value == nil, "\(id): \(value) is \(cell)")
            } else if row["shown_as"]?.hasSuffix("%") == true {
                #expect(cell.type == "percentage", "\(id): \(value)% is a \(cell.type ?? "blank") cell")
                #expect(abs((Double(cell.value ?? "") ?? .nan) * 100 - (Double(value) ?? .nan)) < 1e-9, "\(id): \(value)% is \(cell.value ?? "")")
            } else {
                #expect(cell.type == "float" && Double(cell.value ?? "") == Double(value), "\(id): \(value) is \(cell)")
            }
        }
    }

    /// Read by hand from the 2021 figures.csv: the UK's 9,477 of 2019/20, the East's published 48%,
    /// Essex's [x] for 2018/19, and Hertfordshire's WhatsApp count of 2018/19 hidden as [c].
    @Test func table1HoldsTheFiguresAsPublished() throws {
        let workbook = try Self.read(try Self.ods(Self.site("2021")))
        let table = try workbook.sheet("Table_1")
        let header = table.rows[table.header!].map(\.text)
        #expect(header == ["Period", "Period code", "Area", "Area type", "Platform", "Measure", "Value", "Source", "Figure ID"])
        let rows = Dictionary(uniqueKeysWithValues: table.rows[(table.header! + 1)...].map { ($0[8].text, $0) })
        let uk = try #require(rows["united-kingdom--2019-10-2020-09--all-platforms--count"])
        #expect(uk.map(\.text) == ["October 2019 to September 2020", "2019-10/2020-09", "United Kingdom", "country", "All platforms",
                                   "count", "9,477", "telegraph-2021-03-26", "united-kingdom--2019-10-2020-09--all-platforms--count"])
        #expect(uk[6].type == "float" && uk[6].value == "9477")
        let east = try #require(rows["east-of-england--2019-10-2020-09--facebook-owned-apps--share"])
        #expect(east[6].type == "percentage" && east[6].value == "0.48" && east[6].text == "48%")
        let essex = try #require(rows["essex--2018-04-2019-03--all-platforms--count"])
        #expect(essex[6].type == "string" && essex[6].text == "[x]" && essex[6].value == nil)
        let hidden = try #require(rows["hertfordshire--2018-04-2019-03--whatsapp--count"])
        #expect(hidden[6].text == "[c]" && hidden[6].value == nil, "figures.csv gives 4, which disclosure control hides")
        // The 2021 release has 41 rows in figures.csv: all of them, oldest period first.
        #expect(rows.count == 41)
        #expect(table.rows[table.header! + 1][1].text == "2018-04/2019-03")
    }

    /// 2023's six-year series comes first, oldest year first, and its totals across the six years after it.
    @Test func table1PutsTotalsAcrossPeriodsAfterTheSeries() throws {
        let workbook = try Self.read(try Self.ods(Self.site("2023")))
        let table = try workbook.sheet("Table_1")
        let codes = table.rows[(table.header! + 1)...].map { $0[1].text }
        var unique: [String] = []
        for code in codes where unique.last != code { unique.append(code) }
        #expect(unique == ["2017-04/2018-03", "2018-04/2019-03", "2019-04/2020-03", "2020-04/2021-03", "2021-04/2022-03",
                           "2022-04/2023-03", "2017-04/2023-03"])
        // Northern Ireland's revised 195 of 2020/21 is marked [r] and points to the note saying what was printed first.
        let header = table.rows[table.header!].map(\.text)
        let notesColumn = try #require(header.firstIndex(of: "Notes"))
        let revised = try #require(table.rows.first { $0.last?.text == "northern-ireland--2020-04-2021-03--all-recorded--count" })
        let reference = revised[notesColumn].text
        #expect(reference.hasPrefix("[r] [note "))
        let notes = try workbook.sheet("Notes")
        let note = notes.rows.first { $0.first?.text == String(reference.dropFirst(4)) }
        #expect(note?.last?.text == "the Irish News printed 196 in September 2021: the figure was revised between releases")
    }

    /// The notes name only columns the tables have, and the owner groups in the release's words.
    /// 2021's Table_1 has no Notes or Change since column (no row has a note or a base period);
    /// 2023's has both, and calls Meta's group "Meta-owned products" (`owner_group` in its release.yaml).
    @Test(arguments: ["2021", "2023"])
    func theNotesNameOnlyColumnsTheTablesHave(_ release: String) throws {
        let workbook = try Self.read(try Self.ods(Self.site(release)))
        let headers = Set(try ["Table_1", "Table_2", "Table_3", "Table_4"].flatMap { name in
            let sheet = try workbook.sheet(name)
            return sheet.rows[sheet.header!].map(\.text)
        })
        let notes = try workbook.sheet("Notes")
        let lead = notes.rows[1][0].text
        let texts = notes.rows[(notes.header! + 1)...].map { $0[1].text }
        #expect(lead.contains("Notes columns") == headers.contains("Notes"), "\(lead)")
        #expect(texts.contains { $0.contains("'Change since' column") } == headers.contains("Change since"))
        #expect(headers.contains("Notes") == (release == "2023") && headers.contains("Change since") == (release == "2023"))
        #expect(!texts.contains { $0.contains("-owned apps") } || release == "2021")

        let table = try workbook.sheet("Table_1")
        let platform = try #require(table.rows[table.header!].map(\.text).firstIndex(of: "Platform"))
        let platforms = Set(table.rows[(table.header! + 1)...].map { $0[platform].text })
        if release == "2023" {
            #expect(platforms.contains("Meta-owned products") && !platforms.contains("Meta-owned apps"))
            #expect(texts.contains { $0.contains("'<owner>-owned products' is every platform of that owner together") })
        } else {
            #expect(platforms.contains("Facebook-owned apps"))
        }
    }

    /// A release under embargo says so on the cover sheet, right after the title and what the file is.
    @Test func theCoverSheetSaysEmbargoed() throws {
        let statistics = try Repository.statistics()
        let line = "Embargoed until 00:01 on 26 March 2021"
        let sheet = WorkbookBuilder(dataset: statistics.dataset, embargo: line).workbook([]).sheets[0]
        #expect(sheet.name == "Cover")
        #expect(sheet.rows[2] == [.text("Embargo", .heading)] && sheet.rows[3] == [.text(line)])
        let open = WorkbookBuilder(dataset: statistics.dataset).workbook([]).sheets[0]
        #expect(!open.rows.contains([.text("Embargo", .heading)]))
    }

    // MARK: - Bytes

    @Test func twoBuildsGiveTheSameBytes() throws {
        let first = try Self.ods(Self.site("2023"))
        let second = try Self.ods(Self.site("2023"))
        #expect(first == second)
        #expect(first.count > 1000)
    }

    /// The tables of figures are measured in the pass that writes the CSV and JSON downloads
    /// (`WorkbookTally`), so the writer makes their rows once; what it writes is what it writes when
    /// it makes and counts every row itself. 2023 has a Notes column on its table of other figures.
    @Test(arguments: ["2021", "2023"])
    func rowsMeasuredInAnotherPassGiveTheSameBytes(_ release: String) throws {
        let options = BuildOptions(data: try #require(PageDownloadTests.sites[release]), templates: Repository.templates)
        let pipeline = BuildPipeline(fileSystem: Repository.fileSystem)
        let (site, prepared) = (try pipeline.check(options).site, try pipeline.prepare(options))
        let builder = WorkbookBuilder(dataset: prepared.statistics.dataset, embargo: prepared.embargo.notice, builtAt: options.now)
        let measured = builder.workbook(site.figures)
        let tables = measured.sheets.filter { $0.rows.made.measured != nil }.map(\.name)
        #expect(tables == ["Table_2", "Table_3"])
        let unmeasured = Spreadsheet(
            title: measured.title, description: measured.description, creator: measured.creator, language: measured.language,
            date: measured.date, sheets: measured.sheets.map { sheet in
                let made = sheet.rows.made
                return Spreadsheet.Sheet(name: sheet.name, rows: Spreadsheet.Rows(sheet.rows.head, then: .init(count: made.count, columns: made.columns, row: made.row)),
                                         headerRow: sheet.headerRow, tableName: sheet.tableName, columnWidths: sheet.columnWidths)
            })
        #expect(try ODSWriter().write(measured) == ODSWriter().write(unmeasured))
        // The widths the tally found are those of the rows' longest cells, as for a table measured by its own pass.
        for sheet in measured.sheets where sheet.rows.made.measured != nil {
            let rows = sheet.rows[sheet.headerRow!...]
            let longest = (0..<sheet.columnCount).map { column in
                rows.map { column < $0.count ? WorkbookBuilder.length(WorkbookBuilder.text($0[column])) : 0 }.max() ?? 0
            }
            #expect(sheet.columnWidths == longest.map { min(max(Double($0) * 0.22 + 0.4, 2.5), 12) }, "\(sheet.name)")
        }
        #expect(try ODSWriter().write(measured) == Self.ods(site))
    }

    /// ODF's rule for the package: `mimetype` is the first entry, stored (not compressed), with no
    /// extra field, so that its media type can be read at byte 38.
    @Test func theMimetypeEntryComesFirstAndIsStored() throws {
        let bytes = [UInt8](try Self.ods(Self.site("2021")))
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04], "not a zip's local file header")
        #expect(uint16(8) == 0, "mimetype is compressed (method \(uint16(8)))")
        let nameLength = uint16(26), extraLength = uint16(28)
        #expect(String(decoding: bytes[30..<30 + nameLength], as: UTF8.self) == "mimetype")
        #expect(extraLength == 0)
        let media = "application/vnd.oasis.opendocument.spreadsheet"
        #expect(String(decoding: bytes[(30 + nameLength)..<(30 + nameLength + media.utf8.count)], as: UTF8.self) == media)
        #expect(30 + nameLength == 38)
    }

    /// The reader fails on what is not a spreadsheet, so a passing read means something.
    @Test func theReaderRefusesANonSpreadsheet() throws {
        let folder = try Repository.temporaryFolder("ods-canary")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: folder + "/bad.ods"))
        let run = try ProcessRunner.run(try Self.python(), ["-c", Self.reader, folder + "/bad.ods"])
        #expect(run.status != 0)
    }

    // MARK: - Cells and text

    @Test func percentagesAreWrittenAsExactFractions() {
        #expect(SpreadsheetCell.fraction(ofPercent: "11.4") == "0.114")
        #expect(SpreadsheetCell.fraction(ofPercent: "48") == "0.48")
        #expect(SpreadsheetCell.fraction(ofPercent: "-27") == "-0.27")
        #expect(SpreadsheetCell.fraction(ofPercent: "100") == "1")
        #expect(SpreadsheetCell.fraction(ofPercent: "0.5") == "0.005")
        #expect(SpreadsheetCell.fraction(ofPercent: "396") == "3.96")
        #expect(SpreadsheetCell.fraction(ofPercent: "0") == "0")
        #expect(SpreadsheetCell.fraction(ofPercent: "-0.04") == "-0.0004")
        #expect(SpreadsheetCell.figure(.percent(12.5, decimals: 1)) == .number(value: "0.125", shown: "12.5%", format: .percent(1)))
        #expect(SpreadsheetCell.figure(.count(9477)) == .number(value: "9477", shown: "9,477", format: .whole))
        #expect(SpreadsheetCell.figure(.marker(.notProvided)) == .text("[x]"))
        #expect(SpreadsheetCell.grouped(1_000_000) == "1,000,000" && SpreadsheetCell.grouped(999) == "999" && SpreadsheetCell.grouped(0) == "0")
    }

    @Test func textIsEscapedAndKeepsItsSpaces() {
        #expect(ODSWriter.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(ODSWriter.escape("a\u{0}b\u{1B}c\u{FFFF}é") == "abcé", "characters XML cannot hold are dropped")
        #expect(ODSWriter.inline("a  b") == "a <text:s text:c=\"1\"/>b")
        #expect(ODSWriter.inline(" a\tb ") == "<text:s text:c=\"1\"/>a<text:tab/>b<text:s text:c=\"1\"/>")
        #expect(ODSWriter.paragraphs("one\ntwo") == "<text:p>one</text:p><text:p>two</text:p>")
        #expect(ODSWriter.column(0) == "A" && ODSWriter.column(25) == "Z" && ODSWriter.column(26) == "AA" && ODSWriter.column(27) == "AB")
    }

    /// Text that needs no escaping is passed through on a check of its bytes; every other text goes
    /// through the character loop. The two must agree on any text: here every string of up to three
    /// pieces from an awkward alphabet, and some longer ones.
    @Test func theFastPathsAgreeWithTheCharacterLoops() {
        let pieces = ["", "a", " ", "  ", "\t", "\r", "\n", "\r\n", "&", "<", "\"", "é", "\u{301}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "中", "\u{1}", "x y"]
        var texts: [String] = []
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        texts += ["Instances recorded, East of England, October 2019 to September 2020", " leading", "trailing ", "in  between", "😀 emoji"]
        for text in texts {
            #expect(ODSWriter.inline(text) == ODSWriter.inlineByCharacter(text), "\(text.debugDescription)")
            #expect(ODSWriter.escape(text) == ODSWriter.escapeByScalar(text), "\(text.debugDescription)")
        }
    }

    /// content.xml goes into the zip in whatever chunks the zip writer asks for: every byte once, in order.
    @Test func thePieceReaderHandsOutEveryByteInAnyChunks() {
        let pieces = (0..<3000).map { "<row \($0)>" + String(repeating: "é", count: $0 % 7) + "</row>" }
        let whole = Array(pieces.joined().utf8)
        for chunk in [1, 7, 4096, 65_537, whole.count + 10] {
            var iterator = pieces.makeIterator()
            var reader = ODSWriter.PieceReader { iterator.next() }
            var out: [UInt8] = []
            while out.count < whole.count {
                let data = reader.read(chunk)
                if data.isEmpty { break }
                out.append(contentsOf: data)
            }
            #expect(out == whole, "chunks of \(chunk)")
            #expect(reader.handedOut == whole.count && reader.isFinished(), "chunks of \(chunk)")
        }
    }
}
