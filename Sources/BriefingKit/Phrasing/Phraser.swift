import Foundation

/// Chooses wordings for counts and shares, best first, never overstating.
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
