/// The press release's frame around a briefing: its headline, dateline and standfirst.
///
/// Each comes from `release.yaml` (`headline`, `dateline` and `published`, `standfirst`) and is
/// the press office's own words; none is required. Templates read them as `{{press.headline}}`,
/// `{{#press.dateline}}…{{/press.dateline}}` and `{{#press.standfirst}}…{{/press.standfirst}}`;
/// `{{#press.has_contacts}}` says whether there are media contacts to list.
struct PressFrame: Sendable {
    let release: Release

    /// The national page's headline: `headline:`, else the title.
    var headline: String { release.headline ?? release.title }

    /// "LONDON, 26 March 2021": the place in capitals, as a dateline is set, then the day of issue.
    /// Either part alone when only one is given; nil when neither is.
    var dateline: String? {
        let parts = [release.dateline?.uppercased(), release.published?.name].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    var model: PressModel {
        PressModel(headline: headline, dateline: dateline, standfirst: release.standfirst, hasContacts: !release.contacts.isEmpty)
    }
}
