import Foundation

/// Builds the typed models each page template is filled from. Chooses nothing and words nothing:
/// it hands figures and flags to the templates, which own all prose.
public struct PageContextBuilder: Sendable {
    public let statistics: Statistics
    /// Areas with a row in the release period, and with a row in any period.
    private let areasInRelease: Set<String>
    private let areasWithRows: Set<String>
    /// The values every page shares, built once: pages differ only in their own data.
    private var shared: SharedModel?
    /// The shared values as template values, converted once (not once per page).
    private var sharedValues: SharedValues?
    /// The nations and regions with figures in the release period, as the navigation lists them.
    private let navAreas: [Area]
    /// Their names and addresses, worked out once rather than for every page and embed.
    private let navLinks: [(name: String, url: String)]

    /// `reachable`: for each list of areas the pages share, the names the templates can look up in
    /// its items (`ListFieldUse`), so that the fields no template reads are not held for the build.
    public init(statistics: Statistics, embargo: EmbargoState = .none, reachable: [String: Set<String>] = [:]) {
        self.statistics = statistics
        let observations = statistics.dataset.observations
        // An area has a page when a row gives it a figure for the release period, or a total across
        // periods that ends with it (Wales: "1,753 since 2017/18").
        let period = statistics.dataset.release.period
        areasInRelease = Set(observations.filter { $0.period == period || ($0.period.strictlyContains(period) && $0.period.last == period.last) }.map(\.area))
        areasWithRows = Set(observations.map(\.area))
        let inRelease = areasInRelease
        navAreas = statistics.dataset.areas.filter { ($0.kind == .nation || $0.kind == .region) && $0.parent != nil && inRelease.contains($0.name) }
        navLinks = navAreas.map { (name: $0.name, url: Self.path(of: $0)) }
        let nations = areasWithFigures(.nation).filter { $0.parent != nil }, regions = areasWithFigures(.region)
        let otherForces = otherForces
        // The lists of areas are converted an area at a time, each item keeping only the fields the
        // templates can reach (`SharedValues`), rather than every region's model held whole first.
        let model = SharedModel(
            release: releaseModel,
            national: dataset.top.map(areaModel),
            context: dataset.context.filter { !$0.isFinding }.map(contextModel),
            hasContext: dataset.context.contains { !$0.isFinding },
            nations: [],
            hasNations: !nations.isEmpty,
            regions: [],
            hasRegions: !regions.isEmpty,
            otherForces: [],
            hasOtherForces: !otherForces.isEmpty,
            hasRegionShares: regions.contains { region in
                statistics.focusOwner.flatMap { statistics.current[region.name]?.owner($0)?.share } != nil
            },
            comparisonChart: ChartSet(dataset: statistics.dataset).comparison(regions.compactMap { statistics.comparisons[$0.name] }),
            embargo: embargo.model,
            press: PressFrame(release: statistics.dataset.release).model)
        // Every page reads the lists of areas from `sharedValues`: a page's value takes only the release from `shared`.
        shared = model
        var lists: [String: [TemplateValue]] = [:]
        for (list, areas) in ["nations": nations, "regions": regions, "other_forces": otherForces] {
            lists[list] = areas.map { SharedValues.item(areaModel($0).templateValue, keeping: reachable[list]) }
        }
        sharedValues = SharedValues(model, lists: lists)
    }

    var dataset: Dataset { statistics.dataset }
    var release: Release { dataset.release }

    /// Areas of a kind that have figures in the release period, in `areas.csv` order.
    public func areasWithFigures(_ kind: Area.Kind, inRelease: Bool = true) -> [Area] {
        dataset.areas.filter { $0.kind == kind && (inRelease ? areasInRelease : areasWithRows).contains($0.name) }
    }

    /// Forces with a page of their own whose parent has none (its region published no figure of its own).
    var otherForces: [Area] {
        areasWithFigures(.force, inRelease: false).filter { force in
            guard let parent = force.parent.flatMap(dataset.area(named:)) else { return true }
            return parent.parent != nil && !areasInRelease.contains(parent.name)
        }
    }

