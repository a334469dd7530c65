import Foundation

/// Reads the tags of a Mustache template into a tree, with the line and column of each.
///
/// swift-mustache's parser does not expose its tokens; this scanner gives the strict checker
/// something to walk, and clearer messages than the parser's for common mistakes.
struct TemplateScanner {
    let source: SourceText
    /// Sections nested deeper than this are refused before swift-mustache parses the template:
    /// its parser recurses once per level, and 3,000 levels overflow the stack. The templates
    /// here nest at most 4 deep.
    static let maxDepth = 100

    /// The tags of the template, outermost first.
    func scan() throws -> [TemplateTag] { try scanTree().body }

    /// The whole template as one root section, whose `literalBytes` is its text outside any section.
    func scanTree() throws -> TemplateTag {
        var stack: [TemplateTag] = [TemplateTag(kind: .section, name: "", transforms: [], location: source.location(line: 1, column: 1))]
        var problems: [Diagnostic] = []
        let text = source.text
        var index = text.startIndex
        var line = 1, column = 1

        func advance(to end: String.Index) {
            while index < end {
                if text[index] == "\n" || text[index] == "\r\n" || text[index] == "\r" { line += 1; column = 1 } else { column += 1 }
                index = text.index(after: index)
            }
        }

        while let open = Self.find("{{", in: text, from: index) {
            stack[stack.count - 1].literalBytes += text.utf8[index..<open.lowerBound].count
            advance(to: open.lowerBound)
            let at = source.location(line: line, column: column)
            let lineText = source.line(line)
            let triple = text[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            let contentStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = Self.find(closer, in: text, from: contentStart),
                  Self.find("{{", in: text, from: contentStart).map({ $0.lowerBound >= close.lowerBound }) ?? true else {
                throw BriefingError(step: "check templates", .error("this tag is never closed; add '\(closer)'", at: at, lineText: lineText))
            }
            let content = text[contentStart..<close.lowerBound].trimmingHorizontalSpace()
            advance(to: close.upperBound)

            let sigil = triple ? "{" : content.first.map(String.init) ?? ""
            let body = triple ? content : String(content.dropFirst()).trimmingHorizontalSpace()
            func error(_ message: String) { problems.append(.error(message, at: at, lineText: lineText)) }
            func tag(_ kind: TemplateTag.Kind, _ expression: String) -> TemplateTag? {
                guard let parts = TemplateTag.split(expression) else {
                    error("'\(expression)' is not a name; names use letters, digits, '_' and '.', and transforms are written like approx(name)")
                    return nil
                }
                return TemplateTag(kind: kind, name: parts.name, transforms: parts.transforms, location: at, lineText: lineText)
            }

            switch sigil {
            case "!":
                continue
            case "{", "&":
                if let tag = tag(.raw, body) { stack[stack.count - 1].body.append(tag) }
            case "#", "^":
                // Stop at the first level too many: one error, not one for each of 3,000 sections.
                if stack.count > Self.maxDepth {
                    throw BriefingError(step: "check templates", diagnostics: problems + [.error(
                        "sections are nested more than \(Self.maxDepth) deep here; close sections with {{/name}} before opening more (a page needs only a few levels)",
                        at: at, lineText: lineText)])
                }
                if let tag = tag(sigil == "#" ? .section : .inverted, body) { stack.append(tag) }
            case "/":
                guard stack.count > 1 else {
                    error("'{{/\(body)}}' closes a section that was never opened")
                    continue
                }
                let open = stack.removeLast()
                if open.name != body, TemplateTag.split(body)?.name != open.name {
                    error("'{{/\(body)}}' closes '\(open.name)', opened at line \(open.location.line); close it with {{/\(open.name)}}")
                }
                stack[stack.count - 1].body.append(open)
            case ">":
                stack[stack.count - 1].body.append(TemplateTag(kind: .partial, name: body, transforms: [], location: at, lineText: lineText))
            case "=":
                error("changing delimiters ({{=…=}}) is not supported")
            case "$", "<":
                error("blocks and parents ({{$…}}, {{<…}}) are not supported; use partials ({{> name}})")
            case "%":
                error("pragmas ({{%…}}) are not supported")
            case "":
                error("an empty tag; put a name between the braces")
            default:
                if let tag = tag(.variable, content) { stack[stack.count - 1].body.append(tag) }
            }
        }
        stack[stack.count - 1].literalBytes += text.utf8[index...].count
        while stack.count > 1 {
            let open = stack.removeLast()
            problems.append(.error("section '\(open.name)' is never closed; add {{/\(open.name)}}", at: open.location,
                                   lineText: source.line(open.location.line)))
            stack[stack.count - 1].body.append(open)
        }
        if !problems.isEmpty { throw BriefingError(step: "check templates", diagnostics: problems) }
        return stack[0]
    }

    /// The first `needle` (ASCII braces) at or after `start`, found in the UTF-8 bytes: Foundation's
    /// `range(of:)` bridged the template to NSString for each tag.
    static func find(_ needle: String, in text: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8, pattern = Array(needle.utf8)
        var index = start
        while index < utf8.endIndex {
            guard let first = utf8[index...].firstIndex(of: pattern[0]) else { return nil }
            var end = first, matched = 0
            while matched < pattern.count, end < utf8.endIndex, utf8[end] == pattern[matched] {
                end = utf8.index(after: end)
                matched += 1
            }
            if matched == pattern.count { return first..<end }
            index = utf8.index(after: first)
        }
        return nil
    }
}
