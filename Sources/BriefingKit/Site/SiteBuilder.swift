import Foundation

/// Fills the page templates, renders their Markdown, lays them out and adds the downloads.
public struct SiteBuilder: Sendable {
    public let statistics: Statistics
    public let templates: TemplateLibrary
    /// The build time to print, when `--now` or SOURCE_DATE_EPOCH gives one; nil prints none.
    public let builtAt: Date?
    /// Whether the release is under embargo at the build's clock.
    public let embargo: EmbargoState
    /// The site's address (`https://example.org/briefing/`), to write links in the plain-text
    /// releases in full; nil writes a link to another page of the site as its text alone.
    public let baseURL: BaseURL?

    /// Builds each page's data; holds the values all pages share, computed once.
    let contexts: PageContextBuilder
    /// The methods pages, and which of them holds each figure's entry.
    let methods: MethodsPages
    /// The pages' canonical and Open Graph fields, and the feed, sitemap, robots.txt and _headers.
    public var discovery: Discovery
    /// How many threads render pages: every core unless told (1 renders them in order on one).
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    /// `everyField`: the shared lists of areas keep every field of their items, even those no
    /// template can reach (`ListFieldUse`), so that each page's value is its model's whole.
    public init(statistics: Statistics, templates: TemplateLibrary, builtAt: Date? = nil, embargo: EmbargoState = .none,
                baseURL: BaseURL? = nil, everyField: Bool = false) {
        self.statistics = statistics
        self.templates = templates
        self.builtAt = builtAt
        self.embargo = embargo
        self.baseURL = baseURL
        let use = ListFieldUse(templates)
        let reachable = everyField ? [:] : SharedValues.areaLists.reduce(into: [String: Set<String>]()) { $0[$1] = use.names(inSectionsOver: $1) }
        self.contexts = PageContextBuilder(statistics: statistics, embargo: embargo, reachable: reachable)
        self.methods = MethodsPages(statistics: statistics, contexts: contexts, split: templates.names.contains(MethodsPages.areaTemplate))
        self.discovery = Discovery(release: statistics.dataset.release, baseURL: baseURL, updated: builtAt, embargoed: embargo.isEmbargoed)
    }

    /// The national page, one page per nation and region with figures in the release period
    /// (nations and regions share the `region` template) and one per force with any figure; the
    /// methods pages follow them (`MethodsPages`).
    public func plan() -> [PageSpec] {
        pages().map(spec)
    }

    /// A page of `plan()` before its model is made: the build makes the models a batch at a time,
    /// so that 10,000 areas' models are never held together.
    struct PlannedPage: Sendable {
        /// Nil for the national page.
        let area: Area?
        let template: String
    }

    func pages() -> [PlannedPage] {
        let builder = contexts
        return [PlannedPage(area: nil, template: "national")]
            + (builder.areasWithFigures(.nation).filter({ $0.parent != nil }) + builder.areasWithFigures(.region)).map { PlannedPage(area: $0, template: "region") }
            + builder.areasWithFigures(.force, inRelease: false).map { PlannedPage(area: $0, template: "force") }
    }

    func spec(_ page: PlannedPage) -> PageSpec {
        let builder = contexts
        guard let area = page.area else { return PageSpec(template: "national", folder: "", section: "national", data: NationalPageModel()) }
        let force = page.template == "force"
        return PageSpec(template: page.template, folder: builder.url(for: area), section: force ? "forces" : "regions",
                        data: AreaPageModel(area: builder.areaModel(area)), region: force ? area.parent : area.name, area: area.name)
    }

    /// How many pages are rendered together before their files go to the sink: enough to keep every
    /// core busy, few enough that the site is never held in memory.
    public var batchSize = 32
    /// Called after each step of the build (the figures' first pass, the pages, the methods pages)
    /// has let go of what it made (`BuildOptions.stepFinished`).
    public var stepFinished: (@Sendable () -> Void)?

    /// The whole site in memory (what `check` and the tests look at).
    public func build() throws -> Site {
        let collector = SiteCollector()
        let figures = try render(into: collector)
        var site = Site(files: collector.files, figures: Array(figures))
        site.embargo = embargo
        return site
    }

