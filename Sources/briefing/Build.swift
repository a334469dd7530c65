import ArgumentParser
import BriefingKit
import Foundation

/// `briefing build`: check everything, then write the whole site at once.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (all or nothing).")

    @OptionGroup var input: InputOptions

    @Option(help: "The folder to write the site to.")
    var output = "Output"

    @Option(help: "The build time, as ISO 8601: printed on the pages and used to judge the embargo (default: SOURCE_DATE_EPOCH if set; else no time is printed and the embargo is judged by the system clock).")
    var now: String?

    @Option(help: ArgumentHelp("The address the site is published at, for canonical links, the feed and the sitemap (needs a build time).",
                               valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not a real time in ISO 8601 with its offset, such as 2021-03-26T00:01:00Z")
        }
        if now == nil, let epoch = Self.sourceDateEpoch, Timestamp.epoch(epoch) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds since 1970 (digits only, before the year 10000); fix or unset it")
        }
        if let baseURL {
            do { _ = try BaseURL(baseURL) } catch { throw ValidationError(error.description) }
            if buildTime == nil {
                throw ValidationError("--base-url needs a build time for the feed and the sitemap: give --now or set SOURCE_DATE_EPOCH")
            }
        }
    }

    /// SOURCE_DATE_EPOCH when set; set but empty counts as unset, as tests and CI use it to clear one.
    static var sourceDateEpoch: String? { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `--now`, else SOURCE_DATE_EPOCH, else none (both checked in `validate`).
    var buildTime: Date? {
        if let now { return Timestamp.parse(now) }
        return Self.sourceDateEpoch.flatMap(Timestamp.epoch)
    }

    func run() throws {
        // The embargo is judged by --now, else SOURCE_DATE_EPOCH, else the system clock; only the first two are printed.
        var options = BuildOptions(data: input.data, templates: input.templates, output: output, now: buildTime, strict: input.strict,
                                   clock: buildTime ?? Date())
        options.baseURL = try baseURL.map { try BaseURL($0) }
        let result = try Runner.run(output: output) { try BuildPipeline(fileSystem: Runner.fileSystem).build(options) }
        Runner.report(result.warnings)
        let pages = result.site.files.filter { $0.path.hasSuffix(".html") }
        let folder = (result.output?.displayName ?? output) + "/"
        let target = result.output.map { $0.isLink ? " (a link to \($0.path))" : "" } ?? ""
        print("Built \(pages.count) pages and \(result.site.files.count - pages.count) other files into \(folder)\(target):")
        for file in pages { print("  \(folder)\(file.path)") }
        if let until = result.embargo.until {
            print("Under embargo until \(EmbargoWording.time(until)) (\(EmbargoWording.zoneName(until))): every page carries the embargo banner and noindex. Build again after it to publish.")
        }
        if !result.warnings.isEmpty { print("\(result.warnings.count) warning(s) above: gaps are shown on the methods page.") }
    }
}
