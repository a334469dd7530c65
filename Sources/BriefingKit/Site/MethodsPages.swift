import Foundation

/// The methods pages, where every figure of the site has its entry: how it was obtained.
///
/// `methodology/index.html` (template `methodology.md`) explains the methods (what is counted,
/// coverage, disclosure control, wording, comparisons), holds the entries of the national figures
/// and of those that belong to no area, the national comparison over time and checks, every
/// source, and a link to each area's methods page. Each nation, region and force with at least
/// one entry has its own page (template `area-methods.md`) at `methodology/` + the area's folder
/// (`methodology/regions/east-of-england/index.html`): its entries, its comparison over time, the
/// checks of its figures and the sources they cite. Which page holds an entry is `EntryPages`'s
/// rule, the one the figure links follow, so every entry is on exactly one page and every link
/// finds it; a page of 10,000 areas is then 10,000 small pages rather than one of every figure.
///
/// A template set without `area-methods.md` keeps one methods page, with every entry on it.
struct MethodsPages: Sendable {
    static let template = "methodology"
    static let areaTemplate = "area-methods"
    static let section = "methodology"

    let statistics: Statistics
    let contexts: PageContextBuilder
    /// Which page holds each figure's entry.
    let entries: EntryPages
    /// The areas that can have a methods page of their own, in the site's order: nations, regions,
    /// then forces, each in the dataset's order (by name), as the site's pages are.
    let areas: [Area]
    /// The comparisons over time and the checks, by the folder of the methods page that lists them
    /// (the page of their area, as for its figures).
    private let changes: [String: [AreaChangeModel]]
    private let reconciliations: [String: [ReconciliationModel]]

    init(statistics: Statistics, contexts: PageContextBuilder, split: Bool) {
        self.statistics = statistics
        self.contexts = contexts
        let dataset = statistics.dataset
        let entries = split
            ? EntryPages(areaFolders: Dictionary(dataset.areas.map { ($0.name, contexts.url(for: $0)) }, uniquingKeysWith: { first, _ in first }))
            : EntryPages()
        self.entries = entries
        let main = EntryPages.folder
        // Nations (and any country inside the top one, which the site files with them), regions, forces.
        let rank: (Area) -> Int = { switch $0.kind { case .country, .nation: 0; case .region: 1; case .force: 2 } }
        areas = dataset.areas.enumerated()
            .filter { entries.folder(ofArea: $0.element.name) != main }
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
        var changes: [String: [AreaChangeModel]] = [:]
        for area in dataset.areas {
            guard let change = statistics.changes[area.name] else { continue }
            changes[entries.folder(ofArea: area.name), default: []].append(AreaChangeModel(area: area.name, change: contexts.changeModel(change)))
        }
        self.changes = changes
        var reconciliations: [String: [ReconciliationModel]] = [:]
        for item in statistics.reconciliations {
            reconciliations[entries.folder(ofArea: item.area), default: []].append(contexts.reconciliationModel(item))
        }
        self.reconciliations = reconciliations
    }

    /// Every methods page of the figures in `ledger`: the main page first, then each area's in the site's order.
    func specs(_ ledger: FigureLedger) -> [PageSpec] {
        let grouped = group(ledger.sorted)
        return specs(for: folders(grouped), grouped: grouped, all: ledger.figures)
    }

    /// Every methods page, as `specs(_:)`, once `ledger` holds every figure they hold: `shared`
    /// (the figures of the values every page shares) and those of each page's own model (`holds`).
    ///
    /// A methods page could hold figures that no other page showed and the ledger lacks (the inputs
    /// of a calculated figure, the basis of a change for an area without a page). Those join the
    /// ledger, and the pages that list their entries are made again (the main page too when an area
    /// gets its first entry, since it links to every area's page), until a round adds none. This is
    /// done on the models, before any page is rendered, so that the pages can be rendered once and
    /// written as they come: a page shows no figure its model does not hold.
    func specs(_ ledger: inout FigureLedger, shared: [Figure] = [],
               holds: (PageSpec) -> [Figure] = { $0.data.templateValue.figures }) -> [PageSpec] {
        for figure in shared where ledger.figures[figure.id] == nil { ledger.add(figure) }
        var made: [String: PageSpec] = [:]
        var planned: [String] = []
        var due: Set<String>?  // nil: every page
        repeat {
            let grouped = group(ledger.sorted)
            let folders = folders(grouped)
            if folders != planned, due != nil { due?.insert(EntryPages.folder) }
            planned = folders
            var added: [Figure] = []
            for spec in specs(for: folders.filter { due?.contains($0) ?? true }, grouped: grouped, all: ledger.figures) {
                made[spec.folder] = spec
                added += holds(spec).filter { ledger.figures[$0.id] == nil }
            }
            added.forEach { ledger.add($0) }
            due = Set(added.map(entries.folder(for:)))
        } while due?.isEmpty == false
        return planned.compactMap { made[$0] }
    }

