/// A value as written in `figures.csv`: a whole count, a percentage, or a marker.
public enum Quantity: Sendable, Hashable {
    case count(Int)
    /// A percentage as published, with the number of decimals it was given to (48% → 0, 12.5% → 1).
    case percent(Double, decimals: Int)
    case marker(Marker)

    /// The count, when there is one; a marker is never read as a number.
    public var count: Int? {
        if case .count(let value) = self { return value }
        return nil
    }

    public var percent: Double? {
        if case .percent(let value, _) = self { return value }
        return nil
    }

    public var marker: Marker? {
        if case .marker(let marker) = self { return marker }
        return nil
    }
}
