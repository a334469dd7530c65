import Foundation

extension Phraser {
    /// Above a quadrillion, counts get only their exact forms, so the integer tests below never overflow.
    static let largestApproximatedChangeCount = 1_000_000_000_000_000

    /// "nearly" reaches 5% below a multiple (nearly double: 1.9 to 2) or a percentage (capped, see `largestNearPercentPoints`).
    static let nearlyChangeDivisor = 20.0

    /// "nearly half", "just over half", "nearly halved": within 0.025 of a ratio of one half.
    static let nearHalfWithin = 0.025

    /// "nearly 150%" reaches at most this many percentage points below 150%: a window wider than that is not "nearly".
    static let largestNearPercentPoints = 2.0

    /// Percentage approximations ("up more than 140%") only below eleven times; above, the multiple says it better.
    static let largestPercentApproximatedRatio = 11.0

    /// One claim about a change, with its words in the form asked for and what is needed to rank it.
    struct ChangeIdea {
        /// What every text of the idea asserts about the ratio new / old.
        let claim: Wording.Claim
        /// Texts in the form asked for, best first; may be empty (there is no verb for "nearly half").
        let texts: [String]
        /// 0 multiples and halves, 1 percentage approximations, 2 the exact or published percentage.
        let group: Int
        /// Distance between the ratio in the claim and the central ratio.
        let gap: Double
    }

    /// The rules behind `changeWordings(from:to:as:)`; see its documentation.
    static func changeWordingsFromCounts(old: Int, new: Int, form: ChangeForm) -> [Wording] {
        guard old >= 0, new >= 0 else { return [] }
        guard old > 0 else {
            // No ratio exists: name both counts, and claim only the new count.
            let texts = new == 0 ? unchangedAtZeroTexts[form] ?? [] : fromZeroTexts(new, form: form)
            return texts.map { Wording(text: $0, claim: .exact(Double(new))) }
        }
        guard new != old else {
            return (unchangedTexts[form] ?? []).map { Wording(text: $0, claim: .exact(1)) }
        }
        let ratio = Double(new) / Double(old)
        var ideas: [ChangeIdea] = []
        if max(old, new) <= largestApproximatedChangeCount {
            if new % old == 0 && new / old >= 2 {
                ideas.append(multipleIdea(new / old, form: form, qualifier: "", claim: .exact(Double(new / old)), gap: 0))
            }
            if 2 * new == old { ideas.append(halfIdea(.exact(0.5), form: form, gap: 0)) }
            // A change that is a whole number of tens of percent is already round: no "more than 80%" for 80%.
            let round = (10 * (new - old).magnitude) % UInt(old) == 0
            ideas += approximateChangeIdeas(lower: ratio, upper: ratio, centre: ratio, percentIsRound: round, form: form)
        }
        let size = changeSizeText(old: old, new: new)
        ideas.append(percentIdea(size, form: form, rising: new > old, qualifier: "", claim: .exact(ratio), group: 2, gap: 0))
        return rankedChange(ideas, lower: ratio, upper: ratio)
    }

    /// The rules behind `changeWordings(percent:decimals:as:)`; see its documentation.
    static func changeWordingsFromPublished(percent: Double, decimals: Int, form: ChangeForm) -> [Wording] {
        guard let interval = publishedChangeInterval(percent: percent, decimals: decimals) else { return [] }
        let tolerance = max(interval.centre - interval.lower, interval.upper - interval.centre)
        let claim = Wording.Claim.about(interval.centre, tolerance: tolerance)
        guard interval.units != 0 else {
            // A published 0% may be a small rise or a small fall: neither direction can be named.
            return (roundsToNoChangeTexts[form] ?? []).map { Wording(text: $0, claim: claim) }
        }
        let size = NumberStyle.percent(abs(percent), decimals: decimals)
        // A published 100% or -50% is already round: no "up more than 90%".
        let round = interval.units.truncatingRemainder(dividingBy: 10 * Double(NumberStyle.powerOfTen(decimals))) == 0
        var ideas = approximateChangeIdeas(
            lower: interval.lower, upper: interval.upper, centre: interval.centre, percentIsRound: round, form: form
        )
        ideas.append(percentIdea(size, form: form, rising: interval.units > 0, qualifier: "", claim: claim, group: 2, gap: 0))
        return rankedChange(ideas, lower: interval.lower, upper: interval.upper)
    }

    /// True when a change computed from counts rounds to the published percentage change (within half a unit either way).
    static func changeAgreesWithCounts(publishedPercent: Double, decimals: Int, old: Int, new: Int) -> Bool {
        guard old > 0, new >= 0, publishedPercent.isFinite, (0...NumberStyle.maxDecimals).contains(decimals) else {
            return false
        }
        let computed = Double(new - old) * 100 / Double(old)
        return Ratio.roundsTo(computed, published: publishedPercent, decimals: decimals)
    }

