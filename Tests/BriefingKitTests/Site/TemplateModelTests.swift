import Foundation
import Testing
@testable import BriefingKit

/// Each page model's schema and value agree name for name, and kind for kind.
@Suite struct TemplateModelTests {
    static let figure = Figure(id: "east-count", label: "Instances", value: .count(1075),
                               derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 8, column: 1)), sources: ["s"])

    /// One value of a model, with its schema.
    struct Sample: Sendable, CustomTestStringConvertible {
        let label: String
        let schema: TemplateSchema
        let value: TemplateValue
        var testDescription: String { label }

        init<Model: TemplateModel>(_ label: String, _ model: Model) {
            self.label = label
            schema = Model.schema
            value = model.templateValue
        }
    }

    /// Every model type, with its optional values set and (where it has any) absent.
    static var samples: [Sample] {
        let f = figure
        let coverage = CoverageModel(period: "2020/21", everyPeriod: false, several: true, area: "Wales", forces: f, description: "forces", note: "n")
        let source = SourceModel(id: "s", publisher: "P", title: "T", url: "https://example.org", published: "2021")
        let platform = PlatformModel(name: "Instagram", count: f, share: f, shareOfOwner: f, encrypted: true, ownerName: "Meta")
        var owner = OwnerModel()
        owner.count = f
        owner.encrypted = [platform]
        var summary = PeriodSummaryModel()
        summary.headline = f
        summary.platforms = [platform]
        summary.largest = platform
        summary.owner = owner
        summary.focus = [FocusModel(name: "Meta", isOwner: true, share: f, count: nil, shareIsPublished: true)]
        summary.columns = ["Instagram"]
        summary.cells = [CellModel(value: f), CellModel(value: nil)]
        let reconciliation = ReconciliationModel(area: "East", period: "2020/21", platform: "All", isForces: true, isPlatforms: false,
                                                 parent: f, sum: f, gap: f, reconciles: false, missing: ["Essex"], missingNames: "Essex",
                                                 short: true, hasMissing: true)
        summary.gaps = [reconciliation]
        var basis = ChangeBasisModel()
        basis.sameCoverage = true
        basis.coverage = coverage
        basis.forces = f
        let change = ChangeModel(comparable: true, basis: basis, current: f, previous: f, previousPeriod: "2019/20", currentPeriod: "2020/21",
                                 difference: f, percent: nil, increase: true, decrease: false, unchanged: false)
        let row = ForceRowModel(name: "Essex", url: "forces/essex/", total: f, cells: [CellModel(value: f)])
        var area = AreaModel()
        area.summary = summary
        area.name = "East"
        area.areaCoverage = coverage
        area.parent = LinkModel(name: "England", url: "nations/england/")
        area.previous = PreviousPeriodModel(summary: summary, forces: [row], hasForces: true, hasBreakdown: true, name: "East")
        area.comparison = ComparisonModel(subject: "s", share: f, national: f, difference: f, same: false, similar: true, higher: false,
                                          lower: false, significant: false)
        area.change = change
        area.series = [SeriesPointModel(period: "2020/21", periodName: "April 2020 to March 2021", count: f, isRelease: true)]
        area.cumulative = [CumulativeModel(total: f, period: "2017/18", calculated: true)]
        area.publishedChanges = [PublishedChangeModel(change: f, since: "2017/18", checked: true, increase: true, decrease: false)]
        area.forces = [row]
        let context = ContextItemModel(statement: "s 5 t", verified: true, note: nil, phrase: "p", of: "o", source: source,
                                       before: "s ", after: " t", figure: f, hasFigure: true)
        let release = ReleaseModel(title: "T", organisation: "O", status: "S", measure: "M", period: "2020/21", previousPeriod: nil,
                                   coverage: [coverage], currentCoverage: nil,
                                   contacts: [ContactModel(name: "Press", role: nil, email: "a@example.org", phone: nil)],
                                   notesToEditors: ["n"], subject: SubjectModel(singular: "offence", plural: "offences"),
                                   breakdown: BreakdownModel(singular: "platform", plural: "platforms", known: "where known"),
                                   firstPeriod: "2017/18", headlineIsRecorded: true, seriesPeriods: ["2020/21"], boilerplate: "B")
        let shared = SharedModel(release: release, national: area, context: [context], hasContext: true, nations: [area], hasNations: true,
                                 regions: [], hasRegions: false, otherForces: [area], hasOtherForces: true, hasRegionShares: false,
                                 embargo: EmbargoState.embargoed(until: Date(timeIntervalSince1970: 1_616_716_860)).model,
                                 press: PressModel(headline: "H", dateline: "LONDON, 26 March 2021", standfirst: nil, hasContacts: true))
        let quote = QuoteModel(speaker: "A", role: nil, organisation: "O", attribution: "A, O", paragraphs: ["p"], source: nil)
        var methods = MethodsPageModel(
            figures: [MethodsEntryModel(id: "x", label: "X", value: f, calculated: true, inputs: [MethodsInputModel(before: "", value: f)],
                                        after: "", sources: [source, nil])],
            reconciliations: [reconciliation], hasReconciliations: true, hasComparisons: false,
            changes: [AreaChangeModel(area: "East", change: change)], hasChanges: true, sources: [source],
            disclosure: DisclosureModel(active: true, threshold: f, cells: nil))
        methods.regionPages = [LinkModel(name: "East", url: "methodology/regions/east/")]
        let areaMethods = AreaMethodsPageModel(name: "East", displayName: "the East", figures: methods.figures, changes: methods.changes,
                                               reconciliations: [reconciliation], sources: [source])
        let embedCode = EmbedCodeModel(title: "East: key figures", code: "<iframe></iframe>", href: "../../embed/east/key-figures.html",
                                       oembedHref: "../../embed/east/key-figures.json")
        let embedSource = EmbedSourceModel(source: source, separator: ".")
        let embedLayout = EmbedLayoutModel(title: "East: key figures", content: "<ul></ul>", embedID: "embed/east/key-figures", script: "(0)",
                                           policy: "default-src 'none'", oembedHref: "key-figures.json", briefingHref: "../../regions/east/index.html",
                                           sources: [embedSource], hasSources: true, severalSources: false, hasCalculated: true)
        var layoutWithEmbeds = LayoutModel(title: "T", content: "", builtAt: nil, section: "regions")
        layoutWithEmbeds.embeds = [embedCode]
        layoutWithEmbeds.hasEmbeds = true
        layoutWithEmbeds.embedListener = "<script></script>"
        func page<Page: TemplateModel>(_ page: Page) -> PageModel<Page> {
            PageModel(shared: shared, root: "../../", navMany: false, navCount: "1", nav: [NavItemModel(name: "East", url: "regions/east/", current: true)],
                      quotes: [quote], hasQuotes: true, findings: [context], hasFindings: true, page: page)
        }
        return [
            Sample("ReleaseModel", release), Sample("SubjectModel", release.subject), Sample("BreakdownModel", release.breakdown),
            Sample("ContactModel", release.contacts[0]), Sample("CoverageModel", coverage),
            Sample("CoverageModel, absent", CoverageModel(period: "p", everyPeriod: true, several: false, area: nil, forces: nil, description: "d", note: nil)),
            Sample("PeriodSummaryModel", summary), Sample("PeriodSummaryModel, no figures", PeriodSummaryModel()),
            Sample("PlatformModel", platform), Sample("OwnerModel", owner), Sample("OwnerModel, none", OwnerModel()),
            Sample("FocusModel", summary.focus[0]), Sample("CellModel", summary.cells[1]), Sample("ForceRowModel", row),
            Sample("PreviousPeriodModel", area.previous!), Sample("LinkModel", area.parent!),
            Sample("NavItemModel", NavItemModel(name: "East", url: "u", current: false)), Sample("SeriesPointModel", area.series[0]),
            Sample("CumulativeModel", area.cumulative[0]), Sample("PublishedChangeModel", area.publishedChanges[0]),
            Sample("ComparisonModel", area.comparison!), Sample("ChangeModel", change), Sample("ChangeBasisModel", basis),
            Sample("ChangeBasisModel, same force", ChangeBasisModel()), Sample("ReconciliationModel", reconciliation),
            Sample("QuoteModel", quote), Sample("ContextItemModel", context),
            Sample("ContextItemModel, no figure", ContextItemModel(statement: "s", verified: false, note: nil, phrase: nil, of: nil, source: nil, hasFigure: false)),
            Sample("SourceModel", source), Sample("AreaModel", area), Sample("AreaModel, no figures", AreaModel()),
            Sample("SharedModel", shared), Sample("MethodsPageModel", methods),
            Sample("MethodsPageModel, one page", MethodsPageModel(figures: [], reconciliations: [], hasReconciliations: false, hasComparisons: false,
                                                                  changes: [], hasChanges: false, sources: [], disclosure: methods.disclosure)),
            Sample("AreaMethodsPageModel", areaMethods),
            Sample("AreaMethodsPageModel, no changes, checks or sources",
                   AreaMethodsPageModel(name: "Essex", displayName: "Essex", figures: [], changes: [], reconciliations: [], sources: [])), Sample("MethodsEntryModel", methods.figures[0]),
            Sample("MethodsInputModel", methods.figures[0].inputs[0]), Sample("AreaChangeModel", methods.changes[0]),
            Sample("DisclosureModel", methods.disclosure), Sample("NationalPageModel", NationalPageModel()),
            Sample("AreaPageModel", AreaPageModel(area: area)),
            Sample("EmbedPageModel", EmbedPageModel(area: area, releasePeriod: "April 2020 to March 2021")),
            Sample("LayoutModel", LayoutModel(title: "T", content: "<p>x</p>", builtAt: nil, section: "forces")),
            Sample("EmbargoModel", shared.embargo), Sample("EmbargoModel, none", EmbargoModel()), Sample("PressModel", shared.press),
            Sample("DiscoveryLinksModel", DiscoveryLinksModel(url: "https://example.org/", feed: "https://example.org/feed.xml")),
            Sample("PageModel<AreaPageModel>", page(AreaPageModel(area: area))),
            Sample("PageModel<LayoutModel>", page(LayoutModel(title: "T", content: "", builtAt: "2021", section: "national"))),
            Sample("EmbedCodeModel", embedCode), Sample("EmbedSourceModel", embedSource), Sample("EmbedLayoutModel", embedLayout),
            Sample("LayoutModel, with embeds", layoutWithEmbeds), Sample("PageModel<EmbedLayoutModel>", page(embedLayout)),
        ]
    }

    @Test(arguments: samples)
    func valueHasExactlyTheSchemasNamesEachOfItsKind(_ sample: Sample) {
        guard case .object(let fields) = sample.value else { Issue.record("\(sample.label) is not an object"); return }
        #expect(fields.keys.sorted() == sample.schema.names)
        #expect(sample.schema.mismatch(sample.value) == nil)
        #expect(sample.label.hasPrefix(sample.schema.name))
    }

    /// One file a model in `Site/Models/`: a model added there without a sample here fails this.
    @Test func everyModelTypeHasASample() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.root + "/Sources/BriefingKit/Site/Models")
        let sampled = Set(Self.samples.map { String($0.schema.name.prefix { $0 != "<" }) })
        #expect(sampled == Set(files.map { String($0.dropLast(".swift".count)) }))
        #expect(sampled.count == 43)
    }

    /// Names counted by hand from each model's table, so that a field dropped from a table shows.
    @Test func schemasHaveTheNamesTheTemplatesUse() {
        #expect(CoverageModel.schema.names == ["area", "description", "every_period", "forces", "note", "period", "several"])
        #expect(PeriodSummaryModel.schema.names.count == 20)
        // An area has every name of its period summary and 25 of its own; its previous period the summary's and 4.
        #expect(AreaModel.schema.names.count == 20 + 25)
        #expect(Set(PeriodSummaryModel.schema.names).isSubset(of: AreaModel.schema.names))
        #expect(PreviousPeriodModel.schema.names.count == 20 + 4)
        #expect(ChangeBasisModel.schema.names.count == 20)
        // A page has the shared 14, its own 9 and its page's: 1 for an area page, where "area" is new.
        #expect(PageModel<AreaPageModel>.schema.names.count == 14 + 9 + 1)
        #expect(PageModel<NationalPageModel>.schema.names.count == 14 + 9)
        guard case .optional(let previous) = AreaModel.schema.fields["previous"] else { Issue.record("previous is not optional"); return }
        #expect(previous.name == "PreviousPeriodModel")
        guard case .list(let rows) = previous.fields["forces"], case .figure = rows.fields["total"] else { Issue.record("previous.forces[].total"); return }
    }

    /// The agreement check can fail: a missing name, an extra one and a wrong kind are each named.
    @Test func mismatchNamesWhereAValueDisagrees() {
        let schema = LinkModel.schema
        #expect(schema.mismatch(.object(["name": .text("East")])) == "LinkModel: value lacks [\"url\"], schema lacks []")
        #expect(schema.mismatch(.object(["name": .text("East"), "url": .text("u"), "slug": .text("east")])) == "LinkModel: value lacks [], schema lacks [\"slug\"]")
        #expect(schema.mismatch(.object(["name": .text("East"), "url": .bool(true)])) == "LinkModel.url: a yes/no flag is not admitted by the schema")
        var area = AreaModel()
        area.parent = LinkModel(name: "England", url: "u")
        guard case .object(var fields) = area.templateValue else { Issue.record("not an object"); return }
        fields["parent"] = .object(["name": .text("England")])
        #expect(AreaModel.schema.mismatch(.object(fields)) == "AreaModel.parent: value lacks [\"url\"], schema lacks []")
    }

    static let releases = ["example-2021", "example-2023", "suppression", "small"]

    /// The models the builder makes of real releases, every page of them, agree with their schemas
    /// (with the shared lists' items whole: a build leaves out the fields no template reaches, below).
    @Test(arguments: releases)
    func everyPageOfAReleaseAgreesWithItsSchema(_ release: String) throws {
        var log = DiagnosticLog()
        let data = try DataLoader(fileSystem: Repository.fileSystem).load(from: Repository.fixtures + "/" + release + "/Data", log: &log)
        let statistics = StatisticsEngine().run(DisclosureControl(threshold: data.release.disclosureThreshold).apply(to: data).dataset)
        let templates = try TemplateLibrary.load(from: Repository.templates, fileSystem: Repository.fileSystem)
        let site = SiteBuilder(statistics: statistics, templates: templates, everyField: true)
        var pages = site.plan()
        let methods = site.methods.specs(site.methods.plan(FigureLedger(statistics: statistics, builder: site.contexts)))
        // The main methods page, and one for each area with a row in figures.csv (2023: 12 of its 18 areas but the national one).
        let areaPages = ["example-2021": 9, "example-2023": 12, "suppression": 4, "small": 4][release]
        #expect(methods.map(\.template) == ["methodology"] + Array(repeating: "area-methods", count: try #require(areaPages)))
        pages += methods
        #expect(pages.count > 2)
        for spec in pages {
            let model = site.pageModel(spec, spec.data)
            #expect(model.schema.mismatch(model.templateValue) == nil, "\(release) \(spec.path)")
        }
        let layout = site.contexts.context(root: "", page: LayoutModel(title: "T", content: "", builtAt: nil, section: "national"))
        #expect(layout.schema.mismatch(layout.templateValue) == nil)
    }

    /// A build's shared lists of areas keep, of each item, exactly the fields of the item's schema whose
    /// names the templates can look up inside a section over the list; the rest of the page is whole.
    @Test func aBuildsSharedListsKeepTheFieldsTheTemplatesReach() throws {
        let statistics = try Repository.statistics()
        let templates = try TemplateLibrary.load(from: Repository.templates, fileSystem: Repository.fileSystem)
        let whole = SiteBuilder(statistics: statistics, templates: templates, everyField: true)
        let pruned = SiteBuilder(statistics: statistics, templates: templates)
        let page = NationalPageModel()
        guard case .object(let all) = whole.contexts.context(root: "", page: page).templateValue,
              case .object(let kept) = pruned.contexts.context(root: "", page: page).templateValue else { Issue.record("not an object"); return }
        let use = ListFieldUse(templates)
        for list in SharedValues.areaLists {
            guard case .list(let items)? = all[list], case .list(let keptItems)? = kept[list] else { Issue.record("no \(list)"); continue }
            #expect(items.count == keptItems.count, "\(list)")
            let names = try #require(use.names(inSectionsOver: list))
            for (item, keptItem) in zip(items, keptItems) {
                guard case .object(let fields) = item, case .object(let keptFields) = keptItem else { Issue.record("\(list): not an object"); continue }
                #expect(Set(keptFields.keys) == Set(fields.keys).intersection(names), "\(list)")
                for (name, value) in keptFields { #expect(Self.canonical(value) == Self.canonical(fields[name]!), "\(list).\(name)") }
            }
        }
        #expect(SharedValues.areaLists.contains { list in if case .list(let items)? = all[list] { !items.isEmpty } else { false } })
        // Everything else is as it was.
        #expect(Set(all.keys) == Set(kept.keys))
        for (name, value) in all where !SharedValues.areaLists.contains(name) { #expect(Self.canonical(value) == Self.canonical(kept[name]!), "\(name)") }
    }

    /// A value as text, an object's fields in the order of their names (a dictionary's own order is not fixed).
    static func canonical(_ value: TemplateValue) -> String {
        switch value {
        case .object(let fields): "{" + fields.keys.sorted().map { "\($0): \(canonical(fields[$0]!))" }.joined(separator: ", ") + "}"
        case .list(let items): "[" + items.map(canonical).joined(separator: ", ") + "]"
        default: "\(value)"
        }
    }
}
