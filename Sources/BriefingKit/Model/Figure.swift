/// A number that appears on a page, with where it came from.
///
/// Every number on the site is a `Figure`: its id anchors its entry on the methods page and
/// its row in `data/figures.csv`.
public struct Figure: Sendable, Hashable, Identifiable {
    public let id: String
    /// What it counts, in words: "Instances recorded, East of England, October 2019 to September 2020".
    public let label: String
    public let value: FigureValue
    public let derivation: Derivation
    /// Ids of the sources behind it (for a computed figure, the sources of its inputs).
    public let sources: [String]
    public let period: Period?
    public let area: String?
    /// For a change the tool calculated, the two counts it is between, so that it is worded
    /// from them exactly ("quadrupled" for 14 to 56) rather than from a rounded percentage.
    public var counts: ChangeCounts? {
        get { extras.fields.counts }
        set { extras.fields.counts = newValue }
    }
    /// For a published figure, the note its row carries in `figures.csv`.
    public var note: String? {
        get { extras.fields.note }
        set { extras.fields.note = newValue }
    }
    /// For a published change, the period it is measured from.
    public var basePeriod: Period? {
        get { extras.fields.basePeriod }
        set { extras.fields.basePeriod = newValue }
    }
    /// Revised since it was first published (`revised: yes` in figures.csv).
    public var revised: Bool {
        get { extras.fields.revised }
        set { extras.fields.revised = newValue }
    }

    /// The fields few figures have, kept out of line: a release of 10,000 areas holds half a million
    /// figures several times over, and these would otherwise be 80 bytes of each.
    private var extras = Extras.none

    private enum Extras: Sendable, Hashable {
        case none
        indirect case some(Fields)

        struct Fields: Sendable, Hashable {
            var counts: ChangeCounts?
            var note: String?
            var basePeriod: Period?
            var revised = false
        }

        var fields: Fields {
            get { if case .some(let fields) = self { fields } else { Fields() } }
            set { self = newValue == Fields() ? .none : .some(newValue) }
        }
    }

    /// The earlier and later count of a calculated change.
    public struct ChangeCounts: Sendable, Hashable {
        public let from: Int
        public let to: Int
    }

    public init(id: String, label: String, value: FigureValue, derivation: Derivation, sources: [String],
                period: Period? = nil, area: String? = nil) {
        self.id = id
        self.label = label
        self.value = value
        self.derivation = derivation
        self.sources = sources
        self.period = period
        self.area = area
    }

    /// The same figure with another value, as disclosure control needs.
    public func replacing(value: FigureValue) -> Figure {
        var figure = Figure(id: id, label: label, value: value, derivation: derivation, sources: sources, period: period, area: area)
        figure.extras = extras
        return figure
    }
}

extension Array where Element == Figure {
    /// The index of the figure with this id, in figures sorted by id (a binary search): nil when none has it.
    func index(ofSortedID id: String) -> Int? {
        let low = partitionIndex { $0.id < id }
        return low < count && self[low].id == id ? low : nil
    }
}
