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
    public let baseURL: String?

    /// Builds each page's data; holds the values all pages share, computed once.
    let contexts: PageContextBuilder

    public init(statistics: Statistics, templates: TemplateLibrary, builtAt: Date? = nil, embargo: EmbargoState = .none,
                baseURL: String? = nil) {
        self.statistics = statistics
        self.templates = templates
        self.builtAt = builtAt
        self.embargo = embargo
        self.baseURL = baseURL
        self.contexts = PageContextBuilder(statistics: statistics)
    }

    /// The national page, one page per nation and region with figures in the release period
    /// (nations and regions share the `region` template), one per force with any figure, and the
    /// methods page.
    public func plan() -> [PageSpec] {
        let builder = contexts
        var pages = [PageSpec(template: "national", folder: "", section: "national", data: [:])]
        for area in builder.areasWithFigures(.nation).filter({ $0.parent != nil }) + builder.areasWithFigures(.region) {
            pages.append(PageSpec(template: "region", folder: builder.url(for: area), section: "regions",
                                  data: ["area": builder.areaValue(area)], region: area.name, area: area.name))
        }
        for force in builder.areasWithFigures(.force, inRelease: false) {
            pages.append(PageSpec(template: "force", folder: builder.url(for: force), section: "forces",
                                  data: ["area": builder.areaValue(force)], region: force.parent, area: force.name))
        }
        return pages
    }

    public func build() throws -> Site {
        let builder = contexts
        var ledger = FigureLedger(statistics: statistics, builder: builder)
        var files: [SiteFile] = []
        var problems: [Diagnostic] = []
        for spec in plan() {
            do {
                let (file, shown, text) = try page(spec, plainText: true)
                ledger.merge(shown)
                files.append(file)
                if let text { files.append(text) }
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
        } catch let error as BriefingError {
            problems += error.diagnostics
        }
        if !problems.isEmpty {
            // A template fault repeats on every page that uses it: report each place once.
            var seen = Set<String>()
            throw BriefingError(step: "build pages", diagnostics: problems.filter { seen.insert($0.description).inserted })
        }

        var downloads = DownloadWriter(release: statistics.dataset.release)
        downloads.embargo = embargo.notice
        files.append(SiteFile(path: "data/figures.csv", text: downloads.csv(figures)))
        files.append(SiteFile(path: "data/figures.json", text: try downloads.json(figures)))
        files.append(SiteFile(path: "assets/style.css", text: templates.stylesheet))
        files.append(SiteFile(path: "README.md", text: Self.outputReadme))
        var site = Site(files: files, figures: figures)
        site.embargo = embargo
        return site
    }

    static let outputReadme = """
    # Output

    This folder is written by `briefing build` (or `make site`) from `Data/` and `Templates/`.
    Do not edit it: every build replaces it whole. Open `index.html` in a browser.

    """

    /// What every page and layout (embeds' too) reads beside its own data: `embargo` and `press`.
    var frameFields: [String: TemplateValue] {
        ["embargo": embargo.templateValue, "press": PressFrame(release: statistics.dataset.release).templateValue]
    }

    /// One page: template → Markdown → HTML fragment (figures linked, tables made accessible) → layout;
    /// with `plainText`, also the page as plain text (`index.txt` beside it) from the same Markdown.
    func page(_ spec: PageSpec, plainText: Bool = false) throws -> (file: SiteFile, shown: [String: Figure], text: SiteFile?) {
        let builder = contexts
        let data = builder.context(root: spec.root, region: spec.region, area: spec.area, page: spec.data.merging(frameFields) { own, _ in own })
        let (markdown, shown) = try templates.render(spec.template, with: data, mode: .markdown)
        let rendered = try MarkdownRenderer().render(markdown, figures: shown, root: spec.root, page: spec.path)
        // The plain text has no layout: under embargo, the embargo line heads it, as a release sent out early does.
        let text = try plainText ? SiteFile(path: spec.folder + "index.txt", text: (embargo.notice.map { $0 + "\n\n" } ?? "")
            + PlainTextRenderer(baseURL: baseURL).render(markdown, figures: shown, page: spec.path)) : nil
        var layoutFields: [String: TemplateValue] = [
            "title": .text(rendered.title ?? statistics.dataset.release.title),
            "content": .html(rendered.html),
            "built_at": builtAt.map { .text(Self.timestamp($0)) } ?? .bool(false),
        ]
        // One flag per navigation section, so that the layout can mark the current one.
        for section in ["national", "regions", "forces", "methodology"] {
            layoutFields["section_" + section] = .bool(section == spec.section)
        }
        layoutFields.merge(frameFields) { own, _ in own }
        let layoutData = builder.context(root: spec.root, region: spec.region, area: spec.area, page: layoutFields)
        let (html, _) = try templates.render("layout", with: layoutData, mode: .html)
        return (SiteFile(path: spec.path, text: html), shown, text)
    }

    func methodsSpec(_ figures: [Figure]) -> PageSpec {
        PageSpec(template: "methodology", folder: "methodology/", section: "methodology", data: methodsData(figures))
    }

    func methodsData(_ figures: [Figure]) -> [String: TemplateValue] {
        let builder = contexts
        let byID = Dictionary(uniqueKeysWithValues: figures.map { ($0.id, $0) })
        let entries: [TemplateValue] = figures.map { figure in
            var inputs: [TemplateValue] = [], after = ""
            if case .computed(let operation, let ids) = figure.derivation {
                let symbol = switch operation { case .sum: " + "; case .share: " ÷ "; case .difference: " − "; case .count: ", " }
                after = operation == .share ? ", as a percentage" : operation == .count ? " (counted)" : ""
                inputs = ids.compactMap { byID[$0] }.enumerated().map { index, input in
                    .object(["before": .text(index == 0 ? "" : symbol), "value": .figure(input)])
                }
            }
            return .object([
                "id": .text(figure.id),
                "label": .text(figure.label),
                "value": .figure(figure),
                "calculated": .bool(figure.derivation.isComputed),
                "inputs": .list(inputs),
                "after": .text(after),
                "sources": .list(figure.sources.map(builder.sourceValue)),
            ])
        }
        return [
            "figures": .list(entries),
            "reconciliations": .list(statistics.reconciliations.map(builder.reconciliationValue)),
            "has_reconciliations": .bool(!statistics.reconciliations.isEmpty),
            "has_comparisons": .bool(!statistics.comparisons.isEmpty),
            "changes": .list(statistics.dataset.areas.compactMap { area in
                statistics.changes[area.name].map { change in
                    .object(["area": .text(area.name), "change": builder.changeValue(change)])
                }
            }),
            "sources": .list(statistics.dataset.sources.map { builder.sourceValue($0.id) }),
            "disclosure": builder.disclosureValue,
        ]
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
