import Foundation
import Testing
@testable import BriefingKit

/// Both example sites (fixture copies of the 2021 and 2023 releases, with this repo's Templates/; 2021 with a base URL),
/// built once into `2021/` and `2023/` of a temporary folder and shared, read-only, by the page
/// tests: HTML validity, accessibility and browser layout.
struct BuiltSite: Sendable {
    /// The folder the site was written to.
    let root: URL
    /// Every HTML page, as a path relative to `root` ("index.html", "regions/…/index.html").
    let pages: [String]

    /// Built on first use; every test that asks gets the same folder.
    private static let shared: Result<BuiltSite, any Error> = Result { try build() }

    /// The built site, or the build error, so a broken build fails each page test with its reason.
    static func load() throws -> BuiltSite {
        try shared.get()
    }

    /// The repository root, found from this file's path (Tests/BriefingKitTests/Site/BuiltSite.swift).
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    private static func build() throws -> BuiltSite {
        // The site and the tests' scratch files, in the test process's scratch folder: shared by the
        // tests until the end, so it goes when the process does.
        let folder = URL(fileURLWithPath: try Repository.temporaryFolder("pages"), isDirectory: true)
        let output = folder.appendingPathComponent("site", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var pages: [String] = []
        for release in ["2021", "2023"] {
            let site = output.appendingPathComponent(release, isDirectory: true)
            var options = BuildOptions(data: repositoryRoot.appendingPathComponent("Tests/BriefingKitTests/Fixtures/example-\(release)/Data").path,
                                       templates: repositoryRoot.appendingPathComponent("Templates").path,
                                       output: site.path)
            // 2021 as published at an address (canonical links, Open Graph, feed); 2023 from a folder.
            if release == "2021" {
                options.baseURL = try BaseURL("https://briefing.example.org/2021/")
                options.now = Date(timeIntervalSince1970: 1_616_716_860)
            }
            _ = try BuildPipeline(fileSystem: LocalFileSystem(manager: .default)).build(options)
            pages += try htmlPages(under: site).map { release + "/" + $0 }
        }
        return BuiltSite(root: output, pages: pages)
    }

    /// HTML files under `root`, sorted, relative to it.
    private static func htmlPages(under root: URL) throws -> [String] {
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
    }

    /// The URL of a page (or any file) in the site.
    func url(of page: String) -> URL {
        root.appendingPathComponent(page)
    }

    /// A page's HTML.
    func html(of page: String) throws -> String {
        try String(contentsOf: url(of: page), encoding: .utf8)
    }

    /// Writes a helper file (a harness, a canary) next to the pages; never one of the site's own names.
    func writeScratch(_ name: String, _ text: String) throws -> URL {
        let url = root.deletingLastPathComponent().appendingPathComponent("scratch-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

// MARK: - Running the outside tools (vnu, Chromium)

extension BuiltSite {
    /// What a finished process printed and how it ended.
    typealias ProcessOutput = ProcessRunner.Output

    /// A program on PATH, or nil.
    /// The Python the tests run: the project's virtual environment (`make test-deps` makes it, with the
    /// pinned packages of `Tests/Browser/requirements.txt`), or TEST_PYTHON when set; never the system's
    /// packages, so that a test cannot pass on a version the project did not pin.
    static var python: String? {
        if let given = ProcessInfo.processInfo.environment["TEST_PYTHON"], !given.isEmpty { return given }
        let venv = repositoryRoot.appendingPathComponent(".venv-test/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to the end. Output goes through files, not pipes, so a chatty tool
    /// (Chromium logs a lot to stderr) can never fill a pipe and stall.
    /// `killAfter` only guards against a hung tool; it is not a timing check.
    static func run(_ executable: String, _ arguments: [String], killAfter seconds: Double = 300) throws -> ProcessOutput {
        try ProcessRunner.run(executable, arguments, killAfter: seconds)
    }
}