    /// Renders the site into `sink`, a batch of pages at a time, each page after its embeds; then
    /// the methods pages, the downloads of every figure and the site's own files. The returned site
    /// holds neither the files nor the figures, only how many figures there are. Faults are gathered
    /// across every page and thrown together (each once); after the first, nothing more is sent to the sink.
    public func build(into sink: any SiteSink) throws -> Site {
        let figures = try render(into: sink)
        var site = Site(files: [])
        site.figureCount = figures.count
        site.embargo = embargo
        return site
    }

    /// Renders the site into `sink` (`build(into:)`); returns every figure, in id order, as the downloads list them.
    func render(into sink: any SiteSink) throws -> FigureLedger.Listing {
        let builder = contexts
        var ledger = FigureLedger(statistics: statistics, builder: builder, workers: workers)
        let pageDownloads = PageDownloads(writer: DownloadWriter(release: statistics.dataset.release, embargo: embargo.notice))
        var listed: [ListedPage] = []
        var problems: [Diagnostic] = []
        var hasEmbeds = false
        var embedder = EmbedBuilder(statistics: statistics, templates: templates, contexts: builder, baseURL: baseURL?.text)
        embedder.entries = methods.entries
        stepFinished?()
        let pages = pages()
        for start in stride(from: 0, to: pages.count, by: max(1, batchSize)) {
            // The pages' models are made on every core too: each is an area's statistics and wording.
            let batch = ParallelMap(workers: workers).map(Array(pages[start..<min(pages.count, start + max(1, batchSize))]), spec)
            // The embeds first: each briefing page shows the code of its own.
            var embeds = EmbedSet(baseURL: baseURL?.text)
            do {
                embeds = try embedder.build(embedder.plan(for: batch), workers: workers)
                ledger.merge(embeds.shown)
                hasEmbeds = hasEmbeds || !embeds.embeds.isEmpty
                if problems.isEmpty { for file in embeds.files { try sink.add(file) } }
            } catch let error as BriefingError {
                problems += error.diagnostics
            }
            // Pages are rendered on every core, then gathered in plan order: the same site as from one thread.
            let pageEmbeds = embeds
            let rendered = ParallelMap(workers: workers).map(batch) { spec in
                Swift.Result<RenderedSitePage, any Error> {
                    let (file, shown, listing, text, inOrder) = try page(spec, plainText: true, embeds: pageEmbeds)
                    return RenderedSitePage(files: [file] + (text.map { [$0] } ?? []), downloads: try pageDownloads.downloads(for: spec, figures: inOrder),
                                            shown: shown, listing: listing)
                }
            }
            for result in rendered {
                switch result {
                case .success(let page):
                    ledger.merge(page.shown)
                    if problems.isEmpty { try page.send(to: sink) }
                    listed.append(page.listing)
                case .failure(let error as BriefingError):
                    problems += error.diagnostics
                case .failure(let error):
                    throw error
                }
            }
        }
        // The methods pages list every figure, each on the page of its area (`MethodsPages`), including
        // those the other pages showed; planned once the ledger holds every figure they hold, then
        // rendered a batch at a time like the pages.
        var unlisted: [Figure] = []  // of the values every page shares
        contexts.context(root: "", page: NationalPageModel()).templateValue.forEachFigure { if !ledger.contains($0.id) { unlisted.append($0) } }
        stepFinished?()
        let methodsPlan = methods.plan(&ledger, shared: unlisted)
        do {
            try methods.render(methodsPlan, ledger: ledger, batchSize: batchSize, workers: workers, { spec in
                let (file, shown, listing, _, inOrder) = try page(spec)
                return RenderedSitePage(files: [file], downloads: try pageDownloads.downloads(for: spec, figures: inOrder), shown: shown, listing: listing)
            }, emit: { methodsPage in
                if problems.isEmpty { try methodsPage.send(to: sink) }
                listed.append(methodsPage.listing)
            })
        } catch let error as BriefingError {
            problems += error.diagnostics
        }
        stepFinished?()
        ledger = FigureLedger()
        if !problems.isEmpty {
            // A template fault repeats on every page that uses it: report each place once.
            var seen = Set<String>()
            throw BriefingError(step: "build pages", diagnostics: problems.filter { seen.insert($0.description).inserted })
        }

        // The downloads of every figure are large, and each pass over the figures makes them again
        // from the statistics: the CSV and the JSON are written, and the spreadsheet's tables
        // measured, in the pass that lists every figure in id order (an area's at a time); the
        // spreadsheet then writes each row once.
        let downloads = DownloadWriter(release: statistics.dataset.release, embargo: embargo.notice)
        let workbook = WorkbookBuilder(dataset: statistics.dataset, embargo: embargo.notice, builtAt: builtAt)
        var tally = workbook.tally()
        var listing: FigureLedger.Listing?
        try sink.add("data/figures.csv") { emitCSV in
            try sink.add("data/figures.json") { emitJSON in
                var csv = downloads.csvStream(), json = try downloads.jsonStream()
                listing = try methodsPlan.ledger.listing { figure, index in
                    if let piece = csv.add(figure) { try emitCSV(piece) }
                    if let piece = try json.add(figure) { try emitJSON(piece) }
                    tally.add(figure, at: index)
                }
                try emitJSON(json.finish())
                if let rest = csv.finish() { try emitCSV(rest) }
            }
        }
        // A sink that did not ask for the CSV's pieces leaves the listing to be made on its own.
        let figures = listing ?? methodsPlan.ledger.listing()
        try workbook.add(figures, tally: tally, to: sink)
        try sink.add(SiteFile(path: "assets/style.css", text: templates.stylesheet))
        try sink.add(SiteFile(path: "README.md", text: Self.outputReadme))
        var discovery = discovery
        if hasEmbeds { discovery.embedScripts = [EmbedScript.cspSource] }
        for file in try discovery.files(listed) { try sink.add(file) }
        return figures
    }

