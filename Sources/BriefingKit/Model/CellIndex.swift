/// Each row's index in a dataset's rows, by the cell it fills: the lookup every statistic makes.
///
/// A cell's key is its area, platform, period, measure and base period. Held as the numbers of
/// those values (each distinct one numbered as it first comes) rather than as the values, which
/// take about 100 bytes a key: a release of 10,000 areas has 100,000 rows.
struct CellIndex: Sendable {
    private struct Cell: Hashable {
        let area: Int32, platform: Int32, period: Int32, base: Int32
        let measure: UInt8
    }

    private var areas: [String: Int32] = [:]
    private var platforms: [String: Int32] = [:]
    private var periods: [Period: Int32] = [:]
    private var measures: [Measure: UInt8] = [:]
    private var cells: [Cell: Int32] = [:]

    /// The first row of each cell, as a table keyed by cell would keep it.
    init(_ observations: some Collection<Observation>) {
        cells.reserveCapacity(observations.count)
        func number<Value: Hashable, Number: BinaryInteger>(_ value: Value, in table: inout [Value: Number]) -> Number {
            if let number = table[value] { return number }
            let number = Number(table.count)
            table[value] = number
            return number
        }
        for (index, row) in observations.enumerated() {
            let cell = Cell(area: number(row.area, in: &areas), platform: number(row.platform, in: &platforms),
                            period: number(row.period, in: &periods),
                            base: row.basePeriod.map { number($0, in: &periods) + 1 } ?? 0,
                            measure: number(row.measure, in: &measures))
            if cells[cell] == nil { cells[cell] = Int32(index) }
        }
    }

    /// The index of the row that fills the cell with no base period, if one does.
    subscript(period: Period, area: String, platform: String, measure: Measure) -> Int? {
        guard let area = areas[area], let platform = platforms[platform], let period = periods[period],
              let measure = measures[measure] else { return nil }
        return cells[Cell(area: area, platform: platform, period: period, base: 0, measure: measure)].map(Int.init)
    }
}
