import Mustache

/// The HTML escaping of `{{name}}`, as swift-mustache's own (`String.htmlEscape`: `< > & " '`, one
/// `Character` at a time, a dictionary lookup each), but byte by byte: that was 6% of a large build.
///
/// swift-mustache has no way to set a template's content type but its `CONTENT_TYPE` pragma, so the
/// library registers this one under `name` and puts `pragma`, a line of its own (which the engine
/// leaves out of the output), before the text of every template it parses; a parse error's line is
/// then one more than in the file.
struct TemplateHTMLEscaping: MustacheContentType {
    static let name = "BRIEFING_HTML"
    /// The first line of every template as swift-mustache parses it.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache, once per process (before any template is parsed).
    static let registered: Bool = {
        MustacheContentTypes.register(TemplateHTMLEscaping(), named: name)
        return true
    }()

    static let replacements: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
    static let bytes = CharacterEscaper(Dictionary(uniqueKeysWithValues: replacements.map { ($0.key.asciiValue!, $0.value) }))

    func escapeText(_ text: String) -> String {
        Self.bytes.escape(text) ?? Self.escapeCharacters(text)
    }

    /// Character by character, as swift-mustache does, for text where one of them stands beside a non-ASCII character.
    static func escapeCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