    /// The areas whose quotes and notes a page carries: the top area for the national page; an
    /// area's own; a force's and its region's.
    func pageOwners(_ area: String?) -> [String] {
        guard let area, let listed = dataset.area(named: area) else { return [dataset.top?.name].compactMap { $0 } }
        return [listed.name] + (listed.kind == .force ? [listed.parent].compactMap { $0 } : [])
    }

    /// The values every page shares, plus the page's own. `area` is the page's area (nil for the
    /// national and methods pages), which chooses its quotes and notes; `region` is marked current
    /// in the navigation.
    public func context<Page: TemplateModel>(root: String, region current: String? = nil, area: String? = nil,
                                             page: Page) -> PageModel<Page> {
        var shared = shared!
        // A quote with no areas is the release's own, for the national page; a note with none is for every page.
        let owners = pageOwners(area)
        let quotes = dataset.quotes.filter { quote in
            quote.areas.isEmpty ? area == nil : quote.areas.contains { owners.contains($0) }
        }
        let findings = dataset.context.filter { item in
            item.isFinding && (item.areas.isEmpty ? area == nil : item.areas.contains { owners.contains($0) })
        }
        shared.release.notesToEditors = release.notesToEditors
            .filter { note in note.areas.isEmpty || note.areas.contains { owners.contains($0) } }.map(\.text)
        return PageModel(
            shared: shared, root: root,
            navMany: navAreas.count > 6 && navAreas.count <= Self.navListLimit, navIndex: navAreas.count > Self.navListLimit,
            navCount: String(navAreas.count),
            // The navigation marks the page's own nation or region (or a force's) as current.
            nav: navAreas.count > Self.navListLimit ? [] : navLinks.map { NavItemModel(name: $0.name, url: $0.url, current: $0.name == current) },
            quotes: quotes.map(quoteModel), hasQuotes: !quotes.isEmpty,
            findings: findings.map(contextModel), hasFindings: !findings.isEmpty,
            page: page, sharedValues: sharedValues)
    }

    /// The most nations and regions every page's navigation lists (a UK release has twelve).
    static let navListLimit = 40

    var releaseModel: ReleaseModel {
        ReleaseModel(
            title: release.title, organisation: release.organisation, status: release.status, measure: release.measure,
            period: release.period.name, previousPeriod: dataset.previousPeriod?.name,
            coverage: release.coverage.map(coverageModel),
            currentCoverage: release.coverage(for: release.period).map(coverageModel),
            contacts: release.contacts.map { ContactModel(name: $0.name, role: $0.role, email: $0.email, phone: $0.phone) },
            notesToEditors: release.notesToEditors.filter(\.areas.isEmpty).map(\.text),
            subject: SubjectModel(singular: release.subject.singular, plural: release.subject.plural),
            breakdown: BreakdownModel(singular: release.subject.breakdownSingular, plural: release.subject.breakdownPlural,
                                      known: release.subject.known),
            firstPeriod: dataset.firstPeriod?.name,
            headlineIsRecorded: dataset.headlinePlatform == Platform.recorded,
            seriesPeriods: dataset.seriesPeriods.map(\.shortName),
            boilerplate: release.boilerplate)
    }

    func coverageModel(_ coverage: Release.Coverage) -> CoverageModel {
        CoverageModel(period: coverage.period.name, everyPeriod: coverage.everyPeriod, several: (coverage.forcesAnswered ?? 0) > 1,
                      area: coverage.area, forces: coverageFigure(coverage), description: coverage.description, note: coverage.note)
    }

    /// The number of forces that answered, as a figure with its source.
    func coverageFigure(_ coverage: Release.Coverage) -> Figure? {
        coverage.forcesAnswered.map {
            Figure(id: FigureID.make(["forces-answered", FigureID.part(coverage.everyPeriod ? nil : coverage.period)]
                                     + (coverage.area.map { [Area.slug($0)] } ?? [])),
                   label: "Police forces that answered\(coverage.area.map { ", \(dataset.displayName(of: $0))" } ?? ""), \(coverage.everyPeriod ? "every period" : coverage.period.name)", value: .count($0),
                   derivation: .published(location: coverage.location), sources: coverage.source.map { [$0] } ?? [],
                   period: coverage.period)
        }
    }

