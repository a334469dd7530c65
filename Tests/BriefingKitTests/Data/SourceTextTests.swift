import Foundation
import Testing
@testable import BriefingKit

/// Decoding a file: UTF-8 only, a byte-order mark dropped, every line ending accepted.
struct SourceTextTests {
    @Test func byteOrderMarkIsDropped() throws {
        let source = try SourceText(path: "t.csv", data: Data([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)))
        #expect(source.text == "a,b\n")
        #expect(source.line(1) == "a,b")
    }

    @Test func linesSplitOnLFCRLFAndCR() {
        let source = SourceText(path: "t", text: "one\r\ntwo\nthree\rfour")
        #expect(source.lines == ["one", "two", "three", "four"])
        #expect(source.line(0) == nil)
        #expect(source.line(5) == nil)
    }

    /// Splitting on bytes gives the lines splitting on Characters gives, for every text of up to
    /// four pieces of line ends, combining marks, emoji and letters.
    @Test func byteLinesAreCharacterLines() {
        let pieces = ["a", "\r", "\n", "\r\n", "\u{301}", "é", "👍", "\u{2028}", ""]
        var texts: [String] = []
        for a in pieces { for b in pieces { for c in pieces { for d in pieces { texts.append(a + b + c + d) } } } }
        for text in texts {
            let characters = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
            #expect(SourceText.lines(of: text) == characters, "\(Array(text.unicodeScalars))")
        }
        #expect(SourceText.lines(of: "x\r\r\ny\n") == ["x", "", "y", ""])
    }

    @Test func errorCarriesItsLine() {
        let diagnostic = SourceText(path: "t", text: "one\ntwo").error("bad", line: 2, column: 3)
        #expect(diagnostic.description == "t:2:3: error: bad")
        #expect(diagnostic.lineText == "two")
    }

    /// Invalid UTF-8 is reported at the byte's line and column, whatever the line endings.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func invalidByteIsLocated(_ ending: String) {
        let bytes = Array("a,b\(ending)Caf".utf8) + [0xE9] + Array(",x\(ending)".utf8)
        do {
            _ = try SourceText(path: "t.csv", data: Data(bytes))
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as BriefingError {
            #expect(error.diagnostics.map(\.description)
                == ["t.csv:2:4: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 (in Excel: 'CSV UTF-8')"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func truncatedSequenceAtTheEndIsLocated() {
        let error = #expect(throws: BriefingError.self) { try SourceText(path: "t", data: Data(Array("ab".utf8) + [0xE2, 0x80])) }
        #expect(error?.diagnostics.first?.location == BriefingKit.SourceLocation(path: "t", line: 1, column: 3))
    }
}
