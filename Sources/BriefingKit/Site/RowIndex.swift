/// The index in `dataset.observations` of each row of figures.csv, by the id of the figure it gives
/// (the first row, where two give one id).
///
/// Kept as a 64-bit hash of each id rather than the id, which takes 60 bytes or more: a release of
/// 10,000 areas has 100,000 rows. A lookup makes its row's id again to be sure of it, so two ids
/// with one hash can never be taken for each other; the few that share one are kept by id.
struct RowIndex: Sendable {
    private let observations: ObservationTable
    /// A row's index as 32 bits: a table of 100,000 rows is a quarter smaller.
    private var byHash: [UInt64: Int32] = [:]
    /// Ids whose hash an earlier row's different id has.
    private var collided: [String: Int] = [:]

    init(_ observations: ObservationTable) {
        self.observations = observations
        byHash.reserveCapacity(observations.count)
        for (index, row) in observations.enumerated() {
            let id = AreaSummarizer.id(for: row)
            let hash = FigureLedger.hash(id)
            if let first = byHash[hash] {
                if AreaSummarizer.id(for: observations[Int(first)]) != id, collided[id] == nil { collided[id] = index }
            } else {
                byHash[hash] = Int32(index)
            }
        }
    }

    /// The row that gives the figure with this id, if one does.
    subscript(id: String) -> Int? {
        if let index = byHash[FigureLedger.hash(id)].map(Int.init), AreaSummarizer.id(for: observations[index]) == id { return index }
        return collided[id]
    }

    /// The first row of each id, in no order.
    var rows: [Int] { byHash.values.map(Int.init) + Array(collided.values) }
}
