import Foundation

/// Whether the release is under embargo at the build's clock: decided once per build.
///
/// Under embargo every page and embed carries the embargo banner and `noindex`, the downloads
/// say so, and the feed and sitemap leave the pages out. Once the embargo has lifted (or when
/// `release.yaml` gives none), the same data publish normally, and nothing on the site mentions
/// the embargo: a lifted build is byte for byte the build without an `embargo:` line.
public enum EmbargoState: Sendable, Hashable {
    /// `release.yaml` gives no embargo.
    case none
    /// The build's clock is before the embargo: nothing may be published yet.
    case embargoed(until: Date)
    /// The build's clock is at or after the embargo.
    case lifted(at: Date)

    /// The state of an embargo at a clock. At the embargo time itself the embargo has lifted
    /// ("until 00:01": from 00:01 on the figures may be used). With no clock the build cannot know,
    /// so an embargo is kept: a site is never published early by mistake.
    public init(embargo: Date?, clock: Date?) {
        guard let embargo else { self = .none; return }
        guard let clock, clock >= embargo else { self = .embargoed(until: embargo); return }
        self = .lifted(at: embargo)
    }

    /// The pages must not be published, indexed or listed yet.
    public var isEmbargoed: Bool {
        if case .embargoed = self { return true }
        return false
    }

    /// The embargo time while it holds; nil once lifted or when there is none.
    public var until: Date? {
        if case .embargoed(let date) = self { return date }
        return nil
    }

    /// "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021" while the embargo holds: what the downloads carry.
    public var notice: String? {
        until.map(EmbargoWording.line)
    }

    /// The state as pages, layouts and embeds read it. Every field is always there (false when not
    /// embargoed), so the template checker can check names.
    var model: EmbargoModel {
        var model = EmbargoModel()
        guard let date = until else { return model }
        model.embargoed = true
        model.line = EmbargoWording.line(date)
        model.time = EmbargoWording.time(date)
        model.zone = EmbargoWording.zoneName(date)
        model.datetime = Timestamp.rfc3339(date)
        return model
    }
}