    /// Every ratio a published percentage change may stand for: 1 + (p ± half a unit) / 100, never below 0.
    ///
    /// The ends are single divisions of integers, (200 · 10^d + 2u ∓ 1) / (200 · 10^d) with u
    /// the published change in units of 10^-d, so "82%" gives the nearest doubles to 1.815 and 1.825.
    /// Nil for NaN, changes below -100%, decimals outside 0...12, or more than 10^15 units.
    static func publishedChangeInterval(percent: Double, decimals: Int) -> (lower: Double, centre: Double, upper: Double, units: Double)? {
        guard percent.isFinite, percent >= -100, (0...NumberStyle.maxDecimals).contains(decimals) else { return nil }
        let scale = Double(NumberStyle.powerOfTen(decimals))
        let units = (percent * scale).rounded()
        // Beyond 10^15 units the integers above stop being exact doubles.
        guard abs(units) <= 1e15 else { return nil }
        let denominator = 200 * scale
        let lower = max(0, (denominator + 2 * units - 1) / denominator)
        let upper = (denominator + 2 * units + 1) / denominator
        return (lower, (denominator + 2 * units) / denominator, upper, units)
    }

    /// Multiples, halves and percentage approximations that might hold for every ratio in lower...upper.
    ///
    /// Proposes only the nearest of each kind; `rankedChange` keeps those whose claim holds at both ends.
    static func approximateChangeIdeas(lower: Double, upper: Double, centre: Double, percentIsRound: Bool, form: ChangeForm) -> [ChangeIdea] {
        var ideas: [ChangeIdea] = []
        // Multiples: "more than double" for the whole multiple below, "nearly triple" for the one above.
        if lower >= 2 {
            let below = Int(lower.rounded(.down))
            ideas.append(multipleIdea(below, form: form, qualifier: "more than ", claim: .moreThan(Double(below)), gap: centre - Double(below)))
        }
        if upper >= 1.5 {
            let above = Int(upper.rounded(.down)) + 1
            let claim = Wording.Claim.nearly(Double(above), within: Double(above) / nearlyChangeDivisor)
            ideas.append(multipleIdea(above, form: form, qualifier: "nearly ", claim: claim, gap: Double(above) - centre))
        }
        // Halves, for falls: only from a third of the old count up, where "half" is the natural yardstick.
        if upper < 1 {
            // "nearly half" before the looser "less than half" when both hold.
            ideas.append(halfIdea(.nearly(0.5, within: nearHalfWithin), form: form, gap: abs(0.5 - centre)))
            if lower > 1.0 / 3.0 { ideas.append(halfIdea(.lessThan(0.5), form: form, gap: abs(0.5 - centre))) }
            ideas.append(halfIdea(.justAbove(0.5, within: nearHalfWithin), form: form, gap: abs(centre - 0.5)))
        }
        guard centre < largestPercentApproximatedRatio else { return ideas }
        // Percentages, in tens: the nearest ten below ("more than 140%") and above ("nearly 150%").
        if lower > 1 {
            let rise = { (tens: Int) in Double(100 + 10 * tens) / 100 }
            if !percentIsRound, let tens = largestTens(near: (lower - 1) * 10, where: { lower > rise($0) }), tens >= 1 {
                ideas.append(percentIdea("\(10 * tens)%", form: form, rising: true, qualifier: "more than ",
                                         claim: .moreThan(rise(tens)), group: 1, gap: centre - rise(tens)))
            }
            // Only the nearest ten strictly above: 300% is never "nearly 310%".
            let guess = Int(((upper - 1) * 10).rounded(.down))
            if let tens = [guess, guess + 1, guess + 2].first(where: { rise($0) > upper }), tens >= 2 {
                let claim = Wording.Claim.nearly(rise(tens), within: nearPercentWithin(tens))
                ideas.append(percentIdea("\(10 * tens)%", form: form, rising: true, qualifier: "nearly ", claim: claim, group: 1, gap: rise(tens) - centre))
            }
        }
        if upper < 1 {
            let fall = { (tens: Int) in Double(100 - 10 * tens) / 100 }
            if !percentIsRound, let tens = largestTens(near: (1 - upper) * 10, where: { upper < fall($0) }), (1...9).contains(tens) {
                ideas.append(percentIdea("\(10 * tens)%", form: form, rising: false, qualifier: "more than ",
                                         claim: .lessThan(fall(tens)), group: 1, gap: fall(tens) - centre))
            }
            let guess = Int(((1 - lower) * 10).rounded(.down))
            if let tens = [guess, guess + 1, guess + 2].first(where: { fall($0) < lower }), (2...10).contains(tens) {
                let claim = Wording.Claim.justAbove(fall(tens), within: nearPercentWithin(tens))
                ideas.append(percentIdea("\(10 * tens)%", form: form, rising: false, qualifier: "nearly ", claim: claim, group: 1, gap: centre - fall(tens)))
            }
        }
        return ideas
    }

