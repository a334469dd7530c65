import Foundation
import Testing
@testable import BriefingKit

/// The templates' tags, the plain text and the YAML's fields are trimmed without Foundation, by
/// the same sets as Foundation's, so that no diagnostic, page or text changes with the speed-up.
@Suite struct StringTrimmingTests {
    /// Every code point, in Foundation's two sets exactly when in ours.
    @Test func theSetsAreFoundations() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(StringTrimming.isHorizontalSpace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(StringTrimming.isSpaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        ("  name  ", "name", "name"),
        ("\t name\u{3000}", "name", "name"),
        ("\u{200B}a b\u{A0}", "a b", "a b"),
        ("\n name \r\n", "\n name \r\n", "name"),
        ("\u{2028}x\u{85}", "\u{2028}x\u{85}", "x"),
        // A space before a combining mark is trimmed, leaving the mark: whole scalars, as Foundation trims.
        (" \u{301}a ", "\u{301}a", "\u{301}a"),
        ("   ", "", ""),
        ("", "", ""),
        ("é", "é", "é"),
    ])
    func textIsTrimmedAsFoundationTrimsIt(_ text: String, _ spaces: String, _ spacesAndNewlines: String) {
        #expect(text.trimmingHorizontalSpace() == spaces)
        #expect(text.trimmingSpaceAndNewlines() == spacesAndNewlines)
        #expect(text.trimmingHorizontalSpace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingHorizontalSpace() == spaces)
    }
}