    static let outputReadme = """
    # Output

    This folder is written by `briefing build` (or `make site`) from `Data/` and `Templates/`.
    Do not edit it: every build replaces it whole. Open `index.html` in a browser.

    """

    /// One page: template → Markdown → HTML fragment (figures linked, tables made accessible) → layout;
    /// with `plainText`, also the page as plain text (`index.txt` beside it) from the same Markdown.
    func page(_ spec: PageSpec, plainText: Bool = false, embeds: EmbedSet = EmbedSet()) throws
        -> (file: SiteFile, shown: [String: Figure], listing: ListedPage, text: SiteFile?, figures: [Figure]) {
        let builder = contexts
        let model = pageModel(spec, spec.data)
        let (markdown, shown, charts) = try templates.renderPage(spec.template, with: model, mode: .markdown)
        let rendered = try MarkdownRenderer().render(markdown, figures: shown, charts: charts, root: spec.root, page: spec.path,
                                                entries: methods.entries)
        // The plain text has no layout: under embargo, the embargo line heads it, as a release sent out early does.
        let text = try plainText ? SiteFile(path: spec.folder + "index.txt", text: (embargo.notice.map { $0 + "\n\n" } ?? "")
            + PlainTextRenderer(baseURL: baseURL?.text).render(markdown, figures: shown, page: spec.path)) : nil
        let title = rendered.title ?? statistics.dataset.release.title
        var layout = LayoutModel(title: title, content: rendered.html, builtAt: builtAt.map(Timestamp.rfc3339), section: spec.section)
        layout.description = discovery.description(ofPageTitled: title)
        layout.discovery = discovery.links(folder: spec.folder)
        layout.pageFigures = !rendered.figureIDs.isEmpty
        embeds.add(to: &layout, for: spec)
        let layoutData = builder.context(root: spec.root, region: spec.region, area: spec.area, page: layout)
        let (html, _) = try templates.render("layout", with: layoutData, mode: .html)
        let listing = ListedPage(folder: spec.folder, title: title, description: discovery.description(ofPageTitled: title))
        return (SiteFile(path: spec.path, text: html), shown, listing, text,
                PageDownloads.figures(ids: rendered.figureIDs, shown: shown, charts: charts))
    }

    /// The page's model with the values every page shares (opens the spec's model to its type).
    func pageModel<Page: TemplateModel>(_ spec: PageSpec, _ page: Page) -> any TemplateModel {
        contexts.context(root: spec.root, region: spec.region, area: spec.area, page: page)
    }
}
