import ArgumentParser
import BriefingKit
import FlyingFox
import FlyingSocks
import Foundation

/// `briefing serve`: builds the site, serves it on 127.0.0.1, and rebuilds it (all or nothing, as
/// `build` does) whenever a file in the data or templates folder changes; open pages reload.
/// A failed rebuild leaves the last good site served with its diagnostics shown over it.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while editing: build, serve on 127.0.0.1, rebuild and reload on every change.",
        discussion: """
            Only this machine can reach the server (127.0.0.1). The site is built as `build` builds it, \
            embargo included (judged by --now or SOURCE_DATE_EPOCH when given, else by the clock, and built \
            again when it lifts), into the output folder (by default .briefing-preview, which the same rules as \
            `build --output` keep from any folder of yours). Stop with Ctrl-C.
            Exit status: 0 when stopped, 1 when the data or templates cannot be watched, \
            \(Self.portInUse) when the port is in use.
            """
    )

    /// The exit status for a port that is already taken.
    static let portInUse: Int32 = 3

    @OptionGroup var input: InputOptions

    @OptionGroup var clock: ClockOptions

    @Option(help: "The folder to build the preview into.")
    var output = ".briefing-preview"

    @Option(help: "The port to serve on, on 127.0.0.1 only.")
    var port: Int = 8000

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let state = PreviewState()
        let page = PreviewPage(port: port)
        let watcher = FolderWatcher(folders: [input.data, input.templates])
        guard FileManager.default.fileExists(atPath: input.data), FileManager.default.fileExists(atPath: input.templates) else {
            Runner.printError("briefing: serve needs the data folder '\(input.data)' and the templates folder '\(input.templates)'")
            throw ExitCode(1)
        }

        // The socket's route first: the site's handler answers every other address.
        var routes = RoutedHTTPHandler()
        routes.appendRoute(HTTPRoute("GET \(PreviewPage.socket)"), to: .webSocket(ReloadSocket(state: state)))
        routes.appendRoute(HTTPRoute("*"), to: PreviewHandler(folder: output, page: page, state: state))
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), logger: .disabled, handler: routes)

        // Ctrl-C (and SIGTERM) stop the server; a build under way finishes first, since it runs on its own.
        let stop = StopSignal()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { stop.fire { await server.stop(timeout: 0.5) } }
            source.resume()
            stop.keep(source)
        }

        let start = watcher.snapshot()
        let rebuild: @Sendable () async -> Void = { await self.rebuild(state: state) }
        let ended = OnceFlag()
        let serving = Task {
            defer { ended.set() }
            try await server.run()
        }
        // Listening, or failed to (a port in use fails at once).
        let deadline = Date().addingTimeInterval(10)
        while await !server.isListening, !ended.isSet, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if await !server.isListening {
            if !ended.isSet { serving.cancel() }
            let reason = await Self.reason(serving)
            if case .failed(_, let code, _)? = reason as? SocketError, code == EADDRINUSE {
                Runner.printError("briefing: port \(port) is in use on 127.0.0.1; stop what is using it, or choose another with --port")
                throw ExitCode(Self.portInUse)
            }
            Runner.printError("briefing: cannot serve on 127.0.0.1:\(port): \(reason.map { "\($0)" } ?? "it did not start listening")")
            throw ExitCode(1)
        }
        Self.say("Serving a preview of '\(input.data)' on http://127.0.0.1:\(port)/ (this machine only). Stop with Ctrl-C.")
        Self.say("Watching '\(input.data)' and '\(input.templates)'; building into '\(output)/'.")
        await rebuild()
        let watching = Task { await watcher.watch(from: start, due: { await state.rebuildIsDue(now: Date()) }, changed: rebuild) }

        _ = await serving.result
        watching.cancel()
        await watching.value
        await state.closeAll()
        Self.say("Stopped.")
    }

    /// A line on standard output at once (print's buffer would hold it back in a file or a pipe).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Why the server task ended, once it has.
    static func reason(_ task: Task<Void, any Error>) async -> (any Error)? {
        if case .failure(let error) = await task.result { return error }
        return nil
    }

    /// One build, as `build` would run it now: the embargo judged by `--now` (or SOURCE_DATE_EPOCH), else by
    /// the system clock at this moment, and then built again when it lifts, so that the preview never shows
    /// an embargo that has passed.
    func rebuild(state: PreviewState) async {
        let began = Date()
        var options = BuildOptions(data: input.data, templates: input.templates, output: output, now: clock.buildTime, strict: input.strict,
                                   clock: clock.buildTime ?? began)
        options.baseURL = nil
        options.tool = Runner.toolIdentity
        options.stepFinished = Runner.releaseFreeMemory
        do {
            let result = try BuildPipeline(fileSystem: Runner.fileSystem).build(options)
            Runner.report(result.warnings)
            let pages = result.paths.filter { $0.hasSuffix(".html") }.count
            let seconds = String(format: "%.1f", Date().timeIntervalSince(began))
            let relift = clock.buildTime == nil ? " It is built again then." : " (judged at --now or SOURCE_DATE_EPOCH)."
            let embargo = result.embargo.until.map { " Under embargo until \(EmbargoWording.time($0)) (\(EmbargoWording.zoneName($0))).\(relift)" } ?? ""
            Self.say("Built \(pages) pages in \(seconds) s; open pages reload.\(embargo)")
            await state.rebuild(at: clock.buildTime == nil ? result.embargo.until : nil)
            await state.finished(failure: nil)
        } catch let error as BriefingError {
            Runner.forgetLines()
            var lines = error.diagnostics.map { Runner.withLine($0).rendered }
            let count = error.totalErrors
            lines.append("briefing: \(error.step) failed with \(count) error\(count == 1 ? "" : "s"); still serving the last good site")
            for line in lines { Runner.printError(line) }
            await state.finished(failure: lines)
        } catch {
            let line = "briefing: build failed: \(error); still serving the last good site"
            Runner.printError(line)
            await state.finished(failure: [line])
        }
    }
}

/// A flag set once, read from any thread.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Runs its action once, on the first signal; keeps the signal sources alive.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var sources: [any DispatchSourceSignal] = []

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func fire(_ action: @escaping @Sendable () async -> Void) {
        let first = lock.withLock { () -> Bool in
            defer { fired = true }
            return !fired
        }
        guard first else { return }
        Task { await action() }
    }
}
