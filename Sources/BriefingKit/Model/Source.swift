/// Where figures were published, from `sources.csv`.
public struct Source: Sendable, Hashable {
    public let id: String
    public let publisher: String
    public let title: String
    public let url: String
    /// `YYYY-MM-DD`.
    public let published: String

    public init(id: String, publisher: String, title: String, url: String, published: String) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.url = url
        self.published = published
    }
}
