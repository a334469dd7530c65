import Testing
@testable import BriefingKit

/// Names are checked against the page model's schema, also inside sections this data does not render.
@Suite struct TemplateSchemaCheckTests {
    func library(_ page: String) throws -> TemplateLibrary {
        try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(["T/page.md": page, "T/layout.html": "{{{content}}}"]))
    }

    /// An area with a release-period figure and no previous period, change, comparison or parent.
    var model: AreaPageModel {
        var area = AreaModel()
        area.name = "East of England"
        area.summary.period = "2020/21"
        area.summary.headline = TemplateModelTests.figure
        return AreaPageModel(area: area)
    }

    func errors(_ page: String, schema: Bool = true) throws -> [String] {
        do {
            let library = try library(page)
            if schema { _ = try library.render("page", with: model, mode: .markdown) }
            else { _ = try library.render("page", with: model.templateValue, mode: .markdown) }
            return []
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aTypoInsideAnAbsentSectionIsALocatedError() throws {
        let page = "{{#area}}\n{{#previous}}## {{perod}}{{/previous}}\n{{/area}}"
        #expect(try errors(page) == [
            "T/page.md:2:17: error: unknown name 'perod' (did you mean 'period'?); nothing of that name is given to this template",
        ])
        // Checked against the data alone, the section is false and its body never looked at.
        #expect(try errors(page, schema: false) == [])
        // Spelt right, it passes, and renders nothing.
        #expect(try errors("{{#area}}{{#previous}}## {{period}}{{/previous}}{{/area}}") == [])
    }

    @Test func aDottedNameInsideAnAbsentSectionIsChecked() throws {
        #expect(try errors("{{#area.change}}{{#basis.same_forse}}x{{/basis.same_forse}}{{/area.change}}") == [
            "T/page.md:1:17: error: 'basis' has no 'same_forse' (did you mean 'same_force'?)",
        ])
        // A figure's own fields, inside an absent figure inside an absent object.
        #expect(try errors("{{#area.largest}}{{#count}}{{count.provded}}{{/count}}{{/area.largest}}") == [
            "T/page.md:1:28: error: 'count' has no 'provded' (did you mean 'provided'?)",
        ])
        #expect(try errors("{{#area.largest}}{{#count.provided}}{{name}}{{/count.provided}}{{/area.largest}}") == [])
    }

    @Test func namesUpTheSectionStackResolveInsideAnAbsentSection() throws {
        // {{name}} inside a figure is the area's; {{root}}-like names come from outer scopes.
        #expect(try errors("{{#area}}{{#comparison}}{{national}} in {{display_name}}, {{name}}{{/comparison}}{{/area}}") == [])
        #expect(try errors("{{#area}}{{#change}}{{#basis}}{{previous_period}}{{nonesuch}}{{/basis}}{{/change}}{{/area}}") == [
            "T/page.md:1:50: error: unknown name 'nonesuch'; nothing of that name is given to this template",
        ])
    }

    @Test func aPlaceTheDataWalkReportsIsReportedOnceWithItsWording() throws {
        // The data walk finds this one too (an untaken inverted branch): one report, as before.
        #expect(try errors("{{#area}}{{#has_headline}}x{{/has_headline}}{{^has_headline}}{{nmae}}{{/has_headline}}{{/area}}") == [
            "T/page.md:1:62: error: unknown name 'nmae' (did you mean 'name'?); nothing of that name is given to this template",
        ])
        #expect(try errors("{{#area}}{{#headline}}{{digits(headlin)}}{{/headline}}{{/area}}") == [
            "T/page.md:1:23: error: unknown name 'headlin' (did you mean 'headline'?); nothing of that name is given to this template",
        ])
    }
}
