/// A page's Markdown as HTML, with what the layout needs from it.
public struct RenderedPage: Sendable, Equatable {
    /// The HTML fragment: figures linked, tables made accessible.
    public let html: String
    /// The plain text of the first level-1 heading, for the page's `<title>`; nil when there is none.
    public let title: String?
    /// The ids of the figures the page shows, each once: in figure links in the order they first
    /// appear, then any that only a chart draws.
    public var figureIDs: [String] = []

    public init(html: String, title: String?) {
        self.html = html
        self.title = title
    }
}
