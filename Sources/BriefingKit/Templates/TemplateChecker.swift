import Foundation

/// Checks every tag of a template against the page's data before rendering, so that a missing
/// value, section, partial or transform stops the build with its file, line and column.
///
/// swift-mustache renders any of these as an empty string; a press release must not.
struct TemplateChecker {
    let library: TemplateLibrary
    let mode: TemplateNode.Mode
    /// More tags to fill than this on one page means sections over lists nested without end;
    /// the example site fills at most 1,247 on a page, the 30,000-row benchmark 48,247.
    var tagBudget = 250_000

    func check(_ template: String, with data: TemplateValue) -> [Diagnostic] {
        guard let tags = library.tags[template] else {
            return [.error("no template '\(template)' in \(library.directory)", at: nil)]
        }
        var state = State()
        walk(tags, scopes: [data], chain: [template], namesOnly: false, state: &state)
        // One report per place: a tag inside a list is checked once for each item.
        var seen = Set<String>()
        return state.problems.filter { seen.insert($0.description).inserted }
    }

    struct State {
        var problems: [Diagnostic] = []
        var visits = 0
        var overBudget = false
    }

    /// Checks tags against the scopes. With `namesOnly`, for a branch this data does not render
    /// (the body of `{{^x}}` when x is set), only that every name exists is checked: a typo
    /// there would otherwise pass until the day the data takes that branch.
    private func walk(_ tags: [TemplateTag], scopes: [TemplateValue], chain: [String], namesOnly: Bool, state: inout State) {
        for tag in tags {
            func error(_ message: String) {
                state.problems.append(.error(message, at: tag.location, lineText: tag.lineText))
            }
            if state.overBudget { return }
            state.visits += 1
            if state.visits > tagBudget {
                state.overBudget = true
                error("this template has too much to fill (more than \(NumberStyle.digits(tagBudget)) tags): sections over lists are nested too deeply")
                return
            }
            if tag.kind == .partial {
                guard let partial = library.tags[tag.name] else {
                    error("no partial '\(tag.name)'; create \(library.directory)/\(tag.name).md\(Suggestion.hint(for: tag.name, in: library.names))")
                    continue
                }
                // A partial that includes itself would never finish rendering.
                guard !chain.contains(tag.name) else {
                    error("partial '\(tag.name)' includes itself (\((chain + [tag.name]).joined(separator: " → ")))")
                    continue
                }
                walk(partial, scopes: scopes, chain: chain + [tag.name], namesOnly: namesOnly, state: &state)
                continue
            }
            let value: TemplateValue
            switch resolve(tag.name, in: scopes) {
            case .success(let found): value = found
            case .failure(let failure):
                error(failure.message)
                continue
            }
            switch tag.kind {
            case .variable, .raw:
                if namesOnly {
                    if let unknown = tag.transforms.first(where: { !FigureWording.transforms.contains($0) }) {
                        error("unknown transform '\(unknown)'; available: \(FigureWording.transforms.joined(separator: ", "))\(Suggestion.hint(for: unknown, in: FigureWording.transforms))")
                    }
                } else if let message = checkPrint(tag, value) {
                    error(message)
                }
            case .section:
                if !tag.transforms.isEmpty { error("transforms cannot open a section; use {{#\(tag.name)}}"); continue }
                switch value {
                case .list(let items):
                    for item in items { walk(tag.body, scopes: scopes + [item], chain: chain, namesOnly: namesOnly, state: &state) }
                case .bool(let flag):
                    if flag { walk(tag.body, scopes: scopes, chain: chain, namesOnly: namesOnly, state: &state) }
                case .html:
                    error("'\(tag.name)' is HTML and cannot open a section")
                default:
                    walk(tag.body, scopes: scopes + [value], chain: chain, namesOnly: namesOnly, state: &state)
                }
            case .inverted:
                if !tag.transforms.isEmpty { error("transforms cannot open a section; use {{^\(tag.name)}}"); continue }
                let falsy: Bool = switch value {
                case .bool(let flag): !flag
                case .list(let items): items.isEmpty
                default: false
                }
                // An inverted body renders in the same scopes, so its names can be checked even when it does not render.
                walk(tag.body, scopes: scopes, chain: chain, namesOnly: namesOnly || !falsy, state: &state)
            case .partial:
                break
            }
        }
    }

    /// Why a value cannot be printed by this tag, or nil when it can.
    private func checkPrint(_ tag: TemplateTag, _ value: TemplateValue) -> String? {
        switch value {
        case .html:
            if tag.kind != .raw { return "'\(tag.name)' is HTML; insert it with three braces: {{{\(tag.name)}}}" }
            if !tag.transforms.isEmpty { return "transforms cannot be applied to HTML" }
            return nil
        case _ where tag.kind == .raw:
            return "'\(tag.name)' must be inserted with two braces ({{\(tag.name)}}) so that it is escaped; three braces are only for HTML the pipeline makes"
        case .bool, .list, .object:
            return "'\(tag.name)' is \(value.kindName) and cannot be printed; use it as a section: {{#\(tag.name)}}…{{/\(tag.name)}}"
        case .text:
            if let transform = tag.transforms.first {
                return "'\(transform)' can only be applied to a figure, but '\(tag.name)' is text"
            }
            return nil
        case .figure(let figure):
            // A suppressed count may stand in a table cell as [c], never in running text.
            if figure.value.marker == .suppressed, !tag.inTableRow {
                return "figure '\(figure.id)' is suppressed ([c]) to protect identities and cannot be printed in a sentence; show it only in a table row, or test {{#\(tag.name).provided}} first"
            }
            for transform in tag.transforms.reversed() {
                guard FigureWording.transforms.contains(transform) else {
                    return "unknown transform '\(transform)'; available: \(FigureWording.transforms.joined(separator: ", "))\(Suggestion.hint(for: transform, in: FigureWording.transforms))"
                }
                if tag.transforms.count > 1 { return "use one transform at a time, like approx(\(tag.name))" }
                if case .failure(let failure) = FigureWording.apply(transform, to: figure) { return failure.message }
            }
            return nil
        }
    }

    struct LookupFailure: Error { let message: String }

    /// Finds a name as swift-mustache does: the first part up the section stack, the rest strictly inside it.
    private func resolve(_ name: String, in scopes: [TemplateValue]) -> Result<TemplateValue, LookupFailure> {
        if name == "." { return .success(scopes[scopes.count - 1]) }
        let parts = name.split(separator: ".").map(String.init)
        guard var value = scopes.reversed().lazy.compactMap({ $0.child(parts[0]) }).first else {
            let known = Set(scopes.flatMap(\.childNames)).sorted()
            return .failure(.init(message: "unknown name '\(parts[0])'\(Suggestion.hint(for: parts[0], in: known)); nothing of that name is given to this template"))
        }
        for (index, part) in parts.enumerated().dropFirst() {
            guard let next = value.child(part) else {
                let path = parts[..<index].joined(separator: ".")
                return .failure(.init(message: "'\(path)' has no '\(part)'\(Suggestion.hint(for: part, in: value.childNames))"))
            }
            value = next
        }
        return .success(value)
    }
}
