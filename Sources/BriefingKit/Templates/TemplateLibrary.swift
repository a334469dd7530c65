import Foundation
import Mustache

/// The templates in `Templates/`, parsed once: Markdown pages and partials (`*.md`), the HTML
/// layout (`layout.html`) and the stylesheet (`style.css`).
public struct TemplateLibrary: Sendable {
    public let directory: String
    let sources: [String: SourceText]
    let tags: [String: [TemplateTag]]
    let mustache: MustacheLibrary
    /// The stylesheet, copied to `assets/` as it is.
    public let stylesheet: String

    public var names: [String] { sources.keys.sorted() }

    /// Loads and parses every template; syntax errors in any of them throw together.
    public static func load(from directory: String, fileSystem: FileSystem) throws -> TemplateLibrary {
        var log = DiagnosticLog()
        var sources: [String: SourceText] = [:], tags: [String: [TemplateTag]] = [:]
        var mustache = MustacheLibrary()
        var stylesheet = ""
        let entries = try fileSystem.entries(of: directory)
        if entries.isEmpty {
            throw BriefingError(step: "load templates", .error("no templates found in \(directory)", at: nil))
        }
        for entry in entries {
            let path = directory + "/" + entry
            guard let data = try fileSystem.contents(of: path) else { continue }
            do {
                let source = try SourceText(path: path, data: data)
                // Templates are scanned like data: an invisible character is as hard to see in review there.
                log.merge(source.unsafeCharacters)
                if entry == "style.css" { stylesheet = source.text; continue }
                guard entry.hasSuffix(".md") || entry == "layout.html" else { continue }
                let name = String(entry[..<(entry.lastIndex(of: ".") ?? entry.endIndex)])
                sources[name] = source
                tags[name] = try TemplateScanner(source: source).scan()
                do {
                    mustache.register(try MustacheTemplate(string: source.text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    log.append(source.error("template syntax error: \(describe(error.error))",
                                            line: error.context.lineNumber, column: error.context.columnNumber))
                }
            } catch let error as BriefingError {
                log.merge(error.diagnostics)
            }
        }
        for required in ["layout"] where sources[required] == nil {
            log.error("missing template \(required).html in \(directory)", at: nil)
        }
        try log.throwIfErrors(step: "load templates")
        return TemplateLibrary(directory: directory, sources: sources, tags: tags, mustache: mustache, stylesheet: stylesheet)
    }

    /// Renders a template after checking every tag against the data; any unresolved tag is an error.
    func render(_ name: String, with data: TemplateValue, mode: TemplateNode.Mode) throws -> (text: String, figures: [String: Figure]) {
        let problems = TemplateChecker(library: self, mode: mode).check(name, with: data)
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
        return (text, audit.figures)
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
