import Foundation

/// A data or template file decoded as UTF-8, with where its lines are kept for diagnostics.
///
/// A byte-order mark is dropped; CRLF, CR and LF line endings are all accepted.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// Each line's UTF-8 offsets in `text`, line ending left out. A line's text is made only when a
    /// diagnostic shows it: a copy of every line of a large figures.csv cost more than the file itself.
    private let lineRanges: [Range<Int>]

    public init(path: String, text: String) {
        self.path = path
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.text = text
        self.lineRanges = Self.lineRanges(of: text)
    }

    /// The lines of a text, ended by LF, CRLF or a lone CR.
    static func lines(of text: String) -> [String] {
        SourceText(path: "", text: text).lines
    }

    /// Where each line of a text lies, ended by LF, CRLF or a lone CR, split on its UTF-8 bytes: the
    /// same as splitting its Characters (CR and LF are each a Character of their own, CRLF one),
    /// without breaking the whole text into Characters, which every data file and template paid for.
    private static func lineRanges(of text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 10 || byte == 13 else { index += 1; continue }
                ranges.append(start..<index)
                index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                start = index
            }
            ranges.append(start..<bytes.count)
            return ranges
        }
    }

    /// How many lines the text has (a text ending in a line break has an empty last line).
    public var lineCount: Int { lineRanges.count }

    /// Every line's text, made on each call: for small files and tests; a diagnostic asks for its own `line(_:)`.
    public var lines: [String] { (1...lineCount).map { line($0)! } }

    /// Decodes bytes as UTF-8, or throws a diagnostic at the first invalid byte.
    public init(path: String, data: Data) throws {
        if let text = String(data: data, encoding: .utf8) {
            self.init(path: path, text: text)
            return
        }
        throw BriefingError(step: "load data", Self.invalidUTF8(path: path, data: data))
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineCount else { return nil }
        let range = lineRanges[number - 1], utf8 = text.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)], as: UTF8.self)
    }

    public func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        .error(message, at: location(line: line, column: column), lineText: self.line(line))
    }

    /// An error at every refused invisible character (`UnsafeCharacter`), columns counted in
    /// Unicode scalars as the CSV parser and YAML's marks count them.
    ///
    /// A file-wide scan, so that every field, comment and header of every file is covered; a NUL in a
    /// name would otherwise reach cmark-gfm and a bidi override would reorder a published quote.
    public var unsafeCharacters: [Diagnostic] {
        guard text.unicodeScalars.contains(where: UnsafeCharacter.isRefused) else { return [] }
        var found: [Diagnostic] = []
        var more = 0, firstMore: (line: Int, column: Int)?
        for index in 0..<lineCount {
            let line = self.line(index + 1)!
            for (offset, scalar) in line.unicodeScalars.enumerated() where UnsafeCharacter.isRefused(scalar) {
                // A file full of them is the wrong file: list the first few, count the rest (each listed one copies its line).
                guard found.count < DiagnosticLog.errorCap else {
                    if more == 0 { firstMore = (index + 1, offset + 1) }
                    more += 1
                    continue
                }
                found.append(error(UnsafeCharacter.message(for: scalar), line: index + 1, column: offset + 1))
            }
        }
        if let firstMore {
            found.append(.error("\(more) more invisible characters from here on, not listed; is this the right file?",
                                at: location(line: firstMore.line, column: firstMore.column)))
        }
        return found
    }

    /// The text with each refused character replaced by U+FFFD, for parsers that would stop at the
    /// first (libyaml does), so that the file's other problems are still found. Columns are kept.
    var textWithUnsafeCharactersReplaced: String {
        guard text.unicodeScalars.contains(where: UnsafeCharacter.isRefused) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(UnsafeCharacter.isRefused(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }


    /// Finds the line and column of the first byte that is not valid UTF-8.
    private static func invalidUTF8(path: String, data: Data) -> Diagnostic {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && index + length <= bytes.count
                && bytes[(index + 1)..<(index + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil
            if !valid { break }
            // Lines end as SourceText splits them: LF, CRLF (counted at its LF) or a lone CR.
            let loneCR = byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)
            if byte == 0x0A || loneCR { line += 1; column = 1 } else if byte != 0x0D { column += 1 }
            index += length
        }
        let hex = index < bytes.count ? String(format: "0x%02X", bytes[index]) : "end of file"
        return .error("the file is not valid UTF-8 (byte \(hex)); save it as UTF-8 (in Excel: 'CSV UTF-8')",
                      at: SourceLocation(path: path, line: line, column: column))
    }
}
