import ArgumentParser
import BriefingKit

/// `briefing check`: everything a build does except writing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the data and templates; write nothing.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let options = BuildOptions(data: input.data, templates: input.templates, strict: input.strict)
        let result = try Runner.run { try BuildPipeline(fileSystem: Runner.fileSystem).check(options) }
        Runner.report(result.warnings)
        print("OK: \(result.site.files.filter { $0.path.hasSuffix(".html") }.count) pages would be built, \(result.warnings.count) warning(s).")
    }
}
