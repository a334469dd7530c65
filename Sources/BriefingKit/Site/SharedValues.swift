/// The values every page shares, as template values, converted once per build rather than once per page.
///
/// Converting `SharedModel` (every region's model with its forces' rows) for each page made a build's time
/// grow with the square of its areas; a page now copies this dictionary, which shares its storage.
/// The release is left out: its notes to editors are chosen per page.
final class SharedValues: Sendable {
    let fields: [String: TemplateValue]

    init(_ shared: SharedModel) {
        guard case .object(var fields) = shared.fieldValues else { preconditionFailure("a model's value is an object") }
        fields["release"] = nil
        self.fields = fields
    }
}
