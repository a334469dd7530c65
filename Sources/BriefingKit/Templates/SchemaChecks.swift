import Foundation

/// What `TemplateSchemaChecker` found for each template and model type, remembered for the build.
///
/// The schema walk depends only on the template and the model's type, never on a page's data, so
/// each template is walked against a model type's schema once, not once per page and embed (a
/// thousand force pages share one). A schema made by hand, with no model type, is walked every time.
final class SchemaChecks: @unchecked Sendable {
    private struct Key: Hashable {
        let template: String
        let model: ObjectIdentifier
    }

    private let lock = NSLock()
    private var found: [Key: [Diagnostic]] = [:]

    func problems(_ template: String, against schema: TemplateSchema, library: TemplateLibrary) -> [Diagnostic] {
        guard let model = schema.model else { return TemplateSchemaChecker(library: library).check(template, against: schema) }
        let key = Key(template: template, model: model)
        if let known = lock.withLock({ found[key] }) { return known }
        let problems = TemplateSchemaChecker(library: library).check(template, against: schema)
        lock.withLock { found[key] = problems }
        return problems
    }
}
