import ArgumentParser
import BriefingKit

/// `briefing phrase`: how the wording engine would put a number, or a change, best first.
struct Phrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a number would be worded, one wording per line, best first.",
        discussion: """
            VALUE is a count (1075) or a percentage (48%). With --of, VALUE is a part of TOTAL. \
            With --from, VALUE is a new count and OLD the count it changed from: \
            'briefing phrase 198 --from 82' gives "more than double" first.
            """)

    @Argument(help: "A whole count, or a percentage such as 48% or 12.5%.")
    var value: String

    @Option(help: "The total that VALUE is part of.")
    var of: Int?

    @Option(help: ArgumentHelp("The earlier count that VALUE changed from.", valueName: "old"))
    var from: String?

    @Option(help: ArgumentHelp(
        "With --from, the grammar of the wording: complement (\"more than double\", \"up 141%\"), verb (\"more than doubled\"), noun (\"a 141% rise\") or comparative (\"more than twice as many\").",
        valueName: "form"))
    var form: String?

    func validate() throws {
        if let from {
            guard of == nil else { throw ValidationError("--from and --of cannot be used together: a change has no total") }
            guard Self.count(from) != nil else { throw ValidationError("--from '\(from)' is not a whole number of 0 or more") }
            guard Self.count(value) != nil else { throw ValidationError("'\(value)' is not a whole number of 0 or more; with --from, VALUE is the new count") }
        }
        if let form {
            guard from != nil else { throw ValidationError("--form words a change, so it needs --from") }
            guard ChangeForm(rawValue: form) != nil else {
                throw ValidationError("'\(form)' is not a form; use one of \(ChangeForm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if value.hasSuffix("%") {
            guard of == nil else { throw ValidationError("--of takes a count, not a percentage") }
            guard let p = Double(value.dropLast()), (0...100).contains(p) else { throw ValidationError("'\(value)' is not a percentage from 0% to 100%") }
        } else {
            guard let n = Self.count(value) else {
                throw ValidationError("'\(value)' is not a whole number of 0 or more")
            }
            if let of {
                guard of > 0, n <= of else { throw ValidationError("--of must be a total of at least \(n) and more than 0") }
            }
        }
    }

    func run() throws {
        let wordings: [Wording]
        if let from, let old = Self.count(from), let new = Self.count(value) {
            wordings = Phraser.changeWordings(from: old, to: new, as: form.flatMap(ChangeForm.init(rawValue:)) ?? .complement)
        } else if value.hasSuffix("%") {
            let number = String(value.dropLast())
            let decimals = number.split(separator: ".").dropFirst().first?.count ?? 0
            wordings = Phraser.shareWordings(percent: Double(number) ?? 0, decimals: decimals)
        } else if let of {
            wordings = Phraser.shareWordings(part: Self.count(value) ?? 0, of: of)
        } else {
            wordings = Phraser.approximations(of: Self.count(value) ?? 0)
        }
        for wording in wordings { print(wording.text) }
    }

    /// A whole count of 0 or more, with or without thousands separators ("6,350"); nil otherwise.
    static func count(_ text: String) -> Int? {
        Int(text.replacingOccurrences(of: ",", with: "")).flatMap { $0 >= 0 ? $0 : nil }
    }
}
