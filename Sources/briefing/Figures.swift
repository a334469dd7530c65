import ArgumentParser
import BriefingKit

/// `briefing figures`: every figure and where it came from.
struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every figure with its value and provenance.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @OptionGroup var input: InputOptions

    @Option(help: "table, csv or json.")
    var format: Format = .table

    func run() throws {
        let options = BuildOptions(data: input.data, templates: input.templates, strict: input.strict)
        let result = try Runner.run { try BuildPipeline(fileSystem: Runner.fileSystem).check(options) }
        let writer = DownloadWriter(release: result.release, includeLocations: true)
        switch format {
        case .csv: print(writer.csv(result.site.figures), terminator: "")
        case .json: print(try writer.json(result.site.figures), terminator: "")
        case .table: print(FigureTable.render(result.site.figures, writer: writer))
        }
    }
}
