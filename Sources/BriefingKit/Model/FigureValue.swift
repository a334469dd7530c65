/// The value of a figure: a count, a percentage, a difference in percentage points, or a marker.
public enum FigureValue: Sendable, Hashable {
    case count(Int)
    /// A percentage (0…100). `decimals` is the precision it was published to, or to show it at.
    case percent(Double, decimals: Int)
    /// A difference between two percentages, in percentage points.
    case points(Double, decimals: Int)
    /// A percentage change of a count from an earlier period: 82 for a rise of 82%, −27 for a fall.
    case change(Double, decimals: Int)
    case marker(Marker)

    public var number: Double? {
        switch self {
        case .count(let value): Double(value)
        case .percent(let value, _), .points(let value, _), .change(let value, _): value
        case .marker: nil
        }
    }

    public var count: Int? {
        if case .count(let value) = self { return value }
        return nil
    }

    public var marker: Marker? {
        if case .marker(let marker) = self { return marker }
        return nil
    }

    /// The machine-readable value for `<data value>` and downloads: digits, no separators; markers as written.
    public var machineValue: String {
        switch self {
        case .count(let value): String(value)
        case .percent(let value, let decimals), .points(let value, let decimals), .change(let value, let decimals):
            Self.fixed(value, decimals: max(decimals, 0))
        case .marker(let marker): marker.rawValue
        }
    }

    /// Fixed-point text without locale; half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale + 1e-9).rounded(.toNearestOrAwayFromZero)
        let integer = Int(scaled)
        let sign = value < 0 && integer != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(integer) }
        let divisor = Int(scale)
        let fraction = String(integer % divisor)
        return sign + String(integer / divisor) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
