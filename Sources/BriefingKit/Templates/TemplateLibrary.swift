import Foundation
import Mustache

/// The templates in `Templates/`, parsed once: Markdown pages and partials (`*.md`), the HTML
/// layout (`layout.html`) and the stylesheet (`style.css`).
public struct TemplateLibrary: Sendable {
    public let directory: String
    let sources: [String: SourceText]
    let tags: [String: [TemplateTag]]
    /// Bytes of plain text outside any section, by template: what including it adds to a page.
    let literalBytes: [String: Int]
    let mustache: MustacheLibrary
    /// The stylesheet, copied to `assets/` as it is.
    public let stylesheet: String
    /// Each template's schema walk, once per model type (the templates do not change once loaded).
    let schemaChecks = SchemaChecks()

    public var names: [String] { sources.keys.sorted() }

    /// Loads and parses every template; syntax errors in any of them throw together.
    public static func load(from directory: String, fileSystem: FileSystem) throws -> TemplateLibrary {
        var log = DiagnosticLog()
        var sources: [String: SourceText] = [:], tags: [String: [TemplateTag]] = [:], literalBytes: [String: Int] = [:]
        var mustache = MustacheLibrary()
        var stylesheet = ""
        let entries = try fileSystem.entries(of: directory)
        if entries.isEmpty {
            throw BriefingError(step: "load templates", .error("no templates found in \(directory)", at: nil))
        }
        let folder = InputFolder(path: directory, fileSystem: fileSystem)
        // Only the files a template set uses are opened; anything else in the folder is left alone.
        for entry in entries where entry.hasSuffix(".md") || layouts.contains(entry) || entry == "style.css" {
            let path = directory + "/" + entry
            do {
                guard let data = try folder.contents(of: entry) else { continue }
                let original = try SourceText(path: path, data: data)
                // Templates are scanned like data: an invisible character is as hard to see in review there.
                log.merge(original.unsafeCharacters)
                // Line endings become LF before anything reads the text: swift-mustache only knows LF,
                // and a template saved on Windows (CRLF) or old Mac OS (CR) must give the same pages.
                let source = SourceText(path: path, text: Self.unixLineEndings(original.text))
                if entry == "style.css" { stylesheet = source.text; continue }
                let name = String(entry[..<(entry.lastIndex(of: ".") ?? entry.endIndex)])
                sources[name] = source
                let tree = try TemplateScanner(source: source).scanTree()
                if layouts.contains(entry), let problem = layoutProblem(source, tree, file: entry) {
                    log.append(problem)
                    continue
                }
                tags[name] = tree.body
                literalBytes[name] = tree.literalBytes
                do {
                    // The engine's HTML escaping, byte by byte (see TemplateHTMLEscaping), set by a first line of its own.
                    _ = TemplateHTMLEscaping.registered
                    mustache.register(try MustacheTemplate(string: TemplateHTMLEscaping.pragma + source.text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    log.append(source.error("template syntax error: \(describe(error.error))",
                                            line: error.context.lineNumber - 1, column: error.context.columnNumber))
                }
            } catch let error as BriefingError {
                log.merge(error.diagnostics)
            }
        }
        for required in ["layout"] where sources[required] == nil && !log.diagnostics.contains(where: { $0.location?.path == directory + "/layout.html" }) {
            log.error("missing template \(required).html in \(directory)", at: nil)
        }
        try log.throwIfErrors(step: "load templates")
        return TemplateLibrary(directory: directory, sources: sources, tags: tags, literalBytes: literalBytes,
                               mustache: mustache, stylesheet: stylesheet)
    }

    /// The HTML layouts: `layout.html` around every page, and the optional `embed.html` around every embed.
    static let layouts: Set<String> = ["layout.html", "embed.html"]

    /// Why a layout cannot frame a page: it is empty, or never inserts the page's content.
    private static func layoutProblem(_ source: SourceText, _ tree: TemplateTag, file: String) -> Diagnostic? {
        if source.text.allSatisfy(\.isWhitespace) {
            return source.error("\(file) is empty; it is the HTML around every page and must insert the page with {{{content}}}", line: 1, column: 1)
        }
        // The page goes in exactly once, outside every section: inside one it could be left out or repeated.
        func insertions(_ tags: [TemplateTag], nested: Bool) -> [(tag: TemplateTag, nested: Bool)] {
            tags.flatMap { tag in
                (tag.kind == .raw || tag.kind == .variable) && tag.name == "content" ? [(tag, nested)]
                    : insertions(tag.body, nested: nested || tag.kind == .section || tag.kind == .inverted)
            }
        }
        let found = insertions(tree.body, nested: false)
        guard let first = found.first else {
            return source.error("\(file) never inserts the page; add {{{content}}} where the briefing goes (inside <main>)", line: 1, column: 1)
        }
        if let nested = found.first(where: \.nested) {
            return .error("{{{content}}} is inside a section here, so some pages would leave it out or repeat it; put it outside every {{#…}} and {{^…}}",
                          at: nested.tag.location, lineText: nested.tag.lineText)
        }
        if found.count > 1 {
            return .error("the page is inserted a second time here (first on line \(first.tag.location.line)); insert {{{content}}} once",
                          at: found[1].tag.location, lineText: found[1].tag.lineText)
        }
        return nil
    }

    /// The text with CRLF and lone CR line endings turned into LF.
    static func unixLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 10, afterCR { afterCR = false; continue }
            afterCR = byte == 13
            bytes.append(byte == 13 ? 10 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renders a template from a page model: every tag is checked against the model's schema as well as its value.
    func render(_ name: String, with model: any TemplateModel, mode: TemplateNode.Mode) throws -> (text: String, figures: [String: Figure]) {
        let page = try renderPage(name, with: model.templateValue, schema: model.schema, mode: mode)
        return (page.text, page.figures)
    }

    /// Renders a page's template, with the figures and charts it showed.
    func renderPage(_ name: String, with model: any TemplateModel, mode: TemplateNode.Mode) throws
        -> (text: String, figures: [String: Figure], charts: [String: Chart]) {
        try renderPage(name, with: model.templateValue, schema: model.schema, mode: mode)
    }

    /// Renders a template after checking every tag against the data (and the schema, when given); any unresolved tag is an error.
    func render(_ name: String, with data: TemplateValue, schema: TemplateSchema? = nil, mode: TemplateNode.Mode) throws -> (text: String, figures: [String: Figure]) {
        let page = try renderPage(name, with: data, schema: schema, mode: mode)
        return (page.text, page.figures)
    }

    func renderPage(_ name: String, with data: TemplateValue, schema: TemplateSchema?, mode: TemplateNode.Mode) throws
        -> (text: String, figures: [String: Figure], charts: [String: Chart]) {
        let problems = TemplateChecker(library: self, mode: mode).check(name, with: data, schema: schema)
        if !problems.isEmpty { throw BriefingError(step: "fill templates", diagnostics: problems) }
        let audit = RenderAudit()
        let root = TemplateNode(data, mode: mode, audit: audit, isRoot: true)
        guard let text = mustache.render(root, withTemplate: name) else {
            throw BriefingError(step: "fill templates", .error("no template '\(name)' in \(directory)", at: nil))
        }
        if !audit.problems.isEmpty {
            let path = sources[name]?.path ?? name
            throw BriefingError(step: "fill templates", diagnostics: audit.problems.map {
                .error($0, at: SourceLocation(path: path, line: 1, column: 1))
            })
        }
        return (text, audit.figures, audit.charts)
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with the wrong name"
        case .unfinishedName: "a tag is not finished; check its braces"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}
