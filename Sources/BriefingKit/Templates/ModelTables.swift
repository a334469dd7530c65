import Foundation

/// Each model type's table of fields and its schema, built once per process and shared by every page.
///
/// `TemplateModel.fields` and `schema` are computed static properties (a generic model such as
/// `PageModel<Page>` cannot have a stored one): rebuilt on every call, they were a tenth of a build's
/// time, the page model's schema (every nested model's with it) once for each page and embed and the
/// field table once for each value converted. A type's fields cannot change while the process runs.
enum ModelTables {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var schemas: [ObjectIdentifier: TemplateSchema] = [:]
    nonisolated(unsafe) private static var fieldTables: [ObjectIdentifier: AnyObject] = [:]

    /// The model's fields, in a box so that reading them back needs no dynamic cast.
    final class Fields<Model>: @unchecked Sendable {
        let fields: [TemplateField<Model>]
        init(_ fields: [TemplateField<Model>]) { self.fields = fields }
    }

    static func fields<Model: TemplateModel>(of type: Model.Type) -> [TemplateField<Model>] {
        let key = ObjectIdentifier(type)
        if let box = lock.withLock({ fieldTables[key] }) { return unsafeDowncast(box, to: Fields<Model>.self).fields }
        // Built outside the lock: a model's fields may ask for another model's (`embedded`).
        let box = Fields(Model.fields)
        return lock.withLock {
            if let earlier = fieldTables[key] { return unsafeDowncast(earlier, to: Fields<Model>.self).fields }
            fieldTables[key] = box
            return box.fields
        }
    }

    static func schema<Model: TemplateModel>(of type: Model.Type) -> TemplateSchema {
        let key = ObjectIdentifier(type)
        if let schema = lock.withLock({ schemas[key] }) { return schema }
        // Built outside the lock: it asks for the schemas of the nested models.
        let schema = TemplateSchema(name: { String(describing: type) }, model: key,
                                    fields: Dictionary(fields(of: type).map { ($0.name, $0.kind()) }, uniquingKeysWith: { _, later in later }))
        return lock.withLock {
            if let earlier = schemas[key] { return earlier }
            schemas[key] = schema
            return schema
        }
    }
}
