/// The values every page shares, as template values, converted once per build rather than once per page.
///
/// Converting `SharedModel` (every region's model with its forces' rows) for each page made a build's time
/// grow with the square of its areas; a page now copies this dictionary, which shares its storage.
/// The release is left out: its notes to editors are chosen per page.
final class SharedValues: Sendable {
    let fields: [String: TemplateValue]

    /// `reachable`: for a list of areas, the names the templates can look up in its items
    /// (`ListFieldUse`); the other fields of its items are left out. A list not named keeps them all.
    init(_ shared: SharedModel, reachable: [String: Set<String>] = [:]) {
        guard case .object(var fields) = shared.fieldValues else { preconditionFailure("a model's value is an object") }
        fields["release"] = nil
        for (list, names) in reachable {
            guard case .list(let items)? = fields[list] else { continue }
            fields[list] = .list(items.map { item in
                guard case .object(let itemFields) = item else { return item }
                return .object(itemFields.filter { names.contains($0.key) })
            })
        }
        self.fields = fields
    }

    /// The lists of areas every page shares, whose items' fields the templates may not all reach.
    static let areaLists = ["nations", "regions", "other_forces"]
}
