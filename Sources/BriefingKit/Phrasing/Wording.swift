import Foundation

/// One way of saying a number, with the claim it makes so tests can prove it never overstates.
///
/// The `text` is what goes in the briefing; the `claim` is the mathematical content of
/// that text. `holds(for:)` checks the claim against a true value, so every wording the
/// `Phraser` offers can be verified mechanically.
public struct Wording: Sendable, Equatable, CustomStringConvertible {
    /// The words as they would appear in print, e.g. "more than 9,470" or "one in ten".
    public let text: String
    /// What the words assert about the true value.
    public let claim: Claim

    /// What a wording asserts about the true value (a count, a share in percent 0...100, or a change as the ratio new / old).
    public enum Claim: Sendable, Equatable {
        /// The value itself, e.g. "1,075", or "11%" standing for the unrounded share.
        ///
        /// Holds when the value equals the stored number, allowing only floating-point
        /// noise (one part in a billion), never a rounding step.
        case exact(Double)
        /// "more than 1,070", "over a thousand", "more than half": the value is strictly above the bound.
        case moreThan(Double)
        /// "nearly 1,100", "nearly three quarters": `bound - within <= value < bound` (only ever from below).
        case nearly(Double, within: Double)
        /// "one in ten", "a third", "half", a published "48%": `|value - target| <= tolerance`.
        case about(Double, tolerance: Double)
        /// "more than halved", "down more than 20%" (a ratio below 0.8): the value is strictly below the bound.
        case lessThan(Double)
        /// "nearly halved", "down nearly 30%": `bound < value <= bound + within`, the mirror of `nearly`.
        ///
        /// A fall approaches its bound from above: a ratio of 0.51 has "nearly halved".
        case justAbove(Double, within: Double)

        /// True when this claim is true of `value`; false for NaN.
        public func holds(for value: Double) -> Bool {
            switch self {
            case .exact(let target):
                // Relative slack only absorbs the last bits of a division, not rounding.
                return abs(value - target) <= 1e-9 * max(1, abs(target))
            case .moreThan(let bound):
                return value > bound
            case .nearly(let bound, let within):
                return bound - within <= value && value < bound
            case .about(let target, let tolerance):
                return abs(value - target) <= tolerance
            case .lessThan(let bound):
                return value < bound
            case .justAbove(let bound, let within):
                return bound < value && value <= bound + within
            }
        }
    }

    /// Creates a wording from its printed text and the claim that text makes.
    public init(text: String, claim: Claim) {
        self.text = text
        self.claim = claim
    }

    /// The printed text, so a wording can be interpolated straight into copy.
    public var description: String { text }

    /// True when the claim holds for the given true value (for shares: the value in percent, 0...100).
    public func holds(for value: Double) -> Bool {
        claim.holds(for: value)
    }
}