    /// Renders the methods pages `specs`, `batchSize` at a time on `workers` threads, and hands each
    /// to `emit` in their order (the same pages from any number of threads), while none has failed.
    /// A page that shows a figure `ledger` lacks (it would link to no entry) is a fault; every
    /// fault is thrown together at the end.
    func render(_ specs: [PageSpec], ledger: FigureLedger, batchSize: Int, workers: Int,
                _ render: @Sendable (PageSpec) throws -> RenderedSitePage, emit: (RenderedSitePage) throws -> Void) throws {
        var problems: [Diagnostic] = []
        let size = max(1, batchSize)
        for start in stride(from: 0, to: specs.count, by: size) {
            let batch = Array(specs[start..<min(specs.count, start + size)])
            let results = ParallelMap(workers: workers).map(batch) { spec in Swift.Result<RenderedSitePage, any Error> { try render(spec) } }
            for (spec, result) in zip(batch, results) {
                switch result {
                case .success(let page):
                    let unlisted = page.shown.keys.filter { ledger.figures[$0] == nil }.sorted()
                    if !unlisted.isEmpty {
                        problems.append(.error("\(spec.path) shows figures that have no entry (\(unlisted.joined(separator: ", "))); this is a fault in briefing", at: nil))
                    } else if problems.isEmpty {
                        try emit(page)
                    }
                case .failure(let error as BriefingError):
                    problems += error.diagnostics
                case .failure(let error):
                    throw error
                }
            }
        }
        if !problems.isEmpty { throw BriefingError(step: "build pages", diagnostics: problems) }
    }

    /// The figures by the folder of the page that holds their entries, each group in id order.
    private func group(_ figures: [Figure]) -> [String: [Figure]] {
        Dictionary(grouping: figures, by: entries.folder(for:))
    }

    /// The folders of the pages to build: the main page's, then each area's with an entry (or a
    /// comparison or check to list), in the site's order.
    private func folders(_ grouped: [String: [Figure]]) -> [String] {
        [EntryPages.folder] + areas.map { entries.folder(ofArea: $0.name) }.filter {
            grouped[$0] != nil || changes[$0] != nil || reconciliations[$0] != nil
        }
    }

    private func specs(for folders: [String], grouped: [String: [Figure]], all: [String: Figure]) -> [PageSpec] {
        let main = EntryPages.folder
        let byFolder = Dictionary(areas.map { (entries.folder(ofArea: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
        return folders.compactMap { folder in
            let figures = grouped[folder] ?? []
            if folder == main {
                return PageSpec(template: Self.template, folder: folder, section: Self.section,
                                data: mainModel(figures, all: all, pages: self.folders(grouped).dropFirst().compactMap { byFolder[$0] }))
            }
            guard let area = byFolder[folder] else { return nil }
            return PageSpec(template: Self.areaTemplate, folder: folder, section: Self.section, data: areaModel(area, figures, all: all))
        }
    }

    /// The main page: its own entries, the national comparison and checks, every source, and the areas' pages.
    func mainModel(_ figures: [Figure], all: [String: Figure], pages: [Area]) -> MethodsPageModel {
        let main = EntryPages.folder
        let links = { (kinds: Set<Area.Kind>) in
            pages.filter { kinds.contains($0.kind) }.map { LinkModel(name: $0.name, url: entries.folder(ofArea: $0.name)) }
        }
        var model = MethodsPageModel(
            figures: figures.map { entry($0, all: all) },
            reconciliations: reconciliations[main] ?? [], hasReconciliations: reconciliations[main] != nil,
            hasComparisons: !statistics.comparisons.isEmpty,
            changes: changes[main] ?? [], hasChanges: changes[main] != nil,
            sources: statistics.dataset.sources.map { contexts.sourceModel($0.id) },
            disclosure: contexts.disclosureModel)
        model.nationPages = links([.country, .nation])
        model.regionPages = links([.region])
        model.forcePages = links([.force])
        return model
    }

    /// One area's page: its entries, its comparison over time and checks, and the sources its figures cite.
    func areaModel(_ area: Area, _ figures: [Figure], all: [String: Figure]) -> AreaMethodsPageModel {
        let folder = entries.folder(ofArea: area.name)
        let cited = Set(figures.flatMap(\.sources))
        return AreaMethodsPageModel(
            name: area.name, displayName: area.displayName, figures: figures.map { entry($0, all: all) },
            changes: changes[folder] ?? [], reconciliations: reconciliations[folder] ?? [],
            sources: statistics.dataset.sources.filter { cited.contains($0.id) }.map { contexts.sourceModel($0.id) })
    }

    /// A figure's entry: its value, and what it was calculated from (the inputs found in `all`) or published in.
    func entry(_ figure: Figure, all: [String: Figure]) -> MethodsEntryModel {
        var inputs: [MethodsInputModel] = [], after = ""
        if case .computed(let operation, let ids) = figure.derivation {
            let symbol = switch operation { case .sum: " + "; case .share: " ÷ "; case .difference: " − "; case .count: ", " }
            after = operation == .share ? ", as a percentage" : operation == .count ? " (counted)" : ""
            inputs = ids.compactMap { all[$0] }.enumerated().map { index, input in
                MethodsInputModel(before: index == 0 ? "" : symbol, value: input)
            }
        }
        return MethodsEntryModel(id: figure.id, label: figure.label, value: figure, calculated: figure.derivation.isComputed,
                                 inputs: inputs, after: after, sources: figure.sources.map(contexts.sourceModel))
    }
}
