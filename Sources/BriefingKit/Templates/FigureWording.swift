/// The transforms a template can apply to a figure, and the text each gives. Uses the wording engine.
public enum FigureWording {
    /// Transform names, as written in a template: `{{approx(east.total)}}`.
    public static let transforms = ["number", "digits", "approx", "percent", "fraction", "points", "size", "entry",
                                    "change", "changed", "rise", "more"]

    /// The grammar each change transform gives: "more than double", "more than doubled", "a doubling", "twice as many".
    static let changeForms: [String: ChangeForm] = ["change": .complement, "changed": .verb, "rise": .noun, "more": .comparative]

    /// The one transform for text: the first letter made a capital, to start a sentence.
    public static let textTransform = "capital"

    /// A transform name as a template may write it: any of `transforms`, or one with a capital
    /// first letter (`Approx`, `Fraction`), whose wording then starts with a capital.
    public static func isKnown(_ name: String) -> Bool {
        transforms.contains(name) || (name.first?.isUppercase == true && transforms.contains(lowercasedFirst(name)))
    }


    private static func lowercasedFirst(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// The text a figure shows by default: counts in house style, shares as percentages.
    public static func display(_ figure: Figure) -> String {
        switch figure.value {
        case .count(let n): NumberStyle.count(n)
        case .percent(let p, let decimals): NumberStyle.percent(p, decimals: decimals)
        case .points(let p, let decimals): NumberStyle.percentagePoints(abs(p), decimals: decimals)
        // Words, not a sign: "+25%" would read as a formula in a spreadsheet, and "up" cannot be misread.
        case .change(let p, let decimals): p == 0 ? "unchanged" : (p > 0 ? "up " : "down ") + NumberStyle.percent(abs(p), decimals: decimals)
        case .marker(let marker): marker.rawValue
        }
    }

    /// The text for a transform, or an error message a press officer can act on.
    public static func apply(_ transform: String, to figure: Figure) -> Result<String, TransformFailure> {
        if transform.first?.isUppercase == true, transforms.contains(lowercasedFirst(transform)) {
            return apply(lowercasedFirst(transform), to: figure).map(\.withCapitalFirstLetter)
        }
        if let marker = figure.value.marker {
            // A marker is shown as itself ([x]), never as a number, and never worded.
            if ["number", "digits", "entry"].contains(transform) { return .success(marker.rawValue) }
            return .failure(.init(message: "figure '\(figure.id)' is \(marker.rawValue) (\(marker.meaning)) and cannot be worded as a number; test {{#…provided}} first"))
        }
        switch (transform, figure.value) {
        case ("number", _), ("entry", _): return .success(display(figure))
        case ("digits", .count(let n)): return .success(NumberStyle.digits(n))
        case ("approx", .count(let n)):
            return Phraser.approximations(of: n).first.map { .success($0.text) } ?? .failure(.init(message: "no wording for \(n)"))
        case ("percent", .percent(let p, let decimals)): return .success(NumberStyle.percent(p, decimals: decimals))
        case ("fraction", .percent(let p, let decimals)):
            // A calculated share is known exactly; a published one only to its rounding.
            let precision = figure.derivation.isComputed ? 9 : decimals
            return Phraser.shareWordings(percent: p, decimals: precision).first.map { .success($0.text) }
                ?? .failure(.init(message: "no wording for \(p)%"))
        case ("points", .points(let p, let decimals)): return .success(NumberStyle.percentagePoints(abs(p), decimals: decimals))
        // The size of a change, without its sign: the template says "up" or "down".
        case ("size", .count(let n)): return .success(NumberStyle.count(abs(n)))
        case ("size", .percent(let p, let decimals)): return .success(NumberStyle.percent(abs(p), decimals: decimals))
        case ("size", .points(let p, let decimals)): return .success(NumberStyle.percentagePoints(abs(p), decimals: decimals))
        case ("size", .change(let p, let decimals)): return .success(NumberStyle.percent(abs(p), decimals: decimals))
        case (let name, .change) where changeForms[name] != nil && figure.counts != nil:
            let counts = figure.counts!
            return Phraser.changeWordings(from: counts.from, to: counts.to, as: changeForms[name]!).first.map { .success($0.text) }
                ?? .failure(.init(message: "no wording for a change from \(counts.from) to \(counts.to)"))
        case (let name, .change(let p, let decimals)) where changeForms[name] != nil:
            // A calculated change is known exactly; a published one only to its rounding.
            let precision = figure.derivation.isComputed ? 9 : decimals
            return Phraser.changeWordings(percent: p, decimals: precision, as: changeForms[name]!).first.map { .success($0.text) }
                ?? .failure(.init(message: "no wording for a change of \(p)%"))
        default:
            return .failure(.init(message: "'\(transform)' cannot be applied to figure '\(figure.id)' (\(kind(figure.value))); \(hint(figure.value))"))
        }
    }

    public struct TransformFailure: Error, Sendable, Equatable {
        public let message: String
    }

    private static func kind(_ value: FigureValue) -> String {
        switch value {
        case .count: "a count"
        case .percent: "a percentage"
        case .points: "a difference in percentage points"
        case .change: "a percentage change"
        case .marker: "a marker"
        }
    }

    private static func hint(_ value: FigureValue) -> String {
        switch value {
        case .count: "counts take number, digits or approx"
        case .percent: "percentages take number, percent or fraction"
        case .points: "differences take number or points"
        case .change: "changes take number, size, change, changed, rise or more"
        case .marker: "markers cannot be worded"
        }
    }
}
