import Testing
@testable import BriefingKit

/// An area's URL slug: lower-cased, runs of anything but letters and digits turned into one `-`.
struct AreaSlugTests {
    @Test(arguments: [
        ("East of England", "east-of-england"),
        ("United Kingdom", "united-kingdom"),
        ("Essex", "essex"),
        ("Ynys Môn", "ynys-mon"),
        ("Dyfed-Powys", "dyfed-powys"),
        ("Devon & Cornwall", "devon-cornwall"),
        ("Dyfed-Powys", "dyfed-powys"),
        ("City of London.", "city-of-london"),
        ("  Avon and  Somerset ", "avon-and-somerset"),
        ("Region 2", "region-2"),
        ("St. Helens", "st-helens"),
    ])
    func slug(_ name: String, _ slug: String) {
        #expect(Area.slug(name) == slug)
        #expect(Area(name: name, kind: .force, parent: nil).slug == slug)
    }

    @Test func nameWithoutLettersOrDigitsHasNoSlug() {
        #expect(Area.slug("&&").isEmpty)
    }
}
