import Foundation
import Testing
import Yams
@testable import BriefingKit

/// Text is text: invisible control and bidi characters are located errors, and no diagnostic
/// prints one raw to a terminal.
struct UnsafeCharacterTests {
    static let refused: [Unicode.Scalar] = (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) }.compactMap(Unicode.Scalar.init)
        + (0x7F...0x9F).compactMap(Unicode.Scalar.init)
        + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].compactMap(Unicode.Scalar.init)

    @Test func refusesControlsDELC1AndBidiControlsButNotTabsOrLineEnds() {
        for scalar in Self.refused { #expect(UnsafeCharacter.isRefused(scalar), "\(UnsafeCharacter.name(of: scalar))") }
        for allowed: Unicode.Scalar in ["\t", "\n", "\r", " ", "é", "\u{A0}", "\u{200F}", "\u{2028}", "\u{FFFD}", "ض"] {
            #expect(!UnsafeCharacter.isRefused(allowed))
        }
        #expect(UnsafeCharacter.name(of: "\u{0}") == "U+0000 (NUL)")
        #expect(UnsafeCharacter.name(of: "\u{1B}") == "U+001B (ESC)")
        #expect(UnsafeCharacter.name(of: "\u{7F}") == "U+007F (DEL)")
        #expect(UnsafeCharacter.name(of: "\u{85}") == "U+0085 (C1 control)")
        #expect(UnsafeCharacter.name(of: "\u{202E}") == "U+202E (right-to-left override)")
    }

    /// The arithmetic is the definition: controls but tab and line ends, DEL, C1, the bidi controls and
    /// Unicode's noncharacters, for every code point there is.
    @Test func refusedIsTheDefinitionForEveryCodePoint() {
        let bidi: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        var refused = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                || bidi.contains(value) || scalar.properties.isNoncharacterCodePoint
            if expected { refused += 1 }
            if UnsafeCharacter.isRefused(scalar) != expected { Issue.record("U+\(String(value, radix: 16))") }
        }
        // 29 C0, DEL, 32 C1, 9 bidi controls and the 66 noncharacters.
        #expect(refused == 29 + 1 + 32 + 9 + 66)
    }

    @Test func everyOneIsFoundAtItsLineAndColumn() {
        let source = SourceText(path: "Data/areas.csv", text: "area,type\r\nEss\u{0}ex,fo\u{202E}rce\nNorfolk,force\u{7F}\n")
        #expect(source.unsafeCharacters.map(\.description) == [
            "Data/areas.csv:2:4: error: invisible control character U+0000 (NUL) here; it cannot appear on a page, so delete it (it can come in when text is pasted from another program)",
            "Data/areas.csv:2:10: error: invisible character U+202E (right-to-left override) here; it changes the order in which the text after it is shown, so delete it",
            "Data/areas.csv:3:14: error: invisible control character U+007F (DEL) here; it cannot appear on a page, so delete it (it can come in when text is pasted from another program)",
        ])
        #expect(SourceText(path: "t", text: "tab\tand\r\nline ends\rare fine\n").unsafeCharacters.isEmpty)
    }

    /// The offending line is shown with the character escaped and the caret under it.
    @Test func theLineIsShownEscapedWithTheCaretUnderTheCharacter() {
        let diagnostic = SourceText(path: "Data/areas.csv", text: "area\nEss\u{0}ex,force,East\n").unsafeCharacters[0]
        #expect(diagnostic.rendered == """
            Data/areas.csv:2:4: error: invisible control character U+0000 (NUL) here; it cannot appear on a page, so delete it (it can come in when text is pasted from another program)
                Ess<U+0000>ex,force,East
                   ^
            """)
        // After a tab (kept, so the terminal expands it alike), an escape and a combining accent.
        let later = Diagnostic.error("bad", at: SourceLocation(path: "t", line: 1, column: 7), lineText: "a\tb\u{1B}c\u{301}d")
        #expect(later.rendered == "t:1:7: error: bad\n    a\tb<U+001B>c\u{301}d\n     \t          ^")
    }

    /// Whatever a message, path or line holds, what a diagnostic prints has no control or bidi
    /// character but the line breaks (and tabs, in the shown line) it puts there itself.
    @Test func diagnosticsNeverPrintARawControlCharacter() {
        let hostile = String(String.UnicodeScalarView(Self.refused)) + "\t\r\n\u{2028}"
        let diagnostic = Diagnostic.error("'\(hostile)' is not an area", at: SourceLocation(path: "Data/a\u{1B}.csv", line: 1, column: 2), lineText: hostile)
        #expect(diagnostic.description == "Data/a<U+001B>.csv:1:2: error: '" + Self.refused.map { "<\(UnsafeCharacter.name(of: $0).prefix(6))>" }.joined()
            + "<U+0009><U+000D><U+000A><U+2028>' is not an area")
        for scalar in diagnostic.rendered.unicodeScalars where scalar != "\n" && scalar != "\t" {
            #expect(!UnsafeCharacter.isRefused(scalar) && scalar != "\r" && scalar != "\u{2028}", "printed \(UnsafeCharacter.name(of: scalar))")
        }
    }

    /// An escape in double-quoted YAML is found at its backslash; an escaped backslash is not one.
    @Test func yamlEscapesAreFoundAtTheirBackslash() throws {
        let text = "a: \"x\\0y \\\\0 \\u202e \\t \\\" \\x07\"\nb: '\\0'\nc: \"two\n  lines \\e\"\n\"k\\U0000202D\": 1\n"
        let source = SourceText(path: "Data/release.yaml", text: text)
        let root = try #require(try Yams.compose(yaml: text))
        #expect(YAMLEscapeScanner(source: source).diagnostics(in: root).map { "\($0.location!.line):\($0.location!.column) \($0.message.prefix(14))" } == [
            "1:6 '\\0' writes th", "1:14 '\\u202e' write", "1:27 '\\x07' writes ", "4:9 '\\e' writes th", "5:3 '\\U0000202D' w",
        ])
    }
}
