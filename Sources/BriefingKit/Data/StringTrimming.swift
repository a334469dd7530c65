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
}
