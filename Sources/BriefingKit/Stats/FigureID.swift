/// Builds the stable ids that anchor figures on the methods page and in downloads.
enum FigureID {
    /// `east-of-england-2019-10-2020-09-all-platforms-count`.
    static func cell(_ area: String, _ period: Period, _ platform: String, _ measure: String) -> String {
        [Area.slug(area), period.first.code, period.last.code, Area.slug(platform), measure].joined(separator: "-")
    }
}