    /// How far "nearly P%" reaches, as a ratio: 5% of P, at most 2 points (nearly 20%: 19% to 20%; nearly 150%: 148% to 150%).
    static func nearPercentWithin(_ tens: Int) -> Double {
        min(Double(10 * tens) / nearlyChangeDivisor, largestNearPercentPoints) / 100
    }

    /// The largest whole number of tens, within one of `estimate`, for which `holds` is true.
    ///
    /// The estimate comes from floating-point arithmetic, so the tens either side are tried;
    /// the claim itself is checked again at both ends when the ideas are ranked.
    static func largestTens(near estimate: Double, where holds: (Int) -> Bool) -> Int? {
        let guess = Int(estimate.rounded(.down))
        return [guess + 1, guess, guess - 1].first(where: holds)
    }

    /// Ideas whose claim holds at both ends, best first: multiples and halves, then percentage approximations, then the exact or published percentage.
    ///
    /// Within a group, closest to the central ratio first; on a tie, the order proposed.
    static func rankedChange(_ ideas: [ChangeIdea], lower: Double, upper: Double) -> [Wording] {
        let kept = ideas.enumerated().filter { $0.element.claim.holds(for: lower) && $0.element.claim.holds(for: upper) }
        let ordered = kept.sorted { lhs, rhs in
            if lhs.element.group != rhs.element.group { return lhs.element.group < rhs.element.group }
            if lhs.element.gap != rhs.element.gap { return lhs.element.gap < rhs.element.gap }
            return lhs.offset < rhs.offset
        }
        return unique(ordered.flatMap { idea in
            idea.element.texts.map { Wording(text: $0, claim: idea.element.claim) }
        })
    }

    // MARK: - Words

    /// Words for a whole multiple k >= 2 in the form asked for.
    static let namedMultiples: [Int: (complement: [String], verb: String, noun: String)] = [
        2: (["double", "twice"], "doubled", "a doubling"),
        3: (["triple", "three times"], "tripled", "a tripling"),
        4: (["quadruple", "four times"], "quadrupled", "a quadrupling"),
    ]

    /// "double" / "more than doubled" / "nearly a doubling" / "more than twice as many" for a whole multiple k >= 2.
    ///
    /// `qualifier` is "", "more than " or "nearly ". From five up: "five times", "rose fivefold", "a fivefold rise".
    static func multipleIdea(_ k: Int, form: ChangeForm, qualifier: String, claim: Wording.Claim, gap: Double) -> ChangeIdea {
        let named = namedMultiples[k]
        let texts: [String]
        switch form {
        case .complement:
            texts = (named?.complement ?? [NumberStyle.count(k) + " times"]).map { qualifier + $0 }
        case .verb:
            texts = [named.map { qualifier + $0.verb } ?? "rose " + qualifier + foldText(k)]
        case .noun:
            if let named {
                texts = [qualifier + named.noun]
            } else {
                let fold = foldText(k)
                texts = [qualifier.isEmpty ? article(for: fold) + " " + fold + " rise" : "a " + qualifier + fold + " rise"]
            }
        case .comparative:
            texts = [qualifier + (k == 2 ? "twice" : NumberStyle.count(k) + " times") + " as many"]
        }
        return ChangeIdea(claim: claim, texts: texts, group: 0, gap: gap)
    }

    /// Words for a fall to about half, chosen by the claim: exactly half, below half, just below, just above.
    static func halfIdea(_ claim: Wording.Claim, form: ChangeForm, gap: Double) -> ChangeIdea {
        let texts: [ChangeForm: [String]]
        switch claim {
        case .exact:
            texts = [.complement: ["half"], .verb: ["halved", "fell by half"], .noun: ["a halving"], .comparative: ["half as many"]]
        case .lessThan:
            texts = [.complement: ["less than half"], .verb: ["more than halved", "fell by more than half"],
                     .noun: ["a fall of more than half"], .comparative: ["fewer than half as many"]]
        case .nearly:
            // Just under half of the old count; "nearly halved" would say the opposite.
            texts = [.complement: ["nearly half"], .comparative: ["nearly half as many"]]
        default:
            // Just over half of the old count: the fall is nearly a half.
            texts = [.complement: ["just over half"], .verb: ["nearly halved", "fell by nearly half"],
                     .noun: ["a fall of nearly half"], .comparative: ["just over half as many"]]
        }
        return ChangeIdea(claim: claim, texts: texts[form] ?? [], group: 0, gap: gap)
    }

