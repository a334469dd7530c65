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
        // Data/ alone: a figure's provenance does not depend on the templates.
        let result = try Runner.run { try BuildPipeline(fileSystem: Runner.fileSystem).figures(options) }
        let writer = DownloadWriter(release: result.release, includeLocations: true)
        switch format {
        case .csv: print(writer.csv(result.figures), terminator: "")
        case .json: print(try writer.json(result.figures), terminator: "")
        case .table: print(FigureTable.render(result.figures, writer: writer))
        }
    }
}
