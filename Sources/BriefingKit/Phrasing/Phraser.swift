import Foundation

/// Chooses wordings for counts, shares and changes, best first, never overstating.
///
/// Every wording returned carries a `Wording.Claim` that holds for the true value; the
/// rules and their tolerances are listed in RULES.md next to this file. Lists are ordered
/// best first and always end with the exact form, so `first` is the headline wording and
/// `last` the figure for a table.
public enum Phraser: Sendable {
    /// Wordings for a whole count, best first, always ending with the exact count.
    ///
    /// e.g. 1075 -> ["over a thousand", "more than 1,070", "more than 1,000", "1,075"];
    /// 9477 -> ["more than 9,470", "nearly 9,500", "more than 9,400", "over nine thousand",
    /// "more than 9,000", "9,477"]. Numbers from a million up are written "1.23 million"
    /// (below a billion). Rules:
    /// - Below 100, or already round to three significant figures (never finer than
    ///   tens: 9,470, 870, 1,000), only the exact count (plus "a thousand", "1.2 million"
    ///   style exact alternatives).
    /// - "more than T": T is n rounded down to three significant figures, never finer than
    ///   tens (9,477 -> 9,470; 877 -> 870); also rounded down to two and one significant
    ///   figures (9,400; 9,000). Only strictly below n.
    /// - "over a thousand" ... "over nine thousand", "over a million" ... "over nine
    ///   million": when n rounded down to one significant figure is such a number and n
    ///   is strictly above it.
    /// - "nearly N": N is n rounded up to a multiple of its leading power of ten or of
    ///   half of it (877 -> 900; 9,477 -> 9,500 or 10,000; so never "nearly 1,100" or
    ///   "nearly 880"), with N - n <= 2% of N (that is, 50 * (N - n) <= N). Never from above.
    /// - Order: when n's second significant figure is 0 (1,000 < n < 1,100; 30,000 < n <
    ///   31,000) the one-figure form leads ("over a thousand"); the rest follow by how
    ///   far their number is from n; on a tie "more than" before "nearly", words before digits.
    /// Returns [] for negative n.
    public static func approximations(of n: Int) -> [Wording] {
        countWordings(n)
    }

    /// Wordings for a share given as counts, best first, always ending with the exact percentage.
    ///
    /// The true value is `Double(part) * 100 / Double(total)`. 568 of 4,971 (11.43%) ->
    /// ["one in ten", "more than one in ten", "11%"]; 5 of 10 -> ["half", "about half",
    /// "more than two in five", "50%"]. Rules (table in RULES.md):
    /// - "half" only when the share rounds to 50%; "about half" and the other plain
    ///   fractions within 1.5 percentage points (0.75 for one in twenty).
    /// - "nearly X", for the nearest fraction above only: from below, at most 5 points
    ///   and at most 10% of X under it (nearly half: 45% to 49.99%).
    /// - "more than X", strictly above: the nearest fraction below, plus "more than half".
    /// - Ordered by how far the fraction is from the share; on a tie "nearly" comes
    ///   before the plain fraction, which comes before "more than".
    /// - The exact percentage has no decimals from 1% to 99%, one decimal below 1% or
    ///   above 99%, and says "less than 0.1%" / "more than 99.9%" rather than print a
    ///   misleading 0.0% or 100.0%; "none" and "all" lead at exactly 0% and 100%.
    /// Returns [] when total <= 0, part < 0 or part > total.
    public static func shareWordings(part: Int, of total: Int) -> [Wording] {
        shareWordingsFromCounts(part: part, of: total)
    }

    /// Wordings for a share known only as a published percentage, offering only what holds for every value that rounds to it.
    ///
    /// The published `percent` (with `decimals` places, 0...12) stands for the interval
    /// [p - half a unit, p + half a unit], clipped to 0...100; a wording is offered only if
    /// it holds at both ends (and so, as every claim is an interval, everywhere between).
    /// Including the upper end is slightly stricter than the half-open rounding interval.
    /// 52 -> "more than half" first (51.5 > 50); 50 -> "half", never "more than half";
    /// 48 -> "nearly half" first. Always ends with the published figure itself ("48%"),
    /// claimed as `.about(p, tolerance: half a unit)`.
    /// Returns [] for NaN, values outside 0...100, or decimals outside 0...12.
    public static func shareWordings(percent: Double, decimals: Int = 0) -> [Wording] {
        shareWordingsFromPublished(percent: percent, decimals: decimals)
    }

