import Foundation
import Testing
@testable import BriefingKit

/// figures.csv is read a row at a time; what the check reports must be what reading it whole reported.
struct FiguresStreamTests {
    /// The baseline of the bad-input corpus, with its figures.csv given these lines after the header.
    private func check(figureRows: [String]) throws -> [String] {
        let folder = try Repository.temporaryFolder("stream")
        let valid = BadInputCorpusTests.corpus + "/" + BadInputCorpusTests.baseline
        try FileManager.default.copyItem(atPath: valid + "/Data", toPath: folder + "/Data")
        let header = "period,area,platform,measure,value,source"
        try ([header] + figureRows).joined(separator: "\n").appending("\n")
            .write(toFile: folder + "/Data/figures.csv", atomically: true, encoding: .utf8)
        return try BadInputCorpusTests.check(folder, templates: valid + "/Templates")
    }

    private let good = "2019-10/2020-09,United Kingdom,All platforms,count,9477,telegraph-2021-03-26"

    /// A fault in the file's syntax is its one error: the rows read before it are not reported on,
    /// as when the file was parsed whole before any row was looked at.
    @Test func aSyntaxFaultHidesTheRowsReadBeforeIt() throws {
        let messages = try check(figureRows: [good, "2019-10/2020-09,Atlantis,All platforms,count,1,telegraph-2021-03-26",
                                              "2019-10/2020-09,Wales,All platforms,count,\"12"])
        #expect(messages == ["Data/figures.csv:4:43: error: a quoted field is never closed; add the closing quote mark"])
    }

    /// A row's shape is reported where the reading reaches it, before release.yaml's problems; a
    /// row's content after them, as before the rows were streamed.
    @Test func rowProblemsComeInTheirOrder() throws {
        let messages = try check(figureRows: [good, "2019-10/2020-09,Atlantis,All platforms,count,1,telegraph-2021-03-26",
                                              "2019-10/2020-09,Wales,All platforms,count"])
        #expect(messages == [
            "Data/figures.csv:4:42: error: this row has 4 fields but the header has 6; check for a missing value or comma",
            "Data/figures.csv:3:17: error: 'Atlantis' is not an area in areas.csv",
        ])
    }
}
