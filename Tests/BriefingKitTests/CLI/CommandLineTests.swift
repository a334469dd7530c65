import Foundation
import Testing

/// The `briefing` executable as a press officer runs it: exit codes, diagnostics, nothing written on error.
@Suite struct CommandLineTests {
    typealias Run = ProcessRunner.Output

    /// The built `briefing`, next to the test bundle (`make test` builds it first).
    static let executable: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0])
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("briefing").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("briefing").path
    }()

    func run(_ arguments: [String], in folder: String) throws -> Run {
        // Help text wraps to the terminal; pin the width so the golden files hold anywhere.
        try ProcessRunner.run(Self.executable, arguments, in: folder, environment: ["COLUMNS": "80"])
    }

    /// A copy of the example `Data/` and `Templates/` in a fresh folder.
    func workspace() throws -> String {
        let folder = try Repository.temporaryFolder("cli")
        try FileManager.default.copyItem(atPath: Repository.data, toPath: folder + "/Data")
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder + "/Templates")
        return folder
    }

    @Test func misspeltPlatformStopsTheBuildAtItsLineAndColumn() throws {
        let folder = try workspace()
        let figures = folder + "/Data/figures.csv"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        try text.replacingOccurrences(of: "United Kingdom,Facebook and Messenger,count", with: "United Kingdom,Facebok and Messenger,count")
            .write(toFile: figures, atomically: true, encoding: .utf8)

        let check = try run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("""
            Data/figures.csv:4:32: error: 'Facebok and Messenger' is not a platform in platforms.csv (did you mean 'Facebook and Messenger'?)
                2019-10/2020-09,United Kingdom,Facebok and Messenger,count,1191,telegraph-2021-03-26
                                               ^
            """))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))

        // A build over an existing site leaves it exactly as it was.
        let good = try workspace()
        #expect(try run(["build", "--output", folder + "/Output"], in: good).status == 0)
        let before = FolderTree(folder + "/Output")
        let build = try run(["build"], in: folder)
        #expect(build.status == 1)
        #expect(build.stderr.hasSuffix("\nbriefing: load data failed with 1 error; 'Output' was not changed\n"))
        #expect(FolderTree(folder + "/Output") == before)
    }

    @Test func buildWritesTheSiteContract() throws {
        let folder = try workspace()
        let build = try run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        for page in ["index.html", "regions/east-of-england/index.html", "regions/west-midlands/index.html",
                     "forces/essex/index.html", "methodology/index.html", "data/figures.csv", "data/figures.json", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/Output/" + page), "missing \(page)")
        }
        #expect(build.stderr.contains("warning: United Kingdom, October 2019 to September 2020: the platform counts sum to 9,435, 42 fewer than the published 9,477"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let folder = try workspace()
        let result = try run(["check", "--strict"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Data/figures.csv:2:1: error: United Kingdom, October 2019 to September 2020: the platform counts sum to 9,435"))
    }

    /// swift-mustache's parser recursed once per section and overflowed the stack (exit 139); now it is a located error.
    @Test func sectionsNestedThreeThousandDeepExitWith1() throws {
        let folder = try Repository.temporaryFolder("cli-deep")
        let corpusCase = Repository.fixtures + "/bad/64-sections-nested-3000-deep"
        try FileManager.default.copyItem(atPath: corpusCase + "/Data", toPath: folder + "/Data")
        try FileManager.default.copyItem(atPath: corpusCase + "/Templates", toPath: folder + "/Templates")
        for command in ["check", "build"] {
            let result = try run([command], in: folder)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Templates/national.md:3:1201: error: sections are nested more than 100 deep here; close sections with {{/name}} before opening more (a page needs only a few levels)\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output"))
    }

    @Test func usageErrorsExitWith64() throws {
        let result = try run(["build", "--no-such-option"], in: NSTemporaryDirectory())
        #expect(result.status == 64)
        let phrase = try run(["phrase", "twelve"], in: NSTemporaryDirectory())
        #expect(phrase.status == 64)
    }

    @Test func phraseGivesTheSafestWordingFirst() throws {
        #expect(try run(["phrase", "1075"], in: NSTemporaryDirectory()).stdout.split(separator: "\n").first == "over a thousand")
        #expect(try run(["phrase", "568", "--of", "4971"], in: NSTemporaryDirectory()).stdout.split(separator: "\n").first == "one in ten")
        #expect(try run(["phrase", "52%"], in: NSTemporaryDirectory()).stdout.contains("more than half"))
    }

    @Test func phraseFromWordsTheChangeSafestFirst() throws {
        let change = try run(["phrase", "198", "--from", "82"], in: NSTemporaryDirectory())
        #expect(change.status == 0)
        #expect(change.stdout == "more than double\nmore than twice\nup more than 140%\nup 141%\n")
        let verb = try run(["phrase", "198", "--from", "82", "--form", "verb"], in: NSTemporaryDirectory())
        #expect(verb.stdout == "more than doubled\nrose by more than 140%\nrose by 141%\n")
        #expect(try run(["phrase", "6,350", "--from", "3,489"], in: NSTemporaryDirectory()).stdout == "up more than 80%\nup 82%\n")
        #expect(try run(["phrase", "73", "--from", "100", "--form", "noun"], in: NSTemporaryDirectory()).stdout
            == "a fall of more than 20%\na 27% fall\na fall of 27%\n")
        #expect(try run(["phrase", "5", "--from", "0"], in: NSTemporaryDirectory()).stdout == "up from 0 to five\n")
    }

    @Test func phraseFromRefusesWhatIsNotAChange() throws {
        let cases: [([String], String)] = [
            (["phrase", "198", "--from", "82", "--of", "300"], "--from and --of cannot be used together"),
            (["phrase", "48%", "--from", "82"], "'48%' is not a whole number of 0 or more; with --from, VALUE is the new count"),
            (["phrase", "198", "--from", "eighty"], "--from 'eighty' is not a whole number of 0 or more"),
            (["phrase", "198", "--from", "8.5"], "--from '8.5' is not a whole number of 0 or more"),
            (["phrase", "198", "--form", "verb"], "--form words a change, so it needs --from"),
            (["phrase", "198", "--from", "82", "--form", "adjective"], "'adjective' is not a form; use one of complement, verb, noun, comparative"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments, in: NSTemporaryDirectory())
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("Error: " + message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func figuresListsEveryFigureWithItsProvenance() throws {
        let folder = try workspace()
        let csv = try run(["figures", "--format", "csv"], in: folder)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,label,value,shown_as,how_obtained,formula,sources,period,area,note,data_location,status,embargo\r\n"))
        #expect(csv.stdout.contains("united-kingdom--2019-10-2020-09--all-platforms--count,\"Online child sex crimes recorded where the means of communication was known, England, Wales and the Channel Islands, October 2019 to September 2020\",9477,\"9,477\",published,,telegraph-2021-03-26,2019-10/2020-09,United Kingdom,,Data/figures.csv:2:1,"))
        let table = try run(["figures"], in: folder)
        #expect(table.stdout.contains("united-kingdom--2019-10-2020-09--facebook-owned-apps--share-calculated"))
        let json = try run(["figures", "--format", "json"], in: folder)
        // Typed values: a count is a number, not text.
        #expect(json.stdout.contains("\"value\" : 9477\n"))
        #expect(json.stdout.contains("\"status\" : \"Not official statistics."))
    }
}

/// The help text is part of the command-line contract: compared with golden files.
@Suite struct HelpTextTests {
    static let golden = Repository.fixtures + "/golden/help"

    @Test(arguments: [[], ["build"], ["check"], ["figures"], ["phrase"]])
    func helpMatchesGoldenFile(command: [String]) throws {
        let run = try CommandLineTests().run(command + ["--help"], in: NSTemporaryDirectory())
        #expect(run.status == 0)
        let path = Self.golden + "/" + (command.first ?? "briefing") + ".txt"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(run.stdout == (try? String(contentsOfFile: path, encoding: .utf8)), "help for \(command) differs from \(path)")
    }
}

/// One run reports the faults in `Data/` and in `Templates/` together.
@Suite struct CombinedFaultTests {
    @Test func dataAndTemplateErrorsComeInOneReport() throws {
        let folder = try CommandLineTests().workspace()
        let figures = folder + "/Data/figures.csv"
        try (try String(contentsOfFile: figures, encoding: .utf8)).replacingOccurrences(of: "United Kingdom,Instagram,count", with: "United Kingdom,Instagarm,count")
            .write(toFile: figures, atomically: true, encoding: .utf8)
        try "# {{#release}}unclosed\n".write(toFile: folder + "/Templates/national.md", atomically: true, encoding: .utf8)
        let run = try CommandLineTests().run(["check"], in: folder)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "Data/figures.csv:3:32: error: 'Instagarm' is not a platform in platforms.csv (did you mean 'Instagram'?)",
            "Templates/national.md:1:3: error: section 'release' is never closed; add {{/release}}",
        ])
        // `check` never writes, so it names no output folder.
        #expect(run.stderr.hasSuffix("\nbriefing: load data and load templates failed with 2 errors\n"))
    }
}
