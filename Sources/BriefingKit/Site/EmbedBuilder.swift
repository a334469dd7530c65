/// Builds the standalone embeds: for each area with a briefing page and each kind of embed that
/// applies to it, `embed/<area-slug>/<name>.html` and, with a base URL, its oEmbed file.
///
/// An embed page is the kind's content template (filled like a briefing page, with the area as
/// `area`), rendered by the same Markdown renderer, inside `Templates/embed.html`: its title, the
/// content, the sources of the figures it shows, the release's status, a link to the full briefing,
/// no site navigation, and `EmbedScript`, which tells the parent page its height. Its links open
/// in a new tab (`<base target="_blank">`), and go to the site's address when it is known.
///
/// A template set without `embed.html`, or without a kind's content template, has no such embeds
/// (and its briefing pages no embed code): embeds are part of the template set, not of the data.
public struct EmbedBuilder: Sendable {
    public let statistics: Statistics
    public let templates: TemplateLibrary
    let contexts: PageContextBuilder
    /// The site's address, ending in `/`, or nil: then every link is relative.
    public let baseURL: String?
    /// Which methods page each figure link goes to (the site's, so that an embed links as its page does).
    var entries = EntryPages()
    /// The content values of the areas whose embeds are being built, shared by each area's kinds.
    let contents = EmbedContents()

    /// The embed layout, `Templates/embed.html`.
    public static let layout = "embed"

    /// The embeds' Content Security Policy: the pages' own, with the height script allowed by its hash.
    public static let policy = ContentSecurityPolicy.pages.adding("script-src", [EmbedScript.cspSource])

    init(statistics: Statistics, templates: TemplateLibrary, contexts: PageContextBuilder, baseURL: String?) {
        self.statistics = statistics
        self.templates = templates
        self.contexts = contexts
        self.baseURL = baseURL
    }

    /// Every embed of the briefing pages planned, in page order, then in `EmbedKind.all` order.
    public func plan(for pages: [PageSpec]) -> [EmbedSpec] {
        let names = Set(templates.names)
        guard names.contains(Self.layout) else { return [] }
        let dataset = statistics.dataset
        return pages.flatMap { page -> [EmbedSpec] in
            // The national page is the top area's; every other briefing page names its area.
            guard let area = page.area.flatMap(dataset.area(named:)) ?? (page.folder.isEmpty ? dataset.top : nil) else { return [] }
            return EmbedKind.all.filter { names.contains($0.template) && $0.applies(area, contexts) }
                .map { EmbedSpec(kind: $0, area: area, page: page.folder) }
        }
    }

    /// Builds every embed; the diagnostics of all that fail are thrown together. An embed that
    /// would show no figure (a force whose only figure for the period is `[x]`) is left out.
    /// With several `workers`, the embeds are built in parallel and gathered in order (the same set as from one).
    public func build(_ specs: [EmbedSpec], workers: Int = 1) throws -> EmbedSet {
        var embeds: [EmbedSet.Embed] = []
        var problems: [Diagnostic] = []
        for result in ParallelMap(workers: workers).map(specs, { spec in Swift.Result<EmbedSet.Embed, any Error> { try build(spec) } }) {
            do {
                let embed = try result.get()
                if !embed.shown.isEmpty { embeds.append(embed) }
            } catch let error as BriefingError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw BriefingError(step: "build embeds", diagnostics: problems) }
        return EmbedSet(embeds: embeds, baseURL: baseURL)
    }

    /// The path from an embed page to the site's links: the site's address, or back to its root.
    var linkRoot: String { baseURL ?? EmbedSpec.root }

    /// One embed: its page, its oEmbed file, its code and the figures it shows.
    func build(_ spec: EmbedSpec) throws -> EmbedSet.Embed {
        let dataset = statistics.dataset
        let owner = spec.area.parent == nil ? nil : spec.area.name
        let content = contents.value(for: spec.area) {
            contexts.context(root: EmbedSpec.root, area: owner, page: EmbedPageModel(area: contexts.areaModel(spec.area), releasePeriod: dataset.release.period.name)).templateValue
        }
        let (markdown, shown, charts) = try templates.renderPage(spec.kind.template, with: content, schema: PageModel<EmbedPageModel>.schema, mode: .markdown)
        let rendered = try MarkdownRenderer().render(markdown, figures: shown, charts: charts, root: linkRoot, page: spec.path, entries: entries)
        let title = rendered.title ?? spec.area.name
        // The sources of the figures shown (a chart's among them), in sources.csv order.
        let cited = Set(shown.values.flatMap(\.sources) + charts.values.flatMap(\.figures).flatMap(\.sources))
        let cites = dataset.sources.filter { cited.contains($0.id) }.compactMap { contexts.sourceModel($0.id) }
        let hasCalculated = shown.values.contains { $0.derivation.isComputed }

        // The frame's first height: the content's, estimated at the oEmbed width from its text and charts.
        let text = try PlainTextRenderer().render(markdown, figures: shown, page: spec.path)
        let footer = [cites.map { "\($0.publisher), \($0.title)" }.joined(separator: "; "), "Status: " + dataset.release.status,
                      hasCalculated ? "Numbers marked † were calculated for this briefing from published figures." : "",
                      "Read the full briefing from " + dataset.release.organisation]
        let height = max(spec.kind.initialHeight, EmbedHeight(text: text, charts: Array(charts.values), footer: footer.filter { !$0.isEmpty }).pixels)
        let code = EmbedCode(path: spec.path, title: title, height: height, baseURL: baseURL)
        let sources = cites.enumerated().map { index, source in
            EmbedSourceModel(source: source, separator: index == cites.count - 1 ? "." : "; ")
        }
        let layout = EmbedLayoutModel(
            title: title, content: rendered.html, embedID: spec.id, script: EmbedScript.source,
            policy: Self.policy.description, oembedHref: baseURL.map { $0 + spec.oEmbedPath },
            briefingHref: linkRoot + spec.page + "index.html", sources: sources, hasSources: !sources.isEmpty,
            severalSources: sources.count > 1, hasCalculated: hasCalculated)
        let (html, _) = try templates.render(Self.layout, with: contexts.context(root: EmbedSpec.root, area: owner, page: layout), mode: .html)
        // An oEmbed document must give the embed's address in full, so there is one only with a base URL.
        var files = [SiteFile(path: spec.path, text: html)]
        if baseURL != nil {
            files.append(SiteFile(path: spec.oEmbedPath, text: try code.oEmbed(provider: dataset.release.organisation, providerURL: baseURL)))
        }
        return EmbedSet.Embed(spec: spec, title: title, code: code, files: files, shown: shown)
    }
}
