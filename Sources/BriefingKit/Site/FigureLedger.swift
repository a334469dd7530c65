import Foundation

/// Every figure the statistics give, by id: the methods pages list them and the downloads carry them.
///
/// Holding them all would make memory grow with the release (10,000 areas give half a million), so
/// the ledger holds only what it cannot make again: the few figures that are not an area's own
/// (coverage, context, disclosure control, the basis of an area's changes) and any a page adds.
/// An area's own figures, those whose id starts with its slug and `--`, are made from its rows and
/// statistics when asked for (`group(_:)`), and the last few areas' are kept. Because an id is
/// its parts joined by `--` and no slug holds `--` (`FigureID`), each area's ids form one run in id
/// order, which is what lets the ledger list every figure in id order (`listing()`) a group at a time.
public struct FigureLedger: Sendable {
    /// Makes each area's figures; nil for a ledger of no figures.
    private let groups: Groups?
    /// The figures that are not an area's own, in id order, each id once.
    private var held: [Figure] = []
    /// Figures added since (`add(_:)`), whose ids the ledger lacked.
    private var added: [String: Figure] = [:]
    /// The areas with at least one figure, whether their own or held.
    private var areasWithFigures: Set<String> = []
    /// A 64-bit hash of the id of every area's own figure, sorted: whether the ledger lists a figure
    /// (`contains(_:)`) without making its area's figures again (8 bytes a figure, where the ids
    /// themselves take 60 or more). Two ids share a hash with odds of about one in 10^19 a pair.
    private var ownIDs: [UInt64] = []

    /// A ledger of no figures.
    public init() {
        groups = nil
    }

    /// Every figure the statistics give: every published row, of every period and with every marker,
    /// whether or not a page shows it, and every figure derived from them. Each area's are made once
    /// here, to find the figures that are not an area's own, and then let go.
    /// `workers`: how many threads make the areas' figures when they are read in order (`listing()`).
    public init(statistics: Statistics, builder: PageContextBuilder, workers: Int = 1) {
        let groups = Groups(statistics: statistics, builder: builder, workers: workers)
        var held: [String: Figure] = [:], sources: [String: [String]] = [:], areas = Set<String>()
        var ownIDs: [UInt64] = []
        let dataset = statistics.dataset
        // The rows of the areas whose figures another area's statistics give, by the hash of their id
        // (a region's checks list its forces' counts): while finding which figures those are; let go
        // after. The ids themselves took 12 MB at 10,000 areas; a hit is checked against the row's id.
        var rows: [String: [UInt64: Int]] = [:]
        let isOwnRow = { (figure: Figure, home: String) -> Bool in
            if rows[home] == nil {
                rows[home] = Dictionary(dataset.rows(of: home).enumerated().map { (Self.hash(AreaSummarizer.id(for: $1)), $0) },
                                        uniquingKeysWith: { first, _ in first })
            }
            guard let index = rows[home]?[Self.hash(figure.id)] else { return false }
            let row = dataset.rows(of: home)[index]
            return AreaSummarizer.id(for: row) == figure.id && dataset.publishedFigure(of: row) == figure
        }
        let place = { (figure: Figure, source: String?) in
            if let home = figure.area, let slug = groups.slugs[home], figure.id.hasPrefix(slug + FigureID.separator), source != nil {
                areas.insert(home)
                ownIDs.append(Self.hash(figure.id))
                // Another area's figure: its group must look at this area's statistics too, unless the
                // figure is one of its own rows as published, which its group has anyway.
                if home != source, let source, !(sources[home]?.contains(source) ?? false), !isOwnRow(figure, home) {
                    sources[home, default: []].append(source)
                }
            } else {
                // The later figure is kept where two share an id, as a table keyed by id would keep it.
                held[figure.id] = figure
                if let home = figure.area { areas.insert(home) }
            }
        }
        // The areas' derived figures made a batch at a time on every core, then placed in order.
        let names = dataset.areas.map(\.name)
        for start in stride(from: 0, to: names.count, by: 64) {
            let batch = Array(names[start..<min(names.count, start + 64)])
            let derived = ParallelMap(workers: workers).map(batch) { name in
                var figures: [Figure] = []
                groups.derived(from: name) { figures.append($0) }
                return figures
            }
            for (name, figures) in zip(batch, derived) {
                // A row's figure is its area's own (its id starts with the area's slug), so it need not be made here.
                let rows = dataset.rows(of: name)
                if !rows.isEmpty { areas.insert(name) }
                ownIDs += rows.map { Self.hash(AreaSummarizer.id(for: $0)) }
                figures.forEach { place($0, name) }
            }
        }
        for row in dataset.observations where dataset.area(named: row.area) == nil { place(dataset.publishedFigure(of: row), nil) }
        groups.shared { place($0, nil) }
        groups.sources = sources
        self.groups = groups
        self.held = held.values.sorted { $0.id < $1.id }
        self.areasWithFigures = areas
        ownIDs.sort()
        self.ownIDs = ownIDs
    }

