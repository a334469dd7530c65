import Foundation
import Testing
@testable import BriefingKit

/// The embeds in a real browser (Debian's headless Chromium, driven by selenium through
/// `Tests/Browser/embeds.py`): a newsroom's page on another loopback origin frames every embed of
/// both fixture releases, once with the shipped copy-paste code (Datawrapper's message) and once as
/// pym.js does, and every frame ends within 2 px of its embed's content height, at 1280 px wide
/// and again after the viewport narrows to 320 px. axe-core finds no violation on any embed page.
///
/// The sites are built here with a base URL on a free loopback port, so the embed code holds the
/// absolute addresses a newsroom would paste; the script serves them on that port.
@Suite(.serialized) struct EmbedBrowserTests {
    /// What the script reports.
    struct Report: Decodable {
        struct Frame: Decodable {
            var embed: String
            var `protocol`: String
            var phase: String
            var canary: Bool
            var pym_id: String?
            var chart_id: String?
            var settled: Bool
            var frame_height: Double
            var content_height: Double
            var scroll_height: Double
            var client_height: Double
            var inner_width: Double
            var messages: [String]
            /// How many of its tables are wider than their box, so that a column is out of sight.
            var overflowing_tables: Int
        }
        struct Axe: Decodable {
            struct Violation: Decodable {
                var id: String
                var impact: String?
                var help: String
                var nodes: [String]
            }
            var url: String
            var version: String?
            var violations: [Violation]?
            var error: String?
        }
        var embeds: [String]
        var frames: [Frame]
        var axe: [Axe]
        var axe_canary: [Axe]
        /// Every page of both sites, and the canaries (`--pages`; see PageBrowserTests).
        var pages: [Page]?
        var page_canaries: [Page]?
    }

    /// Both fixture sites, built once with a base URL, and what the browser made of their embeds.
    static let run: Result<(report: Report, embedIDs: [String: String]), any Error> = Result { try browse() }

    static func browse() throws -> (report: Report, embedIDs: [String: String]) {
        guard let python = BuiltSite.python, BuiltSite.executable(named: "chromium") != nil, BuiltSite.executable(named: "chromedriver") != nil,
              (try? BuiltSite.run(python, ["-c", "import selenium, axe_core_python"]))?.status == 0 else {
            throw Missing()
        }
        let port = try freePort(python)
        let folder = try Repository.temporaryFolder("briefing-embeds")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ids: [String: String] = [:]
        for release in ["2021", "2023"] {
            let site = try Self.site(release, baseURL: "http://127.0.0.1:\(port)/\(release)/")
            for file in site.files {
                let url = URL(fileURLWithPath: "\(folder)/\(release)/\(file.path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
                if file.path.hasPrefix("embed/"), file.path.hasSuffix(".json") {
                    ids["\(release)/\(file.path)"] = String(file.path.dropLast(".json".count))
                }
            }
        }
        let script = BuiltSite.repositoryRoot.appendingPathComponent("Tests/Browser/embeds.py").path
        let result = try BuiltSite.run(python, [script, "--site", folder, "--port", String(port), "--axe",
                                                "--canary", "2021/methodology/index.html",
                                                "--pages", "--screenshots", PageBrowserTests.screenshots], killAfter: 900)
        guard result.status == 0, let report = try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)) else {
            throw Failed(message: "embeds.py exited \(result.status):\n\(result.stdout.suffix(2000))\n\(result.stderr.suffix(3000))")
        }
        // EMBED_REPORT=path keeps what the browser measured, to read after a run.
        if let path = ProcessInfo.processInfo.environment["EMBED_REPORT"] { try? result.stdout.write(toFile: path, atomically: true, encoding: .utf8) }
        return (report, ids)
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "The tests' Python (.venv-test), Chromium, chromedriver, selenium or axe-core-python is missing; run `make test-deps`."
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A loopback port that nothing listens on now.
    static func freePort(_ python: String) throws -> Int {
        let found = try BuiltSite.run(python, ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failed(message: "no free port: \(found.stdout)\(found.stderr)")
        }
        return port
    }

    /// A fixture release built in memory with a base URL (and so a build time, which the feed needs).
    static func site(_ release: String, baseURL: String) throws -> Site {
        var options = BuildOptions(data: Repository.fixtures + "/example-\(release)/Data", templates: Repository.templates,
                                   now: Date(timeIntervalSince1970: 1_700_000_000))
        options.baseURL = try BaseURL(baseURL)
        return try BuildPipeline(fileSystem: Repository.fileSystem).check(options).site
    }

