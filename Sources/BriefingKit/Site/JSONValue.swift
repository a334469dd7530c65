/// A value in `figures.json`, typed as the figure is: numbers as numbers, text as text, none as null.
enum JSONValue: Encodable, Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case null

    /// A figure's value: a count as an integer, a percentage or change as a number, a marker as null
    /// (the marker itself goes in its own field, so it is never read as a number).
    init(_ value: FigureValue) {
        switch value {
        case .count(let n): self = .integer(n)
        case .percent, .points, .change: self = Double(value.machineValue).map(JSONValue.number) ?? .null
        case .marker: self = .null
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let n): try container.encode(n)
        case .number(let x): try container.encode(x)
        case .null: try container.encodeNil()
        }
    }

    /// The value as `JSONEncoder` writes it (sorted keys, pretty-printed, slashes unescaped), appended
    /// to `bytes`: a figure's object is written by hand, the encoder's generic machinery having been
    /// 7% of a large build. `DownloadTests` checks the two byte for byte.
    func write(to bytes: inout [UInt8]) throws {
        switch self {
        case .text(let text): Self.write(string: text, to: &bytes)
        case .integer(let n): bytes.append(contentsOf: String(n).utf8)
        case .number(let x):
            guard x.isFinite else { throw EncodingError.invalidValue(x, .init(codingPath: [], debugDescription: "not a finite number")) }
            // The encoder writes a whole number without its ".0".
            let text = x.description
            bytes.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : text[...]).utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    /// A string as the encoder quotes it: `"` and `\` escaped, control characters as `\n`-style
    /// escapes or `\u00XX`, everything else (slashes and non-ASCII too) as it is.
    static func write(string: String, to bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\"), hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), backslash: bytes.append(contentsOf: [backslash, byte])
            case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case ..<0x20: bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An object of these fields as the encoder writes it pretty-printed with sorted keys, each line
    /// after the first indented by `indent` spaces more (as it sits in a list).
    static func write(object fields: [String: JSONValue], indent: Int, to bytes: inout [UInt8]) throws {
        let margin = [UInt8](repeating: UInt8(ascii: " "), count: indent)
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in fields.keys.sorted().enumerated() {
            bytes.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            bytes.append(contentsOf: margin)
            bytes.append(contentsOf: "  ".utf8)
            write(string: key, to: &bytes)
            bytes.append(contentsOf: " : ".utf8)
            try fields[key]!.write(to: &bytes)
        }
        // An empty object is a blank line between its braces, that line indented too.
        if fields.isEmpty { bytes.append(UInt8(ascii: "\n")); bytes.append(contentsOf: margin) }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: margin)
        bytes.append(UInt8(ascii: "}"))
    }
}
