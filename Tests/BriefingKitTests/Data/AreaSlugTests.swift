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

    /// The byte-level slug of a plain-ASCII name is the one Foundation's folding gives, for every
    /// pair of ASCII characters (controls, CR LF and punctuation among them) and the names above.
    @Test func asciiSlugIsTheFoldedSlug() {
        var names = ["East of England", "  Avon and  Somerset ", "St. Helens", "A-B--C", "-x-", "Region 12", "\r\n", "ZZ top"]
        for a in 0..<128 { for b in 0..<128 { names.append(String(decoding: [UInt8(a), UInt8(b)], as: UTF8.self)) } }
        for name in names {
            #expect(Area.asciiSlug(name) == Area.foldedSlug(name), "\(Array(name.utf8))")
        }
        #expect(Area.asciiSlug("Ynys Môn") == nil)
    }

    @Test func nameWithoutLettersOrDigitsHasNoSlug() {
        #expect(Area.slug("&&").isEmpty)
    }
}
