import Foundation

/// The release being briefed, from `release.yaml`.
public struct Release: Sendable, Hashable {
    /// Which forces stand behind a period's figures.
    public struct Coverage: Sendable, Hashable {
        public let period: Period
        /// The area the coverage is of; nil for the top area (the whole release).
        public var area: String? = nil
        /// Written `period: every`: the same forces stand behind the figures of every period.
        public var everyPeriod = false
        /// How many forces answered; nil when not known.
        public let forcesAnswered: Int?
        public let description: String
        public let note: String?
        /// The source that states the number of forces.
        public let source: String?
        /// Where `forces_answered` is written in `release.yaml`.
        public let location: SourceLocation
    }

    /// A note to editors, for every page or for some areas' pages only.
    public struct Note: Sendable, Hashable {
        public let text: String
        /// Empty: the note is for every page.
        public let areas: [String]

        public init(text: String, areas: [String] = []) {
            self.text = text
            self.areas = areas
        }
    }

    public struct Contact: Sendable, Hashable {
        public let name: String
        public let role: String?
        public let email: String?
        public let phone: String?
    }

    public let title: String
    public let organisation: String
    public let period: Period
    public let previousPeriod: Period?
    /// When the release may be published: `embargo:`, an ISO 8601 time with offset. Whether it
    /// has lifted is the build's `EmbargoState`, decided against the build's clock.
    public let embargo: Date?
    public let status: String
    public let coverage: [Coverage]
    public let measure: String
    public let contacts: [Contact]
    public let notesToEditors: [Note]
    /// What is counted and how it is broken down, in the release's words.
    public let subject: Subject
    public let boilerplate: String
    /// Counts from 1 up to this are suppressed as `[c]`; 0 turns suppression off.
    public let disclosureThreshold: Int
    /// The owner whose apps the release is about (`Facebook`); nil means the first owner by name.
    public let focusOwner: String?
    /// The platforms and owners the release is about, in its order (`[Snapchat, Meta]`); empty: the focus owner alone.
    public var focus: [String] = []
    /// The press release's frame, each optional: where it is issued from (`London`), the day it is
    /// issued, its headline (nil: the title) and the press office's standfirst.
    public var dateline: String? = nil
    public var published: CalendarDate? = nil
    public var headline: String? = nil
    public var standfirst: String? = nil

    public init(title: String, organisation: String, period: Period, previousPeriod: Period?, embargo: Date?,
                status: String, coverage: [Coverage], measure: String, contacts: [Contact],
                notesToEditors: [Note], boilerplate: String, disclosureThreshold: Int, focusOwner: String? = nil,
                subject: Subject = Subject()) {
        self.subject = subject
        self.focusOwner = focusOwner
        self.title = title
        self.organisation = organisation
        self.period = period
        self.previousPeriod = previousPeriod
        self.embargo = embargo
        self.status = status
        self.coverage = coverage
        self.measure = measure
        self.contacts = contacts
        self.notesToEditors = notesToEditors
        self.boilerplate = boilerplate
        self.disclosureThreshold = disclosureThreshold
    }

    /// The release's own coverage of a period (not an area's).
    public func coverage(for period: Period) -> Coverage? {
        coverage(for: period, area: nil)
    }

    /// What the release says about one area's coverage in a period (nil area: the whole release), if anything.
    public func coverage(for period: Period, area: String?) -> Coverage? {
        coverage.first { $0.period == period && $0.area == area && !$0.everyPeriod }
            ?? coverage.first { $0.everyPeriod && $0.area == area }
    }
}
