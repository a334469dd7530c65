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
        switch format {
        case .csv: print(String(decoding: result.site.file("data/figures.csv")?.contents ?? .init(), as: UTF8.self), terminator: "")
        case .json: print(String(decoding: result.site.file("data/figures.json")?.contents ?? .init(), as: UTF8.self), terminator: "")
        case .table: print(FigureTable.render(csv: String(decoding: result.site.file("data/figures.csv")?.contents ?? .init(), as: UTF8.self)))
        }
    }
}
