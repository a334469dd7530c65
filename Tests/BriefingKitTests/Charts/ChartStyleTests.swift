import Foundation
import Testing
@testable import BriefingKit

/// The stylesheet's colours, in the light scheme, the dark scheme and print: text keeps WCAG AA
/// contrast (4.5:1) against the page, bars and dots 3:1 (non-text contrast), and a series' release
/// period stays distinct from its other periods without colour (greyscale). And a briefing
/// prints on A4 without its navigation, with its outside links' addresses.
struct ChartStyleTests {
    static func stylesheet() throws -> String {
        try String(contentsOfFile: Repository.templates + "/style.css", encoding: .utf8)
    }

    /// The body of the first block that follows `opening` (a selector or an at-rule), braces matched.
    static func block(after opening: String, in css: String) -> String? {
        guard let start = css.range(of: opening), let brace = css[start.upperBound...].firstIndex(of: "{") else { return nil }
        var depth = 0
        var index = brace
        while index < css.endIndex {
            if css[index] == "{" { depth += 1 }
            if css[index] == "}" { depth -= 1; if depth == 0 { return String(css[css.index(after: brace)..<index]) } }
            index = css.index(after: index)
        }
        return nil
    }

    /// Custom properties set in a block of declarations (`--ink: #1d1d1f;`).
    static func variables(in block: String) -> [String: String] {
        let regex = try! NSRegularExpression(pattern: "(--[a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;")
        let ns = block as NSString
        var found: [String: String] = [:]
        for match in regex.matches(in: block, range: NSRange(location: 0, length: ns.length)) {
            found[ns.substring(with: match.range(at: 1))] = ns.substring(with: match.range(at: 2))
        }
        return found
    }

    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func contrastWorksOutAsWCAGs() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }

    @Test func everySchemeKeepsItsContrast() throws {
        let css = try Self.stylesheet()
        let light = Self.variables(in: try #require(Self.block(after: ":root", in: css)))
        let chartLight = Self.variables(in: try #require(css.components(separatedBy: "/* Charts:").last.flatMap { Self.block(after: ":root", in: $0) }))
        let darkMedia = try #require(Self.block(after: "@media (prefers-color-scheme: dark)", in: css))
        let printMedia = try #require(css.components(separatedBy: "/* Print:").last.flatMap { Self.block(after: "@media print", in: $0) })
        let schemes: [(String, [String: String])] = [
            ("light", light.merging(chartLight) { _, new in new }),
            ("dark", Self.variables(in: try #require(Self.block(after: ":root", in: darkMedia)))),
            ("print", Self.variables(in: try #require(Self.block(after: ":root", in: printMedia)))),
        ]
        let text = [("--ink", "--paper"), ("--muted", "--paper"), ("--accent", "--paper"), ("--accent-ink", "--paper"),
                    ("--ink", "--wash"), ("--muted", "--wash"), ("--warn", "--warn-wash")]
        let marks = [("--chart-bar", "--paper"), ("--chart-bar-other", "--paper"), ("--chart-current", "--paper"), ("--muted", "--paper")]
        for (name, colours) in schemes {
            for (fore, back) in text + marks {
                let (f, b) = (try #require(colours[fore], "\(name) sets no \(fore)"), try #require(colours[back], "\(name) sets no \(back)"))
                let needed = text.contains { $0 == (fore, back) } ? 4.5 : 3
                #expect(Self.contrast(f, b) >= needed, "\(name): \(fore) \(f) on \(back) \(b) is \(Self.contrast(f, b)):1, below \(needed):1")
            }
            // Without colour, the release period's bar is still told apart from the others'.
            let (other, current) = (colours["--chart-bar-other"]!, colours["--chart-current"]!)
            #expect(Self.contrast(other, current) >= 2.5, "\(name): a series' bars are too alike in lightness (\(Self.contrast(other, current)):1)")
        }
    }

    @Test func printRulesAreThere() throws {
        let css = try Self.stylesheet()
        let print = try #require(css.components(separatedBy: "/* Print:").last.flatMap { Self.block(after: "@media print", in: $0) })
        #expect(print.contains("@page { size: A4;"))
        #expect(print.contains("attr(href)"))
        #expect(print.contains("table, .chart, blockquote, li { break-inside: avoid;"))
        #expect(print.contains(".chart { break-after: avoid;"))
        #expect(try #require(Self.block(after: "@media print", in: css)).contains("nav, .skip { display: none; }"))
    }

    /// The national page printed by Chromium: every page A4 (595 × 842 points), no navigation or
    /// skip link, and an outside source's address printed after its title.
    @Test func aBriefingPrintsOnA4() throws {
        let site = try BuiltSite.load()
        let chromium = try #require(BuiltSite.executable(named: "chromium"), "Chromium is not installed; run `make test-deps`")
        let pdftotext = try #require(BuiltSite.executable(named: "pdftotext"), "pdftotext is not installed; run `make test-deps` (poppler-utils)")
        let pdf = try site.writeScratch("national.pdf", "")
        let profile = pdf.deletingLastPathComponent().appendingPathComponent("profile").path
        _ = try BuiltSite.run(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                                         "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", site.url(of: "2021/index.html").absoluteString])
        let bytes = try String(decoding: Data(contentsOf: pdf), as: UTF8.self)
        let boxes = ChartPageTests.regexMatches("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]", in: bytes)
        #expect(!boxes.isEmpty, "the PDF has no pages")
        for box in boxes {
            #expect(abs(Double(box[1])! - 595.3) < 1 && abs(Double(box[2])! - 841.9) < 1, "a page is \(box[1]) × \(box[2]) points, not A4")
        }
        let text = try BuiltSite.run(pdftotext, [pdf.path, "-"]).stdout
        #expect(text.contains("Key figures"), "the PDF has no text: \(text.prefix(300))")
        #expect(!text.contains("Skip to the briefing"))
        #expect(!text.contains("Methods and sources"), "the navigation was printed")
        #expect(text.contains("(https://www.ons.gov.uk/"), "an outside link's address is not printed")
    }
}
