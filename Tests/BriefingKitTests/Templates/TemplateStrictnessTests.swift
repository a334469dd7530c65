import Testing
@testable import BriefingKit

/// A missing value, section, partial or transform stops the build at its file, line and column.
@Suite struct TemplateStrictnessTests {
    static let layout = "<title>{{title}}</title>{{{content}}}"

    func library(_ page: String, partials: [String: String] = [:]) throws -> TemplateLibrary {
        var files = ["T/page.md": page, "T/layout.html": Self.layout]
        for (name, text) in partials { files["T/\(name).md"] = text }
        return try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
    }

    let count = Figure(id: "east-count", label: "Instances", value: .count(1075),
                       derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 8, column: 1)), sources: ["s"])
    let marker = Figure(id: "essex-count", label: "Instances", value: .marker(.notProvided),
                        derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 9, column: 1)), sources: ["s"])

    var data: TemplateValue {
        .object(["name": .text("East of England"), "total": .figure(count), "essex": .figure(marker),
                 "forces": .list([.object(["name": .text("Essex")])]), "published": .bool(true)])
    }

    /// The one-line diagnostics a render throws.
    func errors(_ page: String, partials: [String: String] = [:]) throws -> [String] {
        do {
            _ = try library(page, partials: partials).render("page", with: data, mode: .markdown)
            return []
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func unknownVariableNamesFileLineAndColumn() throws {
        #expect(try errors("# Title\n\nIn {{nmae}} police") == [
            "T/page.md:3:4: error: unknown name 'nmae' (did you mean 'name'?); nothing of that name is given to this template",
        ])
    }

    @Test func unknownSectionIsAnError() throws {
        #expect(try errors("{{#regions}}x{{/regions}}") == [
            "T/page.md:1:1: error: unknown name 'regions'; nothing of that name is given to this template",
        ])
    }

    @Test func unknownTransformSuggestsTheNearestOne() throws {
        #expect(try errors("Police recorded {{aprox(total)}}") == [
            "T/page.md:1:17: error: unknown transform 'aprox'; available: number, digits, approx, percent, fraction, points, size, entry, change, changed, rise, more (did you mean 'approx'?)",
        ])
    }

    @Test func missingPartialIsAnError() throws {
        #expect(try errors("Intro\n{{> footer}}") == [
            "T/page.md:2:1: error: no partial 'footer'; create T/footer.md",
        ])
    }

    @Test func errorsInsidePartialsNameThePartial() throws {
        #expect(try errors("{{> foot}}", partials: ["foot": "ok\n{{missing}}"]) == [
            "T/foot.md:2:1: error: unknown name 'missing'; nothing of that name is given to this template",
        ])
    }

    @Test func unclosedSectionIsASyntaxError() throws {
        #expect(throws: BriefingError.self) { try library("{{#forces}}{{name}}") }
        do {
            _ = try library("line\n{{#forces}}{{name}}")
        } catch let error as BriefingError {
            #expect(error.diagnostics.map(\.description) == [
                "T/page.md:2:1: error: section 'forces' is never closed; add {{/forces}}",
            ])
        }
    }

    @Test func listsCannotBePrinted() throws {
        #expect(try errors("{{forces}}") == [
            "T/page.md:1:1: error: 'forces' is a list and cannot be printed; use it as a section: {{#forces}}…{{/forces}}",
        ])
    }

    @Test func textMayNotBeInsertedRaw() throws {
        #expect(try errors("{{{name}}}") == [
            "T/page.md:1:1: error: 'name' must be inserted with two braces ({{name}}) so that it is escaped; three braces are only for HTML the pipeline makes",
        ])
    }

    @Test func aMarkerCannotBeWordedAsANumber() throws {
        #expect(try errors("Essex recorded {{approx(essex)}}") == [
            "T/page.md:1:16: error: figure 'essex-count' is [x] (not provided) and cannot be worded as a number; test {{#…provided}} first",
        ])
    }

    @Test func aNameInsideASectionIsCheckedAgainstEachItem() throws {
        #expect(try errors("{{#forces}}{{name}} {{total}} {{colour}}{{/forces}}") == [
            "T/page.md:1:31: error: unknown name 'colour'; nothing of that name is given to this template",
        ])
    }

    @Test func rendersFiguresAsLinksAndTextEscaped() throws {
        let page = "{{name}}: {{approx(total)}} ({{total}})"
        let (text, figures) = try library(page).render("page", with: data, mode: .markdown)
        #expect(text == "East of England: [over a thousand](#figure-ref-east-count) ([1,075](#figure-ref-east-count))")
        #expect(figures.keys.sorted() == ["east-count"])
    }

    @Test func escapesMarkdownInValues() throws {
        let data: TemplateValue = .object(["name": .text("A | B *c* <d> & [e](f)")])
        let (text, _) = try library("{{name}}").render("page", with: data, mode: .markdown)
        #expect(text == "A \\| B \\*c\\* &lt;d&gt; &amp; \\[e\\]\\(f\\)")
    }
}