    @Test func everyFrameEndsAtItsEmbedsHeight() throws {
        let (report, _) = try Self.run.get()
        let expected = report.embeds.count * 2 * 2
        let frames = report.frames.filter { !$0.canary }
        #expect(report.embeds.count >= 10, "expected the embeds of both fixture releases; found \(report.embeds)")
        try #require(frames.count == expected, "measured \(frames.count) of \(expected) frames (embeds × protocols × widths)")
        #expect(Set(frames.map(\.phase)) == ["1280", "320"])
        for frame in frames {
            let name = "\(frame.embed) (\(frame.protocol), \(frame.phase) px)"
            #expect(frame.settled, "\(name): no height message arrived, or the height never held still")
            #expect(abs(frame.frame_height - frame.content_height) <= 2,
                    "\(name): the frame is \(frame.frame_height) px tall, its content \(frame.content_height) px")
            #expect(frame.scroll_height <= frame.client_height + 2,
                    "\(name): the content scrolls inside its frame (\(frame.scroll_height) of \(frame.client_height) px)")
        }
        // Narrower frames wrap the text: the same embed is taller at 320 px than at 1280 px.
        for embed in report.embeds {
            let wide = frames.first { $0.embed == embed && $0.phase == "1280" }, narrow = frames.first { $0.embed == embed && $0.phase == "320" }
            if let wide, let narrow { #expect(narrow.content_height > wide.content_height, "\(embed) did not reflow at 320 px") }
        }
    }

    /// At 320 px every table of every embed fits its width: no column (the key comparison, last, least
    /// of all) is hidden in a scroll box, as the regions' and breakdown tables' last columns were.
    @Test func everyEmbedsTablesFitAtThreeHundredAndTwentyPixels() throws {
        let (report, _) = try Self.run.get()
        let narrow = report.frames.filter { !$0.canary && $0.phase == "320" }
        #expect(!narrow.isEmpty)
        for frame in narrow {
            #expect(frame.inner_width <= 320, "\(frame.embed): measured at \(frame.inner_width) px")
            #expect(frame.overflowing_tables == 0, "\(frame.embed) (\(frame.protocol)): \(frame.overflowing_tables) table(s) wider than the frame")
        }
    }

    /// The canary (a page with no height script, framed by the same code) keeps its first height:
    /// the check above would catch an embed that failed to report.
    @Test func theCheckCatchesAFrameThatKeepsItsFirstHeight() throws {
        let (report, _) = try Self.run.get()
        let canaries = report.frames.filter(\.canary)
        #expect(canaries.count == 2)
        for canary in canaries {
            #expect(canary.messages.isEmpty)
            #expect(abs(canary.frame_height - canary.content_height) > 2, "the canary's frame fits its content at \(canary.phase) px: \(canary)")
        }
    }

    /// Each message is in one of the three forms, with the right id, and the last of each form
    /// gives the height the frame ended at.
    @Test func messagesAreInPymDatawrapperAndAMPForms() throws {
        let (report, ids) = try Self.run.get()
        for frame in report.frames where !frame.canary {
            let name = "\(frame.embed) (\(frame.protocol), \(frame.phase) px)"
            // The address's `id` when it has one, else the embed's own.
            let id = try frame.chart_id ?? #require(ids[frame.embed])
            var last: [String: Int] = [:]
            for message in frame.messages {
                if let pym = frame.pym_id, message.hasPrefix("pymxPYMx") {
                    let prefix = "pymxPYMx\(pym)xPYMxheightxPYMx"
                    #expect(message.hasPrefix(prefix) && Int(message.dropFirst(prefix.count)) != nil, "\(name): pym message \(message)")
                    last["pym"] = Int(message.dropFirst(prefix.count))
                    continue
                }
                let object = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any], "\(name): \(message)")
                if let sizes = object["datawrapper-height"] as? [String: Int] {
                    #expect(object.count == 1 && sizes.count == 1 && sizes[id] != nil, "\(name): Datawrapper message \(message), expected id \(id)")
                    last["datawrapper"] = sizes[id]
                } else {
                    #expect(object["sentinel"] as? String == "amp" && object["type"] as? String == "embed-size" && object.count == 3,
                            "\(name): unexpected message \(message)")
                    last["amp"] = object["height"] as? Int
                }
            }
            let forms = frame.pym_id == nil ? ["datawrapper", "amp"] : ["pym", "datawrapper", "amp"]
            #expect(Set(last.keys) == Set(forms), "\(name): sent \(last.keys.sorted()), expected \(forms)")
            for form in forms {
                if let height = last[form] { #expect(abs(Double(height) - frame.frame_height) <= 1, "\(name): last \(form) height \(height), frame \(frame.frame_height)") }
            }
            // Only when the height changed: never the same height twice in a row.
            let heights = frame.messages.filter { $0.hasPrefix("{\"sentinel\"") }
            #expect(zip(heights, heights.dropFirst()).allSatisfy { $0 != $1 }, "\(name): repeated a height: \(heights)")
        }
    }

    @Test func axeFindsNoViolationOnAnyEmbed() throws {
        let (report, _) = try Self.run.get()
        #expect(report.axe.count == report.embeds.count)
        for page in report.axe {
            #expect(page.error == nil, "\(page.url): axe failed: \(page.error ?? "")")
            for violation in page.violations ?? [] {
                Issue.record("\(page.url): \(violation.id) (\(violation.impact ?? "")): \(violation.help) at \(violation.nodes.prefix(3).joined(separator: ", "))")
            }
        }
        // axe ran for real: it flags the canary's missing alt text, empty link and missing language.
        let canary = try #require(report.axe_canary.first?.violations?.map(\.id))
        for rule in ["image-alt", "link-name", "html-has-lang"] {
            #expect(canary.contains(rule), "axe did not flag \(rule) on the canary: \(canary)")
        }
    }
}
