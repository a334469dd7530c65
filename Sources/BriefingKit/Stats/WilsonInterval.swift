import Foundation

/// The 95% Wilson score interval for a proportion: better than the normal approximation near 0 and 1 and for small n.
public struct WilsonInterval: Sendable, Hashable {
    /// Bounds in percent (0…100).
    public let low: Double
    public let high: Double

    /// z for a two-sided 95% interval.
    public static let z = 1.959963984540054

    /// The interval for `successes` out of `trials`; nil when `trials` is not positive.
    public init?(successes: Double, trials: Int) {
        guard trials > 0, successes >= 0, successes <= Double(trials) else { return nil }
        let bounds = Self.bounds(p: successes / Double(trials), n: Double(trials))
        low = bounds.low * 100
        high = bounds.high * 100
    }

    /// For a share known only as a rounded percentage: the union of the intervals at both ends of its rounding
    /// interval, so that rounding can never make a difference look significant.
    public init?(publishedPercent p: Double, decimals: Int, trials: Int) {
        guard trials > 0, (0...100).contains(p) else { return nil }
        var half = 0.5
        for _ in 0..<decimals { half /= 10 }
        let n = Double(trials)
        low = Self.bounds(p: max(0, p - half) / 100, n: n).low * 100
        high = Self.bounds(p: min(100, p + half) / 100, n: n).high * 100
    }

    public func contains(_ percent: Double) -> Bool { low <= percent && percent <= high }

    private static func bounds(p: Double, n: Double) -> (low: Double, high: Double) {
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (max(0, centre - half), min(1, centre + half))
    }
}