    /// Wordings for the change from an old count to a new one, best first, always ending with the exact percentage change.
    ///
    /// Every claim is about the ratio `Double(new) / Double(old)` and names the direction
    /// rightly. 82 -> 198 (2.41 times) gives ["more than double", "more than twice",
    /// "up more than 140%", "up 141%"]; 14 -> 56 ["quadruple", "four times", "up 300%"];
    /// 100 -> 73 ["down more than 20%", "down 27%"]. `form` picks the grammar (see
    /// `ChangeForm`): the same change `as: .verb` is ["more than doubled", "rose by more than
    /// 140%", "rose by 141%"]. Rules (table in RULES.md):
    /// - Multiples first: "double"/"twice", "triple", "quadruple", "five times" only when exact;
    ///   "more than double" for the whole multiple strictly below; "nearly double" for the
    ///   multiple above, from below and within 5% of it (1.9 to 2; never for 2 or more).
    /// - Falls to about half: "half"/"halved" exactly; "less than half"/"more than halved"
    ///   below half but above a third; "nearly half" just under (0.475 up); "just over
    ///   half"/"nearly halved" just over (to 0.525).
    /// - Then percentages in tens below eleven times: "up more than 140%" (strictly, never
    ///   for a change already a whole number of tens), "up nearly 150%" (within 5% of it,
    ///   from below), "down more than 20%", "down nearly 30%".
    /// - Last the percentage of the old count, rounded like a share: "up 141%", "down 27%",
    ///   one decimal below 1%, "up less than 0.1%", "down more than 99.9%".
    /// - Equal counts: ["unchanged", "the same"]. From 0 there is no ratio: "up from 0 to
    ///   five" (0 -> 0: "unchanged at 0"), claiming `.exact(new)`, the new count.
    /// - Counts above a quadrillion get only the exact forms.
    /// Returns [] when either count is negative.
    public static func changeWordings(from old: Int, to new: Int, as form: ChangeForm = .complement) -> [Wording] {
        changeWordingsFromCounts(old: old, new: new, form: form)
    }

    /// Wordings for a change known only as a published percentage, offering only what holds for every value that rounds to it.
    ///
    /// `percent` is signed (82 for "an 82% increase", -27 for "a fall of 27%") with `decimals`
    /// places; it stands for every ratio from 1 + (p - half a unit) / 100 to 1 + (p + half a
    /// unit) / 100 (never below 0), and a wording is offered only if its claim holds at both
    /// ends. 141 -> ["more than double", "more than twice", "up more than 140%", "up 141%"];
    /// 100 -> ["up 100%"] (it may be 99.5%, so never "double"). Ends with the published figure,
    /// claimed as `.about(1 + p / 100, tolerance: half a unit / 100)`; a published 0% is
    /// "virtually unchanged", as it may be a small rise or fall.
    /// Returns [] for NaN, a change below -100%, decimals outside 0...12, or more than 10^15 units.
    public static func changeWordings(percent: Double, decimals: Int = 0, as form: ChangeForm = .complement) -> [Wording] {
        changeWordingsFromPublished(percent: percent, decimals: decimals, form: form)
    }

    /// True when the change from `old` to `new` rounds to a published percentage change, so the release and the counts agree.
    ///
    /// 82 -> 198 is 141.46%: it agrees with a published "141%" (0 decimals) and "141.5%" (1),
    /// not with "142%" or "141.4%". Both ends of the rounding interval count, as publishers
    /// round halves either way (the rule `Ratio.roundsTo` applies to shares). False when
    /// `old` is not positive, `new` is negative, the percentage is not finite or decimals
    /// fall outside 0...12.
    public static func changeAgrees(publishedPercent: Double, decimals: Int = 0, old: Int, new: Int) -> Bool {
        changeAgreesWithCounts(publishedPercent: publishedPercent, decimals: decimals, old: old, new: new)
    }

    // MARK: - Ranking shared by counts and shares

    /// A wording under consideration, with what is needed to rank it.
    struct Candidate: Sendable {
        /// The wording itself.
        let wording: Wording
        /// Distance between the number in the words and the (central) true value.
        let gap: Double
        /// Tie-break on equal gaps: lower ranks first.
        let kindRank: Int
    }

    /// Candidates ordered by gap, then kind, then the order they were proposed; duplicates by text dropped.
    static func ranked(_ candidates: [Candidate]) -> [Wording] {
        let ordered = candidates.enumerated().sorted { lhs, rhs in
            if lhs.element.gap != rhs.element.gap { return lhs.element.gap < rhs.element.gap }
            if lhs.element.kindRank != rhs.element.kindRank {
                return lhs.element.kindRank < rhs.element.kindRank
            }
            return lhs.offset < rhs.offset // proposal order keeps the sort deterministic
        }
        return unique(ordered.map(\.element.wording))
    }

    /// Drops later wordings whose text already appeared.
    static func unique(_ wordings: [Wording]) -> [Wording] {
        var seen: Set<String> = []
        return wordings.filter { seen.insert($0.text).inserted }
    }
}
