import CAllocator
import ArgumentParser
import BriefingKit
import Foundation

/// The `briefing` command: builds a press briefing site from `Data/` and `Templates/`.
@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build a press briefing site from a release's figures.",
        subcommands: [Build.self, Check.self, Figures.self, Phrase.self, Serve.self]
    )
}

/// Options shared by the commands that read `Data/` and `Templates/`.
struct InputOptions: ParsableArguments {
    @Option(help: "The folder of data files.")
    var data = "Data"

    @Option(help: "The folder of templates.")
    var templates = "Templates"

    @Flag(help: "Treat warnings as errors.")
    var strict = false
}

/// Runs a library call, printing diagnostics compiler-style and exiting 1 on a data or template error.
enum Runner {
    static let fileSystem = LocalFileSystem(manager: FileManager.default, home: homeDirectory)

    /// `$HOME`, or the home folder in the password database when it is unset.
    static var homeDirectory: String? {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// This executable as a build's fingerprint knows it: its path, size and modification time, so that
    /// a rebuilt tool builds the site again even from the same inputs. Nil when it cannot be read.
    /// Gives the memory a finished step of a build has freed back to the system (`BuildOptions.stepFinished`).
    static let releaseFreeMemory: @Sendable () -> Void = { _ = briefing_release_free_memory() }

    static let toolIdentity: String? = {
        guard let info = fileSystem.info("/proc/self/exe") else { return nil }
        var status = stat()
        guard stat(info.realPath, &status) == 0 else { return nil }
        return "\(info.realPath) \(status.st_size) \(info.modified)"
    }()

    /// Runs the body; `output` names the folder a build would have written, for the closing line.
    static func run<T>(output: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BriefingError {
            for diagnostic in error.diagnostics { printError(withLine(diagnostic).rendered) }
            let count = error.totalErrors
            let unchanged = output.flatMap { $0.isEmpty ? nil : "; '\(UnsafeCharacter.escaped($0))' was not changed" } ?? ""
            printError("briefing: \(error.step) failed with \(count) error\(count == 1 ? "" : "s")\(unchanged)")
            throw ExitCode(1)
        }
    }

    static func report(_ warnings: [Diagnostic]) {
        for warning in warnings { printError(withLine(warning).rendered) }
    }

    /// The files diagnostics point into, read once each.
    nonisolated(unsafe) private static var files: [String: SourceText] = [:]

    /// Forgets the lines read, for a rebuild after the files changed (`serve`).
    static func forgetLines() { files = [:] }

    /// The diagnostic with its offending line read from disk, when the library did not keep it.
    static func withLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.lineText == nil, let location = diagnostic.location else { return diagnostic }
        if files[location.path] == nil {
            let data = FileManager.default.contents(atPath: location.path) ?? Data()
            files[location.path] = SourceText(path: location.path, text: String(decoding: data, as: UTF8.self))
        }
        guard let lineText = files[location.path]?.line(location.line) else { return diagnostic }
        return Diagnostic(diagnostic.severity, diagnostic.message, at: location, lineText: lineText)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
