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
    /// The areas whose comparisons over time and whose checks each methods page lists, by its folder
    /// (the page of their area, as for its figures); their models are made with the page's.
    private let changes: [String: [String]]
    private let reconciliations: [String: [String]]
    /// Each area's methods page by its folder.
    private let areasByFolder: [String: Area]
    /// The areas whose figures' entries are on the main page: the national area, and any without a folder.
    private let mainAreas: [String]

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
        mainAreas = dataset.areas.map(\.name).filter { entries.folder(ofArea: $0) == main }
        var changes: [String: [String]] = [:]
        for area in dataset.areas where statistics.areasWithChange.contains(area.name) {
            changes[entries.folder(ofArea: area.name), default: []].append(area.name)
        }
        self.changes = changes
        var reconciliations: [String: [String]] = [:]
        for area in dataset.areas where statistics.areasWithChecks.contains(area.name) {
            reconciliations[entries.folder(ofArea: area.name), default: []].append(area.name)
        }
        self.reconciliations = reconciliations
    }

    /// Which methods pages there are, and the entries each holds: made before any is rendered, each
    /// page's model made only when it is rendered (`specs(_:_:)`), so that the models of 10,000
    /// areas' pages are never held together.
    struct Plan: Sendable {
        /// The folders of the pages: the main page's, then each area's, in the site's order.
        let folders: [String]
        /// Every figure, each page's entries among them: what the downloads list, too.
        let ledger: FigureLedger
    }

    /// The methods pages of the figures in `ledger`: the main page first, then each area's in the site's order.
    func plan(_ ledger: FigureLedger) -> Plan {
        Plan(folders: folders(ledger), ledger: ledger)
    }

    /// The methods pages, as `plan(_:)`, once `ledger` holds every figure they hold: `shared`
    /// (the figures of the values every page shares) and those of each page's own model (`holds`).
    ///
    /// A methods page could hold figures that no other page showed and the ledger lacks (the inputs
    /// of a calculated figure, the basis of a change for an area without a page). Those join the
    /// ledger, and the pages that list their entries are looked at again (the main page too when an
    /// area gets its first entry, since it links to every area's page), until a round adds none. This
    /// is done on the models, before any page is rendered, so that the pages can be rendered once and
    /// written as they come: a page shows no figure its model does not hold. The models looked at
    /// leave out the entries: an entry is a figure of the ledger with its inputs found in the ledger,
    /// so it can add none, and making every entry twice was a fifth of the methods pages' time.
    func plan(_ ledger: inout FigureLedger, shared: [Figure] = [],
              holds: (PageSpec) -> [Figure] = { $0.data.templateValue.figures }) -> Plan {
        for figure in shared where !ledger.contains(figure.id) { ledger.add(figure) }
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
                for spec in specs(plan, [folder], withEntries: false) { added += holds(spec).filter { !ledger.contains($0.id) } }
            }
            guard !added.isEmpty else { return plan }
            added.forEach { ledger.add($0) }
            due = Set(added.map(entries.folder(for:)))
        }
    }

    /// The pages of the plan (or of those of its `folders`), each with its model; without their
    /// entries (and so without the sources only those cite) when not `withEntries`.
    func specs(_ plan: Plan, _ folders: [String]? = nil, withEntries: Bool = true) -> [PageSpec] {
        let main = EntryPages.folder
        let byFolder = areasByFolder
        let ledger = plan.ledger
        return (folders ?? plan.folders).compactMap { folder in
            if folder == main {
                let figures = withEntries ? ledger.figures(of: mainAreas) { entries.folder(ofArea: $0) == main } : []
                return PageSpec(template: Self.template, folder: folder, section: Self.section,
                                data: mainModel(figures, ledger: ledger, pages: plan.folders.dropFirst().compactMap { byFolder[$0] }))
            }
            guard let area = byFolder[folder] else { return nil }
            let figures = withEntries ? ledger.figures(of: [area.name]) { $0 == area.name } : []
            return PageSpec(template: Self.areaTemplate, folder: folder, section: Self.section, data: areaModel(area, figures, ledger: ledger))
        }
    }

    /// Renders the methods pages of `plan`, `batchSize` at a time on `workers` threads (each page's
    /// model made on the thread that renders it), and hands each to `emit` in their order (the same
    /// pages from any number of threads), while none has failed. A page that shows a figure `ledger`
    /// lacks (it would link to no entry) is a fault; every fault is thrown together at the end.
    func render(_ plan: Plan, ledger: FigureLedger, batchSize: Int, workers: Int,
                _ render: @Sendable (PageSpec) throws -> RenderedSitePage, emit: (RenderedSitePage) throws -> Void) throws {
        var problems: [Diagnostic] = []
        let size = max(1, batchSize)
        for start in stride(from: 0, to: plan.folders.count, by: size) {
            let folders = Array(plan.folders[start..<min(plan.folders.count, start + size)])
            let results = ParallelMap(workers: workers).map(folders) { folder in
                specs(plan, [folder]).first.map { spec in (spec, Swift.Result<RenderedSitePage, any Error> { try render(spec) }) }
            }
            for case let (spec, result)? in results {
                switch result {
                case .success(let page):
                    let unlisted = page.shown.keys.filter { !ledger.contains($0) }.sorted()
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

    /// The folders of the pages to build: the main page's, then each area's with an entry (or a
    /// comparison or check to list), in the site's order.
    private func folders(_ ledger: FigureLedger) -> [String] {
        [EntryPages.folder] + areas.compactMap { area in
            let folder = entries.folder(ofArea: area.name)
            return ledger.hasFigures(of: area.name) || changes[folder] != nil || reconciliations[folder] != nil ? folder : nil
        }
    }

    /// The main page: its own entries, the national comparison and checks, every source, and the areas' pages.
    func mainModel(_ figures: [Figure], ledger: FigureLedger, pages: [Area]) -> MethodsPageModel {
        let main = EntryPages.folder
        let links = { (kinds: Set<Area.Kind>) in
            pages.filter { kinds.contains($0.kind) }.map { LinkModel(name: $0.name, url: entries.folder(ofArea: $0.name)) }
        }
        var model = MethodsPageModel(
            figures: figures.map { entry($0, ledger: ledger) },
            reconciliations: reconciliationModels(main), hasReconciliations: reconciliations[main] != nil,
            hasComparisons: statistics.hasComparisons,
            changes: changeModels(main), hasChanges: changes[main] != nil,
            sources: statistics.dataset.sources.map { contexts.sourceModel($0.id) },
            disclosure: contexts.disclosureModel)
        model.nationPages = links([.country, .nation])
        model.regionPages = links([.region])
        model.forcePages = links([.force])
        return model
    }

    /// One area's page: its entries, its comparison over time and checks, and the sources its figures cite.
    func areaModel(_ area: Area, _ figures: [Figure], ledger: FigureLedger) -> AreaMethodsPageModel {
        let folder = entries.folder(ofArea: area.name)
        let cited = Set(figures.flatMap(\.sources))
        return AreaMethodsPageModel(
            name: area.name, displayName: area.displayName, figures: figures.map { entry($0, ledger: ledger) },
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
        // By period, then area, as the release's checks are listed.
        let ranks = Dictionary(statistics.maker.periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let checks = (reconciliations[folder] ?? []).enumerated().flatMap { area, name in
            (statistics.of(name)?.checks ?? []).enumerated().map { (rank: [ranks[$1.period] ?? 0, area, $0], item: $1) }
        }
        return checks.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map { contexts.reconciliationModel($0.item) }
    }

    /// A figure's entry: its value, and what it was calculated from (its inputs, found in `ledger`) or published in.
    func entry(_ figure: Figure, ledger: FigureLedger) -> MethodsEntryModel {
        var inputs: [MethodsInputModel] = [], after = ""
        if case .computed(let operation, let ids) = figure.derivation {
            let symbol = switch operation { case .sum: " + "; case .share: " ÷ "; case .difference: " − "; case .count: ", " }
            after = operation == .share ? ", as a percentage" : operation == .count ? " (counted)" : ""
            inputs = ids.compactMap { ledger[$0] }.enumerated().map { index, input in
                MethodsInputModel(before: index == 0 ? "" : symbol, value: input)
            }
        }
        return MethodsEntryModel(id: figure.id, label: figure.label, value: figure, calculated: figure.derivation.isComputed,
                                 inputs: inputs, after: after, sources: figure.sources.map(contexts.sourceModel))
    }
}
