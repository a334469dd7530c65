import Foundation
import Testing
@testable import BriefingKit

/// The `index.txt` beside each briefing of both example sites: plain text to paste into an email.
@Suite struct PlainTextReleaseTests {
    static let grooming = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.fixtures + "/example-2023/Data", templates: Repository.templates)).site }

    static func sites() throws -> [(name: String, site: Site)] {
        [("2021", try EastBriefingTests.site.get()), ("2023", try grooming.get())]
    }

    static func text(_ site: Site, _ path: String) throws -> String {
        String(decoding: try #require(site.file(path), "no \(path)").contents, as: UTF8.self)
    }

    @Test func everyBriefingHasAPlainTextVersionAndTheMethodsPageNone() throws {
        for (name, site) in try Self.sites() {
            let pages = site.files.map(\.path).filter { $0.hasSuffix("/index.html") || $0 == "index.html" }
            let texts = site.files.map(\.path).filter { $0.hasSuffix("index.txt") }
            // Neither the main methods page nor an area's (methodology/forces/essex/index.html) has one.
            #expect(texts == pages.filter { !$0.hasPrefix("methodology/") }.map { $0.dropLast("html".count) + "txt" }, "\(name)")
            #expect(texts.count >= 10, "\(name)")
            #expect(pages.filter { $0.hasPrefix("methodology/") }.count >= 10, "\(name)")
        }
    }

    @Test func linesAreAtMost72AndCarryNoMarkdown() throws {
        for (name, site) in try Self.sites() {
            for file in site.files where file.path.hasSuffix("index.txt") {
                let text = String(decoding: file.contents, as: UTF8.self)
                let lines = text.components(separatedBy: "\n")
                #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "\(name)/\(file.path)")
                for line in lines {
                    // Only a line that is one unbreakable word (a long address) may be longer.
                    #expect(line.count <= 72 || !line.trimmingCharacters(in: .whitespaces).contains(" "), "\(name)/\(file.path): \(line)")
                    #expect(line == line.replacingOccurrences(of: " +$", with: "", options: .regularExpression), "trailing space in \(file.path)")
                }
                for symbol in ["**", "##", "](", "|", "`", "<", ">", "&amp;", "\t"] {
                    #expect(!text.contains(symbol), "\(name)/\(file.path) contains \(symbol)")
                }
                // A bracket only as a marker the page explains: [x], [c], [z], [r].
                let brackets = text.replacingOccurrences(of: "\\[[xczr]\\]", with: "", options: .regularExpression)
                #expect(!brackets.contains("[") && !brackets.contains("]"), "\(name)/\(file.path)")
                #expect(!lines.contains { $0.hasPrefix("# ") || $0.hasPrefix("- ") || $0.hasPrefix("* ") || $0.hasPrefix("> ") }, "\(name)/\(file.path)")
                #expect(!text.contains("\n\n\n"), "\(name)/\(file.path)")
            }
        }
    }

    /// Every calculated figure on a page keeps its † in the text, and only the last line explains it.
    @Test func everyCalculatedFigureKeepsItsDagger() throws {
        for (name, site) in try Self.sites() {
            for file in site.files where file.path.hasSuffix("index.txt") {
                let text = String(decoding: file.contents, as: UTF8.self)
                let html = try Self.text(site, file.path.dropLast("txt".count) + "html")
                let calculated = html.components(separatedBy: "<span class=\"calculated\">†</span>").count - 1
                let daggers = text.components(separatedBy: "†").count - 1
                #expect(daggers == (calculated == 0 ? 0 : calculated + 1), "\(name)/\(file.path): \(daggers) daggers for \(calculated) calculated figures")
                if calculated > 0 {
                    #expect(text.hasSuffix("\n\n† Calculated for this briefing from published figures; every other\nnumber is as published.\n"))
                }
            }
        }
    }

    @Test func theEastOfEnglandReleaseReadsAsTheStoryDid() throws {
        let text = try Self.text(try EastBriefingTests.site.get(), "regions/east-of-england/index.txt")
        let flat = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(text.hasPrefix("EAST OF ENGLAND: OVER A THOUSAND ONLINE CHILD SEX CRIMES RECORDED\n\nLONDON, 26 March 2021 — October 2019 to September 2020. Police in the\nEast of England recorded over a thousand online child sex crimes where\nthe means of communication was known (1,075). 48% of them took place on\nFacebook-owned apps, against 52% across all forces that answered.\n\nKEY FIGURES\n\n"))
        for sentence in [
            "Against the national share of 52%, the share in the East of England is lower, by 4 percentage points†.",
            "Police recorded more than 9,470 online child sex crimes where the means of communication was known (9,477), according to figures from 35 police forces in England, Wales and the Channel Islands.",
            "WhatsApp, whose messages are end-to-end encrypted, accounted for 11.4%† of those on Facebook-owned apps: one in ten†.",
            "— Andy Burrows, Head of Child Safety Online Policy, NSPCC",
            "ENDS NOTES TO EDITORS 1. The figures count instances where the means of communication was known.",
            "MEDIA CONTACTS • NSPCC press office: press-office@example.org ABOUT NSPCC The NSPCC is the UK's leading children's charity",
        ] {
            #expect(flat.contains(sentence), "missing: \(sentence)")
        }
        // Every quote, word for word.
        for quote in try Repository.dataset().quotes {
            for paragraph in quote.paragraphs { #expect(flat.contains("“\(paragraph)”"), "missing: \(paragraph.prefix(40))") }
        }
        // A narrow table in columns, aligned as on the page; a wide one a block per row, markers as markers.
        #expect(text.contains("""
            Online child sex crimes recorded in the East of England, by period

            Period                          Online child sex crimes
            April 2018 to March 2019                            877
            October 2019 to September 2020                    1,075
            """))
        #expect(text.contains("\nEssex\n  All, where the means of communication was known: [x]\n  Facebook and Messenger: [x]\n"))
        #expect(text.contains("\nHertfordshire\n  All, where the means of communication was known: 94\n  Facebook and Messenger: 8\n  Instagram: 28\n  WhatsApp: [c]\n"))
    }
}
