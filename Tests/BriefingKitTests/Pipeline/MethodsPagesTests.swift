import Foundation
import Testing
@testable import BriefingKit

/// The methods pages split by area: each figure's entry is on its area's methods page, the main
/// page holds the national figures and those of no area and links to every area's page, and no
/// figure has entries on two pages (March 2021 fixture: the United Kingdom, 2 regions, 7 forces).
@Suite struct MethodsPagesTests {
    static let site = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.fixtures + "/example-2021/Data", templates: Repository.templates)).site }

    static func html(_ site: Site, _ path: String) throws -> String {
        String(decoding: try #require(site.file(path), "no file \(path)").contents, as: UTF8.self)
    }

    /// The areas of `areas.csv` but the United Kingdom, as the main page lists them: regions, then forces.
    static let areaPages = ["regions/east-of-england", "regions/west-midlands"]
        + ["bedfordshire", "cambridgeshire", "essex", "hertfordshire", "norfolk", "northamptonshire", "suffolk"].map { "forces/" + $0 }

    @Test func aForceFigureLinksToItsForcesMethodsPage() throws {
        let site = try Self.site.get()
        // figures.csv line 21: Bedfordshire, April 2018 to March 2019, All platforms, 193.
        let id = "bedfordshire--2018-04-2019-03--all-platforms--count"
        let force = try Self.html(site, "forces/bedfordshire/index.html")
        #expect(force.contains("<a class=\"figure\" href=\"../../methodology/forces/bedfordshire/index.html#\(id)\"><data value=\"193\">193</data></a>"))
        let methods = try Self.html(site, "methodology/forces/bedfordshire/index.html")
        #expect(methods.contains("<span class=\"figure-entry\" id=\"\(id)\"><data value=\"193\">193</data></span>"))
        #expect(methods.contains("<h1>Methods and sources: Bedfordshire</h1>"))
        #expect(methods.contains("<a href=\"../../../methodology/index.html\">main methods page</a>"))
        // Not on the main page any more, nor linked there from the force's page.
        #expect(!(try Self.html(site, "methodology/index.html")).contains("id=\"\(id)\""))
        #expect(!force.contains("methodology/index.html#\(id)"))
    }

    @Test func aNationalFigureLinksToTheMainMethodsPage() throws {
        let site = try Self.site.get()
        // figures.csv line 2: United Kingdom, October 2019 to September 2020, All platforms, 9,477.
        let id = "united-kingdom--2019-10-2020-09--all-platforms--count"
        #expect(try Self.html(site, "index.html").contains("<a class=\"figure\" href=\"methodology/index.html#\(id)\"><data value=\"9477\">"))
        #expect(try Self.html(site, "methodology/index.html").contains("<span class=\"figure-entry\" id=\"\(id)\"><data value=\"9477\">9,477</data></span>"))
        // A region's page shows the national figure too, and links to the same entry.
        #expect(try Self.html(site, "regions/east-of-england/index.html").contains("href=\"../../methodology/index.html#united-kingdom--2019-10-2020-09--"))
    }

    @Test func theMainPageLinksToEveryAreasMethodsPageAndThereAreNoOthers() throws {
        let site = try Self.site.get()
        let main = try Self.html(site, "methodology/index.html")
        let links = HTMLTagScanner.startTags(in: main).compactMap { $0.attributes["href"] }
            .filter { $0.hasPrefix("../methodology/") && !$0.contains("#") && $0 != "../methodology/index.html" }
        #expect(links == Self.areaPages.map { "../methodology/\($0)/index.html" })
        #expect(main.contains("<li><a href=\"../methodology/regions/east-of-england/index.html\">East of England</a></li>"))
        let pages = site.files.map(\.path).filter { $0.hasPrefix("methodology/") && $0.hasSuffix("/index.html") && $0 != "methodology/index.html" }
        #expect(pages.sorted() == Self.areaPages.map { "methodology/\($0)/index.html" }.sorted())
    }

    /// Every figure of the site has one entry, on the page of its area (the main one for the United Kingdom and for none).
    @Test func everyFigureHasOneEntryOnItsAreasPage() throws {
        let site = try Self.site.get()
        var pageOf: [String: String] = [:]
        for file in site.files where file.path.hasPrefix("methodology/") && file.path.hasSuffix("index.html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for tag in HTMLTagScanner.startTags(in: html) where tag.name == "span" && tag.hasClass("figure-entry") {
                let id = tag.attributes["id"] ?? ""
                let other = pageOf.updateValue(file.path, forKey: id)
                #expect(other == nil, "\(id) has entries on \(other ?? "") and \(file.path)")
            }
        }
        #expect(pageOf.count == site.figures.count)
        let folders = ["United Kingdom": "", "East of England": "regions/east-of-england/", "West Midlands": "regions/west-midlands/",
                       "Bedfordshire": "forces/bedfordshire/", "Cambridgeshire": "forces/cambridgeshire/", "Essex": "forces/essex/",
                       "Hertfordshire": "forces/hertfordshire/", "Norfolk": "forces/norfolk/", "Northamptonshire": "forces/northamptonshire/",
                       "Suffolk": "forces/suffolk/"]
        for figure in site.figures {
            let expected = "methodology/" + (figure.area.flatMap { folders[$0] } ?? "") + "index.html"
            #expect(pageOf[figure.id] == expected, "\(figure.id) (\(figure.area ?? "no area"))")
        }
        // The region's published count and the check against its forces are on the region's page.
        let east = try Self.html(site, "methodology/regions/east-of-england/index.html")
        #expect(east.contains("id=\"east-of-england--2018-04-2019-03--all-platforms--count--forces-gap\""))
        #expect(east.contains("<h2>Checking that the figures add up</h2>"))
        #expect(!(try Self.html(site, "methodology/index.html")).contains("East of England, April 2018 to March 2019, All platforms: the forces"))
    }

    /// Each methods page's downloads are its own figures: the main page's no longer the whole release.
    @Test func eachMethodsPageHasItsOwnDownloads() throws {
        let site = try Self.site.get()
        func ids(_ path: String) throws -> [String] {
            try Self.html(site, path).split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) }.filter { !$0.isEmpty }
        }
        let force = try ids("methodology/forces/bedfordshire/data.csv")
        #expect(force.contains("bedfordshire--2018-04-2019-03--all-platforms--count"))
        #expect(force.allSatisfy { $0.hasPrefix("bedfordshire--") })
        let main = try ids("methodology/data.csv")
        #expect(main.count < site.figures.count)
        #expect(!main.contains("bedfordshire--2018-04-2019-03--all-platforms--count"))
        #expect(try ids("data/figures.csv").count == site.figures.count)
    }

    /// A template set without `area-methods.md` keeps one methods page, with every entry and every link on it.
    @Test func withoutTheAreaTemplateThereIsOneMethodsPage() throws {
        let templates = try Repository.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(atPath: templates) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.templates) where name != "area-methods.md" {
            try FileManager.default.copyItem(atPath: Repository.templates + "/" + name, toPath: templates + "/" + name)
        }
        let site = try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(
            data: Repository.fixtures + "/example-2021/Data", templates: templates)).site
        #expect(!site.files.contains { $0.path.hasPrefix("methodology/") && $0.path.hasSuffix("/index.html") && $0.path != "methodology/index.html" })
        let id = "bedfordshire--2018-04-2019-03--all-platforms--count"
        #expect(try Self.html(site, "forces/bedfordshire/index.html").contains("href=\"../../methodology/index.html#\(id)\""))
        let main = try Self.html(site, "methodology/index.html")
        #expect(main.contains("id=\"\(id)\""))
        #expect(main.contains("<h2>Every figure</h2>") && !main.contains("Each area's figures"))
        #expect(main.contains("East of England, April 2018 to March 2019, All platforms: the forces"))
        let hrefs = site.files.filter { $0.path.hasSuffix(".html") }.flatMap { HTMLTagScanner.startTags(in: String(decoding: $0.contents, as: UTF8.self)) }
            .filter { $0.hasClass("figure") }.compactMap { $0.attributes["href"] }
        #expect(!hrefs.isEmpty && hrefs.allSatisfy { $0.contains("methodology/index.html#") })
    }

    @Test func theRuleGivesEachAreaItsFolder() {
        let entries = EntryPages(areaFolders: ["United Kingdom": "", "Essex": "forces/essex/"])
        let figure = { (area: String?) in Figure(id: "x", label: "x", value: .count(1), derivation: .computed(.sum, inputs: []), sources: [], area: area) }
        #expect(entries.path(for: figure("Essex")) == "methodology/forces/essex/index.html")
        #expect(entries.path(for: figure("United Kingdom")) == "methodology/index.html")
        #expect(entries.path(for: figure(nil)) == "methodology/index.html")
        #expect(entries.path(for: figure("Atlantis")) == "methodology/index.html")
        #expect(EntryPages().path(for: figure("Essex")) == "methodology/index.html")
        let markup = FigureMarkup(.init(id: "x", isEntry: false), figure: figure("Essex"), root: "../../", entries: entries)
        #expect(markup.opening.hasPrefix("<a class=\"figure\" href=\"../../methodology/forces/essex/index.html#x\" title="))
    }

    /// The pages rendered, in the order the workers took them.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [String] = []
        func record(_ folder: String) { lock.withLock { folders.append(folder) } }
        var all: [String] { lock.withLock { folders } }
    }

    static func grooming() throws -> (statistics: Statistics, site: SiteBuilder) {
        var log = DiagnosticLog()
        let data = try DataLoader(fileSystem: Repository.fileSystem).load(from: Repository.fixtures + "/example-2023/Data", log: &log)
        let statistics = StatisticsEngine().run(data)
        return (statistics, SiteBuilder(statistics: statistics, templates: try TemplateLibrary.load(from: Repository.templates, fileSystem: Repository.fileSystem)))
    }

    /// A figure a methods page holds that the ledger lacks gets its entry: its area's page is made
    /// (here South Yorkshire's, which had no figure before, 2023 fixture), and the main page is made
    /// again, now linking to it; no other page is made twice.
    @Test func aFigureOnlyAMethodsPageHoldsGetsAnEntryOnItsAreasPage() throws {
        let (statistics, site) = try Self.grooming()
        var ledger = FigureLedger(statistics: statistics, builder: site.contexts)
        let before = site.methods.plan(ledger).folders
        #expect(before.count == 13 && !before.contains("methodology/forces/south-yorkshire/"))
        let new = Figure(id: "south-yorkshire--new", label: "New", value: .count(3), derivation: .computed(.sum, inputs: []), sources: [],
                         area: "South Yorkshire")
        #expect(ledger[new.id] == nil)
        var made: [String] = []
        let plan = site.methods.plan(&ledger) { spec in
            made.append(spec.folder)
            return spec.folder == "methodology/" ? [new] : []
        }
        let specs = site.methods.specs(plan)
        #expect(ledger[new.id] == new)
        #expect(made == before + ["methodology/", "methodology/forces/south-yorkshire/"])
        // In the site's order (nations, regions, forces, each by name): South Yorkshire between Northumbria and Suffolk.
        #expect(specs.map(\.folder) == ["methodology/", "methodology/nations/northern-ireland/", "methodology/nations/wales/",
                                        "methodology/regions/south-west/", "methodology/regions/yorkshire-and-the-humber/"]
                + ["cheshire", "cleveland", "durham", "hampshire", "humberside", "north-yorkshire", "northumbria", "south-yorkshire", "suffolk"]
                .map { "methodology/forces/\($0)/" })
        let main = try #require(specs.first?.data as? MethodsPageModel)
        #expect(main.forcePages.contains { $0.name == "South Yorkshire" && $0.url == "methodology/forces/south-yorkshire/" })
        let southYorkshire = try #require(specs.first { $0.folder == "methodology/forces/south-yorkshire/" }?.data as? AreaMethodsPageModel)
        #expect(southYorkshire.figures.map(\.id) == [new.id])
        // With the real models, the shipped ledger already holds every figure the pages hold: nothing is made twice.
        var real = FigureLedger(statistics: statistics, builder: site.contexts)
        var count = 0
        var entries = 0
        _ = site.methods.plan(&real) { spec in
            count += 1
            entries += (spec.data as? AreaMethodsPageModel)?.figures.count ?? (spec.data as? MethodsPageModel)?.figures.count ?? 1
            return spec.data.templateValue.figures
        }
        #expect(count == 13)
        // The models the plan looks at leave out the entries, which are the ledger's own figures.
        #expect(entries == 0)
        #expect(site.methods.specs(site.methods.plan(real)).map { ($0.data as? AreaMethodsPageModel)?.figures.count ?? 0 }.reduce(0, +) > 0)
    }

    /// The ledger keeps one figure an id, the later one where two share it, and lists them in id
    /// order, those added after it was made among them.
    /// A figure whose id the ledger holds is not added again; one it lacks is listed in id order,
    /// also when its id falls inside an area's run of figures (which the ledger makes again when read).
    @Test func theLedgerAddsOnlyWhatItLacksAndListsEveryIdOnceInOrder() throws {
        let (statistics, site) = try Self.grooming()
        var ledger = FigureLedger(statistics: statistics, builder: site.contexts)
        let before = ledger.sorted
        #expect(before.map(\.id) == before.map(\.id).sorted() && Set(before.map(\.id)).count == before.count)
        #expect(before.count == 55)
        let first = try #require(before.first)
        let hampshire = try #require(before.first { $0.area == "Hampshire" && $0.id.hasPrefix("hampshire--") })
        let figure = { (id: String, area: String?) in
            Figure(id: id, label: id, value: .count(3), derivation: .computed(.sum, inputs: []), sources: [], area: area)
        }
        let new = figure("aaa--new", nil), later = figure("zzz--new", nil)
        // Sorts just after one of Hampshire's own figures, so inside its run.
        let inside = figure(hampshire.id + "-extra", "Hampshire")
        ledger.add(first.replacing(value: .count(424_242)))
        ledger.merge([later.id: later, new.id: new, inside.id: inside])
        #expect(ledger[first.id] == first && ledger[new.id] == new && ledger[later.id] == later && ledger[inside.id] == inside)
        #expect(ledger["nowhere"] == nil && ledger["hampshire--nowhere"] == nil)
        let after = ledger.sorted
        #expect(after.map(\.id) == ([new.id] + before.map(\.id) + [later.id, inside.id]).sorted())
        #expect(Array(ledger.listing()) == after)
        // Made while visiting each figure (the downloads' one pass), the same listing, each figure visited once at its place.
        var visited: [(id: String, at: Int)] = []
        let walked = ledger.listing { visited.append(($0.id, $1)) }
        #expect(visited.map(\.id) == after.map(\.id) && visited.map(\.at) == Array(after.indices) && Array(walked) == after)
        // Hampshire's methods page lists its own figures and the one added for it.
        #expect(ledger.figures(of: ["Hampshire"]) { $0 == "Hampshire" }.map(\.id)
                == (before.filter { $0.area == "Hampshire" } + [inside]).map(\.id).sorted())
        ledger.settle()
        #expect(ledger.sorted == after && ledger[inside.id] == inside)
    }

    /// Rendered a batch at a time, in order from any number of threads; a page that shows a figure
    /// with no entry is a fault, and nothing after it is handed on.
    @Test func methodsPagesAreRenderedInBatchesAndAFigureWithoutAnEntryIsAFault() throws {
        let (statistics, site) = try Self.grooming()
        let ledger = FigureLedger(statistics: statistics, builder: site.contexts)
        let plan = site.methods.plan(ledger)
        let specs = site.methods.specs(plan)
        let calls = Calls()
        var emitted: [String] = []
        try site.methods.render(plan, ledger: ledger, batchSize: 4, workers: 2, { spec in
            calls.record(spec.folder)
            return RenderedSitePage(files: [], downloads: [], shown: [:], listing: ListedPage(folder: spec.folder, title: "", description: ""))
        }, emit: { emitted.append($0.listing.folder) })
        #expect(emitted == specs.map(\.folder))
        #expect(Set(calls.all) == Set(emitted) && calls.all.count == 13)

        let stray = Figure(id: "nowhere", label: "x", value: .count(1), derivation: .computed(.sum, inputs: []), sources: [])
        emitted = []
        #expect(throws: BriefingError.self) {
            try site.methods.render(plan, ledger: ledger, batchSize: 4, workers: 2, { spec in
                RenderedSitePage(files: [], downloads: [], shown: spec.folder == specs[5].folder ? [stray.id: stray] : [:],
                                 listing: ListedPage(folder: spec.folder, title: "", description: ""))
            }, emit: { emitted.append($0.listing.folder) })
        }
        #expect(emitted == specs.prefix(5).map(\.folder))
    }
}
