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
    /// The comparisons over time (by area name) and the checks (by index in the statistics' list),
    /// by the folder of the methods page that lists them (the page of their area, as for its
    /// figures); their models are made with the page's.
    private let changes: [String: [String]]
    private let reconciliations: [String: [Int]]
    /// Each area's methods page by its folder.
    private let areasByFolder: [String: Area]

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
        areasByFolder = Dictionary(areas.map { (entries.folder(ofArea: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [String: [String]] = [:]
        for area in dataset.areas where statistics.changes[area.name] != nil {
            changes[entries.folder(ofArea: area.name), default: []].append(area.name)
        }
        self.changes = changes
        var reconciliations: [String: [Int]] = [:]
        for (index, item) in statistics.reconciliations.enumerated() {
            reconciliations[entries.folder(ofArea: item.area), default: []].append(index)
        }
        self.reconciliations = reconciliations
    }

    /// Which methods pages there are, and the entries each holds: made before any is rendered, each
    /// page's model made only when it is rendered (`specs(_:_:)`), so that the models of 10,000
    /// areas' pages are never held together.
    struct Plan: Sendable {
        /// The folders of the pages: the main page's, then each area's, in the site's order.
        let folders: [String]
        /// Every figure of the ledger, in id order: what the downloads list, too.
        let figures: [Figure]
        /// The indices in `figures` of each page's entries, by its folder, in id order.
        let entries: [String: [Int]]
    }

    /// The methods pages of the figures in `ledger`: the main page first, then each area's in the site's order.
    func plan(_ ledger: FigureLedger) -> Plan {
        let figures = ledger.sorted
        let grouped = group(figures)
        return Plan(folders: folders(grouped), figures: figures, entries: grouped)
    }

    /// The methods pages, as `plan(_:)`, once `ledger` holds every figure they hold: `shared`
    /// (the figures of the values every page shares) and those of each page's own model (`holds`).
    ///
    /// A methods page could hold figures that no other page showed and the ledger lacks (the inputs
    /// of a calculated figure, the basis of a change for an area without a page). Those join the
    /// ledger, and the pages that list their entries are looked at again (the main page too when an
    /// area gets its first entry, since it links to every area's page), until a round adds none. This
    /// is done on the models, before any page is rendered, so that the pages can be rendered once and
    /// written as they come: a page shows no figure its model does not hold.
    func plan(_ ledger: inout FigureLedger, shared: [Figure] = [],
              holds: (PageSpec) -> [Figure] = { $0.data.templateValue.figures }) -> Plan {
        for figure in shared where ledger[figure.id] == nil { ledger.add(figure) }
        var planned: [String] = []
        var due: Set<String>?  // nil: every page
        while true {
            ledger.settle()
            let plan = plan(ledger)
            if plan.folders != planned, due != nil { due?.insert(EntryPages.folder) }
            planned = plan.folders
            var added: [Figure] = []
            // A page's model at a time, never every page's together.
            for folder in plan.folders where due?.contains(folder) ?? true {
                for spec in specs(plan, [folder]) { added += holds(spec).filter { ledger[$0.id] == nil } }
            }
            guard !added.isEmpty else { return plan }
            added.forEach { ledger.add($0) }
            due = Set(added.map(entries.folder(for:)))
        }
    }

    /// The pages of the plan (or of those of its `folders`), each with its model.
    func specs(_ plan: Plan, _ folders: [String]? = nil) -> [PageSpec] {
        let main = EntryPages.folder
        let byFolder = areasByFolder
        let all = plan.figures
        return (folders ?? plan.folders).compactMap { folder in
            let figures = (plan.entries[folder] ?? []).map { plan.figures[$0] }
            if folder == main {
                return PageSpec(template: Self.template, folder: folder, section: Self.section,
                                data: mainModel(figures, all: all, pages: plan.folders.dropFirst().compactMap { byFolder[$0] }))
            }
            guard let area = byFolder[folder] else { return nil }
            return PageSpec(template: Self.areaTemplate, folder: folder, section: Self.section, data: areaModel(area, figures, all: all))
        }
    }

    /// Renders the methods pages of `plan`, `batchSize` at a time on `workers` threads (each batch's
    /// models made when it comes), and hands each to `emit` in their order (the same pages from any
    /// number of threads), while none has failed. A page that shows a figure `ledger` lacks (it
    /// would link to no entry) is a fault; every fault is thrown together at the end.
    func render(_ plan: Plan, ledger: FigureLedger, batchSize: Int, workers: Int,
                _ render: @Sendable (PageSpec) throws -> RenderedSitePage, emit: (RenderedSitePage) throws -> Void) throws {
        var problems: [Diagnostic] = []
        let size = max(1, batchSize)
        for start in stride(from: 0, to: plan.folders.count, by: size) {
            let batch = specs(plan, Array(plan.folders[start..<min(plan.folders.count, start + size)]))
            let results = ParallelMap(workers: workers).map(batch) { spec in Swift.Result<RenderedSitePage, any Error> { try render(spec) } }
            for (spec, result) in zip(batch, results) {
                switch result {
                case .success(let page):
                    let unlisted = page.shown.keys.filter { ledger[$0] == nil }.sorted()
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

    /// The indices of the figures (in id order) by the folder of the page that holds their entries.
    private func group(_ figures: [Figure]) -> [String: [Int]] {
        Dictionary(grouping: figures.indices, by: { entries.folder(for: figures[$0]) })
    }

    /// The folders of the pages to build: the main page's, then each area's with an entry (or a
    /// comparison or check to list), in the site's order.
    private func folders(_ grouped: [String: [Int]]) -> [String] {
        [EntryPages.folder] + areas.map { entries.folder(ofArea: $0.name) }.filter {
            grouped[$0] != nil || changes[$0] != nil || reconciliations[$0] != nil
        }
    }

    /// The main page: its own entries, the national comparison and checks, every source, and the areas' pages.
    func mainModel(_ figures: [Figure], all: [Figure], pages: [Area]) -> MethodsPageModel {
        let main = EntryPages.folder
        let links = { (kinds: Set<Area.Kind>) in
            pages.filter { kinds.contains($0.kind) }.map { LinkModel(name: $0.name, url: entries.folder(ofArea: $0.name)) }
        }
        var model = MethodsPageModel(
            figures: figures.map { entry($0, all: all) },
            reconciliations: reconciliationModels(main), hasReconciliations: reconciliations[main] != nil,
            hasComparisons: !statistics.comparisons.isEmpty,
            changes: changeModels(main), hasChanges: changes[main] != nil,
            sources: statistics.dataset.sources.map { contexts.sourceModel($0.id) },
            disclosure: contexts.disclosureModel)
        model.nationPages = links([.country, .nation])
        model.regionPages = links([.region])
        model.forcePages = links([.force])
        return model
    }

    /// One area's page: its entries, its comparison over time and checks, and the sources its figures cite.
    func areaModel(_ area: Area, _ figures: [Figure], all: [Figure]) -> AreaMethodsPageModel {
        let folder = entries.folder(ofArea: area.name)
        let cited = Set(figures.flatMap(\.sources))
        return AreaMethodsPageModel(
            name: area.name, displayName: area.displayName, figures: figures.map { entry($0, all: all) },
            changes: changeModels(folder), reconciliations: reconciliationModels(folder),
            sources: statistics.dataset.sources.filter { cited.contains($0.id) }.map { contexts.sourceModel($0.id) })
    }

    /// The comparisons over time the page in `folder` lists.
    func changeModels(_ folder: String) -> [AreaChangeModel] {
        (changes[folder] ?? []).compactMap { area in
            statistics.changes[area].map { AreaChangeModel(area: area, change: contexts.changeModel($0)) }
        }
    }

    /// The checks the page in `folder` lists.
    func reconciliationModels(_ folder: String) -> [ReconciliationModel] {
        (reconciliations[folder] ?? []).map { contexts.reconciliationModel(statistics.reconciliations[$0]) }
    }

    /// A figure's entry: its value, and what it was calculated from (the inputs found in `all`, every figure in id order) or published in.
    func entry(_ figure: Figure, all: [Figure]) -> MethodsEntryModel {
        var inputs: [MethodsInputModel] = [], after = ""
        if case .computed(let operation, let ids) = figure.derivation {
            let symbol = switch operation { case .sum: " + "; case .share: " ÷ "; case .difference: " − "; case .count: ", " }
            after = operation == .share ? ", as a percentage" : operation == .count ? " (counted)" : ""
            inputs = ids.compactMap { id in all.index(ofSortedID: id).map { all[$0] } }.enumerated().map { index, input in
                MethodsInputModel(before: index == 0 ? "" : symbol, value: input)
            }
        }
        return MethodsEntryModel(id: figure.id, label: figure.label, value: figure, calculated: figure.derivation.isComputed,
                                 inputs: inputs, after: after, sources: figure.sources.map(contexts.sourceModel))
    }
}
