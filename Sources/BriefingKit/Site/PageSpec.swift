/// A page to build: the template that fills it, where it goes, and its own data.
public struct PageSpec: Sendable {
    /// Template name without extension (`region` for `Templates/region.md`).
    public let template: String
    /// Folder under `Output/`, "" for the home page; the page is `<folder>index.html`.
    public let folder: String
    /// Which navigation entry is current.
    public let section: String
    /// The page's own model: its names are checked against the template, and fill it.
    public let data: any TemplateModel
    /// The region the page belongs to (its own, or a force's), marked as current in the navigation.
    public let region: String?
    /// The area the page is about (nil for the national and methods pages): it chooses the page's quotes and notes.
    public let area: String?

    public init(template: String, folder: String, section: String, data: any TemplateModel, region: String? = nil,
                area: String? = nil) {
        self.region = region
        self.area = area
        self.template = template
        self.folder = folder
        self.section = section
        self.data = data
    }

    /// The path from this page back to the site's root: "" or "../../".
    public var root: String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }

    public var path: String { folder + "index.html" }
}
