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

    public init(statistics: Statistics, templates: TemplateLibrary, builtAt: Date? = nil, embargo: EmbargoState = .none,
                baseURL: BaseURL? = nil) {
        self.statistics = statistics
        self.templates = templates
        self.builtAt = builtAt
        self.embargo = embargo
        self.baseURL = baseURL
        self.contexts = PageContextBuilder(statistics: statistics, embargo: embargo)
        self.methods = MethodsPages(statistics: statistics, contexts: contexts, split: templates.names.contains(MethodsPages.areaTemplate))
        self.discovery = Discovery(release: statistics.dataset.release, baseURL: baseURL, updated: builtAt, embargoed: embargo.isEmbargoed)
    }

    /// The national page, one page per nation and region with figures in the release period
    /// (nations and regions share the `region` template) and one per force with any figure; the
    /// methods pages follow them (`MethodsPages`).
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
        let pageDownloads = PageDownloads(writer: DownloadWriter(release: statistics.dataset.release, embargo: embargo.notice))
        var files: [SiteFile] = []
        var listed: [ListedPage] = []
        var problems: [Diagnostic] = []
        // The embeds first: each briefing page shows the code of its own.
        var embedder = EmbedBuilder(statistics: statistics, templates: templates, contexts: builder, baseURL: baseURL?.text)
        embedder.entries = methods.entries
        var embeds = EmbedSet(baseURL: baseURL?.text)
        do {
            embeds = try embedder.build(embedder.plan(for: plan()), workers: workers)
            ledger.merge(embeds.shown)
            files += embeds.files
        } catch let error as BriefingError {
            problems += error.diagnostics
        }
        // Pages are rendered on every core, then gathered in plan order: the same site as from one thread.
        let pageEmbeds = embeds
        let rendered = ParallelMap(workers: workers).map(plan()) { spec in
            Swift.Result<RenderedSitePage, any Error> {
                let (file, shown, listing, text, inOrder) = try page(spec, plainText: true, embeds: pageEmbeds)
                let downloads = try pageDownloads.files(for: spec, figures: inOrder)
                return RenderedSitePage(files: [file] + (text.map { [$0] } ?? []) + downloads, shown: shown, listing: listing)
            }
        }
        for result in rendered {
            switch result {
            case .success(let page):
                ledger.merge(page.shown)
                files += page.files
                listed.append(page.listing)
            case .failure(let error as BriefingError):
                problems += error.diagnostics
            case .failure(let error):
                throw error
            }
        }
        // The methods pages list every figure, each on the page of its area, including those the other
        // pages showed; they are rendered again while they show figures of their own that no other page did.
        do {
            for methodsPage in try methods.render(&ledger, workers: workers, { spec in
                let (file, shown, listing, _, inOrder) = try page(spec)
                return RenderedSitePage(files: [file] + (try pageDownloads.files(for: spec, figures: inOrder)), shown: shown, listing: listing)
            }) {
                files += methodsPage.files
                listed.append(methodsPage.listing)
            }
        } catch let error as BriefingError {
            problems += error.diagnostics
        }
        let figures = ledger.sorted
        if !problems.isEmpty {
            // A template fault repeats on every page that uses it: report each place once.
            var seen = Set<String>()
            throw BriefingError(step: "build pages", diagnostics: problems.filter { seen.insert($0.description).inserted })
        }

        // The downloads of every figure are large and independent of each other: written in parallel too.
        let downloads = DownloadWriter(release: statistics.dataset.release, embargo: embargo.notice)
        let all = figures, builtAt = builtAt, dataset = statistics.dataset, notice = embargo.notice
        let jobs: [@Sendable () throws -> [SiteFile]] = [
            { [SiteFile(path: "data/figures.csv", text: downloads.csv(all))] },
            { [SiteFile(path: "data/figures.json", text: try downloads.json(all))] },
            { [try WorkbookBuilder(dataset: dataset, embargo: notice, builtAt: builtAt).file(all)] },
        ]
        for result in ParallelMap(workers: workers).map(jobs, { job in Swift.Result { try job() } }) {
            files += try result.get()
        }
        files.append(SiteFile(path: "assets/style.css", text: templates.stylesheet))
        files.append(SiteFile(path: "README.md", text: Self.outputReadme))
        var discovery = discovery
        if !embeds.embeds.isEmpty { discovery.embedScripts = [EmbedScript.cspSource] }
        files += try discovery.files(listed)
        var site = Site(files: files, figures: figures)
        site.embargo = embargo
        return site
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
        var layout = LayoutModel(title: title, content: rendered.html, builtAt: builtAt.map(Self.timestamp), section: spec.section)
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

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
