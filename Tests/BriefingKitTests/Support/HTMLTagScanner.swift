/// Reads the start tags of a generated page, with their attributes decoded, in document order.
///
/// Hand-written for the tests: Foundation's XMLDocument is not reliable on Linux, and the pages
/// are HTML, not XML. It understands what cmark-gfm and the layout write: comments, a doctype,
/// end tags, and start tags whose attribute values are double-quoted, single-quoted or bare, with
/// character references in them. Text between tags is skipped.
struct HTMLTagScanner {
    struct Tag: Equatable {
        let name: String
        let attributes: [String: String]
        /// The tag's offset in the page, in Unicode scalars, for messages.
        let offset: Int

        /// Whether the `class` attribute lists `name`.
        func hasClass(_ name: String) -> Bool {
            (attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).contains { $0 == name }
        }
    }

    /// Every start tag of `html`.
    static func startTags(in html: String) -> [Tag] {
        let text = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        func skip(past terminator: String) {
            let end = Array(terminator.unicodeScalars)
            while index < text.count, !text[index...].starts(with: end) { index += 1 }
            index = min(text.count, index + end.count)
        }
        while index < text.count {
            guard text[index] == "<" else { index += 1; continue }
            let start = index
            if text[index...].starts(with: Array("<!--".unicodeScalars)) { skip(past: "-->"); continue }
            if index + 1 < text.count, text[index + 1] == "!" || text[index + 1] == "/" || text[index + 1] == "?" { skip(past: ">"); continue }
            index += 1
            var name = ""
            while index < text.count, isNameCharacter(text[index]) { name.unicodeScalars.append(text[index]); index += 1 }
            if name.isEmpty { continue }  // a "<" in text, which cmark-gfm would have escaped anyway
            var attributes: [String: String] = [:]
            while index < text.count, text[index] != ">" {
                if text[index].properties.isWhitespace || text[index] == "/" { index += 1; continue }
                var key = ""
                while index < text.count, !text[index].properties.isWhitespace, !"=>/".unicodeScalars.contains(text[index]) {
                    key.unicodeScalars.append(text[index]); index += 1
                }
                var value = ""
                if index < text.count, text[index] == "=" {
                    index += 1
                    if index < text.count, text[index] == "\"" || text[index] == "'" {
                        let quote = text[index]
                        index += 1
                        while index < text.count, text[index] != quote { value.unicodeScalars.append(text[index]); index += 1 }
                        index += 1
                    } else {
                        while index < text.count, !text[index].properties.isWhitespace, text[index] != ">" {
                            value.unicodeScalars.append(text[index]); index += 1
                        }
                    }
                }
                if !key.isEmpty { attributes[key.lowercased()] = decodeReferences(value) }
            }
            index += 1
            tags.append(Tag(name: name.lowercased(), attributes: attributes, offset: start))
            // Raw-text elements: their content is not markup.
            if name.lowercased() == "style" || name.lowercased() == "script" { skip(past: "</\(name)") }
        }
        return tags
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
    }

    /// Character references as the pages use them: the five named ones and numeric ones.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                result += "&"; rest = rest.dropFirst(); continue
            }
            let body = rest[rest.index(after: rest.startIndex)..<semicolon]
            var decoded: String?
            if let value = named[String(body)] {
                decoded = value
            } else if body.hasPrefix("#x") || body.hasPrefix("#X"), let code = UInt32(body.dropFirst(2), radix: 16) {
                decoded = Unicode.Scalar(code).map { String($0) }
            } else if body.hasPrefix("#"), let code = UInt32(body.dropFirst()) {
                decoded = Unicode.Scalar(code).map { String($0) }
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"; rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