    /// The disclosure-control threshold and, when any, the count of published cells it hid.
    var disclosureFigures: [Figure] {
        let hidden = dataset.hidden.map { FigureID.cell($0.area, $0.period, $0.platform, $0.measure.rawValue) }.sorted()
        let threshold = Figure(id: "disclosure-threshold", label: "Disclosure control: the largest count this briefing hides (a setting, not a published figure)",
                               value: .count(release.disclosureThreshold),
                               derivation: .published(location: SourceLocation(path: "release.yaml", line: 1, column: 1)), sources: [])
        guard !hidden.isEmpty else { return [threshold] }
        return [threshold, Figure(id: "disclosure-hidden-cells", label: "Published figures hidden by disclosure control",
                                  value: .count(hidden.count), derivation: .computed(.count, inputs: hidden), sources: [])]
    }

    var disclosureModel: DisclosureModel {
        let figures = disclosureFigures
        return DisclosureModel(active: release.disclosureThreshold > 0, threshold: figures[0], cells: figures.count > 1 ? figures[1] : nil)
    }

    /// An area's figures for the release period, with its previous period, comparison and change.
    public func areaModel(_ area: Area) -> AreaModel {
        var model = AreaModel()
        model.summary = summaryModel(statistics.current[area.name])
        model.name = area.name
        model.displayName = area.displayName
        model.slug = area.slug
        model.isNation = area.kind == .nation
        // What the release says about this area's own coverage in the release period (Yorkshire: three of its four forces).
        model.areaCoverage = area.parent == nil ? nil
            : release.coverage.first { $0.area == area.name && $0.period == release.period && !$0.everyPeriod }.map(coverageModel)
        model.isTop = area.parent == nil
        model.url = url(for: area)
        model.isForce = area.kind == .force
        model.isRegion = area.kind == .region
        // Only a parent with a page of its own is linked: a region with no figures of its own has none.
        model.parent = area.parent.flatMap(dataset.area(named:)).flatMap { parent in
            parent.parent == nil || areasInRelease.contains(parent.name) && parent.kind != .force
                ? LinkModel(name: parent.name, url: url(for: parent)) : nil
        }
        if let previous = statistics.previous[area.name], previous.hasFigures {
            let rows = forceRows(of: area, in: previous.period)
            // The series table already gives the total: a section of its own only for a breakdown.
            model.previous = PreviousPeriodModel(summary: summaryModel(previous), forces: rows, hasForces: !rows.isEmpty,
                                                 hasBreakdown: !rows.isEmpty || !previous.platforms.isEmpty, name: area.name)
        }
        model.comparison = statistics.comparisons[area.name].map(comparisonModel)
        model.change = statistics.changes[area.name].map(changeModel)
        model.changeFromFirst = statistics.changesFromFirst[area.name].map(changeModel)
        if let series = statistics.series[area.name] {
            // One style of period name per table: "2017/18" only when every period has such a name.
            let short = dataset.seriesPeriods.allSatisfy { $0.shortName != $0.name }
            model.seriesHasMarkers = series.points.contains { $0.count?.value.marker != nil }
            model.seriesHasRevisions = series.points.contains { $0.count?.revised == true }
            model.series = series.points.map { point in
                SeriesPointModel(period: short ? point.period.shortName : point.period.name, periodName: point.period.name,
                                 count: point.count, isRelease: point.period == release.period)
            }
            model.hasSeries = series.hasSeries
            model.seriesChart = ChartSet(dataset: dataset).series(series)
            model.cumulative = series.cumulative.map { total in
                CumulativeModel(total: total, period: total.period?.name ?? "", calculated: total.derivation.isComputed)
            }
            model.hasCumulative = !series.cumulative.isEmpty
            model.publishedChanges = series.publishedChanges.map { change in
                let base = change.basePeriod
                // Checked when the tool's own change from the same base is like for like.
                let own = [statistics.changes[area.name], statistics.changesFromFirst[area.name]].compactMap { $0 }
                    .first { $0.previous.period == base }
                return PublishedChangeModel(change: change, since: base?.shortName ?? "", checked: own?.comparable == true,
                                            increase: (change.value.number ?? 0) > 0, decrease: (change.value.number ?? 0) < 0)
            }
            model.hasPublishedChanges = !series.publishedChanges.isEmpty
        }
        model.forces = forceRows(of: area, in: release.period)
        model.hasForces = !model.forces.isEmpty
        return model
    }

