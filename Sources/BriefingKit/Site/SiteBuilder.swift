import Foundation

/// Fills the page templates, renders their Markdown, lays them out and adds the downloads.
public struct SiteBuilder: Sendable {
    public let statistics: Statistics
    public let templates: TemplateLibrary
    /// The build time to print, when `--now` or SOURCE_DATE_EPOCH gives one; nil prints none.
    public let builtAt: Date?

    /// Builds each page's data; holds the values all pages share, computed once.
    let contexts: PageContextBuilder
    /// The pages' canonical and Open Graph fields, and the feed, sitemap, robots.txt and _headers.
    public var discovery: Discovery

    public init(statistics: Statistics, templates: TemplateLibrary, builtAt: Date? = nil, baseURL: BaseURL? = nil) {
        self.statistics = statistics
        self.templates = templates
        self.builtAt = builtAt
        self.contexts = PageContextBuilder(statistics: statistics)
        self.discovery = Discovery(release: statistics.dataset.release, baseURL: baseURL, updated: builtAt)
    }

    /// The national page, one page per nation and region with figures in the release period
    /// (nations and regions share the `region` template), one per force with any figure, and the
    /// methods page.
    public func plan() -> [PageSpec] {
        let builder = contexts
        var pages = [PageSpec(template: "national", folder: "", section: "national", data: NationalPageModel())]
        for area in builder.areasWithFigures(.nation).filter({ $0.parent != nil }) + builder.areasWithFigures(.region) {
            pages.append(PageSpec(template: "region", folder: builder.url(for: area), section: "regions",
                                  data: AreaPageModel(area: builder.areaModel(area)), region: area.name, area: area.name))
        }
        for force in builder.areasWithFigures(.force, inRelease: false) {
            pages.append(PageSpec(template: "force", folder: builder.url(for: force), section: "forces",
                                  data: AreaPageModel(area: builder.areaModel(force)), region: force.parent, area: force.name))
        }
        return pages
    }

    public func build() throws -> Site {
        let builder = contexts
        var ledger = FigureLedger(statistics: statistics, builder: builder)
        let embargo = DownloadWriter.embargoLine(for: statistics.dataset.release)
        let pageDownloads = PageDownloads(writer: DownloadWriter(release: statistics.dataset.release, embargo: embargo))
        var files: [SiteFile] = []
        var listed: [ListedPage] = []
        var problems: [Diagnostic] = []
        for spec in plan() {
            do {
                let (file, shown, listing, inOrder) = try page(spec)
                ledger.merge(shown)
                files.append(file)
                listed.append(listing)
                files += try pageDownloads.files(for: spec, figures: inOrder)
            } catch let error as BriefingError {
                problems += error.diagnostics
            }
        }
        // The methods page lists every figure, including those the other pages showed. It can show
        // figures of its own that no other page did (the basis of a change for an area without a
        // page): then it is rendered again, so that each of its figure links has its entry.
        var figures = ledger.sorted
        do {
            var methods = try page(methodsSpec(figures))
            if methods.shown.keys.contains(where: { ledger.figures[$0] == nil }) {
                ledger.merge(methods.shown)
                figures = ledger.sorted
                methods = try page(methodsSpec(figures))
            }
            files.append(methods.file)
            listed.append(methods.listing)
            files += try pageDownloads.files(for: methodsSpec(figures), figures: methods.figures)
        } catch let error as BriefingError {
            problems += error.diagnostics
        }
        if !problems.isEmpty {
            // A template fault repeats on every page that uses it: report each place once.
            var seen = Set<String>()
            throw BriefingError(step: "build pages", diagnostics: problems.filter { seen.insert($0.description).inserted })
        }

        let downloads = DownloadWriter(release: statistics.dataset.release, embargo: embargo)
        files.append(SiteFile(path: "data/figures.csv", text: downloads.csv(figures)))
        files.append(SiteFile(path: "data/figures.json", text: try downloads.json(figures)))
        files.append(try WorkbookBuilder(dataset: statistics.dataset, embargo: embargo, builtAt: builtAt).file(figures))
        files.append(SiteFile(path: "assets/style.css", text: templates.stylesheet))
        files.append(SiteFile(path: "README.md", text: Self.outputReadme))
        files += try discovery.files(listed)
        return Site(files: files, figures: figures)
    }

