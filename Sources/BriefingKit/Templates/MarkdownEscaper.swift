/// Escapes text so that Markdown shows it as written.
///
/// ASCII punctuation with a meaning in Markdown gets a backslash. `& < > " '` are left to the
/// template engine's HTML escaping, whose entities cmark-gfm decodes back to the characters:
/// so `&copy;` in data shows as `&copy;`, never ©, and `<script>` shows as text.
/// Line breaks become spaces, so a value cannot start a heading, list or table row.
public enum MarkdownEscaper {
    static let escaped: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!",
                                          "|", "~", "^", "$", ":", "@", "=", "%"]

    public static func escape(_ text: String) -> String {
        bytes.escape(text) ?? escapeCharacters(text)
    }

    /// The same replacements, byte by byte: "\r\n" is one line break, so one space.
    static let bytes = CharacterEscaper(
        Dictionary(uniqueKeysWithValues: escaped.map { ($0.asciiValue!, "\\" + String($0)) })
            .merging([10: " ", 13: " ", 9: " "]) { _, space in space },
        crlf: " ", separators: " ")

    /// Character by character, for text where an escaped character stands beside a non-ASCII one.
    static func escapeCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count + 8)
        for character in text {
            switch character {
            case "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}":
                result.append(" ")
            case _ where escaped.contains(character):
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }
}