    /// The site path of an area's page, from the root.
    public func url(for area: Area) -> String { Self.path(of: area) }

    static func path(of area: Area) -> String {
        switch area.kind {
        case .country, .nation: area.parent == nil ? "" : "nations/\(area.slug)/"
        case .region: "regions/\(area.slug)/"
        case .force: "forces/\(area.slug)/"
        }
    }

    /// An area's figures for one period; every figure absent when the area has none then.
    func summaryModel(_ summary: AreaSummary?) -> PeriodSummaryModel {
        var model = PeriodSummaryModel()
        guard let summary else { return model }
        let owner = statistics.focusOwner.flatMap { summary.owner($0) }
        model.period = summary.period.name
        model.hasFigures = summary.hasFigures
        model.gaps = (statistics.of(summary.area.name)?.checks ?? []).filter { !$0.reconciles && $0.period == summary.period }.map(reconciliationModel)
        // The count a page leads with: every instance recorded when published, else those where the breakdown was known.
        // The same count in every area and period: a table never sets every record beside the known subset.
        model.headline = headline(summary)
        model.hasHeadline = headline(summary).map { $0.value.marker == nil } ?? false
        model.headlineKnownOnly = dataset.headlinePlatform == Platform.all
        model.recorded = summary.recorded
        model.hasRecorded = summary.recorded != nil && summary.recorded?.value.marker == nil
        model.total = summary.total
        // Prose needs a number; tables may show a marker.
        model.hasTotal = summary.total?.value.marker == nil && summary.total != nil
        model.platforms = summary.platforms.map(platformModel)
        // Ranked only when every platform of its own has a count: a missing one could be the largest.
        model.largest = summary.largest(of: dataset.platforms).map(platformModel)
        model.hasPlatforms = !summary.platforms.isEmpty
        // Count columns are shown only where some count was published for the period.
        model.hasPlatformCounts = summary.platforms.contains { $0.count != nil }
        if let owner { model.owner = ownerModel(owner, platforms: summary.platforms) }
        // Each platform or owner the release is about, with its share of those where the breakdown was known.
        model.focus = dataset.focus.compactMap { name -> FocusModel? in
            if let group = summary.owner(name) {
                return FocusModel(name: release.subject.ownerGroupName(name), isOwner: true, share: group.share, count: group.count,
                                  shareIsPublished: group.publishedShare != nil)
            }
            guard let item = summary.platforms.first(where: { $0.platform.name == name }) else { return nil }
            return FocusModel(name: name, isOwner: false, share: item.share, count: item.count,
                              shareIsPublished: { if case .published = item.share?.derivation { return true } else { return false } }())
        }
        model.hasOwner = owner != nil
        model.columns = dataset.platforms.map(\.name)
        model.cells = cells(summary)
        model.breakdownChart = ChartSet(dataset: dataset).breakdown(summary)
        return model
    }

    func platformModel(_ item: PlatformBreakdown) -> PlatformModel {
        PlatformModel(name: item.platform.name, count: item.count, share: item.share, shareOfOwner: item.shareOfOwner,
                      encrypted: item.platform.endToEndEncrypted == true, ownerName: item.platform.owner)
    }

