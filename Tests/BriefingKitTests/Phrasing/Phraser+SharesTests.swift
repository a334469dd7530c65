import Testing
@testable import BriefingKit

/// Property tests: for every small share and every published percentage, every wording is true and documented.
struct PhraserSharesTests {
    // MARK: - The documented rules, restated independently of the code under test

    /// Plain fractions: text -> (percent, tolerance in percentage points).
    private static let plain: [String: (percent: Double, tolerance: Double)] = [
        "one in twenty": (5, 0.75), "one in ten": (10, 1.5), "one in five": (20, 1.5),
        "one in four": (25, 1.5), "a quarter": (25, 1.5), "three in ten": (30, 1.5),
        "a third": (100.0 / 3.0, 1.5), "one in three": (100.0 / 3.0, 1.5), "two in five": (40, 1.5),
        "half": (50, 0.5), "about half": (50, 1.5), "three in five": (60, 1.5),
        "two thirds": (200.0 / 3.0, 1.5), "seven in ten": (70, 1.5), "three quarters": (75, 1.5),
        "four in five": (80, 1.5), "nine in ten": (90, 1.5),
    ]

    /// Names after "nearly" / "more than": name -> percent; "nearly" reaches down min(5, 10% of it).
    private static let nouns: [String: Double] = [
        "one in twenty": 5, "one in ten": 10, "one in five": 20, "one in four": 25, "three in ten": 30,
        "a third": 100.0 / 3.0, "two in five": 40, "half": 50, "three in five": 60, "two thirds": 200.0 / 3.0,
        "seven in ten": 70, "three quarters": 75, "four in five": 80, "nine in ten": 90,
    ]

    /// Checks one fraction wording's claim against the table; nil if it is as documented.
    private static func undocumented(_ wording: Wording) -> String? {
        let text = wording.text
        if let rule = plain[text] {
            return wording.claim == .about(rule.percent, tolerance: rule.tolerance) ? nil : "\(text): \(wording.claim)"
        }
        if text.hasPrefix("nearly "), let target = nouns[String(text.dropFirst(7))] {
            let expected = Wording.Claim.nearly(target, within: min(5, target / 10))
            return wording.claim == expected ? nil : "\(text): \(wording.claim)"
        }
        if text.hasPrefix("more than "), let target = nouns[String(text.dropFirst(10))] {
            return wording.claim == .moreThan(target) ? nil : "\(text): \(wording.claim)"
        }
        return "undocumented wording \(text)"
    }

    // MARK: - Shares from counts