    /// Whether the ledger lists a figure with this id: as `self[id] != nil`, without making the figures of its area.
    public func contains(_ id: String) -> Bool {
        if groups?.area(ofID: id) != nil, Self.has(Self.hash(id), in: ownIDs) { return true }
        return held.index(ofSortedID: id) != nil || added[id] != nil
    }

    /// FNV-1a over the id's UTF-8: the same hash in every build.
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private static func has(_ hash: UInt64, in sorted: [UInt64]) -> Bool {
        let low = sorted.partitionIndex { $0 < hash }
        return low < sorted.count && sorted[low] == hash
    }

    /// The figure with this id, if the ledger holds one.
    public subscript(id: String) -> Figure? {
        if let groups, let area = groups.area(ofID: id), let index = groups.group(area).index(ofSortedID: id) {
            return groups.group(area)[index]
        }
        if let index = held.index(ofSortedID: id) { return held[index] }
        return added[id]
    }

    /// Adds a figure whose id the ledger lacks (a figure a page shows that the statistics do not give);
    /// one whose id it holds is already listed.
    public mutating func add(_ figure: Figure?) {
        guard let figure, !contains(figure.id) else { return }
        added[figure.id] = figure
        if let area = figure.area { areasWithFigures.insert(area) }
    }

    public mutating func merge(_ other: [String: Figure]) {
        for id in other.keys.sorted() { add(other[id]) }
    }

    /// Folds the figures added since into those held in id order.
    public mutating func settle() {
        guard !added.isEmpty else { return }
        held = (held + added.values).sorted { $0.id < $1.id }
        added = [:]
    }

    /// Whether any figure belongs to the area.
    public func hasFigures(of area: String) -> Bool {
        areasWithFigures.contains(area)
    }

    /// In id order, the figures of `areas` and those held whose area `belongs` (nil: of no area): a methods page's entries.
    public func figures(of areas: [String], held belongs: (String?) -> Bool) -> [Figure] {
        var figures = areas.flatMap { groups?.group($0) ?? [] }
        var ids = Set(figures.map(\.id))
        for figure in held + added.values.sorted(by: { $0.id < $1.id }) where belongs(figure.area) && ids.insert(figure.id).inserted {
            figures.append(figure)
        }
        return figures.sorted { $0.id < $1.id }
    }

    /// Every figure in id order, each id once, made a group at a time as it is read.
    public func listing() -> Listing {
        listing { _, _ in }
    }

    /// The listing, handing each figure and its position to `visit` in order as it is found: the
    /// listing has to read every group to know where each figure lies, so a pass over every figure
    /// made with it costs no pass of its own.
    func listing(visiting visit: (Figure, Int) throws -> Void) rethrows -> Listing {
        var copy = self
        copy.settle()
        return try Listing(groups: copy.groups, held: copy.held, visit: visit)
    }

    /// Figures in id order, so that every list of them is the same from build to build.
    public var sorted: [Figure] { Array(listing()) }

    /// Every figure of the ledger in id order: each area's run of figures read from its group, made
    /// again when it is no longer kept, with the held figures between and within them.
    public struct Listing: RandomAccessCollection, Sendable {
        private enum Run: Sendable {
            case group(String, start: Int)
            case held(start: Int)
        }
        private let groups: Groups?
        private let held: [Figure]
        /// The runs in order, with the position in the listing each starts at.
        private let runs: [(start: Int, run: Run)]
        public let count: Int

        fileprivate init(groups: Groups?, held: [Figure], visit: (Figure, Int) throws -> Void) rethrows {
            self.groups = groups
            self.held = held
            var runs: [(start: Int, run: Run)] = [], count = 0, next = 0
            // Runs are taken in the listing's order, so their figures are visited in it.
            func take(_ run: Run, _ figures: ArraySlice<Figure>) throws {
                guard !figures.isEmpty else { return }
                runs.append((count, run))
                for figure in figures {
                    try visit(figure, count)
                    count += 1
                }
            }
            for area in groups?.inOrder ?? [] {
                let group = groups!.group(area, inOrder: true)
                var index = 0
                while index < group.count {
                    if next < held.count, held[next].id <= group[index].id {
                        // A held figure whose id a group also gives is listed once, as the group gives it.
                        if held[next].id < group[index].id { try take(.held(start: next), held[next...next]) }
                        next += 1
                        continue
                    }
                    var end = group.count
                    if next < held.count, let limit = group.firstIndex(where: { $0.id >= held[next].id }) { end = limit }
                    try take(.group(area, start: index), group[index..<end])
                    index = end
                }
            }
            try take(.held(start: next), held[next...])
            self.runs = runs
            self.count = count
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> Figure {
            // The last run that starts at or before the position (the first starts at 0).
            let (start, run) = runs[runs.partitionIndex { $0.start <= position } - 1]
            switch run {
            case .group(let area, let first): return groups!.group(area, inOrder: true)[first + position - start]
            case .held(let first): return held[first + position - start]
            }
        }
    }

