import Testing
@testable import BriefingKit

/// Property tests: for thousands of counts, every wording is true, documented and well ordered.
struct PhraserCountsTests {
    /// Every count from 0 to 20,000, then a stride to ten million, then some extremes.
    private static let counts: [Int] = Array(0...20_000)
        + Array(stride(from: 20_001, through: 10_000_000, by: 997))
        + [99_999_999, 123_456_789, 999_999_999, 1_000_000_001, 9_876_543_210, Int.max - 1, Int.max]

    @Test func everyWordingHoldsAndMatchesItsText() {
        var failures: [String] = []
        for n in Self.counts {
            let wordings = Phraser.approximations(of: n)
            if let problem = Self.problem(with: wordings, for: n) { failures.append("\(n): \(problem)") }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func theHeadlineFollowsTheDocumentedOrder() {
        var failures: [String] = []
        for n in Self.counts where n >= 100 {
            let wordings = Phraser.approximations(of: n)
            // Round counts have only exact forms; nothing to order.
            guard let first = wordings.first, first.claim != .exact(Double(n)) else { continue }
            let digitCount = String(n).count
            let leadingUnit = Self.power(digitCount - 1)
            let secondUnit = Self.power(digitCount - 2)
            let leading = n / leadingUnit * leadingUnit
            if n / secondUnit * secondUnit == leading {
                // Second significant figure 0: the one-figure form leads.
                if first.claim != .moreThan(Double(leading)) { failures.append("\(n): \(first)") }
            } else {
                // Otherwise the closest approximation leads.
                let gaps = wordings.dropLast().map { Self.gap($0.claim, n) }
                if Self.gap(first.claim, n) != gaps.min() { failures.append("\(n): \(first) not closest") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func overAThousandOnlyStrictlyAboveAThousand() {
        for n in 900...1200 {
            let texts = Phraser.approximations(of: n).map(\.text)
            #expect(texts.contains("over a thousand") == (n > 1000 && n < 2000 && n % 10 != 0), "\(n)")
            #expect(!(texts.contains("more than 1,000") && n <= 1000), "\(n)")
            if (1001...1099).contains(n) && n % 10 != 0 { #expect(texts.first == "over a thousand", "\(n)") }
        }
    }

    // MARK: - Checks written independently of the code under test

    /// Describes what is wrong with the wordings for `n`, or nil if nothing is.
    private static func problem(with wordings: [Wording], for n: Int) -> String? {
        let value = Double(n)
        guard let last = wordings.last else { return "empty" }
        guard last == Wording(text: NumberStyle.count(n), claim: .exact(value)) else { return "last is \(last)" }
        guard Set(wordings.map(\.text)).count == wordings.count else { return "duplicate texts" }
        if n < 100 && wordings.count != 1 { return "small count approximated" }
        let tightUnit = max(10, power(String(n).count - 3))
        let isRound = n % tightUnit == 0
        for wording in wordings {
            guard wording.holds(for: value) else { return "\(wording.text) is false" }
            switch wording.claim {
            case .exact(let claimed):
                guard claimed == value, parseNumber(wording.text) == n else { return "bad exact \(wording.text)" }
            case .moreThan(let bound):
                if isRound { return "round count approximated: \(wording.text)" }
                guard let shown = parseMoreThan(wording.text), Double(shown) == bound else { return "text \(wording.text) vs \(bound)" }
                // The bound is n rounded down at some power of ten from 10 up.
                let isFloor = (1...18).contains { power($0) <= n && shown == n / power($0) * power($0) && shown >= power($0) }
                guard shown < n, isFloor, shown % max(10, power(String(n).count - 3)) == 0 else { return "bad bound \(wording.text)" }
            case .nearly(let bound, let within):
                if isRound { return "round count approximated: \(wording.text)" }
                guard wording.text.hasPrefix("nearly "), let shown = parseNumber(String(wording.text.dropFirst(7))),
                      Double(shown) == bound, within == Double(shown) / 50
                else { return "text \(wording.text) vs \(bound)" }
                let roundStep = 5 * power(String(shown).count - 2)
                guard shown > n, 50 * (shown - n) <= shown, shown % roundStep == 0 else { return "bad nearly \(wording.text)" }
            case .about, .lessThan, .justAbove:
                return "\(wording.claim) claim for a count: \(wording.text)"
            }
        }
        return nil
    }

    /// "more than 9,470" / "over nine thousand" -> the number.
    private static func parseMoreThan(_ text: String) -> Int? {
        for prefix in ["more than ", "over "] where text.hasPrefix(prefix) {
            return parseNumber(String(text.dropFirst(prefix.count)))
        }
        return nil
    }

    private static let words = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9]

    /// "9,470", "seven", "a thousand", "nine million", "1.23 million" -> the integer.
    private static func parseNumber(_ text: String) -> Int? {
        for (suffix, scale) in [(" thousand", 1_000), (" million", 1_000_000)] where text.hasSuffix(suffix) {
            let head = String(text.dropLast(suffix.count))
            if let word = words[head] { return word * scale }
            let pieces = head.split(separator: ".")
            guard let whole = Int(pieces[0].replacingOccurrences(of: ",", with: "")) else { return nil }
            guard pieces.count == 2 else { return whole * scale }
            let decimals = String(pieces[1])
            guard let fraction = Int(decimals), !decimals.hasSuffix("0") else { return nil }
            return whole * scale + fraction * scale / power(decimals.count)
        }
        if let word = words[text], text != "a" { return word }
        guard !text.hasPrefix(","), !text.hasSuffix(","), !text.contains(",,") else { return nil }
        return Int(text.replacingOccurrences(of: ",", with: ""))
    }

    /// Distance between the number in a claim and n.
    private static func gap(_ claim: Wording.Claim, _ n: Int) -> Double {
        switch claim {
        case .exact(let v), .moreThan(let v), .nearly(let v, _), .about(let v, _), .lessThan(let v), .justAbove(let v, _): return abs(v - Double(n))
        }
    }

    private static let powers: [Int] = (0...18).map { exponent in (0..<exponent).reduce(1) { product, _ in product * 10 } }

    private static func power(_ exponent: Int) -> Int {
        powers[max(0, exponent)]
    }
}