    static let outputReadme = """
    # Output

    This folder is written by `briefing build` (or `make site`) from `Data/` and `Templates/`.
    Do not edit it: every build replaces it whole. Open `index.html` in a browser.

    """

    /// One page: template → Markdown → HTML fragment (figures linked, tables made accessible) → layout.
    func page(_ spec: PageSpec) throws -> (file: SiteFile, shown: [String: Figure], listing: ListedPage, figures: [Figure]) {
        let builder = contexts
        let model = pageModel(spec, spec.data)
        let (markdown, shown, charts) = try templates.renderPage(spec.template, with: model, mode: .markdown)
        let rendered = try MarkdownRenderer().render(markdown, figures: shown, charts: charts, root: spec.root, page: spec.path)
        let title = rendered.title ?? statistics.dataset.release.title
        var layout = LayoutModel(title: title, content: rendered.html, builtAt: builtAt.map(Self.timestamp), section: spec.section)
        layout.description = discovery.description(ofPageTitled: title)
        layout.discovery = discovery.links(folder: spec.folder)
        layout.pageFigures = !rendered.figureIDs.isEmpty
        let layoutData = builder.context(root: spec.root, region: spec.region, area: spec.area, page: layout)
        let (html, _) = try templates.render("layout", with: layoutData, mode: .html)
        let listing = ListedPage(folder: spec.folder, title: title, description: discovery.description(ofPageTitled: title))
        return (SiteFile(path: spec.path, text: html), shown, listing, PageDownloads.figures(ids: rendered.figureIDs, shown: shown, charts: charts))
    }

    /// The page's model with the values every page shares (opens the spec's model to its type).
    func pageModel<Page: TemplateModel>(_ spec: PageSpec, _ page: Page) -> any TemplateModel {
        contexts.context(root: spec.root, region: spec.region, area: spec.area, page: page)
    }

    func methodsSpec(_ figures: [Figure]) -> PageSpec {
        PageSpec(template: "methodology", folder: "methodology/", section: "methodology", data: methodsData(figures))
    }

    func methodsData(_ figures: [Figure]) -> MethodsPageModel {
        let builder = contexts
        let byID = Dictionary(uniqueKeysWithValues: figures.map { ($0.id, $0) })
        let entries = figures.map { figure in
            var inputs: [MethodsInputModel] = [], after = ""
            if case .computed(let operation, let ids) = figure.derivation {
                let symbol = switch operation { case .sum: " + "; case .share: " ÷ "; case .difference: " − "; case .count: ", " }
                after = operation == .share ? ", as a percentage" : operation == .count ? " (counted)" : ""
                inputs = ids.compactMap { byID[$0] }.enumerated().map { index, input in
                    MethodsInputModel(before: index == 0 ? "" : symbol, value: input)
                }
            }
            return MethodsEntryModel(id: figure.id, label: figure.label, value: figure, calculated: figure.derivation.isComputed,
                                     inputs: inputs, after: after, sources: figure.sources.map(builder.sourceModel))
        }
        return MethodsPageModel(
            figures: entries,
            reconciliations: statistics.reconciliations.map(builder.reconciliationModel),
            hasReconciliations: !statistics.reconciliations.isEmpty,
            hasComparisons: !statistics.comparisons.isEmpty,
            changes: statistics.dataset.areas.compactMap { area in
                statistics.changes[area.name].map { AreaChangeModel(area: area.name, change: builder.changeModel($0)) }
            },
            sources: statistics.dataset.sources.map { builder.sourceModel($0.id) },
            disclosure: builder.disclosureModel)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
