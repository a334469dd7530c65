import Testing
@testable import BriefingKit

/// Property tests: for every change between small counts and every published percentage change, every wording is true, documented and points the right way.
struct PhraserChangesTests {
    // MARK: - The documented rules, restated independently of the code under test

    /// Which way a text says the count went.
    private enum Direction: Equatable { case up, down, same }

    /// Reads the direction from the words alone; nil when the text names none.
    private static func direction(of text: String) -> Direction? {
        if ["unchanged", "the same", "did not change", "no change", "virtually", "barely"].contains(where: text.contains) { return .same }
        if ["down", "fell", "fall", "fewer", "half", "halv"].contains(where: text.contains) { return .down }
        if ["up", "rose", "rise", "more", "doubl", "twice", "tripl", "quadrupl", "times", "fold"].contains(where: text.contains) { return .up }
        return nil
    }

    /// Whole multiples by the words that name them, in every form.
    private static func multiple(in text: String) -> Int? {
        let named = ["doubl": 2, "twice": 2, "tripl": 3, "three times": 3, "quadrupl": 4, "four times": 4]
        if let k = named.first(where: { text.contains($0.key) })?.value { return k }
        let words = ["five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
        for (word, k) in words where text.contains(word + " times") || text.contains(word + "fold") { return k }
        // "11 times", "11-fold"
        let pieces = text.split(separator: " ")
        for (index, piece) in pieces.enumerated() {
            if piece.hasSuffix("-fold"), let k = Int(piece.dropLast(5).replacingOccurrences(of: ",", with: "")) { return k }
            if index + 1 < pieces.count, pieces[index + 1] == "times", let k = Int(piece.replacingOccurrences(of: ",", with: "")) { return k }
        }
        return nil
    }

    /// The number before "%" in a text, e.g. 140 in "up more than 140%".
    private static func percentNumber(in text: String) -> Double? {
        guard let sign = text.firstIndex(of: "%") else { return nil }
        let digits = text[..<sign].reversed().prefix { $0.isNumber || $0 == "." || $0 == "," }
        return Double(String(digits.reversed()).replacingOccurrences(of: ",", with: ""))
    }

    /// The half wordings, each with its documented claim.
    private static let halves: [String: Wording.Claim] = [
        "half": .exact(0.5), "halved": .exact(0.5), "fell by half": .exact(0.5), "a halving": .exact(0.5), "half as many": .exact(0.5),
        "less than half": .lessThan(0.5), "more than halved": .lessThan(0.5), "fell by more than half": .lessThan(0.5),
        "a fall of more than half": .lessThan(0.5), "fewer than half as many": .lessThan(0.5),
        "nearly half": .nearly(0.5, within: 0.025), "nearly half as many": .nearly(0.5, within: 0.025),
        "just over half": .justAbove(0.5, within: 0.025), "nearly halved": .justAbove(0.5, within: 0.025),
        "fell by nearly half": .justAbove(0.5, within: 0.025), "a fall of nearly half": .justAbove(0.5, within: 0.025),
        "just over half as many": .justAbove(0.5, within: 0.025),
    ]

    /// The claim RULES.md documents for an approximate wording (anything but the exact or published last one), or nil if it is not documented.
    private static func documentedClaim(for text: String) -> Wording.Claim? {
        if let claim = halves[text] { return claim }
        let moreThan = text.contains("more than") || text.hasPrefix("over ")
        let nearly = text.contains("nearly")
        if let k = multiple(in: text) {
            if moreThan { return .moreThan(Double(k)) }
            if nearly { return .nearly(Double(k), within: Double(k) / 20) }
            return .exact(Double(k))
        }
        guard let p = percentNumber(in: text), p.truncatingRemainder(dividingBy: 10) == 0 else { return nil }
        let within = min(p / 20, 2) / 100
        let rising = direction(of: text) == .up
        if moreThan { return rising ? .moreThan((100 + p) / 100) : .lessThan((100 - p) / 100) }
        if nearly { return rising ? .nearly((100 + p) / 100, within: within) : .justAbove((100 - p) / 100, within: within) }
        return nil
    }

    /// The size of the change as the exact form prints it: whole percent, one decimal below 1% and for falls above 99%.
    private static func expectedSize(old: Int, new: Int) -> String {
        let difference = abs(new - old)
        if difference > 0 && 2000 * difference < old { return "less than 0.1%" }
        if new > 0 && new < old && 2000 * new <= old { return "more than 99.9%" }
        let nearEnds = 100 * difference < old || (new > 0 && new < old && 100 * new < old)
        return NumberStyle.percent(part: difference, of: old, decimals: nearEnds ? 1 : 0) ?? "n/a"
    }

    /// The last wording in each form, for a change of `size` in the given direction.
    private static func expectedExact(_ size: String, rising: Bool, form: ChangeForm) -> String {
        switch form {
        case .complement: return (rising ? "up " : "down ") + size
        case .verb: return (rising ? "rose by " : "fell by ") + size
        case .noun: return (rising ? "a rise of " : "a fall of ") + size
        case .comparative: return size + (rising ? " more" : " fewer")
        }
    }

    // MARK: - Changes from counts

    /// Describes what is wrong with the wordings for old -> new in one form, or nil if nothing is.
    ///
    /// `readings` remembers what each text says (its direction and documented claim): texts repeat across the grid.
    private static func problem(old: Int, new: Int, form: ChangeForm, readings: inout [String: (Direction?, Wording.Claim?)]) -> String? {
        let wordings = Phraser.changeWordings(from: old, to: new, as: form)
        let ratio = Double(new) / Double(old)
        guard let last = wordings.last else { return "empty" }
        guard Set(wordings.map(\.text)).count == wordings.count else { return "duplicate texts" }
        let expected: Direction = new > old ? .up : new < old ? .down : .same
        if new == old {
            return wordings.allSatisfy({ $0.claim == .exact(1) && direction(of: $0.text) == .same }) ? nil : "unchanged: \(wordings)"
        }
        guard last.claim == .exact(ratio), last.text == expectedExact(expectedSize(old: old, new: new), rising: new > old, form: form)
        else { return "last is \(last.text) \(last.claim)" }
        for wording in wordings {
            guard wording.holds(for: ratio) else { return "\(wording.text) is false at \(ratio)" }
            let reading = readings[wording.text] ?? (direction(of: wording.text), documentedClaim(for: wording.text))
            readings[wording.text] = reading
            guard reading.0 == expected else { return "\(wording.text) points the wrong way" }
            if wording.claim == last.claim { continue }
            guard let documented = reading.1 else { return "undocumented \(wording.text)" }
            guard documented == wording.claim else { return "\(wording.text) claims \(wording.claim), documented \(documented)" }
        }
        let texts = wordings.map(\.text)
        // The thresholds in the issue, decided in integers.
        if form == .complement {
            if texts.contains("double") != (new == 2 * old) { return "double" }
            if texts.contains("more than double") != (new > 2 * old && new < 3 * old) { return "more than double" }
            if texts.contains("nearly double") != (20 * new >= 38 * old && new < 2 * old) { return "nearly double" }
            if texts.contains("half") != (2 * new == old) { return "half" }
        }
        if form == .verb {
            if texts.contains("doubled") != (new == 2 * old) { return "doubled" }
            if texts.contains("halved") != (2 * new == old) { return "halved" }
            if texts.contains("more than halved") != (2 * new < old && 3 * new > old) { return "more than halved" }
        }
        return nil
    }

    @Test(arguments: ChangeForm.allCases)
    func everyChangeBetweenSmallCountsIsWordedTruthfully(form: ChangeForm) {
        var failures: [String] = []
        var readings: [String: (Direction?, Wording.Claim?)] = [:]
        // Every ratio from 0 to 3 for old counts to 250 (to 100 in the other forms, which share the claims), and to 1,200 from small ones.
        let olds = form == .complement ? 250 : 100
        for old in 1...olds {
            for new in 0...(old <= 30 ? 1200 : 3 * old) {
                if let problem = Self.problem(old: old, new: new, form: form, readings: &readings) { failures.append("\(old) -> \(new): \(problem)") }
            }
            if failures.count > 20 { break }
        }
        // Large counts, and ratios far beyond the percentage range.
        for (old, new) in [(3489, 6350), (9477, 1), (1, 1200), (7, 1200), (123_456, 987_654), (999_983, 1_999_966)] {
            if let problem = Self.problem(old: old, new: new, form: form, readings: &readings) { failures.append("\(old) -> \(new): \(problem)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func multiplesLeadWhenTheyHold() {
        var failures: [String] = []
        for old in 1...200 {
            for new in (2 * old)...(6 * old) {
                let first = Phraser.changeWordings(from: old, to: new).first
                if first.flatMap({ Self.multiple(in: $0.text) }) == nil { failures.append("\(old) -> \(new): \(first?.text ?? "none")") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func fromZeroThereIsNoRatio() {
        #expect(Phraser.changeWordings(from: 0, to: 5).map(\.text) == ["up from 0 to five"])
        #expect(Phraser.changeWordings(from: 0, to: 5).map(\.claim) == [.exact(5)])
        #expect(Phraser.changeWordings(from: 0, to: 1200, as: .verb).map(\.text) == ["rose from 0 to 1,200"])
        #expect(Phraser.changeWordings(from: 0, to: 5, as: .noun).map(\.text) == ["a rise from 0 to five"])
        #expect(Phraser.changeWordings(from: 0, to: 5, as: .comparative).map(\.text) == ["five more"])
        #expect(Phraser.changeWordings(from: 0, to: 0).map(\.text) == ["unchanged at 0"])
        #expect(Phraser.changeWordings(from: -1, to: 5).isEmpty)
        #expect(Phraser.changeWordings(from: 5, to: -1).isEmpty)
    }

    // MARK: - Published percentage changes

    @Test(arguments: [0, 1])
    func everyPublishedChangeIsWordedTruthfullyAcrossItsRoundingInterval(decimals: Int) {
        var failures: [String] = []
        let scale = decimals == 0 ? 1 : 10
        // -100% to +1,000% at whole percentages; -100.0% to +200.0% in tenths.
        for units in (-100 * scale)...((decimals == 0 ? 1000 : 200) * scale) {
            let published = Double(units) / Double(scale)
            // The ratios a rounded change stands for, each end one division of integers: (200 · scale + 2u ∓ 1) / (200 · scale).
            let lower = max(0, Double(200 * scale + 2 * units - 1) / Double(200 * scale))
            let upper = Double(200 * scale + 2 * units + 1) / Double(200 * scale)
            let points = [lower, upper] + (1...15).map { lower + (upper - lower) * Double($0) / 16 }
            for form in ChangeForm.allCases {
                let wordings = Phraser.changeWordings(percent: published, decimals: decimals, as: form)
                guard let last = wordings.last else { failures.append("\(published): empty"); continue }
                let size = NumberStyle.percent(abs(published), decimals: decimals)
                let expected: Direction = units > 0 ? .up : units < 0 ? .down : .same
                if units != 0 && last.text != Self.expectedExact(size, rising: units > 0, form: form) {
                    failures.append("\(published): last \(last.text)")
                }
                for wording in wordings {
                    for point in points where !wording.holds(for: point) {
                        failures.append("\(published) at \(decimals): \(wording.text) false at \(point)")
                    }
                    if Self.direction(of: wording.text) != expected { failures.append("\(published): \(wording.text) points the wrong way") }
                    if wording.claim != last.claim && Self.documentedClaim(for: wording.text) != wording.claim {
                        failures.append("\(published): undocumented \(wording.text) \(wording.claim)")
                    }
                }
            }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func publishedChangesNeverClaimAnExactMultiple() {
        #expect(Phraser.changeWordings(percent: 100).map(\.text) == ["up 100%"])
        #expect(Phraser.changeWordings(percent: -50).map(\.text) == ["down 50%"])
        #expect(Phraser.changeWordings(percent: 0).map(\.text) == ["virtually unchanged"])
        #expect(Phraser.changeWordings(percent: 0, as: .verb).map(\.text) == ["barely changed"])
        #expect(Phraser.changeWordings(percent: 101).first?.text == "more than double")
        #expect(Phraser.changeWordings(percent: 92).first?.text == "nearly double")
        // 90% may be 89.5%, below 1.9 times.
        #expect(!Phraser.changeWordings(percent: 90).map(\.text).contains("nearly double"))
        #expect(Phraser.changeWordings(percent: 90.5, decimals: 1).first?.text == "nearly double")
    }

    @Test func invalidPublishedChangesGiveNothing() {
        #expect(Phraser.changeWordings(percent: .nan).isEmpty)
        #expect(Phraser.changeWordings(percent: .infinity).isEmpty)
        #expect(Phraser.changeWordings(percent: -100.5, decimals: 1).isEmpty)
        #expect(Phraser.changeWordings(percent: 50, decimals: -1).isEmpty)
        #expect(Phraser.changeWordings(percent: 50, decimals: 13).isEmpty)
        #expect(Phraser.changeWordings(percent: 1e12, decimals: 6).isEmpty)
        #expect(Phraser.changeWordings(percent: -100).map(\.text) == ["down 100%"])
    }

    // MARK: - Agreement between a published change and the counts

    @Test func agreementIsWithinRounding() {
        // Northern Ireland: 82 -> 198 printed as "a 141% rise"; 198 / 82 is 2.4146, a 141.46% rise.
        #expect(Phraser.changeAgrees(publishedPercent: 141, decimals: 0, old: 82, new: 198))
        #expect(Phraser.changeAgrees(publishedPercent: 141.5, decimals: 1, old: 82, new: 198))
        #expect(!Phraser.changeAgrees(publishedPercent: 142, decimals: 0, old: 82, new: 198))
        #expect(!Phraser.changeAgrees(publishedPercent: 141.4, decimals: 1, old: 82, new: 198))
        // 6,350 against an invented base of 3,489 is 82.0006%: "an 82% increase".
        #expect(Phraser.changeAgrees(publishedPercent: 82, old: 3489, new: 6350))
        #expect(Phraser.changeAgrees(publishedPercent: 82.0, decimals: 1, old: 3489, new: 6350))
        #expect(!Phraser.changeAgrees(publishedPercent: 81, old: 3489, new: 6350))
        // Against 3,500 it is 81.43%: a published 82% would be a warning.
        #expect(!Phraser.changeAgrees(publishedPercent: 82, old: 3500, new: 6350))
        #expect(Phraser.changeAgrees(publishedPercent: 81, old: 3500, new: 6350))
        // Falls are negative; both ends of the rounding interval agree.
        #expect(Phraser.changeAgrees(publishedPercent: -27, old: 100, new: 73))
        #expect(!Phraser.changeAgrees(publishedPercent: 27, old: 100, new: 73))
        #expect(Phraser.changeAgrees(publishedPercent: -27, old: 200, new: 145)) // -27.5%
        #expect(Phraser.changeAgrees(publishedPercent: -28, old: 200, new: 145))
        // No base, no percentage.
        #expect(!Phraser.changeAgrees(publishedPercent: 0, old: 0, new: 0))
        #expect(!Phraser.changeAgrees(publishedPercent: .nan, old: 1, new: 1))
    }
}
