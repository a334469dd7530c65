import Foundation

extension Phraser {
    /// A common fraction a journalist would use, in percent, with its printed names.
    struct Fraction: Sendable {
        /// The fraction in percent, e.g. 100/3 for "a third".
        let percent: Double
        /// Plain names with their `.about` tolerance in percentage points; the first also names "nearly X" / "more than X".
        let names: [(text: String, tolerance: Double)]

        /// Plain fractions may differ from the share by 1.5 percentage points, but never by more than 15% of themselves (one in twenty: 0.75).
        static func aboutTolerance(_ percent: Double) -> Double { min(1.5, percent * 15 / 100) }

        /// "nearly X" covers X - within <= share < X, within = 5 points but at most 10% of X (nearly one in ten: 9% to 10%).
        static func nearlyWithin(_ percent: Double) -> Double { min(5, percent / 10) }

        /// A fraction whose plain names all use the standard tolerance.
        init(_ percent: Double, _ texts: String...) {
            self.percent = percent
            self.names = texts.map { ($0, Fraction.aboutTolerance(percent)) }
        }

        /// A fraction with explicit tolerances (used for half).
        init(_ percent: Double, names: [(text: String, tolerance: Double)]) {
            self.percent = percent
            self.names = names
        }

        /// The name used after "nearly" and "more than".
        var noun: String { names[0].text }
    }

    /// The fractions offered, ascending. "half" is tight (rounds to 50%); "about half" has the usual 1.5 points.
    static let fractions: [Fraction] = [
        Fraction(5, "one in twenty"),
        Fraction(10, "one in ten"),
        Fraction(20, "one in five"),
        Fraction(25, "one in four", "a quarter"),
        Fraction(30, "three in ten"),
        Fraction(100.0 / 3.0, "a third", "one in three"),
        Fraction(40, "two in five"),
        Fraction(50, names: [("half", 0.5), ("about half", 1.5)]),
        Fraction(60, "three in five"),
        Fraction(200.0 / 3.0, "two thirds"),
        Fraction(70, "seven in ten"),
        Fraction(75, "three quarters"),
        Fraction(80, "four in five"),
        Fraction(90, "nine in ten"),
    ]

    /// The rules behind `shareWordings(part:of:)`; see its documentation.
    static func shareWordingsFromCounts(part: Int, of total: Int) -> [Wording] {
        guard total > 0, part >= 0, part <= total else { return [] }
        let value = Double(part) * 100 / Double(total)
        // "half" means the share rounds to 50%, checked exactly: 50.5% rounds to 51%.
        let roundsToHalf = NumberStyle.roundedPercent(part: part, of: total, decimals: 0)?.units == 50
        var wordings: [Wording] = []
        if part == 0 { wordings.append(Wording(text: "none", claim: .exact(0))) }
        if part == total { wordings.append(Wording(text: "all", claim: .exact(100))) }
        wordings += fractionWordings(lower: value, upper: value, centre: value, allowHalf: roundsToHalf)
        wordings.append(Wording(text: exactShareText(part: part, of: total, value: value), claim: .exact(value)))
        return unique(wordings)
    }

    /// The rules behind `shareWordings(percent:decimals:)`; see its documentation.
    static func shareWordingsFromPublished(percent: Double, decimals: Int) -> [Wording] {
        guard percent.isFinite, (0...100).contains(percent), (0...NumberStyle.maxDecimals).contains(decimals)
        else { return [] }
        guard let interval = publishedInterval(percent: percent, decimals: decimals) else { return [] }
        // Tolerance from the computed ends, so the claim holds at both ends despite binary rounding.
        let tolerance = max(interval.centre - interval.lower, interval.upper - interval.centre)
        let published = Wording(
            text: NumberStyle.percent(interval.centre, decimals: decimals),
            claim: .about(interval.centre, tolerance: tolerance)
        )
        let wordings = fractionWordings(
            lower: interval.lower, upper: interval.upper, centre: interval.centre, allowHalf: true
        )
        return unique(wordings + [published])
    }

