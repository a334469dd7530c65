import Mustache
import Testing
@testable import BriefingKit

/// The byte-by-byte escapers give what the Character loops they replace give, for every string of
/// up to three pieces from an alphabet of the hard cases: the characters escaped, CR and LF (one
/// Character together), combining marks after them, a prepended mark before them, line separators,
/// precomposed and emoji letters.
@Suite struct ByteEscapingTests {
    static let pieces = ["a", "<", ">", "&", "\"", "'", "*", "_", "\\", ".", "|", "#", " ", "\r", "\n", "\t",
                         "\u{301}", "\u{600}", "\u{2028}", "\u{2029}", "é", "e\u{301}", "👍", "\u{200D}", "’"]

    static var strings: [String] {
        var all = pieces
        for a in pieces { for b in pieces { all.append(a + b) } }
        for a in pieces { for b in pieces { for c in ["<", "*", "\r", "\u{301}", "x"] { all.append(a + b + c) } } }
        return all
    }

    @Test func markdownEscapingIsTheCharacterLoops() {
        for text in Self.strings {
            #expect(MarkdownEscaper.escape(text) == MarkdownEscaper.escapeCharacters(text), "\(Array(text.unicodeScalars))")
        }
        // A case of each kind, by hand: CR LF is one space, a combining mark keeps its star unescaped.
        #expect(MarkdownEscaper.escape("a*b\r\nc") == "a\\*b c")
        #expect(MarkdownEscaper.escape("*\u{301}") == "*\u{301}")
        #expect(MarkdownEscaper.escape("a\u{2028}b.") == "a b\\.")
    }

    /// The pragma'd content type renders every string as swift-mustache's own HTML escaping does.
    @Test func htmlEscapingIsSwiftMustaches() throws {
        _ = TemplateHTMLEscaping.registered
        let plain = try MustacheTemplate(string: "[{{x}}]")
        let pragma = try MustacheTemplate(string: TemplateHTMLEscaping.pragma + "[{{x}}]")
        for text in Self.strings {
            #expect(pragma.render(["x": text]) == plain.render(["x": text]), "\(Array(text.unicodeScalars))")
        }
        #expect(pragma.render(["x": "<a href=\"x\">Tom's & Jerry's</a>"]) == "[&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;]")
    }

    /// The pragma's line is left out of the output, and a parse error's line is one more than in the file.
    @Test func pragmaAddsNothingButALine() throws {
        _ = TemplateHTMLEscaping.registered
        let text = "{{#a}}\nline\n{{/a}}\n  {{x}}\n"
        #expect(try MustacheTemplate(string: TemplateHTMLEscaping.pragma + text).render(["a": true, "x": "<"])
            == MustacheTemplate(string: text).render(["a": true, "x": "<"]))
        func errorLine(_ text: String) -> Int? {
            do { _ = try MustacheTemplate(string: text); return nil } catch let error as MustacheTemplate.ParserError { return error.context.lineNumber } catch { return nil }
        }
        let broken = "one\ntwo {{#a}}\n{{/b}}\n"
        #expect(errorLine(broken) != nil)
        #expect(errorLine(TemplateHTMLEscaping.pragma + broken) == errorLine(broken).map { $0 + 1 })
    }
}
