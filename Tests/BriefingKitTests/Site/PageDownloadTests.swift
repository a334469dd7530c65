import Foundation
import Testing
@testable import BriefingKit

/// Each page's `data.csv` and `data.json` hold exactly the figures the page shows, in the order it
/// first shows them: the `<data>` elements of its HTML, read back with the tag scanner.
@Suite struct PageDownloadTests {
    static let sites: [String: String] = [
        "2021": Repository.fixtures + "/example-2021/Data",
        "2023": Repository.fixtures + "/example-2023/Data",
    ]

    static func site(_ release: String) throws -> Site {
        let data = try #require(sites[release])
        return try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: data, templates: Repository.templates)).site
    }

    static func text(_ site: Site, _ path: String) throws -> String {
        String(decoding: try #require(site.file(path), "no \(path) in the site").contents, as: UTF8.self)
    }

    /// The figures a page shows, in order of first appearance: (id, value) from each figure link's
    /// `href="…#ID"` and the `<data value>` inside it, or from each entry on the methods page.
    static func shown(in html: String) -> [(id: String, value: String)] {
        let tags = HTMLTagScanner.startTags(in: html)
        var seen = Set<String>()
        var result: [(id: String, value: String)] = []
        for (index, tag) in tags.enumerated() where index + 1 < tags.count && tags[index + 1].name == "data" {
            let id: String
            if tag.name == "a", tag.hasClass("figure"), let href = tag.attributes["href"], let hash = href.firstIndex(of: "#") {
                id = String(href[href.index(after: hash)...]).removingPercentEncoding ?? ""
            } else if tag.name == "span", tag.hasClass("figure-entry"), let entry = tag.attributes["id"] {
                id = entry
            } else {
                continue
            }
            if seen.insert(id).inserted { result.append((id, tags[index + 1].attributes["value"] ?? "")) }
        }
        return result
    }

    /// A CSV download's rows as column → field, through the project's own RFC 4180 parser.
    static func rows(ofCSV text: String) throws -> [[String: String]] {
        let table = try CSVParser().parse(SourceText(path: "data.csv", text: text))
        let names = table.header.map(\.text)
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0.fields.map(\.text))) }
    }

    static func figures(ofJSON text: String) throws -> (document: [String: Any], figures: [[String: Any]]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (document, try #require(document["figures"] as? [[String: Any]]))
    }

    /// The East of England's 2021 page: its CSV and JSON list the page's figures and nothing else, in its order.
    @Test func eastOfEnglandDownloadsAreThePagesFigures() throws {
        let site = try Self.site("2021")
        let html = try Self.text(site, "regions/east-of-england/index.html")
        let shown = Self.shown(in: html)
        let csv = try Self.rows(ofCSV: Self.text(site, "regions/east-of-england/data.csv"))
        #expect(csv.map { $0["id"] ?? "" } == shown.map(\.id))
        #expect(csv.map { $0["value"] ?? "" } == shown.map(\.value))
        // Read off the page and figures.csv by hand: it leads with the region's 1,075, and lists the
        // five forces' figures of 2018/19, Hertfordshire's WhatsApp count hidden by disclosure control.
        #expect(csv.count == 39)
        #expect(csv.first?["id"] == "east-of-england--2019-10-2020-09--all-platforms--count")
        #expect(csv.first?["value"] == "1075" && csv.first?["shown_as"] == "1,075" && csv.first?["how_obtained"] == "published")
        #expect(csv.first { $0["id"] == "hertfordshire--2018-04-2019-03--whatsapp--count" }?["value"] == "[c]")
        #expect(!csv.contains { $0["area"] == "West Midlands" }, "the East's page shows no West Midlands figure")

        let (document, figures) = try Self.figures(ofJSON: Self.text(site, "regions/east-of-england/data.json"))
        #expect(document["page"] as? String == "regions/east-of-england/index.html")
        #expect(document["embargo"] is NSNull, "the key is always there, null without an embargo")
        #expect(figures.map { $0["id"] as? String ?? "" } == shown.map(\.id))
        #expect(figures.first?["value"] as? Int == 1075)
        let hidden = figures.first { $0["id"] as? String == "hertfordshire--2018-04-2019-03--whatsapp--count" }
        #expect(hidden?["value"] is NSNull && hidden?["marker"] as? String == "[c]")
    }

    /// Every page of both releases has its downloads, each listing exactly the figures on the page.
    @Test(arguments: ["2021", "2023"])
    func everyPageHasItsOwnDownloads(_ release: String) throws {
        let site = try Self.site(release)
        let pages = site.files.map(\.path).filter { $0.hasSuffix("index.html") }
        #expect(pages.count >= 4)
        for page in pages {
            let folder = String(page.dropLast("index.html".count))
            let html = try Self.text(site, page)
            let shown = Self.shown(in: html)
            let csv = try Self.rows(ofCSV: Self.text(site, folder + "data.csv"))
            #expect(csv.map { $0["id"] ?? "" } == shown.map(\.id), "\(folder)data.csv is not the figures of \(page)")
            let json = try Self.figures(ofJSON: Self.text(site, folder + "data.json"))
            #expect(json.figures.map { $0["id"] as? String ?? "" } == shown.map(\.id), "\(folder)data.json is not the figures of \(page)")
            #expect(json.document["page"] as? String == page)
            // The footer links to them, and to the whole release's spreadsheet, CSV and JSON.
            let links = HTMLTagScanner.startTags(in: html).filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
            let root = String(repeating: "../", count: folder.split(separator: "/").count)
            for target in [root + "data/figures.ods", root + "data/figures.csv", root + "data/figures.json"] {
                #expect(links.contains(target), "\(page) does not link to \(target)")
            }
            // A page that shows no figure (a force with none published for the period) has empty
            // downloads, a header and no rows, and does not offer them.
            for target in ["data.csv", "data.json"] {
                #expect(links.contains(target) == !shown.isEmpty, "\(page) shows \(shown.count) figures; its link to \(target) is wrong")
            }
        }
        // Both branches are taken: Essex (2021) and Humberside (2023) have pages without a figure.
        let empty = release == "2021" ? "forces/essex/" : "forces/humberside/"
        #expect(Self.shown(in: try Self.text(site, empty + "index.html")).isEmpty)
        #expect(try Self.rows(ofCSV: Self.text(site, empty + "data.csv")).isEmpty)
    }

    /// The JSON downloads write each figure's object by hand; it must be byte for byte what
    /// `JSONEncoder` writes (sorted keys, pretty-printed, slashes unescaped), for any text and number.
    @Test func figureObjectsAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let texts = ["plain", "quote \" and back\\slash", "a/b", "tab\t line\n return\r", "\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}",
                     "é ü 中 😀 \u{2028}\u{FFFE}", "CR LF\r\n", ""]
        let numbers: [Double] = [0, -0.0, 1, 11.4, -27, 100, 0.5, 33.33, 99.95, 1e15, 1e16, 1e-7, 123_456_789.25, -0.001]
        var objects: [[String: JSONValue]] = texts.map { ["label": .text($0), "id": .text("x"), "value": .null] }
        objects += numbers.map { ["value": .number($0), "marker": .null, "area": .text("Wales")] }
        objects += [["value": .integer(-12), "shown_as": .text("12")], ["value": .integer(Int.max)], [:]]
        for object in objects {
            for indent in [0, 4] {
                var bytes: [UInt8] = []
                try JSONValue.write(object: object, indent: indent, to: &bytes)
                let expected = String(decoding: try encoder.encode(object), as: UTF8.self)
                    .replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent))
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(object)")
            }
        }
        var bytes: [UInt8] = []
        #expect(throws: EncodingError.self) { try JSONValue.number(.infinity).write(to: &bytes) }
    }

    /// The whole-release downloads keep their id order and every figure: the methods pages' own
    /// downloads hold them all between them, each page only its own share (the main page's is no
    /// longer a second copy of the whole release).
    @Test func wholeReleaseDownloadsStayInIDOrder() throws {
        let site = try Self.site("2021")
        let all = try Self.rows(ofCSV: Self.text(site, "data/figures.csv")).map { $0["id"] ?? "" }
        #expect(all == all.sorted())
        #expect(all.count == site.figures.count)
        var methods = Set<String>()
        for file in site.files where file.path.hasPrefix("methodology/") && file.path.hasSuffix("/data.csv") {
            methods.formUnion(try Self.rows(ofCSV: String(decoding: file.contents, as: UTF8.self)).map { $0["id"] ?? "" })
        }
        #expect(methods == Set(all))
        let main = try Self.rows(ofCSV: Self.text(site, "methodology/data.csv")).map { $0["id"] ?? "" }
        #expect(main.count < all.count / 2)
        #expect(!main.contains("east-of-england--2019-10-2020-09--all-platforms--count"))
        #expect(try Self.figures(ofJSON: Self.text(site, "data/figures.json")).document["page"] == nil)
    }

    /// A page with more figures than `wholeUpTo` has its downloads written into the site in pieces
    /// when it is sent, never made whole on its thread: the same bytes as the whole files.
    @Test func aLargePagesDownloadsAreStreamedWithTheSameBytes() throws {
        let site = try Self.site("2021")
        let figures = Array(site.figures.prefix(40))
        #expect(figures.count == 40)
        let spec = PageSpec(template: "methods", folder: "methodology/", section: "methods", data: NationalPageModel())
        let writer = DownloadWriter(release: try Repository.statistics().dataset.release, embargo: "EMBARGOED UNTIL 00:01")
        let whole = try PageDownloads(writer: writer).files(for: spec, figures: figures)
        for (limit, streamed) in [(39, true), (40, false)] {
            let downloads = try PageDownloads(writer: writer, wholeUpTo: limit).downloads(for: spec, figures: figures)
            let sink = PieceCounter()
            for download in downloads { try download.send(to: sink) }
            #expect(sink.files == whole, "wholeUpTo \(limit)")
            #expect(sink.streamedPaths == (streamed ? ["methodology/data.csv", "methodology/data.json"] : []), "wholeUpTo \(limit)")
        }
    }

    /// Collects files as `SiteCollector` does, noting which came in pieces.
    final class PieceCounter: SiteSink {
        var files: [SiteFile] = []
        var streamedPaths: [String] = []

        func add(_ file: SiteFile) throws { files.append(file) }

        func add(_ path: String, pieces produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
            streamedPaths.append(path)
            files.append(SiteFile(path: path, contents: try Data.gathering(produce)))
        }
    }

    /// A figure that only a chart draws is in the page's figures too, after those the text shows.
    @Test func aFigureOnlyAChartDrawsIsListedAfterTheText() throws {
        let chart = ChartMarkupTests.chart
        let other = Figure(id: "north-count", label: "North", value: .count(12), derivation: .computed(.sum, inputs: ["a", "b"]), sources: [])
        let markdown = "[\(ChartMarkupTests.chart.title)](#chart-ref-\(chart.id))\n\nIn all, [12](#figure-ref-north-count)."
        let page = try MarkdownRenderer().render(markdown, figures: [other.id: other], charts: [chart.id: chart], page: "p")
        #expect(page.figureIDs == ["north-count", "east-count"])
        let figures = PageDownloads.figures(ids: page.figureIDs, shown: [other.id: other], charts: [chart.id: chart])
        #expect(figures.map(\.id) == ["north-count", "east-count"] && figures.last?.value == .count(1075))
        // Shown in the text as well, it keeps the text's place.
        let both = try MarkdownRenderer().render(markdown + " And [1,075](#figure-ref-east-count).",
                                                 figures: [other.id: other, "east-count": chart.figures[0]], charts: [chart.id: chart], page: "p")
        #expect(both.figureIDs == ["north-count", "east-count"])
    }

    /// Under embargo the downloads say so: an `embargo` column and field when a line is given, none otherwise.
    @Test func embargoedDownloadsSaySo() throws {
        let release = try Repository.dataset().release
        let figure = Figure(id: "a--count", label: "A", value: .count(12), derivation: .computed(.sum, inputs: ["b", "c"]), sources: ["s"])
        let line = "Embargoed until 00:01 on 26 March 2021"
        let embargoed = DownloadWriter(release: release, embargo: line)
        let csv = try Self.rows(ofCSV: embargoed.csv([figure]))
        #expect(csv.first?["embargo"] == line)
        #expect(csv.first?["value"] == "12")
        let json = try Self.figures(ofJSON: embargoed.json([figure]))
        #expect(json.document["embargo"] as? String == line)
        #expect(json.figures.first?["embargo"] == nil)

        // Without an embargo the column and the key stay, empty: the shape never changes.
        let open = DownloadWriter(release: release)
        #expect(try Self.rows(ofCSV: open.csv([figure])).first?["embargo"] == "")
        #expect(try Self.figures(ofJSON: open.json([figure])).document["embargo"] is NSNull)
    }
}