    /// "up 141%" / "rose by more than 140%" / "a 141% rise" / "nearly 150% more", and the falls.
    ///
    /// `size` is the percentage as printed ("141%", "less than 0.1%"); `qualifier` is "", "more than " or "nearly ".
    static func percentIdea(_ size: String, form: ChangeForm, rising: Bool, qualifier: String, claim: Wording.Claim,
                            group: Int, gap: Double) -> ChangeIdea {
        let phrase = qualifier + size
        let texts: [String]
        switch form {
        case .complement:
            texts = [(rising ? "up " : "down ") + phrase]
        case .verb:
            texts = [(rising ? "rose by " : "fell by ") + phrase]
        case .noun:
            let noun = rising ? "rise" : "fall"
            // "a 141% rise" reads well only with a plain number; "a less than 0.1% rise" does not.
            let before = phrase.contains(" ") ? [] : [article(for: size) + " " + size + " " + noun]
            texts = before + ["a \(noun) of \(phrase)"]
        case .comparative:
            // "more than 140% more" stumbles; "over 140% more" does not.
            texts = [(qualifier == "more than " ? "over " + size : phrase) + (rising ? " more" : " fewer")]
        }
        return ChangeIdea(claim: claim, texts: texts, group: group, gap: gap)
    }

    /// The size of a change from counts, as a percentage of the old count, printed like a share.
    ///
    /// Whole percent, but one decimal below 1% (and for falls above 99%), and "less than 0.1%" /
    /// "more than 99.9%" rather than a misleading "0.0%" or a fall of "100.0%" that is not to zero.
    static func changeSizeText(old: Int, new: Int) -> String {
        let difference = Int((new - old).magnitude)
        let falling = new < old
        let tenths = NumberStyle.roundedPercent(part: difference, of: old, decimals: 1)?.units ?? 0
        if difference > 0 && tenths == 0 { return "less than 0.1%" }
        if falling && new > 0 && tenths == 1000 { return "more than 99.9%" }
        // Below 1% (100 · difference < old), or a fall above 99% (100 · new < old), written without overflowing.
        let nearEnds = difference <= (old - 1) / 100 || (falling && new > 0 && new <= (old - 1) / 100)
        return NumberStyle.percent(part: difference, of: old, decimals: nearEnds ? 1 : 0) ?? "n/a"
    }

    /// "fivefold" ... "tenfold", then "11-fold", "250-fold".
    static func foldText(_ k: Int) -> String {
        let words = [5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"]
        return words[k].map { $0 + "fold" } ?? NumberStyle.digits(k) + "-fold"
    }

    /// "an" before a number said with a vowel sound (8, 11, 18, 80-89, 800-899, and those thousands), else "a".
    ///
    /// Reads the leading group of digits as it is spoken: "82%" is "eighty-two", "11,500" "eleven thousand ...".
    static func article(for number: String) -> String {
        if number.hasPrefix("eight") { return "an" }
        let leading = number.prefix { $0.isNumber }
        guard let group = Int(leading) else { return "a" }
        let vowel = [8, 11, 18].contains(group) || (80...89).contains(group) || (800...899).contains(group)
        return vowel ? "an" : "a"
    }

    /// Exactly the same count, in each form.
    static let unchangedTexts: [ChangeForm: [String]] = [
        .complement: ["unchanged", "the same"], .verb: ["did not change", "stayed the same"],
        .noun: ["no change"], .comparative: ["the same number of"],
    ]

    /// Zero both times: there is no ratio, but there is no change either.
    static let unchangedAtZeroTexts: [ChangeForm: [String]] = [
        .complement: ["unchanged at 0"], .verb: ["stayed at 0"], .noun: ["no change from 0"], .comparative: ["the same number of"],
    ]

    /// A published 0%: within rounding of no change, in either direction.
    static let roundsToNoChangeTexts: [ChangeForm: [String]] = [
        .complement: ["virtually unchanged"], .verb: ["barely changed"], .noun: ["virtually no change"],
        .comparative: ["about the same number of"],
    ]

    /// A rise from nothing: no multiple or percentage exists, so both counts are named.
    static func fromZeroTexts(_ new: Int, form: ChangeForm) -> [String] {
        let count = NumberStyle.count(new)
        switch form {
        case .complement: return ["up from 0 to " + count]
        case .verb: return ["rose from 0 to " + count]
        case .noun: return ["a rise from 0 to " + count]
        case .comparative: return [count + " more"]
        }
    }
}
