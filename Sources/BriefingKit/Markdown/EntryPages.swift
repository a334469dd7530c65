/// Which methods page holds a figure's entry: the one rule that every link to a figure and every
/// methods page follow.
///
/// A figure of a nation, region or force has its entry on that area's methods page,
/// `methodology/` + the area's folder + `index.html` (`methodology/forces/essex/index.html`); a
/// figure of the national area, or of no area (coverage, disclosure control, context and findings),
/// on `methodology/index.html`. `FigureMarkup` writes each figure link's address from it, and
/// `MethodsPages` puts each entry on the page it names, so that no link can miss its entry.
///
/// Built without folders (`EntryPages()`), every entry is on `methodology/index.html`: the one
/// methods page of a template set without a template for an area's methods page.
public struct EntryPages: Sendable, Equatable {
    /// The folder of the main methods page; every area's methods page is under it.
    public static let folder = "methodology/"

    /// Each area's folder in the site, by area name: `forces/essex/`, "" for the national area.
    private let areaFolders: [String: String]

    /// Every entry on the main methods page.
    public init() {
        areaFolders = [:]
    }

    /// Entries on the methods page of their area, whose folder in the site is `areaFolders[name]`.
    public init(areaFolders: [String: String]) {
        self.areaFolders = areaFolders
    }

    /// The folder of the methods page for an area's figures (`methodology/forces/essex/`); the main
    /// page's for the national area, for nil and for an area the site has no folder for.
    public func folder(ofArea area: String?) -> String {
        Self.folder + (area.flatMap { areaFolders[$0] } ?? "")
    }

    /// The folder of the methods page that holds the figure's entry.
    public func folder(for figure: Figure) -> String {
        folder(ofArea: figure.area)
    }

    /// The path of the page that holds the figure's entry, from the site's root.
    public func path(for figure: Figure) -> String {
        folder(for: figure) + "index.html"
    }

    /// Whether areas have methods pages of their own.
    public var isSplit: Bool { !areaFolders.isEmpty }
}
