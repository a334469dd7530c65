/// The names a template model gives a template, each with its kind: what the checker checks
/// every tag against, even inside a section this release's data does not render.
public struct TemplateSchema: Sendable {
    /// The model's type name, for reading a schema in a test or a debugger: worked out when read
    /// (`String(describing:)` of a type casts dynamically, a few milliseconds for every schema of a build).
    public var name: String { describeName() }
    private let describeName: @Sendable () -> String
    public let fields: [String: TemplateKind]
    /// The model type the schema was built from (nil for one made by hand): a template checked
    /// against it once need not be checked again (see `TemplateLibrary.schemaProblems`).
    let model: ObjectIdentifier?

    public init(name: String, fields: [String: TemplateKind]) {
        self.init(name: { name }, model: nil, fields: fields)
    }

    init(name: @escaping @Sendable () -> String, model: ObjectIdentifier?, fields: [String: TemplateKind]) {
        self.describeName = name
        self.model = model
        self.fields = fields
    }

    /// The names, sorted, for "did you mean".
    public var names: [String] { fields.keys.sorted() }

    /// The fields a template can read from a figure (`{{headline.provided}}`).
    static let figure = TemplateSchema(name: "Figure", fields: Dictionary(uniqueKeysWithValues: FigureFields.names.map {
        ($0, $0 == "sources" ? TemplateKind.texts : $0 == "id" || $0 == "label" || $0 == "formula" || $0 == "marker" || $0 == "note" ? .text : .flag)
    }))

    /// No names of its own: the scope a section over text, a flag or a list of text opens.
    static let empty = TemplateSchema(name: "", fields: [:])
}

/// What one name of a model holds.
public indirect enum TemplateKind: Sendable {
    /// Text, or nothing (false) when absent.
    case text
    /// A figure, or nothing (false) when absent.
    case figure
    case flag
    /// HTML the pipeline made (the layout's page content).
    case html
    /// A chart, or nothing (false) when absent; a Markdown template shows it in a paragraph of its own.
    case chart
    /// A list of text, read with `{{.}}`.
    case texts
    case list(TemplateSchema)
    case object(TemplateSchema)
    /// An object, or nothing (false) when absent.
    case optional(TemplateSchema)

    /// The names a section over this kind opens.
    var scope: TemplateSchema {
        switch self {
        case .list(let schema), .object(let schema), .optional(let schema): schema
        case .figure: .figure
        default: .empty
        }
    }

    /// Whether a value is one this kind allows (an absent text, figure or object is false).
    func admits(_ value: TemplateValue) -> Bool {
        switch (self, value) {
        case (.text, .text), (.figure, .figure), (.flag, .bool), (.html, .html), (.chart, .chart): true
        case (.text, .bool(false)), (.figure, .bool(false)), (.chart, .bool(false)), (.optional, .bool(false)): true
        case (.texts, .list(let items)): items.allSatisfy { if case .text = $0 { true } else { false } }
        case (.list(let schema), .list(let items)): items.allSatisfy { item in schema.admits(item) || { if case .bool(false) = item { true } else { false } }() }
        case (.object(let schema), _), (.optional(let schema), _): schema.admits(value)
        default: false
        }
    }
}

extension TemplateSchema {
    /// Whether a value is an object with exactly this schema's names, each of its kind.
    func admits(_ value: TemplateValue) -> Bool {
        guard case .object(let values) = value, Set(values.keys) == Set(fields.keys) else { return false }
        return values.allSatisfy { name, value in fields[name]!.admits(value) }
    }

    /// The first name, path first, at which a value disagrees with this schema; nil when none does.
    /// A test's message: "AreaModel.previous.forces: not admitted".
    func mismatch(_ value: TemplateValue, path: String? = nil) -> String? {
        let here = path ?? name
        guard case .object(let values) = value else { return "\(here): not a group of values" }
        let missing = Set(fields.keys).subtracting(values.keys), extra = Set(values.keys).subtracting(fields.keys)
        if !missing.isEmpty || !extra.isEmpty {
            return "\(here): value lacks \(missing.sorted()), schema lacks \(extra.sorted())"
        }
        for name in values.keys.sorted() {
            let kind = fields[name]!, child = values[name]!
            switch (kind, child) {
            case (.object(let schema), .object), (.optional(let schema), .object):
                if let inner = schema.mismatch(child, path: here + "." + name) { return inner }
            case (.list(let schema), .list(let items)):
                for item in items { if case .object = item, let inner = schema.mismatch(item, path: here + "." + name + "[]") { return inner } }
                if !kind.admits(child) { return "\(here).\(name): an item is not admitted" }
            default:
                if !kind.admits(child) { return "\(here).\(name): \(child.kindName) is not admitted by the schema" }
            }
        }
        return nil
    }
}
