/// The data a template is filled from: a tree of text, figures, flags, lists and objects.
///
/// Statistics never format and templates never compute: this tree is the hand-over point.
public indirect enum TemplateValue: Sendable {
    /// Plain text; escaped for Markdown (or HTML in the layout) where it is inserted.
    case text(String)
    /// A number with provenance; shown inside a `<data>` element that links to the methods page.
    case figure(Figure)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// HTML made by the pipeline itself (a page body, a chart); only the layout may insert it, with `{{{name}}}`.
    case html(String)
    /// A chart of figures; a Markdown template shows it in a paragraph of its own with `{{name}}`.
    case chart(Chart)

    /// A value found by name in an object; nil for other kinds.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Every figure inside this value, depth first.
    var figures: [Figure] {
        var figures: [Figure] = []
        forEachFigure { figures.append($0) }
        return figures
    }

    /// Visits every figure inside this value, depth first (the order of `figures`), without
    /// gathering them: the values all pages share hold every force's figures.
    func forEachFigure(_ body: (Figure) -> Void) {
        switch self {
        case .figure(let figure): body(figure)
        case .list(let items): items.forEach { $0.forEachFigure(body) }
        case .object(let fields): fields.keys.sorted().forEach { fields[$0]!.forEachFigure(body) }
        default: break
        }
    }

    /// A short name of the kind, for error messages.
    var kindName: String {
        switch self {
        case .text: "text"
        case .figure: "a figure"
        case .bool: "a yes/no flag"
        case .list: "a list"
        case .object: "a group of values"
        case .html: "HTML"
        case .chart: "a chart"
        }
    }

    /// The names a lookup can find inside this value, for "did you mean".
    var childNames: [String] {
        switch self {
        case .object(let fields): fields.keys.sorted()
        case .figure: FigureFields.names
        default: []
        }
    }

    /// How much data the value holds: how many values (a figure with its fields) and bytes of text.
    /// The checker scales a page's limits with it, so a release with more rows may fill more.
    var size: (values: Int, bytes: Int) {
        switch self {
        case .text(let text), .html(let text): (1, text.utf8.count)
        case .figure(let figure): (1 + FigureFields.names.count + figure.sources.count, figure.id.utf8.count + figure.label.utf8.count)
        case .bool: (1, 0)
        case .chart(let chart): (1 + chart.figures.count, chart.title.utf8.count + chart.summary.utf8.count)
        case .list(let items): items.reduce((1, 0)) { total, item in let size = item.size; return (total.0 + size.values, total.1 + size.bytes) }
        case .object(let fields): fields.values.reduce((1, 0)) { total, item in let size = item.size; return (total.0 + size.values, total.1 + size.bytes) }
        }
    }

    /// A child by name, as a template lookup sees it (objects and a figure's fields).
    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let fields): fields[name]
        case .figure(let figure): FigureFields.value(name, of: figure)
        default: nil
        }
    }
}

/// The fields a template can read from a figure, beside the figure itself.
enum FigureFields {
    static let names = ["id", "label", "provided", "marker", "not_provided", "suppressed", "calculated", "formula", "sources", "softened", "multiple", "note", "revised"]

    static func value(_ name: String, of figure: Figure) -> TemplateValue? {
        switch name {
        case "id": .text(figure.id)
        case "label": .text(figure.label)
        case "provided": .bool(figure.value.marker == nil)
        case "marker": figure.value.marker.map { .text($0.meaning) } ?? .bool(false)
        case "not_provided": .bool(figure.value.marker == .notProvided)
        case "suppressed": .bool(figure.value.marker == .suppressed)
        case "calculated": .bool(figure.derivation.isComputed)
        case "formula": .text(figure.derivation.formula)
        case "sources": .list(figure.sources.map { .text($0) })
        case "note": figure.note.map { .text($0) } ?? .bool(false)
        case "revised": .bool(figure.revised)
        // Whether approx(x) says something other than the exact number, so a page need not print 400 (400).
        // Whether a change is large enough to word as a multiple or a half ("more than doubled", "halved").
        case "multiple": .bool({ if case .change(let p, _) = figure.value { return p >= 90 || p <= -45 } else { return false } }())
        // Only from a thousand up: below that the exact number reads as easily ("124", not "more than 120 (124)").
        case "softened": .bool(figure.value.count.map { n in n >= 1_000 && Phraser.approximations(of: n).first?.text != FigureWording.display(figure) } ?? false)
        default: nil
        }
    }
}
