/// The invisible characters that `Data/` and `Templates/` may not hold, and how diagnostics show them.
///
/// Refused: C0 control characters but tab and line ends (a NUL once cut a page short), DEL, the C1
/// controls U+0080–U+009F, and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which make text display in an order other than the one it is
/// read and published in, and the noncharacters (U+FFFE, U+FFFF …), which HTML forbids. Diagnostics print each of these, and line and paragraph separators, as
/// `<U+0000>`, so that no diagnostic sends a control character to a terminal.
public enum UnsafeCharacter {
    private static let c0Names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
                                  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
    private static let bidiNames: [UInt32: String] = [
        0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding", 0x202C: "pop directional formatting",
        0x202D: "left-to-right override", 0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
        0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
    ]

    /// Whether the character is refused in data and templates.
    /// Decided by arithmetic on the code point (every file's every character is asked, so no table or
    /// Unicode property lookup): the same set as `bidiNames` and `isNoncharacterCodePoint` give.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x20...0x7E, 0xA0...0x2029: false
        case 0x202A...0x202E, 0x2066...0x2069: true
        // Noncharacters (U+FDD0–U+FDEF, and the last two of every plane: U+FFFE, U+FFFF …) are forbidden in HTML.
        case 0xFDD0...0xFDEF: true
        case let value: value & 0xFFFE == 0xFFFE
        }
    }

    /// `U+0000 (NUL)`, `U+202E (right-to-left override)`.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let name: String = switch scalar.value {
        case 0x00...0x1F: c0Names[Int(scalar.value)]
        case 0x7F: "DEL"
        case 0x80...0x9F: "C1 control"
        default: bidiNames[scalar.value] ?? (scalar.properties.isNoncharacterCodePoint ? "noncharacter" : "invisible character")
        }
        return "\(code(of: scalar)) (\(name))"
    }

    /// What a press officer is told when one is found, typed as itself or written as a YAML escape.
    public static func message(for scalar: Unicode.Scalar, writtenAs escape: String? = nil) -> String {
        let control = bidiNames[scalar.value] == nil && !scalar.properties.isNoncharacterCodePoint
        let what = (control ? "invisible control character " : "invisible character ") + name(of: scalar)
        let found = escape.map { "'\(escaped($0))' writes the \(what)" } ?? "\(what) here"
        if bidiNames[scalar.value] != nil {
            return "\(found); it changes the order in which the text after it is shown, so delete it"
        }
        return "\(found); it cannot appear on a page, so delete it" + (escape == nil ? " (it can come in when text is pasted from another program)" : "")
    }

    /// Whether a diagnostic shows the character as `<U+XXXX>` rather than as itself.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> Bool {
        switch scalar.value {
        case 0x09: !keepingTabs
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: true
        // Zero-width and other format characters (U+200B, U+FEFF …) too: two names that differ only by one look the same.
        default: bidiNames[scalar.value] != nil || scalar.properties.generalCategory == .format || scalar.properties.isNoncharacterCodePoint
        }
    }

    /// The character as a diagnostic prints it.
    static func shown(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> String {
        needsEscape(scalar, keepingTabs: keepingTabs) ? "<\(code(of: scalar))>" : String(scalar)
    }

    /// Text safe to print to a terminal: every control, bidi control and line separator as `<U+XXXX>`.
    public static func escaped(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingTabs: keepingTabs) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += shown(scalar, keepingTabs: keepingTabs) }
        return result
    }

    private static func code(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
