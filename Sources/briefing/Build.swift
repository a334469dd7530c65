import ArgumentParser
import BriefingKit
import Foundation

/// `briefing build`: check everything, then write the whole site at once.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (all or nothing).")

    @OptionGroup var input: InputOptions

    @Option(help: "The folder to write the site to.")
    var output = "Output"

    @OptionGroup var clock: ClockOptions

    @Option(help: ArgumentHelp("The address the site is published at, for canonical links, the feed and the sitemap (needs a build time).",
                               valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL {
            do { _ = try BaseURL(baseURL) } catch { throw ValidationError(error.description) }
            if buildTime == nil {
                throw ValidationError("--base-url needs a build time for the feed and the sitemap: give --now or set SOURCE_DATE_EPOCH")
            }
        }
    }

    var buildTime: Date? { clock.buildTime }

    func run() throws {
        // The embargo is judged by --now, else SOURCE_DATE_EPOCH, else the system clock; only the first two are printed.
        var options = BuildOptions(data: input.data, templates: input.templates, output: output, now: buildTime, strict: input.strict,
                                   clock: buildTime ?? Date())
        options.baseURL = try baseURL.map { try BaseURL($0) }
        options.tool = Runner.toolIdentity
        options.stepFinished = Runner.releaseFreeMemory
        let result = try Runner.run(output: output) { try BuildPipeline(fileSystem: Runner.fileSystem).build(options) }
        Runner.report(result.warnings)
        let pages = result.paths.filter { $0.hasSuffix(".html") }
        let folder = (result.output?.displayName ?? output) + "/"
        let target = result.output.map { $0.isLink ? " (a link to \($0.path))" : "" } ?? ""
        if result.unchanged {
            print("Nothing changed since the last build: the \(pages.count) pages and \(result.paths.count - pages.count) other files in \(folder)\(target) are up to date; no file was rewritten:")
        } else {
            print("Built \(pages.count) pages and \(result.paths.count - pages.count) other files into \(folder)\(target):")
        }
        for path in pages { print("  \(folder)\(path)") }
        if let until = result.embargo.until {
            print("Under embargo until \(EmbargoWording.time(until)) (\(EmbargoWording.zoneName(until))): every page carries the embargo banner and noindex. Build again after it to publish.")
        }
        if !result.warnings.isEmpty { print("\(result.warnings.count) warning(s) above: gaps are shown on the methods page.") }
    }
}
