/// The values every page shares, as template values, converted once per build rather than once per page.
///
/// Converting `SharedModel` (every region's model with its forces' rows) for each page made a build's time
/// grow with the square of its areas; a page now copies this dictionary, which shares its storage.
/// The release is left out: its notes to editors are chosen per page.
final class SharedValues: Sendable {
    let fields: [String: TemplateValue]

    /// `lists`: the lists of areas' values (`item(_:keeping:)`), in place of the model's (empty) ones.
    init(_ shared: SharedModel, lists: [String: [TemplateValue]] = [:]) {
        guard case .object(var fields) = shared.fieldValues else { preconditionFailure("a model's value is an object") }
        fields["release"] = nil
        for (list, items) in lists { fields[list] = .list(items) }
        self.fields = fields
    }

    /// An area's value in a shared list, with only the fields whose names the templates can look up in
    /// the list's items (`ListFieldUse`); every field when `names` is nil.
    static func item(_ value: TemplateValue, keeping names: Set<String>?) -> TemplateValue {
        guard let names, case .object(let fields) = value else { return value }
        return .object(fields.filter { names.contains($0.key) })
    }

    /// The lists of areas every page shares, whose items' fields the templates may not all reach.
    static let areaLists = ["nations", "regions", "other_forces"]
}
