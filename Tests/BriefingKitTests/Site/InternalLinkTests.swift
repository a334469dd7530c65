import Foundation
import Testing
@testable import BriefingKit

/// Every internal link on every page of every fixture site resolves: each `href` and `src` that
/// is not an absolute `http(s):` or `mailto:` address names a file of the site, relative to the
/// page, and its `#fragment`, if any, names an element `id` on the page it leads to.
///
/// The sites are built in memory (`check`), from each fixture's `Data/` and from every
/// `Examples/*/Data` in the repository, with the repository's `Templates/`.
@Suite struct InternalLinkTests {
    /// Each site by name: its `Data/` and `Templates/`.
    static let sites: [String: (data: String, templates: String)] = {
        var sites: [String: (data: String, templates: String)] = [:]
        for name in ["example-2021", "small", "injection", "suppression", "collision"] {
            sites[name] = (Repository.fixtures + "/\(name)/Data", Repository.templates)
        }
        sites["bad/00-valid"] = (Repository.fixtures + "/bad/00-valid/Data", Repository.fixtures + "/bad/00-valid/Templates")
        let examples = Repository.root + "/Examples"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(examples)/\(name)/Data", isDirectory: &isFolder), isFolder.boolValue {
                sites["Examples/\(name)"] = ("\(examples)/\(name)/Data", Repository.templates)
            }
        }
        return sites
    }()

    /// A link that does not lead where it says.
    struct BrokenLink: Equatable, CustomStringConvertible {
        let page: String
        let target: String
        let reason: String
        var description: String { "\(page): \(target): \(reason)" }
    }

    /// Where an internal link leads: a file of the site and, when given, a fragment.
    struct Destination: Equatable {
        let path: String
        let fragment: String?
    }

    /// How a link's target is to be checked.
    enum Resolution: Equatable {
        /// An absolute `http(s):` or `mailto:` address: outside the site, not checked here.
        case external
        case inSite(Destination)
        case broken(String)
    }

    /// Resolves `target` against the folder of `page` ("regions/east/index.html"), as a browser
    /// does: `..` goes up a folder, `.` stays, a query is dropped, percent-escapes are decoded,
    /// and an empty path (`#main`) is the page itself. A path that climbs out of the site, starts
    /// at the server's root (the site must work from any folder), or uses another scheme is broken.
    static func resolve(_ target: String, from page: String) -> Resolution {
        let lowered = target.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { return .external }
        if target.isEmpty { return .broken("an empty link") }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains(where: { "/?#".contains($0) }) {
            return .broken("a link with the scheme '\(target[..<colon])', neither a page of the site nor an http(s) or mailto address")
        }
        if target.hasPrefix("/") { return .broken("a link from the server's root; links within the site must be relative") }
        var rest = Substring(target)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        guard let path = String(rest).removingPercentEncoding, let decodedFragment = fragment.map({ $0.removingPercentEncoding }) ?? .some(nil) else {
            return .broken("a malformed percent-escape")
        }
        if path.isEmpty { return .inSite(Destination(path: page, fragment: decodedFragment)) }
        var folders = page.split(separator: "/").dropLast().map(String.init)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, part) in parts.enumerated() {
            switch part {
            case "..":
                if folders.isEmpty { return .broken("a link that climbs out of the site") }
                folders.removeLast()
            case ".":
                break
            case "" where index == parts.count - 1:
                folders.append("index.html")  // "regions/east/" is served as its index.html
            case "":
                break
            default:
                folders.append(part)
            }
        }
        if parts.last == ".." || parts.last == "." { folders.append("index.html") }
        return .inSite(Destination(path: folders.joined(separator: "/"), fragment: decodedFragment))
    }

    /// Every broken `href` and `src` on every HTML page of `files` (path to contents).
    static func brokenLinks(in files: [String: Data]) -> [BrokenLink] {
        let pages = files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let tagsByPage = pages.mapValues(HTMLTagScanner.startTags(in:))
        let idsByPage = tagsByPage.mapValues { Set($0.compactMap { $0.attributes["id"] }) }
        var broken: [BrokenLink] = []
        for (page, tags) in tagsByPage.sorted(by: { $0.key < $1.key }) {
            for tag in tags {
                for attribute in ["href", "src"] {
                    guard let target = tag.attributes[attribute] else { continue }
                    let report = { (reason: String) in broken.append(BrokenLink(page: page, target: target, reason: reason)) }
                    switch resolve(target, from: page) {
                    case .external:
                        continue
                    case .broken(let reason):
                        report(reason)
                    case .inSite(let destination):
                        guard files[destination.path] != nil else {
                            report("no file \(destination.path) in the site")
                            continue
                        }
                        guard let fragment = destination.fragment, !fragment.isEmpty else { continue }
                        guard let ids = idsByPage[destination.path] else {
                            report("#\(fragment) on \(destination.path), which is not an HTML page")
                            continue
                        }
                        if !ids.contains(fragment) { report("\(destination.path) has no element with id \"\(fragment)\"") }
                    }
                }
            }
        }
        return broken
    }

    @Test(arguments: sites.keys.sorted())
    func everyInternalLinkResolves(_ name: String) throws {
        let site = try #require(Self.sites[name])
        let built = try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: site.data, templates: site.templates)).site
        let files = Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.contents) })
        #expect(files["index.html"] != nil, "\(name): no national page")
        let broken = Self.brokenLinks(in: files)
        #expect(broken.isEmpty, "\(name): \(broken.count) broken links:\n\(broken.map(\.description).joined(separator: "\n"))")
        // The check saw links.
        let links = files.filter { $0.key.hasSuffix(".html") }.values
            .flatMap { HTMLTagScanner.startTags(in: String(decoding: $0, as: UTF8.self)) }.filter { $0.attributes["href"] != nil }
        #expect(!links.isEmpty, "\(name): no links to check")
    }

    /// Every page of every site can be reached from the national page by following links.
    @Test(arguments: sites.keys.sorted())
    func everyPageCanBeReachedFromTheNationalPage(_ name: String) throws {
        let site = try #require(Self.sites[name])
        // A fixture's own minimal templates have no navigation; the shipped ones must reach everything.
        guard site.templates == Repository.templates else { return }
        let built = try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: site.data, templates: site.templates)).site
        let pages = Dictionary(uniqueKeysWithValues: built.files.filter { $0.path.hasSuffix(".html") }
            .map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        var reached: Set<String> = ["index.html"], queue = ["index.html"]
        while let page = queue.popLast() {
            for tag in HTMLTagScanner.startTags(in: pages[page] ?? "") {
                guard let target = tag.attributes["href"], case .inSite(let destination) = Self.resolve(target, from: page),
                      pages[destination.path] != nil, reached.insert(destination.path).inserted else { continue }
                queue.append(destination.path)
            }
        }
        #expect(Set(pages.keys).subtracting(reached).sorted() == [], "\(name): pages no link leads to")
    }

    @Test func resolvesAsABrowserDoes() {
        #expect(Self.resolve("../../methodology/index.html#a--b", from: "regions/east/index.html")
                == .inSite(Destination(path: "methodology/index.html", fragment: "a--b")))
        #expect(Self.resolve("#main", from: "forces/essex/index.html") == .inSite(Destination(path: "forces/essex/index.html", fragment: "main")))
        #expect(Self.resolve("assets/style.css", from: "index.html") == .inSite(Destination(path: "assets/style.css", fragment: nil)))
        #expect(Self.resolve("./regions/east/", from: "index.html") == .inSite(Destination(path: "regions/east/index.html", fragment: nil)))
        #expect(Self.resolve("data/figures.csv?v=1", from: "index.html") == .inSite(Destination(path: "data/figures.csv", fragment: nil)))
        #expect(Self.resolve("a%20b.html#x%2Dy", from: "index.html") == .inSite(Destination(path: "a b.html", fragment: "x-y")))
        #expect(Self.resolve("https://example.org/x", from: "index.html") == .external)
        #expect(Self.resolve("MAILTO:press@example.org", from: "index.html") == .external)
        guard case .broken = Self.resolve("../index.html", from: "index.html") else { Issue.record("climbing out of the site"); return }
        guard case .broken = Self.resolve("/index.html", from: "regions/east/index.html") else { Issue.record("a root link"); return }
        guard case .broken = Self.resolve("javascript:alert(1)", from: "index.html") else { Issue.record("another scheme"); return }
    }

    /// The check itself: a deliberately broken link, a missing fragment and a fragment on a file
    /// that is not a page are each reported with the page and the target; good links are not.
    @Test func theCheckFindsBrokenLinks() {
        let page = """
        <!DOCTYPE html><html><head><link rel="stylesheet" href="../../assets/style.css"></head><body>
        <a href="#main">skip</a><main id="main">
        <a href="../../index.html#top">home</a>
        <a href="../../methodology/index.html#essex--count">50</a>
        <a href="../../methodology/index.html#no-such-entry">60</a>
        <a href="../../regions/west/index.html">west</a>
        <a href="../../data/figures.csv#row">csv</a>
        <a href="https://example.org/">out</a> <a href="mailto:press@example.org">mail</a>
        </main></body></html>
        """
        let files: [String: Data] = [
            "regions/east/index.html": Data(page.utf8),
            "index.html": Data("<html><body id=\"top\"></body></html>".utf8),
            "methodology/index.html": Data("<p><span class=\"figure-entry\" id=\"essex--count\">".utf8),
            "assets/style.css": Data(),
            "data/figures.csv": Data(),
        ]
        let broken = Self.brokenLinks(in: files)
        #expect(broken == [
            BrokenLink(page: "regions/east/index.html", target: "../../methodology/index.html#no-such-entry",
                       reason: "methodology/index.html has no element with id \"no-such-entry\""),
            BrokenLink(page: "regions/east/index.html", target: "../../regions/west/index.html",
                       reason: "no file regions/west/index.html in the site"),
            BrokenLink(page: "regions/east/index.html", target: "../../data/figures.csv#row",
                       reason: "#row on data/figures.csv, which is not an HTML page"),
        ])
        #expect(broken.first?.description == "regions/east/index.html: ../../methodology/index.html#no-such-entry: methodology/index.html has no element with id \"no-such-entry\"")
    }
}
