import Foundation

/// Checks every tag of a template against the page's data before rendering, so that a missing
/// value, section, partial or transform stops the build with its file, line and column.
///
/// swift-mustache renders any of these as an empty string; a press release must not.
struct TemplateChecker {
    let library: TemplateLibrary
    let mode: TemplateNode.Mode
    var limits = Limits()

    /// What one page may take to fill. A template that fills a sane page touches each value of
    /// its data a few times, so work and size may grow with the data but not faster: sections over
    /// lists nested inside one another multiply instead (30 deep over a list of two: 2^30 tags).
    struct Limits {
        /// Sections nested deeper than this, counting those of included partials, are refused
        /// (the same bound the scanner applies to one file).
        var depth = TemplateScanner.maxDepth
        /// Tags to fill: this many for any page, plus `workPerValue` for each value of its data.
        /// Real pages fill far fewer tags than they have values: the example site's busiest page
        /// 1,247 for 6,239 values, a 1,000-force release's methods page 466,362 for 1,946,824.
        var baseWork = 100_000
        var workPerValue = 16
        /// Bytes of text: this many for any page, plus `bytesPerDataByte` for each byte of its data's
        /// text. The example methods page is 52,920 bytes from 95,395; the 1,000-force one 17 MB from 27 MB.
        var baseBytes = 64_000_000
        var bytesPerDataByte = 16
    }

    /// With a schema, every name is also checked against it, in branches the data does not render too.
    func check(_ template: String, with data: TemplateValue, schema: TemplateSchema? = nil) -> [Diagnostic] {
        guard let tags = library.tags[template] else {
            return [.error("no template '\(template)' in \(library.directory)", at: nil)]
        }
        var state = State(data: data, limits: limits)
        state.bytes = library.literalBytes[template] ?? 0
        walk(tags, scopes: [data], chain: [template], depth: 0, namesOnly: false, state: &state)
        if let schema {
            // A place the data walk reported already keeps its message.
            let placed = Set(state.problems.compactMap(\.location))
            state.problems += library.schemaChecks.problems(template, against: schema, library: library).filter { $0.location.map { !placed.contains($0) } ?? true }
        }
        // One report per place: a tag inside a list is checked once for each item.
        var seen = Set<String>()
        return state.problems.filter { seen.insert($0.description).inserted }
    }

    struct State {
        let data: TemplateValue
        var limits: Limits
        var problems: [Diagnostic] = []
        var visits = 0
        var bytes = 0
        /// The budgets, once the page has outgrown the base ones (measuring the data costs a pass over it).
        var workBudget: Int?
        var byteBudget: Int?
        /// Sections over lists open at this point, outermost first, with their item counts.
        var lists: [(tag: TemplateTag, count: Int)] = []
        var stopped = false
        var tooDeep = false

        init(data: TemplateValue, limits: Limits) {
            self.data = data
            self.limits = limits
        }
    }

