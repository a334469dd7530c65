import Foundation

extension Phraser {
    /// Below this, a count is always given exactly: "more than 90" for 97 helps nobody.
    static let smallestApproximatedCount = 100

    /// "nearly N" needs N - n <= N / nearlyCountDivisor, i.e. within 2% of N.
    static let nearlyCountDivisor = 50

    /// The rules behind `approximations(of:)`; see its documentation.
    static func countWordings(_ n: Int) -> [Wording] {
        guard n >= 0 else { return [] }
        let exact = Wording(text: NumberStyle.count(n), claim: .exact(Double(n)))
        guard n >= smallestApproximatedCount else { return [exact] }

        let digitCount = String(n).count
        let tightUnit = max(10, Int(NumberStyle.powerOfTen(digitCount - 3)))
        guard n % tightUnit != 0 else {
            // Already round: the number itself is the best wording.
            return unique(exactAlternatives(of: n) + [exact])
        }

        let secondUnit = Int(NumberStyle.powerOfTen(digitCount - 2))
        let leadingUnit = Int(NumberStyle.powerOfTen(digitCount - 1))
        let tight = n / tightUnit * tightUnit
        let second = n / secondUnit * secondUnit
        let leading = n / leadingUnit * leadingUnit

        var candidates: [Candidate] = []
        for bound in [tight, second, leading] where bound < n {
            candidates.append(Candidate(
                wording: Wording(text: "more than " + roundNumberText(bound), claim: .moreThan(Double(bound))),
                gap: Double(n - bound),
                kindRank: 1
            ))
        }
        let leadingWords = wordsForRound(leading).map { "over " + $0 }
        if let leadingWords {
            // Word form before the equal-gap digit form.
            candidates.append(Candidate(
                wording: Wording(text: leadingWords, claim: .moreThan(Double(leading))),
                gap: Double(n - leading),
                kindRank: 0
            ))
        }
        // Second significant figure 0 (1,075; 30,412): the one-figure form loses under a tenth and leads.
        let headline = second == leading
            ? Wording(text: leadingWords ?? "more than " + roundNumberText(leading), claim: .moreThan(Double(leading)))
            : nil
        // Only multiples of the leading power of ten or of its half count as round enough: 9,500, 10,000, 900.
        candidates += nearlyCandidates(for: n, steps: [leadingUnit, leadingUnit / 2])

        // Final guard: only what provably holds for n survives.
        let safe = candidates.filter { $0.wording.holds(for: Double(n)) }
        var ordered = ranked(safe)
        if let headline, let index = ordered.firstIndex(of: headline) {
            ordered.remove(at: index)
            ordered.insert(headline, at: 0)
        }
        return unique(ordered + [exact])
    }

    /// "nearly N" candidates: N is n rounded up to a multiple of each step, only if rounder than n and within 2%.
    ///
    /// Steps below 10 are ignored; callers pass the leading power of ten and its half.
    static func nearlyCandidates(for n: Int, steps: [Int]) -> [Candidate] {
        var candidates: [Candidate] = []
        for step in steps where step >= 10 {
            let (target, overflow) = (n / step + 1).multipliedReportingOverflow(by: step)
            guard !overflow,
                  significantFigures(target) < significantFigures(n),
                  target - n <= target / nearlyCountDivisor
            else { continue }
            // N / 50 is exact whenever the 2% boundary is a whole number, so no count is misjudged.
            let claim = Wording.Claim.nearly(Double(target), within: Double(target) / Double(nearlyCountDivisor))
            let gap = Double(target - n)
            if let words = wordsForRound(target) {
                candidates.append(Candidate(wording: Wording(text: "nearly " + words, claim: claim), gap: gap, kindRank: 2))
            }
            candidates.append(Candidate(
                wording: Wording(text: "nearly " + roundNumberText(target), claim: claim),
                gap: gap,
                kindRank: 3
            ))
        }
        return candidates
    }

    /// Exact alternatives for a round count: "a thousand", "two million", "1.2 million".
    static func exactAlternatives(of n: Int) -> [Wording] {
        var wordings: [Wording] = []
        if let words = wordsForRound(n) {
            wordings.append(Wording(text: words, claim: .exact(Double(n))))
        }
        if let millions = millionsText(n) {
            wordings.append(Wording(text: millions, claim: .exact(Double(n))))
        }
        return wordings
    }

    /// "a thousand", "two thousand" ... "nine million" for d x 1,000 or d x 1,000,000 (d in 1...9), else nil.
    static func wordsForRound(_ n: Int) -> String? {
        for (scale, name) in [(1_000, "thousand"), (1_000_000, "million")] {
            guard n % scale == 0 else { continue }
            let leadingDigit = n / scale
            if leadingDigit == 1 { return "a " + name }
            if (2...9).contains(leadingDigit) { return NumberStyle.smallNumberWords[leadingDigit] + " " + name }
        }
        return nil
    }

    /// A round number as a journalist writes it: "9,470", or "1.23 million" from a million up.
    static func roundNumberText(_ n: Int) -> String {
        millionsText(n) ?? NumberStyle.digits(n)
    }

    /// "1 million", "1.2 million", "1.23 million", "12.3 million" for multiples of 10,000 from a million to below a billion, else nil.
    static func millionsText(_ n: Int) -> String? {
        // From a billion up the millions form stops reading naturally; digits are clearer.
        guard n >= 1_000_000, n < 1_000_000_000, n % 10_000 == 0 else { return nil }
        let whole = NumberStyle.digits(n / 1_000_000)
        let hundredths = (n % 1_000_000) / 10_000
        guard hundredths > 0 else { return whole + " million" }
        var decimals = hundredths < 10 ? "0" + String(hundredths) : String(hundredths)
        if decimals.hasSuffix("0") { decimals.removeLast() }
        return whole + "." + decimals + " million"
    }

    /// Digits of a positive integer without its trailing zeros: 9,470 -> 3; 10,000 -> 1.
    static func significantFigures(_ n: Int) -> Int {
        var value = n.magnitude
        guard value > 0 else { return 0 }
        while value % 10 == 0 { value /= 10 }
        return String(value).count
    }
}
