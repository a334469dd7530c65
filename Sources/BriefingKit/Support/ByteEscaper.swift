/// Replaces ASCII characters in text in one pass over its UTF-8 bytes: the text itself when none occurs.
///
/// Four `replacingOccurrences` calls (Foundation, Unicode-aware, a new string each) were 8% of a large
/// build's time in figure markup alone; the characters replaced here are all ASCII, so bytes suffice.
enum ByteEscaper {
    static func escape(_ text: String, _ replacement: (UInt8) -> String?) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { replacement($0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        bytes.append(contentsOf: utf8[..<first])
        for byte in utf8[first...] {
            if let replaced = replacement(byte) { bytes.append(contentsOf: replaced.utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A double-quoted HTML attribute's value.
    static func attribute(_ text: String) -> String {
        escape(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }
}
