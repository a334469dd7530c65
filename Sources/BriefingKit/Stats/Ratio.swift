/// Shares and rounding checks, as pure functions.
enum Ratio {
    /// `part / whole` as a calculated percentage figure (one decimal), or nil when `whole` is not positive.
    static func share(_ part: Int, of whole: Int, id: String, label: String, inputs: [Figure],
                      period: Period?, area: String?) -> Figure? {
        guard whole > 0, part >= 0 else { return nil }
        let percent = Double(part) * 100 / Double(whole)
        return Figure(id: id, label: label, value: .percent(percent, decimals: 1),
                      derivation: .computed(.share, inputs: inputs.map(\.id)),
                      sources: sources(of: inputs), period: period, area: area)
    }

    /// The sources of several figures, each once, in order.
    static func sources(of figures: [Figure]) -> [String] {
        figures.flatMap(\.sources).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// True when `value` lies in the interval that a percentage published to `decimals` places stands for:
    /// [p − ½ unit, p + ½ unit]. Both ends are allowed, since publishers round halves either way.
    static func roundsTo(_ value: Double, published p: Double, decimals: Int) -> Bool {
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        return abs(value - p) <= unit / 2 + 1e-9
    }
}
