/// A page as the feed and the sitemap list it: where it is, its title and a line about it.
public struct ListedPage: Sendable, Hashable {
    /// The page's folder under `Output/`, "" for the home page (as `PageSpec.folder`).
    public let folder: String
    /// The page's title: the plain text of its first heading.
    public let title: String
    /// What the page's Open Graph description and feed summary say (see `Discovery.description`).
    public let description: String

    public init(folder: String, title: String, description: String) {
        self.folder = folder
        self.title = title
        self.description = description
    }
}
