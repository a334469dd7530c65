/// Builds the stable ids that anchor figures on the methods page and in downloads.
///
/// An id is its parts joined by `--`: `east-of-england--2019-10-2020-09--all-platforms--count`. Every
/// part is a slug or a fixed word, and a slug never contains `--` nor starts or ends with `-`, so an
/// id splits back into exactly the parts it was made from: two figures with different parts can never
/// share an id (an area "Essex 2019 10 2020 09 Instagram" and a platform "Instagram 2019 10 2020 09 X"
/// once did). Areas and platforms have one slug each (the loader refuses two names with one slug).
/// A cell has four parts and a figure derived from one five; the other ids (`forces-answered--…`,
/// `forces-listed--…`, `forces-with-figures--…`, `context--…`, `disclosure-…`) have fewer and
/// start with a fixed word, so no kind of id can be mistaken for another.
enum FigureID {
    /// Between the parts of an id; it never occurs inside a part.
    static let separator = "--"

    /// An id from its parts, none of which may contain the separator.
    static func make(_ parts: [String]) -> String {
        parts.joined(separator: separator)
    }

    /// A published or calculated cell, four parts: area, period, platform, measure.
    static func cell(_ area: String, _ period: Period, _ platform: String, _ measure: String) -> String {
        make([Area.slug(area), part(period), Area.slug(platform), measure])
    }

    /// A figure derived from another, one more part: `<id>--change`, `<id>--forces-sum`.
    static func derived(from id: String, _ suffix: String) -> String {
        make([id, suffix])
    }

    /// A period as one part: `2019-10-2020-09` (its months have a fixed form, so it is unambiguous).
    static func part(_ period: Period?) -> String {
        guard let period else { return "no-period" }
        return "\(period.first.code)-\(period.last.code)"
    }
}
