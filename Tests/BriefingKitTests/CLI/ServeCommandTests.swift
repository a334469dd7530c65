import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `briefing serve` as a press officer runs it while editing: it serves the site on a loopback
/// port, rebuilds when `Data/` changes, keeps the last good site with the diagnostics over it when
/// a rebuild fails, clears them when fixed, and stops on Ctrl-C (SIGINT) with status 0.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `briefing serve`, its output going to files (a pipe left unread could block it).
    final class Server {
        let process = Process()
        let folder: String
        let port: Int
        let stdout: String, stderr: String

        init(in folder: String, arguments: [String], port: Int) throws {
            self.folder = folder
            self.port = port
            stdout = folder + "/serve-\(port).out"
            stderr = folder + "/serve-\(port).err"
            FileManager.default.createFile(atPath: stdout, contents: nil)
            FileManager.default.createFile(atPath: stderr, contents: nil)
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["serve", "--port", String(port)] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
            process.standardInput = FileHandle.nullDevice
            // The embargo is judged by the system clock unless a test gives --now.
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "SOURCE_DATE_EPOCH" }
            try process.run()
        }

        deinit { if process.isRunning { process.terminate() } }

        var output: String { ((try? String(contentsOfFile: stdout, encoding: .utf8)) ?? "") + ((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "") }

        /// Waits for the process to end, up to `seconds`; its status, or nil if it is still running.
        func waitForExit(within seconds: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return process.isRunning ? nil : process.terminationStatus
        }
    }

    struct Fetched { var status: Int; var body: String; var type: String }

    /// One GET on 127.0.0.1; nil when nothing answers.
    static func get(_ port: Int, _ path: String) -> Fetched? {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 5)
        request.httpMethod = "GET"
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Fetched?
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let response = response as? HTTPURLResponse, let data {
                result = Fetched(status: response.statusCode, body: String(decoding: data, as: UTF8.self),
                                 type: response.value(forHTTPHeaderField: "Content-Type") ?? "")
            }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 10)
        return result
    }

    /// Polls `path` until `accept` holds, up to `seconds`; the last answer.
    static func poll(_ port: Int, _ path: String, within seconds: Double = 30, until accept: (Fetched) -> Bool) -> Fetched? {
        let deadline = Date().addingTimeInterval(seconds)
        var last: Fetched?
        while Date() < deadline {
            last = get(port, path)
            if let last, accept(last) { return last }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return last
    }

    static func freePort() throws -> Int {
        let python = try #require(BuiltSite.python, "the tests' Python (.venv-test) is missing; run `make test-deps`")
        let found = try ProcessRunner.run(python, ["-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return try #require(Int(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    static func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "\(path) does not hold \(old)")
        // Written in place, as most editors save.
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func rebuildsOnChangeShowsAFailureOverTheLastGoodSiteAndStopsOnSIGINT() throws {
        let folder = try CommandLineTests().workspace()
        let port = try Self.freePort()
        let server = try Server(in: folder, arguments: ["--output", "Preview"], port: port)
        let page = "/regions/west-midlands/"

        // The first build, served: the page and the preview's reload script, linked and allowed by the page's policy.
        let first = try #require(Self.poll(port, page) { $0.status == 200 }, "nothing served on \(port): \(server.output)")
        #expect(first.type.hasPrefix("text/html"))
        #expect(first.body.contains(">1,532<"), "the West Midlands page does not show 1,532")
        #expect(first.body.contains("<script src=\"/_briefing/reload.js?generation=1\" defer></script>"))
        #expect(first.body.contains("script-src 'self'") && first.body.contains("connect-src 'self' ws://127.0.0.1:\(port)"))
        #expect(!first.body.contains("briefing-preview-overlay\""))
        #expect(server.output.contains("on http://127.0.0.1:\(port)/ (this machine only)"))
        // Nothing of the preview is written into the site on disk.
        let onDisk = try String(contentsOfFile: folder + "/Preview/regions/west-midlands/index.html", encoding: .utf8)
        #expect(!onDisk.contains("_briefing") && onDisk.contains(">1,532<"))
        #expect(Self.get(port, "/_briefing/reload.js")?.body.contains("new WebSocket(") == true)
        // A folder without its slash is sent to it, so that its relative links work.
        #expect(Self.get(port, "/regions/west-midlands")?.body.contains(">1,532<") == true)

        // A figure changes in Data/: the page shows the new value.
        let figures = folder + "/Data/figures.csv"
        try Self.edit(figures, "West Midlands,All platforms,count,1532", "West Midlands,All platforms,count,1533")
        // The new site is swapped in a moment before the build's number is told, so the two are waited for together.
        let changed = Self.poll(port, page) { $0.body.contains(">1,533<") && !$0.body.contains("reload.js?generation=1\"") }
        #expect(changed?.body.contains(">1,533<") == true, "the new figure was not served: \(server.output)")
        #expect(changed?.body.contains("reload.js?generation=1\"") == false, "the page names the first build still")

        // A broken name: the last good site is still served, the diagnostic over it, as the terminal prints it.
        try Self.edit(figures, "2019-10/2020-09,West Midlands,All platforms", "2019-10/2020-09,West Midlandz,All platforms")
        let broken = Self.poll(port, page) { $0.body.contains("briefing-preview-overlay\"") }
        let body = try #require(broken?.body, "no overlay: \(server.output)")
        #expect(body.contains(">1,533<"), "the last good site is not behind the overlay")
        // File, line and column (the name starts after the 16 characters of the period and its comma), the line, and
        // the caret under the name (the line's 4 spaces of indent and 16 characters); quotes escaped, as text.
        #expect(body.contains("""
            <pre>Data/figures.csv:10:17: error: &#39;West Midlandz&#39; is not an area in areas.csv (did you mean &#39;West Midlands&#39;?)
                2019-10/2020-09,West Midlandz,All platforms,count,1533,greatest-hits-wm-2021-03
                                ^
            briefing: load data failed with 1 error; still serving the last good site</pre>
            """), "the overlay does not show the diagnostic as the terminal does")
        #expect(server.output.contains("still serving the last good site"))

        // Fixed: the notice goes.
        try Self.edit(figures, "West Midlandz", "West Midlands")
        let fixed = Self.poll(port, page) { !$0.body.contains("briefing-preview-overlay\"") }
        #expect(fixed?.body.contains(">1,533<") == true && fixed?.body.contains("briefing-preview-overlay\"") == false,
                "the overlay did not clear: \(server.output)")

        // Ctrl-C: a clean stop.
        server.process.interrupt()
        #expect(server.waitForExit(within: 5) == 0, "serve did not stop with status 0 on SIGINT: \(server.output)")
        #expect(server.output.contains("Stopped."))
    }

    @Test func aPortInUseIsAClearError() throws {
        let folder = try CommandLineTests().workspace()
        let port = try Self.freePort()
        let first = try Server(in: folder, arguments: ["--output", "Preview"], port: port)
        _ = Self.poll(port, "/") { $0.status == 200 }
        let second = try Server(in: folder, arguments: ["--output", "Preview2"], port: port)
        #expect(second.waitForExit(within: 10) == 3)
        #expect(second.output.contains("briefing: port \(port) is in use on 127.0.0.1"), "\(second.output)")
        first.process.interrupt()
        #expect(first.waitForExit(within: 5) == 0)
    }

    /// An embargo judged by the system clock lifts while the preview runs: the site is built again at that
    /// moment, with no file changed, and the banner goes. With `--now`, the clock is fixed and nothing lifts.
    @Test func anEmbargoLiftsWhileServingAndNowFixesTheClock() throws {
        let folder = try CommandLineTests().workspace()
        let release = folder + "/Data/release.yaml"
        // Whole seconds, as the embargo is written.
        let lift = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 8).rounded(.up))
        let stamp = ISO8601DateFormatter().string(from: lift)
        try (try String(contentsOfFile: release, encoding: .utf8) + "embargo: \(stamp)\n").write(toFile: release, atomically: true, encoding: .utf8)
        let page = "/regions/west-midlands/"

        let fixedPort = try Self.freePort()
        let fixed = try Server(in: folder, arguments: ["--output", "Fixed", "--now", "2021-03-25T12:00:00Z"], port: fixedPort)
        let port = try Self.freePort()
        let server = try Server(in: folder, arguments: ["--output", "Preview"], port: port)

        let first = try #require(Self.poll(port, page) { $0.status == 200 }, "nothing served: \(server.output)")
        #expect(Date() < lift, "the machine was too slow to see the embargo before it lifted")
        if Date() < lift {
            #expect(first.body.contains("<div class=\"embargo\">"), "the page before the lift has no embargo banner")
            #expect(server.output.contains("Under embargo until") && server.output.contains("It is built again then."), "\(server.output)")
        }
        let lifted = Self.poll(port, page, within: 40) { !$0.body.contains("<div class=\"embargo\">") }
        #expect(lifted?.body.contains(">1,532<") == true && lifted.map { !$0.body.contains("<div class=\"embargo\">") } == true,
                "the embargo did not lift in the preview: \(server.output)")
        #expect(Date() >= lift)

        // The fixed clock: still embargoed after the lift, and said to be judged at --now.
        let still = try #require(Self.get(fixedPort, page), "nothing served: \(fixed.output)")
        #expect(still.body.contains("<div class=\"embargo\">"), "--now before the embargo did not embargo the preview")
        #expect(fixed.output.contains("(judged at --now or SOURCE_DATE_EPOCH)."), "\(fixed.output)")
        for running in [server, fixed] {
            running.process.interrupt()
            #expect(running.waitForExit(within: 5) == 0)
        }
    }

    /// What `Tests/Browser/preview.py` reports of an open page in Chromium.
    struct BrowserReport: Decodable {
        struct Step: Decodable { var step: String; var seconds: Double; var reloaded: Bool; var overlay: Bool; var html: String }
        struct Message: Decodable { var level: String?; var message: String? }
        var steps: [Step]
        var console: [Message]
    }

    /// The reload in a real browser: a page open in Chromium, never reloaded by the test, reloads by itself
    /// (over the WebSocket) when a figure changes, shows the failure notice when the data break, and loses it
    /// when they are mended; the console shows no error, so the page's policy lets the script and socket in.
    @Test func anOpenPageReloadsItselfInABrowser() throws {
        let python = try #require(BuiltSite.python, "the tests' Python (.venv-test) is missing; run `make test-deps`")
        try #require(BuiltSite.executable(named: "chromium") != nil && BuiltSite.executable(named: "chromedriver") != nil,
                     "Chromium and chromedriver are needed; run `make test-deps`")
        let folder = try CommandLineTests().workspace()
        let port = try Self.freePort()
        let server = try Server(in: folder, arguments: ["--output", "Preview"], port: port)
        _ = try #require(Self.poll(port, "/regions/west-midlands/") { $0.status == 200 }, "nothing served: \(server.output)")

        let script = BuiltSite.repositoryRoot.appendingPathComponent("Tests/Browser/preview.py").path
        let run = try BuiltSite.run(python, [script, "--url", "http://127.0.0.1:\(port)/regions/west-midlands/",
                                             "--file", folder + "/Data/figures.csv",
                                             "--old", "West Midlands,All platforms,count,1532", "--new", "West Midlands,All platforms,count,1533",
                                             "--shown", ">1,533<",
                                             "--break-old", "2019-10/2020-09,West Midlands,All platforms",
                                             "--break-new", "2019-10/2020-09,West Midlandz,All platforms"], killAfter: 300)
        let report = try #require(run.status == 0 ? try? JSONDecoder().decode(BrowserReport.self, from: Data(run.stdout.utf8)) : nil,
                                  "preview.py exited \(run.status): \(run.stderr.suffix(2000))")
        let steps = Dictionary(uniqueKeysWithValues: report.steps.map { ($0.step, $0) })
        let opened = try #require(steps["opened"]), changed = try #require(steps["changed"])
        let broken = try #require(steps["broken"]), mended = try #require(steps["mended"])
        #expect(opened.html.contains(">1,532<") && !opened.overlay)
        #expect(changed.reloaded && changed.html.contains(">1,533<") && !changed.overlay, "the page did not reload with the new figure")
        #expect(broken.reloaded && broken.overlay && broken.html.contains(">1,533<"), "no notice over the last good site")
        #expect(broken.html.contains("West Midlandz"), "the notice does not name the bad line")
        #expect(mended.reloaded && !mended.overlay && mended.html.contains(">1,533<"), "the notice did not go")
        let errors = report.console.filter { $0.level == "SEVERE" || $0.level == "ERROR" }
        #expect(errors.isEmpty, "console errors: \(errors.map { $0.message ?? "" })")
        server.process.interrupt()
        #expect(server.waitForExit(within: 5) == 0)
    }
}
