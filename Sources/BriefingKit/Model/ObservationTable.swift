/// The rows of `figures.csv`, in order, each held as the numbers of its names and periods in
/// tables of the distinct ones, and read back as an `Observation`.
///
/// A row as an `Observation` takes 208 bytes, and most of it repeats: a release of 10,000 areas has
/// 100,000 rows but a few thousand names and a handful of periods. Held like this a row takes 64
/// bytes, and the rows are kept for the whole build.
public struct ObservationTable: RandomAccessCollection, Sendable {
    private struct Row: Sendable {
        var value: Quantity
        let area, platform, source, path, period: Int32
        /// -1 for none.
        let basePeriod, note: Int32
        let line, column: Int32
        let measure: Measure
        let revised: Bool
    }

    private var rows: [Row] = []
    private var strings: [String] = []
    private var periods: [Period] = []

    /// A string told apart from others by its bytes. Swift's `==` holds two spellings of one text
    /// equal (`ô` as one code point or as `o` and a combining mark); a row must give back the
    /// bytes it was given, or a page could show a name as another row spelt it.
    private struct Spelling: Hashable {
        let text: String
        static func == (lhs: Spelling, rhs: Spelling) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    public init(_ observations: some Sequence<Observation>) {
        var stringNumbers: [Spelling: Int32] = [:], periodNumbers: [Period: Int32] = [:]
        /// The value's number in `values`, numbered as it first comes.
        func number<Value: Hashable>(_ value: Value, _ numbers: inout [Value: Int32], _ values: inout [Value]) -> Int32 {
            if let number = numbers[value] { return number }
            let number = Int32(values.count)
            numbers[value] = number
            values.append(value)
            return number
        }
        var spellings: [Spelling] = [], periods: [Period] = []
        func number(_ text: String) -> Int32 { number(Spelling(text: text), &stringNumbers, &spellings) }
        func numberPeriod(_ period: Period) -> Int32 { number(period, &periodNumbers, &periods) }
        rows.reserveCapacity(observations.underestimatedCount)
        for row in observations {
            rows.append(Row(value: row.value, area: number(row.area), platform: number(row.platform), source: number(row.source),
                            path: number(row.location.path), period: numberPeriod(row.period),
                            basePeriod: row.basePeriod.map(numberPeriod) ?? -1, note: row.note.map(number) ?? -1,
                            line: Int32(clamping: row.location.line), column: Int32(clamping: row.location.column),
                            measure: row.measure, revised: row.revised))
        }
        self.strings = spellings.map(\.text)
        self.periods = periods
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    public subscript(position: Int) -> Observation {
        let row = rows[position]
        var observation = Observation(period: periods[Int(row.period)], area: strings[Int(row.area)], platform: strings[Int(row.platform)],
                                      measure: row.measure, value: row.value, source: strings[Int(row.source)],
                                      location: SourceLocation(path: strings[Int(row.path)], line: Int(row.line), column: Int(row.column)),
                                      basePeriod: row.basePeriod < 0 ? nil : periods[Int(row.basePeriod)])
        observation.note = row.note < 0 ? nil : strings[Int(row.note)]
        observation.revised = row.revised
        return observation
    }

    /// Gives the row at `position` a new value, everything else about it unchanged (disclosure control's `[c]`).
    mutating func setValue(_ value: Quantity, at position: Int) {
        rows[position].value = value
    }
}
