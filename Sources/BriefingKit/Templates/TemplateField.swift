import Foundation

/// One name of a model: its kind and how to read its value from the model.
public struct TemplateField<Model> {
    public let name: String
    /// A closure, so that a schema (with those of nested models) is built only when the checker asks.
    let kind: () -> TemplateKind
    let value: (Model) -> TemplateValue

    init(_ name: String, _ kind: @escaping () -> TemplateKind, _ value: @escaping (Model) -> TemplateValue) {
        self.name = name
        self.kind = kind
        self.value = value
    }
}

extension TemplateField {
    public static func text(_ name: String, _ path: KeyPath<Model, String>) -> Self {
        .init(name, { .text }) { .text($0[keyPath: path]) }
    }

    /// Text that may be absent: false when nil, so `{{#name}}…{{/name}}` renders nothing.
    public static func text(_ name: String, _ path: KeyPath<Model, String?>) -> Self {
        .init(name, { .text }) { $0[keyPath: path].map { .text($0) } ?? .bool(false) }
    }

    public static func figure(_ name: String, _ path: KeyPath<Model, Figure>) -> Self {
        .init(name, { .figure }) { .figure($0[keyPath: path]) }
    }

    /// A figure that may be absent: false when nil.
    public static func figure(_ name: String, _ path: KeyPath<Model, Figure?>) -> Self {
        .init(name, { .figure }) { $0[keyPath: path].map { .figure($0) } ?? .bool(false) }
    }

    public static func flag(_ name: String, _ path: KeyPath<Model, Bool>) -> Self {
        .init(name, { .flag }) { .bool($0[keyPath: path]) }
    }

    /// HTML the pipeline made; only the layout inserts it, with three braces.
    public static func html(_ name: String, _ path: KeyPath<Model, String>) -> Self {
        .init(name, { .html }) { .html($0[keyPath: path]) }
    }

    /// A chart that may be absent: false when nil.
    public static func chart(_ name: String, _ path: KeyPath<Model, Chart?>) -> Self {
        .init(name, { .chart }) { $0[keyPath: path].map { .chart($0) } ?? .bool(false) }
    }

    /// A list of text, each read with `{{.}}`.
    public static func texts(_ name: String, _ path: KeyPath<Model, [String]>) -> Self {
        .init(name, { .texts }) { .list($0[keyPath: path].map { .text($0) }) }
    }

    public static func object<Child: TemplateModel>(_ name: String, _ path: KeyPath<Model, Child>) -> Self {
        .init(name, { .object(Child.schema) }) { $0[keyPath: path].templateValue }
    }

    /// A nested model that may be absent: false when nil.
    public static func optional<Child: TemplateModel>(_ name: String, _ path: KeyPath<Model, Child?>) -> Self {
        .init(name, { .optional(Child.schema) }) { $0[keyPath: path]?.templateValue ?? .bool(false) }
    }

    public static func list<Child: TemplateModel>(_ name: String, _ path: KeyPath<Model, [Child]>) -> Self {
        .init(name, { .list(Child.schema) }) { .list($0[keyPath: path].map(\.templateValue)) }
    }

    /// A list whose items may be absent (false), as a source id the release does not list.
    public static func list<Child: TemplateModel>(_ name: String, _ path: KeyPath<Model, [Child?]>) -> Self {
        .init(name, { .list(Child.schema) }) { .list($0[keyPath: path].map { $0?.templateValue ?? .bool(false) }) }
    }

    /// Every field of a nested model, as if they were this model's own (an area has all of its period summary's).
    public static func embedded<Child: TemplateModel>(_ path: KeyPath<Model, Child>) -> [Self] {
        Child.fieldTable.map { field in .init(field.name, field.kind) { field.value($0[keyPath: path]) } }
    }
}