    /// Checks tags against the scopes. With `namesOnly`, for a branch this data does not render
    /// (the body of `{{^x}}` when x is set), only that every name exists is checked: a typo
    /// there would otherwise pass until the day the data takes that branch.
    private func walk(_ tags: [TemplateTag], scopes: [TemplateValue], chain: [String], depth: Int, namesOnly: Bool, state: inout State) {
        for tag in tags {
            func error(_ message: String) {
                state.problems.append(.error(message, at: tag.location, lineText: tag.lineText))
            }
            if state.stopped { return }
            state.visits += 1
            if state.visits > limits.baseWork, let message = overWork(&state) {
                state.stopped = true
                error(message)
                return
            }
            if tag.kind == .section || tag.kind == .inverted, depth >= limits.depth {
                if !state.tooDeep {
                    error("sections are nested more than \(limits.depth) deep here, counting those of the partials included (\(chain.joined(separator: " → "))); close sections before opening more")
                }
                state.tooDeep = true
                continue
            }
            if tag.kind == .partial {
                guard let partial = library.tags[tag.name] else {
                    // A partial is a file of Templates/ itself: a name with a folder in it could point anywhere.
                    if tag.name.contains("/") || tag.name.contains("\\") || tag.name.hasPrefix(".") {
                        error("'\(tag.name)' is not a partial name; name a file of \(library.directory)/ without its folder or .md, like {{> quotes}}")
                    } else {
                        error("no partial '\(tag.name)'; create \(library.directory)/\(tag.name).md\(Suggestion.hint(for: tag.name, in: library.names))")
                    }
                    continue
                }
                // A partial that includes itself would never finish rendering.
                guard !chain.contains(tag.name) else {
                    error("partial '\(tag.name)' includes itself (\((chain + [tag.name]).joined(separator: " → ")))")
                    continue
                }
                if !namesOnly, let message = add(library.literalBytes[tag.name] ?? 0, &state) { error(message); return }
                walk(partial, scopes: scopes, chain: chain + [tag.name], depth: depth + 1, namesOnly: namesOnly, state: &state)
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
                    if let unknown = tag.transforms.first(where: { !FigureWording.isKnown($0) && $0 != FigureWording.textTransform }) {
                        error("unknown transform '\(unknown)'; available: \(FigureWording.transforms.joined(separator: ", "))\(Suggestion.hint(for: unknown, in: FigureWording.transforms))")
                    }
                } else if let message = checkPrint(tag, value) {
                    error(message)
                } else if let message = add(Self.printedBytes(value), &state) {
                    error(message)
                    return
                }
            case .section:
                if !tag.transforms.isEmpty { error("transforms cannot open a section; use {{#\(tag.name)}}"); continue }
                func body(_ scopes: [TemplateValue]) -> Bool {
                    if !namesOnly, let message = add(tag.literalBytes, &state) { error(message); return false }
                    walk(tag.body, scopes: scopes, chain: chain, depth: depth + 1, namesOnly: namesOnly, state: &state)
                    return !state.stopped
                }
                switch value {
                case .list(let items):
                    state.lists.append((tag, items.count))
                    for item in items where !body(scopes + [item]) { break }
                    state.lists.removeLast()
                case .bool(let flag):
                    if flag { _ = body(scopes) }
                case .html:
                    error("'\(tag.name)' is HTML and cannot open a section")
                default:
                    _ = body(scopes + [value])
                }
            case .inverted:
                if !tag.transforms.isEmpty { error("transforms cannot open a section; use {{^\(tag.name)}}"); continue }
                let falsy: Bool = switch value {
                case .bool(let flag): !flag
                case .list(let items): items.isEmpty
                default: false
                }
                if !namesOnly, falsy, let message = add(tag.literalBytes, &state) { error(message); return }
                // An inverted body renders in the same scopes, so its names can be checked even when it does not render.
                walk(tag.body, scopes: scopes, chain: chain, depth: depth + 1, namesOnly: namesOnly || !falsy, state: &state)
            case .partial:
                break
            }
        }
    }

    /// The error once the page has more tags to fill than its data can need, or nil while it has not.
    private func overWork(_ state: inout State) -> String? {
        if state.workBudget == nil {
            state.workBudget = limits.baseWork + limits.workPerValue * state.data.size.values
        }
        guard let budget = state.workBudget, state.visits > budget else { return nil }
        let values = (budget - limits.baseWork) / limits.workPerValue
        return "this page has too much to fill: more than \(NumberStyle.digits(budget)) tags for \(NumberStyle.digits(values)) values of data"
            + Self.cause(state.lists)
    }

    /// Counts `bytes` more of the page; the error once the page would be larger than its data can need.
    private func add(_ bytes: Int, _ state: inout State) -> String? {
        state.bytes += bytes
        guard state.bytes > limits.baseBytes else { return nil }
        if state.byteBudget == nil {
            state.byteBudget = limits.baseBytes + limits.bytesPerDataByte * state.data.size.bytes
        }
        guard let budget = state.byteBudget, state.bytes > budget else { return nil }
        state.stopped = true
        let dataBytes = (budget - limits.baseBytes) / limits.bytesPerDataByte
        return "this page would be larger than \(NumberStyle.digits(budget / 1_000_000)) MB, from \(NumberStyle.digits(dataBytes)) bytes of data"
            + Self.cause(state.lists)
    }

    /// Names the sections over lists that multiply, outermost first.
    private static func cause(_ lists: [(tag: TemplateTag, count: Int)]) -> String {
        guard !lists.isEmpty else { return "" }
        func name(_ list: (tag: TemplateTag, count: Int)) -> String {
            let file = list.tag.location.path.split(separator: "/").last.map(String.init) ?? list.tag.location.path
            return "{{#\(list.tag.name)}} (\(NumberStyle.digits(list.count)) items, \(file):\(list.tag.location.line):\(list.tag.location.column))"
        }
        if lists.count == 1 { return "; what is inside \(name(lists[0])) repeats for every item" }
        let innermost = Array(lists.reversed())
        let shown = innermost.count > 4 ? innermost.prefix(3).map(name) + ["\(innermost.count - 3) more such sections"] : innermost.map(name)
        return "; sections over lists are nested inside one another, so their items multiply: " + shown.joined(separator: " inside ")
    }

    /// Roughly what printing a value adds to the Markdown (a figure becomes a link to its entry).
    private static func printedBytes(_ value: TemplateValue) -> Int {
        switch value {
        case .text(let text), .html(let text): text.utf8.count
        case .figure(let figure): 32 + figure.id.utf8.count
        case .chart(let chart): ChartMarkup.reference(to: chart).utf8.count
        default: 0
        }
    }

    /// Why a value cannot be printed by this tag, or nil when it can.
    private func checkPrint(_ tag: TemplateTag, _ value: TemplateValue) -> String? {
        switch value {
        case .html:
            if tag.kind != .raw { return "'\(tag.name)' is HTML; insert it with three braces: {{{\(tag.name)}}}" }
            if !tag.transforms.isEmpty { return "transforms cannot be applied to HTML" }
            return nil
        case .chart:
            return ChartMarkup.printProblem(tag.name, raw: tag.kind == .raw, transforms: tag.transforms, inTableRow: tag.inTableRow, html: mode == .html)
        case _ where tag.kind == .raw:
            return "'\(tag.name)' must be inserted with two braces ({{\(tag.name)}}) so that it is escaped; three braces are only for HTML the pipeline makes"
        case .bool, .list, .object:
            return "'\(tag.name)' is \(value.kindName) and cannot be printed; use it as a section: {{#\(tag.name)}}…{{/\(tag.name)}}"
        case .text:
            if let transform = tag.transforms.first(where: { $0 != FigureWording.textTransform }) ?? (tag.transforms.count > 1 ? tag.transforms.first : nil) {
                return "'\(transform)' can only be applied to a figure, but '\(tag.name)' is text; text takes only capital(\(tag.name))"
            }
            return nil
        case .figure(let figure):
            // A suppressed count may stand in a table cell as [c], never in running text.
            if figure.value.marker == .suppressed, !tag.inTableRow {
                return "figure '\(figure.id)' is suppressed ([c]) to protect identities and cannot be printed in a sentence; show it only in a table row, or test {{#\(tag.name).provided}} first"
            }
            for transform in tag.transforms.reversed() {
                guard FigureWording.isKnown(transform) else {
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
