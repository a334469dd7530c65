import BriefingKit
import Foundation

/// What each fuzzer runs: the library's public path from files to a built site, over the
/// repository's own `Data/` and `Templates/` (read once, at start) with one file replaced by the
/// fuzz input. They are the valid set that matches the library at this commit: a copy kept here
/// would drift from the data contract as the library changes.
///
/// A thrown `BriefingError` is the expected answer to bad input. Any other thrown error is not part
/// of the library's contract (the CLI would print it raw), so it is turned into a crash here
/// for libFuzzer to record. Traps, sanitizer reports and timeouts are crashes as usual.
public enum Harness {
    public static let dataDirectory = "Data"
    public static let templatesDirectory = "Templates"

    /// The folder holding `Data/` and `Templates/`: the repository root (the folder above `Fuzz/`),
    /// or `$FUZZ_FIXTURES` when set.
    static let fixturesURL: URL = {
        if let path = ProcessInfo.processInfo.environment["FUZZ_FIXTURES"] { return URL(fileURLWithPath: path) }
        // Fuzz/Sources/FuzzSupport/Harness.swift → the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// Every fixture file, keyed as the loader asks for it: `Data/figures.csv`, `Templates/national.md`.
    ///
    /// Kept as byte arrays, not `Data`: `Data` keeps its buffer's address with spare bits set, so
    /// LeakSanitizer cannot see that these live for the whole run and reports them as leaks.
    public static let fixtures: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for folder in [dataDirectory, templatesDirectory] {
            let url = fixturesURL.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path), !names.isEmpty else {
                stop("no files in \(url.path); set FUZZ_FIXTURES to a folder holding Data/ and Templates/")
            }
            for name in names {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { continue }
                files[folder + "/" + name] = [UInt8](data)
            }
        }
        return files
    }()

    /// The fixed templates, parsed once, for the data fuzzers.
    public static let templates: TemplateLibrary = {
        do {
            return try TemplateLibrary.load(from: templatesDirectory, fileSystem: MemoryFileSystem(fixtures))
        } catch {
            stop("\(fixturesURL.path)/Templates does not load:\n\(error)")
        }
    }()

    /// The statistics of the fixed data, computed once, for the template fuzzer.
    public static let statistics: Statistics = {
        do {
            var log = DiagnosticLog()
            let loaded = try DataLoader(fileSystem: MemoryFileSystem(fixtures)).load(from: dataDirectory, log: &log)
            let dataset = DisclosureControl(threshold: loaded.release.disclosureThreshold).apply(to: loaded).dataset
            let statistics = StatisticsEngine().run(dataset)
            _ = try SiteBuilder(statistics: statistics, templates: templates).build()
            return statistics
        } catch {
            stop("\(fixturesURL.path)/Data does not build with its templates:\n\(error)")
        }
    }()

    /// The fixtures for the template fuzzer: the other page templates are cut to a heading, so
    /// that an input costs one real page render (its own) rather than eleven. The layout, the
    /// partials and the data stay as they are, and every page is still built through the layout.
    static let templateFixtures: [String: [UInt8]] = {
        var files = fixtures
        for page in ["region", "force", "methodology"] {
            files[templatesDirectory + "/" + page + ".md"] = Array("# \(page)\n".utf8)
        }
        return files
    }()

    /// Loads `Data/` with the file `name` replaced by `input`; when it loads, computes the
    /// statistics and builds every page with the fixed templates, as `briefing check` does.
    public static func checkData(replacing name: String, with input: [UInt8]) {
        _ = statistics  // the fixtures are checked before the first input
        var files = fixtures
        files[dataDirectory + "/" + name] = input
        let fileSystem = MemoryFileSystem(files)
        expectingBriefingErrors {
            var log = DiagnosticLog()
            let loaded = try DataLoader(fileSystem: fileSystem).load(from: dataDirectory, log: &log)
            let dataset = DisclosureControl(threshold: loaded.release.disclosureThreshold).apply(to: loaded).dataset
            let statistics = StatisticsEngine().run(dataset)
            _ = try SiteBuilder(statistics: statistics, templates: templates).build()
        }
    }

    /// Loads `Templates/` with the template `name` replaced by `input`; when it loads, builds every
    /// page from the fixed data (render, cmark-gfm, figure links, layout). Then gives the raw
    /// input to cmark-gfm as Markdown too.
    public static func checkTemplate(replacing name: String, with input: [UInt8]) {
        var files = templateFixtures
        files[templatesDirectory + "/" + name] = input
        let fileSystem = MemoryFileSystem(files)
        let statistics = statistics
        expectingBriefingErrors {
            let library = try TemplateLibrary.load(from: templatesDirectory, fileSystem: fileSystem)
            _ = try SiteBuilder(statistics: statistics, templates: library).build()
        }
        expectingBriefingErrors {
            // No figures: any figure link in the input is an unknown figure, a BriefingError.
            _ = try MarkdownRenderer().render(String(decoding: input, as: UTF8.self))
        }
    }

    static func expectingBriefingErrors(_ body: () throws -> Void) {
        do {
            try body()
        } catch is BriefingError {
            // The expected outcome for bad input.
        } catch {
            fatalError("not a BriefingError: \(type(of: error)): \(error)")
        }
    }

    static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz harness: \(message)\n".utf8))
        exit(2)
    }
}

/// libFuzzer calls this once, before the first input: the fixed `Data/` and `Templates/` must build,
/// or the fuzzer stops here with their diagnostics (and no bogus crash file for an empty input).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Harness.statistics
    return 0
}