/// A suppressed count may stand in a table as [c], never in a sentence.
@Suite struct SuppressedFigureTemplateTests {
    let hidden = Figure(id: "alpha-count", label: "Instances", value: .marker(.suppressed),
                        derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 3, column: 1)), sources: ["s"])

    func render(_ page: String) throws -> String {
        let files = ["T/page.md": page, "T/layout.html": "{{{content}}}"]
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
        return try library.render("page", with: .object(["alpha": .figure(hidden)]), mode: .markdown).text
    }

    @Test func inATableRowItShowsAsAMarker() throws {
        #expect(try render("| Alpha | {{digits(alpha)}} |") == "| Alpha | [\\[c\\]](#figure-ref-alpha-count) |")
    }

    @Test func inASentenceTheBuildFails() throws {
        do {
            _ = try render("Alpha recorded {{alpha}} crimes.")
            Issue.record("expected an error")
        } catch let error as BriefingError {
            #expect(error.diagnostics.map(\.description) == [
                "T/page.md:1:16: error: figure 'alpha-count' is suppressed ([c]) to protect identities and cannot be printed in a sentence; show it only in a table row, or test {{#alpha.provided}} first",
            ])
        }
    }
}

/// Templates that would never finish rendering fail fast instead (found by fuzzing).
@Suite struct RunawayTemplateTests {
    func errors(_ page: String, data: TemplateValue) throws -> [String] {
        let files = ["T/page.md": page, "T/layout.html": "{{{content}}}", "T/loop.md": "a{{> loop}}"]
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
        do {
            _ = try library.render("page", with: data, mode: .markdown)
            return []
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aPartialThatIncludesItselfIsAnError() throws {
        #expect(try errors("{{>page}}{{>page}}{{>page}}", data: .object([:])) == [
            "T/page.md:1:1: error: partial 'page' includes itself (page → page)",
            "T/page.md:1:10: error: partial 'page' includes itself (page → page)",
            "T/page.md:1:19: error: partial 'page' includes itself (page → page)",
        ])
        #expect(try errors("x {{> loop}}", data: .object([:])) == [
            "T/loop.md:1:2: error: partial 'loop' includes itself (page → loop → loop)",
        ])
    }

    @Test func sectionsNestedWithoutEndAreStopped() throws {
        // 30 sections deep over a list of two: 2^30 tags to fill, and as many copies of "x".
        let page = String(repeating: "{{#items}}", count: 30) + "x" + String(repeating: "{{/items}}", count: 30)
        let data: TemplateValue = .object(["items": .list([.object([:]), .object([:])])])
        let problems = try errors(page, data: data)
        #expect(problems == [
            "T/page.md:1:281: error: this page has too much to fill: more than 100,064 tags for 4 values of data; sections over lists are nested inside one another, so their items multiply: {{#items}} (2 items, page.md:1:271) inside {{#items}} (2 items, page.md:1:261) inside {{#items}} (2 items, page.md:1:251) inside 25 more such sections",
        ])
    }

    /// A legitimate page may fill far more than the old fixed budget of 250,000 tags, as long as its data is as large.
    @Test func theWorkBudgetGrowsWithTheData() throws {
        let rows = (0..<100_000).map { TemplateValue.object(["name": .text("Force \($0)")]) }
        let page = "{{#forces}}| {{name}} | {{name}} | {{name}} |\n{{/forces}}"
        #expect(try errors(page, data: .object(["forces": .list(rows)])) == [])
    }

    /// Printing a long text once is fine; printing it for every item of a list stops before it fills the memory.
    @Test func aPageLargerThanItsDataCanNeedIsStopped() throws {
        let files = ["T/page.md": "{{#forces}}{{quote}}\n{{/forces}}", "T/layout.html": "{{{content}}}"]
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
        let data: TemplateValue = .object(["quote": .text(String(repeating: "a", count: 10_000)),
                                           "forces": .list(Array(repeating: .object([:]), count: 1_000))])
        let limits = TemplateChecker.Limits(baseBytes: 1_000_000)
        #expect(TemplateChecker(library: library, mode: .markdown, limits: limits).check("page", with: data).map(\.description) == [
            "T/page.md:1:12: error: this page would be larger than 1 MB, from 10,000 bytes of data; what is inside {{#forces}} (1,000 items, page.md:1:1) repeats for every item",
        ])
        #expect(TemplateChecker.Limits().baseBytes == 64_000_000)
        #expect(TemplateChecker.Limits().bytesPerDataByte == 16)
    }

    /// swift-mustache's parser recurses once a level: 3,000 levels overflowed its stack (exit 139).
    @Test func sectionsNestedThreeThousandDeepAreALocatedError() throws {
        let page = "Title\n" + String(repeating: "{{#a}}", count: 3_000) + String(repeating: "{{/a}}", count: 3_000)
        do {
            _ = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(["T/page.md": page, "T/layout.html": "{{{content}}}"]))
            Issue.record("expected a nesting error")
        } catch let error as BriefingError {
            #expect(error.diagnostics.map(\.description) == [
                "T/page.md:2:601: error: sections are nested more than 100 deep here; close sections with {{/name}} before opening more (a page needs only a few levels)",
            ])
        }
    }

    /// 100 levels are allowed and render; partials count towards the same bound.
    @Test func nestingIsBoundedAcrossPartials() throws {
        let hundred = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        #expect(try errors(hundred, data: .object(["a": .bool(true)])) == [])
        let sixty = String(repeating: "{{#a}}", count: 60) + "{{> inner}}" + String(repeating: "{{/a}}", count: 60)
        let files = ["T/page.md": sixty, "T/inner.md": sixty.replacingOccurrences(of: "{{> inner}}", with: "x"), "T/layout.html": "{{{content}}}"]
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
        #expect(TemplateChecker(library: library, mode: .markdown).check("page", with: .object(["a": .bool(true)])).map(\.description) == [
            "T/inner.md:1:235: error: sections are nested more than 100 deep here, counting those of the partials included (page → inner); close sections before opening more",
        ])
    }
}