    func ownerModel(_ group: OwnerGroup, platforms: [PlatformBreakdown]) -> OwnerModel {
        var model = OwnerModel()
        model.name = release.subject.ownerGroupName(group.owner)
        model.owner = group.owner
        model.count = group.count
        model.share = group.share
        model.shareIsPublished = group.publishedShare != nil
        model.publishedShare = group.publishedShare
        model.calculatedShare = group.calculatedShare
        model.sharesDisagree = group.sharesDisagree
        model.encrypted = platforms.filter {
            $0.platform.owner == group.owner && $0.platform.endToEndEncrypted == true && $0.shareOfOwner != nil
        }.map(platformModel)
        return model
    }

    func comparisonModel(_ comparison: ShareComparison) -> ComparisonModel {
        ComparisonModel(subject: comparison.subject, share: comparison.share, national: comparison.national,
                        difference: comparison.difference, same: comparison.direction == .same,
                        similar: comparison.direction == .similar, higher: comparison.direction == .higher,
                        lower: comparison.direction == .lower,
                        significant: comparison.direction == .higher || comparison.direction == .lower)
    }

    func changeModel(_ change: PeriodChange) -> ChangeModel {
        let difference = change.difference?.value.count ?? 0
        return ChangeModel(comparable: change.comparable, basis: basisModel(change), current: change.current, previous: change.previous,
                           previousPeriod: change.previous.period?.name ?? "", currentPeriod: change.current.period?.name ?? "",
                           difference: change.difference, percent: change.percentChange,
                           increase: change.comparable && difference > 0, decrease: change.comparable && difference < 0,
                           unchanged: change.comparable && difference == 0)
    }

    /// Why two periods can or cannot be compared, as flags and figures for `basis.md` to word.
    func basisModel(_ change: PeriodChange) -> ChangeBasisModel {
        var model = ChangeBasisModel()
        func forceCount(_ ids: [String], _ period: Period?) -> Figure {
            Figure(id: FigureID.make(["forces-with-figures", Area.slug(change.area), FigureID.part(period),
                                      "compared-with-" + FigureID.part(period == change.current.period ? change.previous.period : change.current.period)]),
                   label: "Forces of \(dataset.displayName(of: change.area)) with a figure, \(period?.name ?? "")", value: .count(ids.count),
                   derivation: .computed(.count, inputs: ids), sources: [], period: period, area: change.area)
        }
        switch change.basis {
        case .sameForce:
            model.sameForce = true
        case .forcesInBoth(let count, let total):
            model.forcesInBoth = true
            // "Every force" only when no coverage the release gives for the area says fewer answered.
            let said = change.current.period.flatMap { release.coverage(for: $0, area: change.area)?.forcesAnswered }
            model.allForces = count == total && (said.map { $0 >= total } ?? true)
            let inBoth: [String]
            if case .computed(_, let ids) = change.current.derivation { inBoth = ids } else { inBoth = [] }
            model.forces = forceCount(inBoth, change.current.period)
            model.forcesInArea = Figure(
                id: FigureID.make(["forces-listed", Area.slug(change.area)]), label: "Forces of \(dataset.displayName(of: change.area)) listed in areas.csv",
                value: .count(total), derivation: .computed(.count, inputs: dataset.children(of: change.area).map { Area.slug($0.name) }),
                sources: [])
        case .differentForces(let previous, let current):
            model.differentForces = true
            model.forcesBefore = forceCount(previous, change.previous.period)
            model.forcesNow = forceCount(current, change.current.period)
        case .forcesUnknown(let period):
            model.forcesUnknown = true
            model.unknownPeriod = period.name
        case .coverageDiffers(let previous, let current):
            model.coverageDiffers = true
            model.beforeSeveral = (previous.forcesAnswered ?? 0) != 1
            model.nowSeveral = (current.forcesAnswered ?? 0) != 1
            model.coverageBefore = coverageFigure(previous)
            model.coverageNow = coverageFigure(current)
        case .coverageUnknown:
            model.coverageUnknown = true
        case .forcesDoNotAddUp:
            model.forcesDoNotAddUp = true
        case .differentLengths:
            model.differentLengths = true
        case .sameCoverage(let coverage):
            model.sameCoverage = true
            model.coverage = coverageModel(coverage)
        }
        return model
    }