    /// Every value a published percentage may stand for: p ± half a unit of its last place, clipped to 0...100.
    ///
    /// The ends are computed as ratios of integers, (2u ∓ 1) / (2 · 10^d) with u the
    /// published value in units of 10^-d, so 52.3 at one decimal gives exactly 52.25...52.35
    /// (to the nearest double).
    static func publishedInterval(percent: Double, decimals: Int) -> (lower: Double, centre: Double, upper: Double)? {
        guard percent.isFinite, percent >= 0, percent <= 100,
              (0...NumberStyle.maxDecimals).contains(decimals) else { return nil }
        let scale = Double(NumberStyle.powerOfTen(decimals))
        let units = (percent * scale).rounded()
        let lower = max(0, (2 * units - 1) / (2 * scale))
        let upper = min(100, (2 * units + 1) / (2 * scale))
        return (lower, units / scale, upper)
    }

    /// Fraction wordings that hold for every value in lower...upper, ranked by distance from `centre`.
    ///
    /// Every claim is an interval of values, so holding at both ends means holding throughout.
    static func fractionWordings(lower: Double, upper: Double, centre: Double, allowHalf: Bool) -> [Wording] {
        func holdsThroughout(_ claim: Wording.Claim) -> Bool {
            claim.holds(for: lower) && claim.holds(for: upper)
        }
        var candidates: [Candidate] = []

        // Plain fractions: "one in ten", "a third", "half".
        for fraction in fractions {
            for name in fraction.names {
                if name.text == "half" && !allowHalf { continue }
                let claim = Wording.Claim.about(fraction.percent, tolerance: name.tolerance)
                guard holdsThroughout(claim) else { continue }
                candidates.append(Candidate(
                    wording: Wording(text: name.text, claim: claim),
                    gap: abs(centre - fraction.percent),
                    kindRank: 1
                ))
            }
        }

        // "nearly X": only the nearest fraction above, from below.
        if let above = fractions.first(where: { $0.percent > upper }) {
            let claim = Wording.Claim.nearly(above.percent, within: Fraction.nearlyWithin(above.percent))
            if holdsThroughout(claim) {
                candidates.append(Candidate(
                    wording: Wording(text: "nearly " + above.noun, claim: claim),
                    gap: above.percent - centre,
                    kindRank: 0 // on a tie with a plain fraction, "nearly" says which side we are on
                ))
            }
        }

        // "more than X": the tightest fraction below, plus "more than half", the phrase people look for.
        let below = fractions.filter { holdsThroughout(.moreThan($0.percent)) }
        let half = fractions.first { $0.percent == 50 }
        for fraction in [below.last, half].compactMap({ $0 }) where holdsThroughout(.moreThan(fraction.percent)) {
            candidates.append(Candidate(
                wording: Wording(text: "more than " + fraction.noun, claim: .moreThan(fraction.percent)),
                gap: centre - fraction.percent,
                kindRank: 2
            ))
        }
        return ranked(candidates)
    }

    /// The exact share as printed: "11%"; "0.4%" / "99.6%" at the ends; never a misleading "0.0%" or "100.0%".
    static func exactShareText(part: Int, of total: Int, value: Double) -> String {
        let tenths = NumberStyle.roundedPercent(part: part, of: total, decimals: 1)?.units ?? 0
        if part > 0 && tenths == 0 { return "less than 0.1%" }
        if part < total && tenths == 1000 { return "more than 99.9%" }
        // Whole percentages hide too much near the ends, so one decimal there.
        let decimals = (part > 0 && value < 1) || (part < total && value > 99) ? 1 : 0
        return NumberStyle.percent(part: part, of: total, decimals: decimals) ?? NumberStyle.percent(value, decimals: decimals)
    }
}
