import Foundation
import Testing
@testable import BriefingKit

/// The bad-input corpus in `Fixtures/bad/`: one folder a case, each a small `Data/` folder (and a
/// `Templates/` folder for template faults) with exactly one fault, and `expected.txt` holding every
/// diagnostic the check must report, one a line, with paths relative to the case folder — or just
/// `OK` for input that must be accepted. A case with `known-issue.txt` is one the tool gets wrong today.
///
/// Errors and warnings are both compared: a warning a case does not expect is as wrong as a missing
/// error. A case without `Templates/` is checked with the templates of `00-valid`, the baseline every
/// case was copied from; data faults stop the check before templates are read.
struct BadInputCorpusTests {
    /// `Tests/BriefingKitTests/Fixtures/bad`, found from this file so that no bundle lookup is needed.
    static let corpus: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad").path

    /// Case folders are named `NN-short-name`; anything else in the folder (README, .gitattributes) is not a case.
    static let caseNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { $0.first?.isNumber == true }
        .sorted()

    static let baseline = "00-valid"

    @Test(arguments: caseNames)
    func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let folder = Self.corpus + "/" + name
        let expected = try Self.expectedLines(of: folder)
        let actual = try Self.check(folder)
        if let reason = try? String(contentsOfFile: folder + "/known-issue.txt", encoding: .utf8) {
            // expected.txt says what the check should report; this fails once it does, so the file gets removed.
            withKnownIssue(Comment(rawValue: reason)) { #expect(actual == expected) }
        } else {
            #expect(actual == expected)
        }
    }

    /// A parameterized test over an empty list passes without running: guard against the corpus going missing.
    @Test func corpusHasEveryCase() {
        #expect(Self.caseNames.count >= 76)
        #expect(Self.caseNames.first == Self.baseline)
        let numbers = Self.caseNames.map { $0.prefix(2) }
        #expect(Set(numbers).count == numbers.count, "two cases share a number")
    }

    /// Every expected diagnostic names its file, line and column, as the data contract requires.
    @Test(arguments: caseNames)
    func expectedDiagnosticsAreLocated(_ name: String) throws {
        let lines = try Self.expectedLines(of: Self.corpus + "/" + name)
        #expect(!lines.isEmpty)
        if lines == ["OK"] { return }
        let form = #/(Data|Templates)/[^:/]+:[0-9]+:[0-9]+: (error|warning): \S.*/#
        for line in lines {
            #expect(line.wholeMatch(of: form) != nil, "not in path:line:col: severity: message form: \(line)")
        }
    }

    /// The accepted cases still hold the bytes they are named for: an editor or checkout that
    /// normalised them would otherwise leave three tests that pass without testing anything.
    @Test func acceptedCasesHoldTheirBytes() throws {
        func bytes(_ path: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/" + path)))
        }
        for file in ["areas.csv", "figures.csv", "release.yaml"] {
            #expect(try bytes("01-byte-order-mark/Data/\(file)").starts(with: [0xEF, 0xBB, 0xBF]), "\(file) has no BOM")
            let crlf = Self.lineEndings(try bytes("02-crlf-line-endings/Data/\(file)"))
            #expect(crlf.crlf > 0 && crlf.lf == 0 && crlf.cr == 0, "\(file) is not CRLF throughout")
        }
        let mixed = Self.lineEndings(try bytes("03-mixed-line-endings/Data/figures.csv"))
        #expect(mixed.crlf > 0 && mixed.lf > 0 && mixed.cr > 0, "figures.csv does not mix CRLF, LF and CR")
    }

    /// A figures.csv of 30,000 rows with one bad row near the end: the check finishes and names
    /// that row exactly. Not timed (benchmarks measure speed); it only has to complete.
    @Test func largeFileReportsTheOneBadRow() throws {
        let folder = try Repository.temporaryFolder("large")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.corpus + "/" + Self.baseline + "/Data", toPath: folder + "/Data")

        let areas = ["United Kingdom", "East of England", "Essex", "Suffolk"]
        let platforms = ["All platforms", "Instagram", "Facebook and Messenger", "WhatsApp", "Other platforms", "Facebook-owned apps"]
        var rows = ["period,area,platform,measure,value,source"]
        var year = 1000
        while rows.count <= 30_000 {
            for area in areas {
                for platform in platforms {
                    // Quoted thousands, as a spreadsheet writes them, so the quoted path is exercised too.
                    let value = 1_000 + rows.count % 9_000
                    rows.append("\(year)-01/\(year)-12,\(area),\(platform),count,\"\(value / 1_000),\(String(format: "%03d", value % 1_000))\",hits-east-2021-03-26")
                }
            }
            year += 1
        }
        // The last Essex Instagram row, a few rows from the end, gets a misspelt platform.
        let badIndex = try #require(rows.lastIndex { $0.contains(",Essex,Instagram,") })
        #expect(badIndex > 29_900)
        rows[badIndex] = rows[badIndex].replacingOccurrences(of: ",Instagram,", with: ",Instagarm,")
        let badLine = badIndex + 1
        let column = try #require(rows[badIndex].range(of: "Instagarm")).lowerBound.utf16Offset(in: rows[badIndex]) + 1
        try (rows.joined(separator: "\n") + "\n").write(toFile: folder + "/Data/figures.csv", atomically: true, encoding: .utf8)

        #expect(rows.count - 1 >= 30_000)
        #expect(try Self.check(folder, templates: Self.corpus + "/" + Self.baseline + "/Templates") == [
            "Data/figures.csv:\(badLine):\(column): error: 'Instagarm' is not a platform in platforms.csv (did you mean 'Instagram'?)",
        ])
    }

    // MARK: - Helpers

    /// The lines of a case's `expected.txt`, without the final newline.
    static func expectedLines(of folder: String) throws -> [String] {
        let text = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
            .reversed().drop(while: \.isEmpty).reversed()
    }

    /// Runs the check on a case folder: `["OK"]` when it passes with no warning, else every diagnostic
    /// in the order reported, with the case folder taken out of its paths.
    static func check(_ folder: String, templates: String? = nil) throws -> [String] {
        let ownTemplates = folder + "/Templates"
        let options = BuildOptions(
            data: folder + "/Data",
            templates: templates ?? (FileManager.default.fileExists(atPath: ownTemplates) ? ownTemplates : corpus + "/" + baseline + "/Templates"))
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try BuildPipeline(fileSystem: LocalFileSystem(manager: .default)).check(options).warnings
        } catch let error as BriefingError {
            diagnostics = error.diagnostics
        }
        if diagnostics.isEmpty { return ["OK"] }
        // Messages may name a path too ("create Templates/x.md"), so every occurrence is made relative.
        return diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    /// Counts of CRLF, lone LF and lone CR line endings.
    static func lineEndings(_ bytes: [UInt8]) -> (crlf: Int, lf: Int, cr: Int) {
        var counts = (crlf: 0, lf: 0, cr: 0)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { counts.crlf += 1 } else { counts.cr += 1 }
            } else if byte == 0x0A, index == 0 || bytes[index - 1] != 0x0D {
                counts.lf += 1
            }
        }
        return counts
    }
}
