extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, no-break spaces).
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString and was the slowest
    /// step of loading a large figures.csv; a cell is trimmed on every lookup.
    var trimmedSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// The text without its leading and trailing tabs and space separators: the same as
    /// Foundation's `trimmingCharacters(in: .whitespaces)`, without the bridge to NSString that took
    /// a fifth of the template check and much of the plain-text rendering.
    func trimmingHorizontalSpace() -> String { trimmingScalars(where: StringTrimming.isHorizontalSpace) }

    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingSpaceAndNewlines() -> String { trimmingScalars(where: StringTrimming.isSpaceOrNewline) }

    /// Trims whole Unicode scalars, as Foundation does: a space before a combining mark goes.
    private func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }
}

/// The sets Foundation trims by, decided by the code point (a test compares every code point's
/// membership with Foundation's sets).
enum StringTrimming {
    /// `CharacterSet.whitespaces`: tab and the space separators, with U+200B (zero width space).
    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: those, and LF, VT, FF, CR, NEL and the line and paragraph separators.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isHorizontalSpace(scalar)
        }
    }
}
