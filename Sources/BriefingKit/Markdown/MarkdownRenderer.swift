import CCmarkGFM
import Foundation

/// Turns Markdown into an HTML fragment with Debian's cmark-gfm. The only file that calls C.
///
/// GFM's table, strikethrough and tagfilter extensions are attached. Rendering is safe: raw HTML
/// becomes a comment and `javascript:`, `vbscript:`, `file:` and `data:` links are emptied
/// (cmark-gfm's default without `CMARK_OPT_UNSAFE`).
///
/// The autolink extension is not attached: it made links of any `www.`, `https://` or e-mail
/// address in data text (a quote, a note), which escaping cannot prevent. Templates write every
/// link they mean as `[text](url)`.
public struct MarkdownRenderer: Sendable {
    public static let extensionNames = ["table", "strikethrough", "tagfilter"]

    /// Registration of the core extensions is global in cmark-gfm; Swift runs this initialiser once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public init() {
        _ = Self.registered
    }

    public func html(from markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // The real byte count, not strlen: a NUL must not end the page there (cmark-gfm shows it as U+FFFD).
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