    @Test func everyShareOfSmallTotalsIsWordedTruthfully() {
        var failures: [String] = []
        var cases: [(Int, Int)] = []
        for total in 1...400 { for part in 0...total { cases.append((part, total)) } }
        for total in [4971, 9477, 10_000, 65_536, 999_983, 123_456_789] {
            for part in stride(from: 0, through: total, by: max(1, total / 997)) { cases.append((part, total)) }
            cases.append((total / 2, total))
            cases.append((total / 2 + 1, total))
        }
        for (part, total) in cases {
            if let problem = Self.problem(part: part, of: total) { failures.append("\(part)/\(total): \(problem)") }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Describes what is wrong with the wordings for part of total, or nil if nothing is.
    private static func problem(part: Int, of total: Int) -> String? {
        let wordings = Phraser.shareWordings(part: part, of: total)
        let value = Double(part) * 100 / Double(total)
        guard let last = wordings.last else { return "empty" }
        guard last.claim == .exact(value) else { return "last is \(last.claim)" }
        guard last.text == expectedExactText(part: part, of: total) else { return "exact text \(last.text)" }
        guard Set(wordings.map(\.text)).count == wordings.count else { return "duplicate texts" }
        let texts = wordings.map(\.text)
        for wording in wordings {
            guard wording.holds(for: value) else { return "\(wording.text) is false at \(value)" }
            if wording == last { continue }
            if wording.text == "none" || wording.text == "all" {
                guard wording.claim == .exact(value), value == (wording.text == "all" ? 100 : 0) else { return "bad \(wording.text)" }
                continue
            }
            if let problem = undocumented(wording) { return problem }
        }
        // "more than half" exactly when the share is above half, decided in integers.
        guard texts.contains("more than half") == (2 * part > total) else { return "more than half wrong" }
        // "half" exactly when it rounds to 50%.
        guard texts.contains("half") == (NumberStyle.percent(part: part, of: total) == "50%") else { return "half wrong" }
        // At most one "nearly"; at most one "more than" besides "more than half".
        guard texts.filter({ $0.hasPrefix("nearly ") }).count <= 1 else { return "several nearly" }
        guard texts.filter({ $0.hasPrefix("more than ") && $0 != "more than half" && !$0.hasSuffix("%") }).count <= 1
        else { return "several more than" }
        return nil
    }

    /// The exact form's documented text: no decimals from 1% to 99%, one decimal outside, never 0.0% or 100.0%.
    private static func expectedExactText(part: Int, of total: Int) -> String? {
        let hundredTimesPart = 100 * part
        if part > 0 && 2000 * part < total { return "less than 0.1%" }
        if part < total && 2000 * (total - part) <= total { return "more than 99.9%" }
        let nearEnds = (part > 0 && hundredTimesPart < total) || (part < total && hundredTimesPart > 99 * total)
        return NumberStyle.percent(part: part, of: total, decimals: nearEnds ? 1 : 0)
    }

    @Test func theBestWordingIsTheClosest() {
        var failures: [String] = []
        for total in 1...200 {
            for part in 0...total {
                let wordings = Phraser.shareWordings(part: part, of: total).filter { $0.text != "none" && $0.text != "all" }
                guard wordings.count > 1, let first = wordings.first else { continue }
                let value = Double(part) * 100 / Double(total)
                let gaps = wordings.dropLast().map { Self.gap($0.claim, value) }
                if Self.gap(first.claim, value) != gaps.min() { failures.append("\(part)/\(total): \(first)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    // MARK: - Published percentages

    @Test(arguments: [0, 1, 2])
    func everyPublishedPercentageIsWordedTruthfullyAcrossItsRoundingInterval(decimals: Int) {
        var failures: [String] = []
        let scale = [1, 10, 100][decimals]
        for units in 0...(100 * scale) {
            let published = Double(units) / Double(scale)
            let wordings = Phraser.shareWordings(percent: published, decimals: decimals)
            // Every value that rounds to the published figure, clipped to 0...100.
            let lower = max(0, Double(2 * units - 1) / Double(2 * scale))
            let upper = min(100, Double(2 * units + 1) / Double(2 * scale))
            let points = [lower, upper] + (1...15).map { min(upper, max(lower, lower + (upper - lower) * Double($0) / 16)) }
            guard let last = wordings.last else { failures.append("\(published): empty"); continue }
            if last.text != NumberStyle.percent(published, decimals: decimals) { failures.append("\(published): last \(last)") }
            if case .about(let centre, let tolerance) = last.claim {
                if centre != published || abs(tolerance - 0.5 / Double(scale)) > 1e-9 { failures.append("\(published): \(last.claim)") }
            } else {
                failures.append("\(published): last claim \(last.claim)")
            }
            for wording in wordings {
                for point in points where !wording.holds(for: point) {
                    failures.append("\(published) at \(decimals): \(wording.text) false at \(point)")
                }
                if wording != last, let problem = Self.undocumented(wording) { failures.append("\(published): \(problem)") }
            }
            let texts = wordings.map(\.text)
            // The whole interval must be above 50 for "more than half": 2u - 1 > 100 * scale.
            if texts.contains("more than half") != (2 * units - 1 > 100 * scale) { failures.append("\(published): more than half") }
            // "half" when the interval lies within 49.5...50.5.
            let halfExpected = 2 * units - 1 >= 99 * scale && 2 * units + 1 <= 101 * scale
            if texts.contains("half") != halfExpected { failures.append("\(published): half") }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func publishedWholePercentagesNearHalf() {
        for percent in 0...100 {
            let texts = Phraser.shareWordings(percent: Double(percent)).map(\.text)
            #expect(texts.contains("nearly half") == (46...49).contains(percent), "\(percent)")
            #expect(texts.contains("more than half") == (percent >= 51), "\(percent)")
            #expect(texts.contains("half") == (percent == 50), "\(percent)")
            #expect(texts.contains("about half") == (49...51).contains(percent), "\(percent)")
        }
    }

    /// Distance between the number in a claim and the value.
    private static func gap(_ claim: Wording.Claim, _ value: Double) -> Double {
        switch claim {
        case .exact(let v), .moreThan(let v), .nearly(let v, _), .about(let v, _), .lessThan(let v), .justAbove(let v, _): return abs(v - value)
        }
    }
}
