import Foundation
import Testing
@testable import BriefingKit

/// The plain-text briefing, written from cmark-gfm's syntax tree: what each piece of Markdown becomes.
@Suite struct PlainTextRendererTests {
    let renderer = PlainTextRenderer()

    static let published = Figure(id: "east--count", label: "East", value: .count(1075),
                                  derivation: .published(location: SourceLocation(path: "figures.csv", line: 2, column: 1)), sources: ["s"])
    static let calculated = Figure(id: "east--share", label: "East share", value: .percent(11.4, decimals: 1),
                                   derivation: .computed(.share, inputs: ["a", "b"]), sources: ["s"])
    static let figures = [published.id: published, calculated.id: calculated]

    /// Lines over the width that are more than one unbreakable word.
    static func overlong(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            line.count > PlainTextRenderer.width && line.trimmingCharacters(in: .whitespaces).contains(" ")
        }
    }

    @Test func headingsAreInCapitalsAndBlocksAreSeparatedByABlankLine() throws {
        let text = try renderer.render("# East: over a *thousand*\n\nSome **strong** words.\n\n## Key figures\n\n### Compared with 2018\n\nEnd.\n")
        #expect(text == "EAST: OVER A THOUSAND\n\nSome strong words.\n\nKEY FIGURES\n\nCompared with 2018\n\nEnd.\n")
    }

    @Test func figuresAreTheirTextAndACalculatedOneKeepsItsDagger() throws {
        let text = try renderer.render("Police recorded [1,075](#figure-ref-east--count), [one in ten](#figure-ref-east--share).\n", figures: Self.figures)
        #expect(text == "Police recorded 1,075, one in ten†.\n\n† Calculated for this briefing from published figures; every other\nnumber is as published.\n")
        // No calculated figure shown, no note.
        #expect(try renderer.render("[1,075](#figure-ref-east--count)\n", figures: Self.figures) == "1,075\n")
    }

    @Test func linksGiveTheirAddressInBrackets() throws {
        let markdown = """
            A [report](https://example.org/report?id=1), the [press office](mailto:press@example.org), \
            [press@example.org](mailto:press@example.org), [methods](../../methodology/index.html), \
            [a section](#gaps) and [a trick](javascript:alert(1)).

            """
        let text = try renderer.render(markdown, page: "regions/east/index.html")
        #expect(text == """
            A report (https://example.org/report?id=1), the press office
            (press@example.org), press@example.org, methods, a section and a trick.

            """)
        // With the site's address, a link to another page is written in full, from the page's own folder.
        let online = try PlainTextRenderer(baseURL: "https://example.org/briefing").render(markdown, page: "regions/east/index.html")
        #expect(online.contains("methods\n(https://example.org/briefing/methodology/index.html)") || online.contains("methods (https://example.org/briefing/methodology/index.html)"))
        #expect(!online.contains("javascript"))
        #expect(!online.contains("#gaps"))
    }

    @Test func linesAreWrappedAt72OnSpacesAndALongAddressStaysWhole() throws {
        let words = Array(repeating: "wrapping", count: 40).joined(separator: " ")
        let url = "https://example.org/" + String(repeating: "a", count: 90)
        let text = try renderer.render("\(words) [source](\(url)) end.\n")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 72 || !$0.contains(" ") })
        #expect(lines.contains("(\(url))"))
        #expect(lines[0].count == 71) // eight words of "wrapping " (9 × 8 − 1): a ninth would pass 72
        #expect(Self.overlong(text).isEmpty)
        #expect(PlainTextRenderer.wrap("a b c", width: 3) == ["a b", "c"])
        #expect(PlainTextRenderer.wrap("a\nb", width: 72) == ["a", "b"])
    }

    @Test func listsAndQuotesAreIndented() throws {
        let markdown = """
            1. First note, long enough to need a second line when it is wrapped at seventy-two columns.
            2. Second.

            - One
            - Two

            > “Quoted words.”
            >
            > — **A speaker**

            """
        #expect(try renderer.render(markdown) == """
            1. First note, long enough to need a second line when it is wrapped at
               seventy-two columns.
            2. Second.

            • One
            • Two

              “Quoted words.”

              — A speaker

            """)
    }

    @Test func aTableThatFitsIsPrintedInAlignedColumns() throws {
        let markdown = """
            Table: Crimes by period

            | Period | Crimes |
            |:--|--:|
            | 2018/19 | [877](#figure-ref-east--count) |
            | **2019/20** | 1,075 |

            """
        #expect(try renderer.render(markdown, figures: Self.figures) == """
            Crimes by period

            Period   Crimes
            2018/19     877
            2019/20   1,075

            """)
    }

    @Test func aTableTooWideIsPrintedAsOneBlockPerRow() throws {
        let wide = String(repeating: "Share where the means of communication was known ", count: 2)
        let markdown = """
            | Force | All recorded | \(wide) |
            |:--|--:|--:|
            | [Essex](../../forces/essex/index.html) | [x] | [one in ten](#figure-ref-east--share) |
            | Kent | 12 | |

            """
        #expect(try renderer.render(markdown, figures: Self.figures) == """
            Essex
              All recorded: [x]
              Share where the means of communication was known Share where the
                means of communication was known: one in ten†

            Kent
              All recorded: 12

            \(PlainTextRenderer.wrap(PlainTextRenderer.calculatedNote, width: 72).joined(separator: "\n"))

            """)
    }

    @Test func noMarkdownSymbolReachesTheText() throws {
        let markdown = """
            # Title with `code`

            **Bold**, *emphasis*, ~~struck~~, a [link](https://example.org) and a hard\\
            break.

            | A | B |
            |---|---|
            | **x** | [y](https://example.org) |

            ---

            <b>raw html</b> is left out, as on the page.

            """
        let text = try renderer.render(markdown)
        for symbol in ["**", "##", "# ", "|", "](", "[", "~~", "`", "<b>", "---"] {
            #expect(!text.contains(symbol), "\(symbol) in: \(text)")
        }
        #expect(text.contains("TITLE WITH CODE"))
        #expect(text.contains("Bold, emphasis, struck, a link (https://example.org) and a hard\nbreak."))
        #expect(text.contains("is left out, as on the page."))
    }

    @Test func escapedDataCharactersStayAsWritten() throws {
        // What MarkdownEscaper writes for data text: the characters, not Markdown.
        let text = try renderer.render("Name: A \\| B \\*C\\* \\[D\\](E)\n")
        #expect(text == "Name: A | B *C* [D](E)\n")
    }
}
