import Testing
@testable import BriefingKit

/// `ListFieldUse` finds the fields of a shared list's items that templates can look up, so that
/// the others are not held for the build; when a template could reach any field, it finds none.
@Suite struct ListFieldUseTests {
    static func use(_ templates: [String: String]) throws -> ListFieldUse {
        var files = templates.reduce(into: [String: String]()) { $0["T/" + $1.key] = $1.value }
        files["T/layout.html"] = files["T/layout.html"] ?? "<main>{{{content}}}</main>"
        return ListFieldUse(try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files)))
    }

    @Test func theExampleTemplatesReadFiveFieldsOfARegion() throws {
        let use = ListFieldUse(try TemplateLibrary.load(from: Repository.templates, fileSystem: Repository.fileSystem))
        let regions = try #require(use.names(inSectionsOver: "regions"))
        // Its name, address, headline count, owner's share and comparison; the rest are the page's or the comparison's own.
        #expect(regions.isSuperset(of: ["name", "url", "headline", "owner", "comparison"]))
        #expect(!regions.contains("forces") && !regions.contains("series") && !regions.contains("series_chart"))
        #expect(try #require(use.names(inSectionsOver: "nations")).isSuperset(of: ["name", "url", "headline"]))
    }

    @Test func namesInPartialsAndNestedSectionsCount() throws {
        let use = try Self.use([
            "page.md": "{{#regions}}{{> row}}{{/regions}}{{> row}}",
            "row.md": "{{#forces}}{{digits(count)}}{{/forces}}{{owner.share}}",
        ])
        #expect(use.names(inSectionsOver: "regions") == ["forces", "count", "owner"])
        #expect(use.names(inSectionsOver: "nations") == [])
    }

    @Test func aListReachedOtherwiseKeepsEveryField() throws {
        for page in ["{{#regions}}{{.}}{{/regions}}", "{{regions.first.name}}", "{{#regions.first}}{{name}}{{/regions.first}}"] {
            #expect(try Self.use(["page.md": page]).names(inSectionsOver: "regions") == nil, "\(page)")
        }
        // Asking whether the list is empty reads no field.
        #expect(try Self.use(["page.md": "{{^regions}}none{{/regions}}"]).names(inSectionsOver: "regions") == [])
    }
}
