/// Which fields of a list's items the templates can reach: the names looked up anywhere inside a
/// section over the list (`{{#regions}} … {{/regions}}`), in the partials it includes and in the
/// sections within it.
///
/// A name inside the section is looked up first in the item, so a field whose name no tag there
/// has is never read. What the templates cannot reach need not be held: the values every page
/// shares list every region with its forces' rows, though the example templates read five fields
/// of each. Nil, keep every field, when a tag reaches the list otherwise (`{{regions}}`,
/// `{{regions.first}}`) or inside such a section renders the item itself (`{{.}}`).
struct ListFieldUse: Sendable {
    private let tags: [String: [TemplateTag]]

    init(_ library: TemplateLibrary) {
        tags = library.tags
    }

    /// The names a section over `list` can look up in its items, or nil when any field may be read.
    func names(inSectionsOver list: String) -> Set<String>? {
        var names = Set<String>()
        var reachable = true
        func visit(_ tags: [TemplateTag], inSection: Bool, partials: inout Set<String>) {
            for tag in tags {
                if tag.kind == .partial {
                    // A partial is read as if written where it is included.
                    if partials.insert("\(tag.name) \(inSection)").inserted {
                        visit(self.tags[tag.name] ?? [], inSection: inSection, partials: &partials)
                    }
                    continue
                }
                let opensList = tag.kind == .section && tag.parts == [list]
                if tag.parts.first == list && !opensList && !(tag.kind == .inverted && tag.parts == [list]) { reachable = false }
                if inSection {
                    if tag.name == "." { reachable = false }
                    if let first = tag.parts.first { names.insert(first) }
                }
                visit(tag.body, inSection: inSection || opensList, partials: &partials)
            }
        }
        for (_, body) in tags.sorted(by: { $0.key < $1.key }) {
            var partials = Set<String>()
            visit(body, inSection: false, partials: &partials)
        }
        return reachable ? names : nil
    }
}
