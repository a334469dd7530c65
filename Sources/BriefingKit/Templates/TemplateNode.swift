import Mustache

/// A `TemplateValue` as swift-mustache sees it: lookups, transforms and escaped rendering.
///
/// Failed lookups and transforms are recorded in the audit instead of silently rendering blank.
final class TemplateNode: MustacheParent, MustacheTransformable, MustacheCustomRenderable, @unchecked Sendable {
    enum Mode: Sendable { case markdown, html }

    let value: TemplateValue
    let mode: Mode
    let audit: RenderAudit
    let isRoot: Bool
    /// A wording chosen by a transform, shown in place of the figure's default text.
    let wording: String?
    /// The figure's own entry on the methods page, which other pages link to.
    let isEntry: Bool

    init(_ value: TemplateValue, mode: Mode, audit: RenderAudit, isRoot: Bool = false, wording: String? = nil, isEntry: Bool = false) {
        self.isEntry = isEntry
        self.value = value
        self.mode = mode
        self.audit = audit
        self.isRoot = isRoot
        self.wording = wording
    }

    /// What swift-mustache gets for a child: lists as arrays, flags as Bool, the rest wrapped.
    func wrap(_ value: TemplateValue) -> Any {
        switch value {
        case .bool(let flag): flag
        case .list(let items): items.map { wrap($0) }
        default: TemplateNode(value, mode: mode, audit: audit)
        }
    }

    func child(named name: String) -> Any? {
        if let found = value.child(name) { return wrap(found) }
        // Lookups climb the section stack and end at the root: a miss there is a miss everywhere.
        if isRoot { audit.problem("unknown name '\(name)'") }
        return nil
    }

    func transform(_ name: String) -> Any? {
        if case .text(let text) = value, name == FigureWording.textTransform {
            return TemplateNode(.text(text.withCapitalFirstLetter), mode: mode, audit: audit)
        }
        guard case .figure(let figure) = value else {
            audit.problem("'\(name)' can only be applied to a figure, not \(value.kindName)")
            return nil
        }
        switch FigureWording.apply(name, to: figure) {
        case .success(let text):
            return TemplateNode(value, mode: mode, audit: audit, wording: text, isEntry: name == "entry")
        case .failure(let failure):
            audit.problem(failure.message)
            return nil
        }
    }

    var isNull: Bool { false }

    var renderText: String {
        switch value {
        case .text(let text):
            return mode == .markdown ? MarkdownEscaper.escape(text) : text
        case .figure(let figure):
            audit.shown(figure)
            let text = wording ?? FigureWording.display(figure)
            guard mode == .markdown else { return text }
            let prefix = isEntry ? FigureMarkup.entryPrefix : FigureMarkup.anchorPrefix
            return "[\(MarkdownEscaper.escape(text))](#\(prefix)\(FigureMarkup.fragment(figure.id)))"
        case .html(let html):
            return html
        case .chart(let chart):
            guard mode == .markdown else {
                audit.problem("a chart can be shown only in a Markdown template, not in the layout")
                return ""
            }
            audit.shown(chart)
            return ChartMarkup.reference(to: chart)
        case .bool, .list, .object:
            audit.problem("\(value.kindName) cannot be printed; use it as a section ({{#name}}…{{/name}})")
            return ""
        }
    }
}