    /// One row per force of the area with any figure in the period, cells in `platforms.csv` order.
    func forceRows(of area: Area, in period: Period) -> [ForceRowModel] {
        dataset.children(of: area.name).filter { $0.kind == .force }.compactMap { force -> ForceRowModel? in
            let summary = period == release.period ? statistics.current[force.name] : statistics.previous[force.name]
            guard let summary, summary.hasFigures else { return nil }
            // The force's headline, as the region's: every record where published, else the known subset.
            return ForceRowModel(name: force.name, url: url(for: force), total: headline(summary), cells: cells(summary))
        }
    }

    /// One cell per platform in `platforms.csv` order: the count, or none when none was published.
    func cells(_ summary: AreaSummary) -> [CellModel] {
        dataset.platforms.map { platform in CellModel(value: summary.platforms.first { $0.platform == platform }?.count) }
    }

    func reconciliationModel(_ item: Reconciliation) -> ReconciliationModel {
        let made = item.figures
        return ReconciliationModel(area: item.area, period: item.period.name, platform: item.platform,
                            isForces: item.kind == .areas, isPlatforms: item.kind != .areas,
                            parent: item.parent, sum: made.sum, gap: made.gap, reconciles: item.reconciles,
                            missing: item.missing, missingNames: Self.listText(item.missing),
                            short: item.gap > 0, hasMissing: !item.missing.isEmpty)
    }

    func quoteModel(_ quote: Quote) -> QuoteModel {
        QuoteModel(speaker: quote.speaker, role: quote.role, organisation: quote.organisation, attribution: quote.attribution,
                   paragraphs: quote.paragraphs, source: sourceModel(quote.source))
    }

    func contextModel(_ item: ContextFigure) -> ContextItemModel {
        var model = ContextItemModel(statement: item.statement, verified: item.verified, note: item.note, phrase: item.phrase,
                                     of: item.of, source: sourceModel(item.source), hasFigure: false)
        // A number in the statement is shown as a figure, so that it links to its provenance.
        if let value = item.value, let figure = contextFigure(item), let range = ContextFigure.range(of: value, in: item.statement) {
            model.before = String(item.statement[..<range.lowerBound])
            model.figure = figure
            model.after = String(item.statement[range.upperBound...])
            model.hasFigure = true
        }
        return model
    }

    func contextFigure(_ item: ContextFigure) -> Figure? {
        guard let text = item.value else { return nil }
        let measure: Measure = text.hasSuffix("%") ? .share : .count
        guard case .success(let quantity) = ValueParser.parse(text, measure: measure, quoted: true) else { return nil }
        let value: FigureValue = switch quantity {
        case .count(let n): .count(n)
        case .percent(let p, let decimals): .percent(p, decimals: decimals)
        case .marker(let marker): .marker(marker)
        }
        return Figure(id: FigureID.make([item.isFinding ? "finding" : "context", Area.slug(item.id)]),
                      label: (item.isFinding ? "" : "Cited: ") + item.statement.replacingOccurrences(of: text, with: "…") + (item.of.map { ", of \($0)" } ?? ""),
                      value: value,
                      derivation: .published(location: item.location),
                      sources: [item.source])
    }

    func sourceModel(_ id: String) -> SourceModel? {
        guard let source = dataset.source(id: id) else { return nil }
        return SourceModel(id: source.id, publisher: source.publisher, title: source.title, url: source.url,
                           published: source.published.isEmpty ? nil : source.published)
    }

    /// "Essex", "Essex and Suffolk", "Essex, Norfolk and Suffolk".
    static func listText(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }


    /// The area's count of the release's headline: every record (`All recorded`) or the known subset (`All platforms`).
    func headline(_ summary: AreaSummary) -> Figure? {
        dataset.headlinePlatform == Platform.recorded ? summary.recorded : summary.total
    }

}
