/// Checks every name of a template against the page model's schema, in every branch, whether or
/// not this release's data renders it: `{{#previous}}{{perod}}{{/previous}}` is a typo on a release
/// without a previous period as well, not only on the day one has it.
///
/// Only names are checked here (kinds, printing and transforms are the data walk's); messages are
/// worded as the data walk words them.
struct TemplateSchemaChecker {
    let library: TemplateLibrary
    /// Sections nested deeper than this are left to the data walk, which reports them.
    var maxDepth = TemplateScanner.maxDepth
    /// Tags to visit at most: with no data to bound it, partials that include others twice could multiply.
    var maxVisits = 100_000

    func check(_ template: String, against schema: TemplateSchema) -> [Diagnostic] {
        guard let tags = library.tags[template] else { return [] }
        var state = State()
        walk(tags, scopes: [schema], chain: [template], depth: 0, state: &state)
        return state.problems
    }

    struct State {
        var problems: [Diagnostic] = []
        var visits = 0
    }

    private func walk(_ tags: [TemplateTag], scopes: [TemplateSchema], chain: [String], depth: Int, state: inout State) {
        for tag in tags {
            guard state.visits < maxVisits else { return }
            state.visits += 1
            if tag.kind == .partial {
                // A missing or self-including partial is the data walk's error.
                guard let partial = library.tags[tag.name], !chain.contains(tag.name), depth < maxDepth else { continue }
                walk(partial, scopes: scopes, chain: chain + [tag.name], depth: depth + 1, state: &state)
                continue
            }
            let kind: TemplateKind
            switch resolve(tag, in: scopes) {
            case .success(let found): kind = found
            case .failure(let failure):
                state.problems.append(.error(failure.message, at: tag.location, lineText: tag.lineText))
                continue
            }
            guard depth < maxDepth else { continue }
            switch tag.kind {
            case .section: walk(tag.body, scopes: scopes + [kind.scope], chain: chain, depth: depth + 1, state: &state)
            case .inverted: walk(tag.body, scopes: scopes, chain: chain, depth: depth + 1, state: &state)
            case .variable, .raw, .partial: break
            }
        }
    }

    /// Finds a name as swift-mustache does: the first part up the section stack, the rest strictly inside it.
    private func resolve(_ tag: TemplateTag, in scopes: [TemplateSchema]) -> Result<TemplateKind, TemplateChecker.LookupFailure> {
        if tag.name == "." { return .success(.text) }
        let parts = tag.parts
        guard var kind = scopes.reversed().lazy.compactMap({ $0.fields[parts[0]] }).first else {
            let known = Set(scopes.flatMap(\.names)).sorted()
            return .failure(.init(message: "unknown name '\(parts[0])'\(Suggestion.hint(for: parts[0], in: known)); nothing of that name is given to this template"))
        }
        for (index, part) in parts.enumerated().dropFirst() {
            let inside: TemplateSchema = switch kind {
            case .object(let schema), .optional(let schema): schema
            case .figure: .figure
            default: .empty
            }
            guard let next = inside.fields[part] else {
                let path = parts[..<index].joined(separator: ".")
                return .failure(.init(message: "'\(path)' has no '\(part)'\(Suggestion.hint(for: part, in: inside.names))"))
            }
            kind = next
        }
        return .success(kind)
    }
}