    /// Makes each area's figures from its rows and statistics, keeping the last few areas'.
    fileprivate final class Groups: @unchecked Sendable {
        let statistics: Statistics
        let builder: PageContextBuilder
        /// Each area's slug, by name.
        let slugs: [String: String]
        /// The areas by slug, to find an id's area from its first part.
        let areasBySlug: [String: String]
        /// The areas in the id order of their figures: by slug and `--`.
        let inOrder: [String]
        /// For an area, the other areas whose statistics give some of its figures (a region's checks
        /// give its forces' figures); set once, before any group is made.
        var sources: [String: [String]] = [:]
        private let cache = RecentCache<String, [Figure]>(capacity: 64)
        /// How many areas' figures are made together, on every core, when they are read in order.
        private static let ahead = 32
        private let workers: Int
        /// Each area's place in `inOrder`.
        private let places: [String: Int]

        init(statistics: Statistics, builder: PageContextBuilder, workers: Int) {
            self.statistics = statistics
            self.builder = builder
            self.workers = workers
            let names = statistics.dataset.areas.map(\.name)
            let slugs = Dictionary(names.map { ($0, Area.slug($0)) }, uniquingKeysWith: { first, _ in first })
            self.slugs = slugs
            areasBySlug = Dictionary(slugs.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let inOrder = slugs.keys.sorted { slugs[$0]! + FigureID.separator < slugs[$1]! + FigureID.separator }
            self.inOrder = inOrder
            places = Dictionary(inOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The area's own figures, as `group(_:)`. `inOrder`: read in the order of `inOrder` (a pass
        /// over every figure, one thread at a time), so that when an area's are not kept, the next
        /// few areas' are made with them on every core. What is made is the same either way.
        func group(_ area: String, inOrder reading: Bool) -> [Figure] {
            if let kept = cache[area] { return kept }
            guard reading, workers > 1, let place = places[area] else { return group(area) }
            let next = inOrder[place..<min(inOrder.count, place + Self.ahead)].filter { cache[$0] == nil }
            let made = ParallelMap(workers: workers).map(Array(next)) { self.make($0) }
            for (name, figures) in zip(next, made) { cache.insert(figures, for: name) }
            return made.first ?? group(area)
        }

        /// The area whose own figures an id would be among.
        func area(ofID id: String) -> String? {
            guard let end = id.range(of: FigureID.separator) else { return nil }
            return areasBySlug[String(id[..<end.lowerBound])]
        }

        /// The area's own figures, in id order, each id once (the later where two share one).
        func group(_ area: String) -> [Figure] {
            cache.value(for: area) { make(area) }
        }

        /// The area's own figures, made from its rows and statistics.
        private func make(_ area: String) -> [Figure] {
            guard let slug = slugs[area] else { return [] }
            let prefix = slug + FigureID.separator
            var figures: [Figure] = [], positions: [String: Int] = [:]
            let add = { (figure: Figure) in
                guard figure.area == area, figure.id.hasPrefix(prefix) else { return }
                if let index = positions[figure.id] { figures[index] = figure } else { positions[figure.id] = figures.count; figures.append(figure) }
            }
            let dataset = statistics.dataset
            for row in dataset.rows(of: area) { add(dataset.publishedFigure(of: row)) }
            for source in [area] + (sources[area] ?? []) { derived(from: source, add) }
            return figures.sorted { $0.id < $1.id }
        }

        /// Every figure derived from the area's statistics: its summaries, comparison, changes (and
        /// the figures that say on what basis, which its methods page shows), series and checks.
        func derived(from area: String, _ add: (Figure) -> Void) {
            func emit(_ figure: Figure?) { if let figure { add(figure) } }
            guard let statistics = statistics.of(area) else { return }
            for summary in [statistics.current] + (statistics.previous.map { [$0] } ?? []) {
                emit(summary.recorded)
                emit(summary.total)
                for item in summary.platforms { emit(item.count); emit(item.share); emit(item.shareOfOwner) }
                for group in summary.owners { emit(group.count); emit(group.publishedShare); emit(group.calculatedShare) }
            }
            emit(statistics.comparison?.difference)
            for change in [statistics.change, statistics.changeFromFirst].compactMap({ $0 }) {
                emit(change.current); emit(change.previous); emit(change.difference); emit(change.percentChange)
                builder.basisModel(change).templateValue.figures.forEach(add)
            }
            statistics.series.cumulative.forEach(add)
            emit(statistics.series.computedTotal)
            for item in statistics.checks {
                let made = item.figures
                emit(item.parent); made.children.forEach(add); emit(made.sum); emit(made.gap)
            }
        }

        /// The figures of the release as a whole: coverage, context and disclosure control.
        func shared(_ add: (Figure) -> Void) {
            let dataset = statistics.dataset
            for coverage in dataset.release.coverage { builder.coverageFigure(coverage).map(add) }
            for item in dataset.context { builder.contextFigure(item).map(add) }
            builder.disclosureFigures.forEach(add)
        }
    }
}
