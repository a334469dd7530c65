/// Text for XML 1.0 documents (the feed and the sitemap): `&`, `<`, `>`, `"` and `'` as entities.
///
/// Hand-written: Foundation's XML writer (FoundationXML) would bring libxml2 in at run time for five
/// replacements, and it does not promise the byte-for-byte output a reproducible build needs.
enum XMLEscaper {
    /// The text, safe as element content and inside a double- or single-quoted attribute. Characters
    /// XML 1.0 cannot carry at all (C0 controls but tab and line ends, U+FFFE, U+FFFF) become U+FFFD:
    /// `Data/` refuses them already, so this only keeps a document well formed whatever it is given.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let allowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
