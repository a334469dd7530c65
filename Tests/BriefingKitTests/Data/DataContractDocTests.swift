import Foundation
import Testing
@testable import BriefingKit

/// `docs/data-contract.md` describes everything the loader accepts: every column of every CSV
/// file, every field of every YAML file, every measure, marker, area type and reserved platform
/// name. The lists come from the code (`DataLoader.Columns`, `YAMLLoader.Fields`,
/// `Measure.allCases` …), so a field added to the loader without a word in the contract fails here.
@Suite struct DataContractDocTests {
    static let docPath = Repository.root + "/docs/data-contract.md"

    static func doc() throws -> String {
        try String(contentsOfFile: docPath, encoding: .utf8)
    }

    /// The text under a heading (`## figures.csv`, ``### `coverage` ``), up to the next heading of
    /// the same or a higher level; nil when there is no such heading.
    static func section(_ heading: String, in doc: String) -> String? {
        let level = heading.prefix { $0 == "#" }.count
        var lines: [Substring]? = nil
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            let hashes = line.prefix { $0 == "#" }.count
            if lines != nil, hashes > 0, hashes <= level, line.dropFirst(hashes).hasPrefix(" ") { break }
            if line == heading { lines = []; continue }
            lines?.append(line)
        }
        return lines?.joined(separator: "\n")
    }

    /// The first cell of each body row of the first table in `text`, with its backticks removed:
    /// the names a column or field table describes.
    static func firstTableNames(in text: String) -> [String] {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).compactMap { row in
            let cell = row.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            guard cell.hasPrefix("`"), cell.hasSuffix("`"), cell.count > 2 else { return nil }
            return String(cell.dropFirst().dropLast())
        }
    }

    /// What the contract must describe: for each place in the document (a heading), the names that
    /// must appear in it in backticks, and whether its first table must list exactly those names.
    struct Expectation {
        let heading: String
        let names: [String]
        /// The first table of the section lists exactly `names` (no more, no fewer).
        let exactTable: Bool
    }

    static var expectations: [Expectation] {
        var all = DataLoader.Columns.byFile.map { Expectation(heading: "## " + $0.file, names: $0.columns.all, exactTable: true) }
        all += [
            Expectation(heading: "## release.yaml", names: YAMLLoader.Fields.release, exactTable: true),
            Expectation(heading: "### `coverage`", names: YAMLLoader.Fields.coverage, exactTable: true),
            Expectation(heading: "### `contacts`", names: YAMLLoader.Fields.contact, exactTable: true),
            Expectation(heading: "### `notes_to_editors`", names: YAMLLoader.Fields.note, exactTable: true),
            Expectation(heading: "### `subject` and `breakdown`",
                        names: YAMLLoader.Fields.subject.map { "subject: " + $0 } + YAMLLoader.Fields.breakdown.map { "breakdown: " + $0 },
                        exactTable: true),
            Expectation(heading: "## quotes.yaml", names: YAMLLoader.Fields.quote, exactTable: true),
            Expectation(heading: "## context.yaml", names: YAMLLoader.Fields.context, exactTable: true),
            Expectation(heading: "## findings.yaml", names: YAMLLoader.Fields.finding, exactTable: true),
            // Values the loader gives a meaning to.
            Expectation(heading: "## figures.csv", names: Measure.allCases.map(\.rawValue), exactTable: false),
            Expectation(heading: "## figures.csv", names: Marker.allCases.map(\.rawValue), exactTable: false),
            Expectation(heading: "## figures.csv", names: [Platform.all, Platform.recorded, Platform.ownedGroup("<Owner>")], exactTable: false),
            Expectation(heading: "## areas.csv", names: Area.Kind.allCases.map(\.rawValue), exactTable: false),
            Expectation(heading: "### `coverage`", names: ["every", "unknown"], exactTable: false),
            Expectation(heading: "## platforms.csv", names: ["yes", "no"], exactTable: false),
        ]
        return all
    }

    /// Every problem with `doc`, as a sentence; empty when the contract describes everything.
    static func problems(in doc: String) -> [String] {
        var problems: [String] = []
        for expectation in expectations {
            guard let text = section(expectation.heading, in: doc) else {
                problems.append("docs/data-contract.md has no section '\(expectation.heading)'")
                continue
            }
            for name in expectation.names where !text.contains("`\(name)`") {
                problems.append("'\(expectation.heading)' does not describe `\(name)`, which the loader accepts")
            }
            guard expectation.exactTable else { continue }
            let listed = firstTableNames(in: text)
            for name in listed where !expectation.names.contains(name) {
                problems.append("'\(expectation.heading)' lists `\(name)` in its table, which the loader does not accept")
            }
            for name in expectation.names where !listed.contains(name) {
                problems.append("'\(expectation.heading)' has no row for `\(name)` in its table")
            }
        }
        return problems
    }

    @Test func theContractDescribesEverythingTheLoaderAccepts() throws {
        let problems = Self.problems(in: try Self.doc())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Every file the loader reads has a section, and the file table at the top lists it.
    @Test func everyFileHasASection() throws {
        let doc = try Self.doc()
        let files = DataLoader.Columns.byFile.map(\.file) + ["release.yaml", "quotes.yaml", "context.yaml", "findings.yaml"]
        for file in files {
            #expect(Self.section("## " + file, in: doc) != nil, "no section for \(file)")
            #expect(doc.contains("| [`\(file)`]"), "the table of files does not list \(file)")
        }
        // The required files are those the loader's message names.
        for file in ["areas.csv", "platforms.csv", "sources.csv", "figures.csv", "release.yaml"] {
            #expect(DataLoader.requiredFiles.contains(file))
            #expect(doc.contains("| [`\(file)`](#\(file.replacingOccurrences(of: ".", with: ""))) | yes |"), "\(file) is not marked required")
        }
    }

    @Test func theReadmeLinksTheContractInTheRepository() throws {
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("(docs/data-contract.md)"))
        #expect(!readme.contains("shared/design/data-contract.md"), "the README still points outside the repository")
    }

    /// The check itself: a field left out of the contract, or one it describes that the loader
    /// does not accept, is found.
    @Test func theCheckFindsAMissingAndAnUnknownField() throws {
        let doc = try Self.doc()
        let withoutBase = doc.replacingOccurrences(of: "`base_period`", with: "base period")
        #expect(Self.problems(in: withoutBase).contains("'## figures.csv' does not describe `base_period`, which the loader accepts"))
        let withExtra = doc.replacingOccurrences(of: "| `boilerplate` | yes |", with: "| `boilerplate` | yes | x |\n| `footer` | no |")
        #expect(Self.problems(in: withExtra).contains("'## release.yaml' lists `footer` in its table, which the loader does not accept"))
        #expect(Self.problems(in: "# Data contract\n").count == Self.expectations.count)
        #expect(Self.firstTableNames(in: "text\n| a | b |\n|---|---|\n| `x` | 1 |\n| y | 2 |\n\n| `z` | 3 |") == ["x"])
    }
}
