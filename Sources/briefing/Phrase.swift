import ArgumentParser
import BriefingKit

/// `briefing phrase`: how the wording engine would put a number, best first.
struct Phrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a number would be worded, one wording per line, best first.",
        discussion: "VALUE is a count (1075) or a percentage (48%). With --of, VALUE is a part of TOTAL.")

    @Argument(help: "A whole count, or a percentage such as 48% or 12.5%.")
    var value: String

    @Option(help: "The total that VALUE is part of.")
    var of: Int?

    func validate() throws {
        if value.hasSuffix("%") {
            guard of == nil else { throw ValidationError("--of takes a count, not a percentage") }
            guard let p = Double(value.dropLast()), (0...100).contains(p) else { throw ValidationError("'\(value)' is not a percentage from 0% to 100%") }
        } else {
            guard let n = Int(value.replacingOccurrences(of: ",", with: "")), n >= 0 else {
                throw ValidationError("'\(value)' is not a whole number of 0 or more")
            }
            if let of {
                guard of > 0, n <= of else { throw ValidationError("--of must be a total of at least \(n) and more than 0") }
            }
        }
    }

    func run() throws {
        let wordings: [Wording]
        if value.hasSuffix("%") {
            let number = String(value.dropLast())
            let decimals = number.split(separator: ".").dropFirst().first?.count ?? 0
            wordings = Phraser.shareWordings(percent: Double(number) ?? 0, decimals: decimals)
        } else if let of {
            wordings = Phraser.shareWordings(part: Int(value.replacingOccurrences(of: ",", with: "")) ?? 0, of: of)
        } else {
            wordings = Phraser.approximations(of: Int(value.replacingOccurrences(of: ",", with: "")) ?? 0)
        }
        for wording in wordings { print(wording.text) }
    }
}
