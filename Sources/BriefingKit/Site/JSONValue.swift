/// A value in `figures.json`, typed as the figure is: numbers as numbers, text as text, none as null.
enum JSONValue: Encodable, Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case null

    /// A figure's value: a count as an integer, a percentage or change as a number, a marker as null
    /// (the marker itself goes in its own field, so it is never read as a number).
    init(_ value: FigureValue) {
        switch value {
        case .count(let n): self = .integer(n)
        case .percent, .points, .change: self = Double(value.machineValue).map(JSONValue.number) ?? .null
        case .marker: self = .null
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let n): try container.encode(n)
        case .number(let x): try container.encode(x)
        case .null: try container.encodeNil()
        }
    }
}
