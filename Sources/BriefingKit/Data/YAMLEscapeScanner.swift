import Yams

/// Finds escapes in double-quoted YAML text that write a refused character (`"\0"`, `"\u202E"`).
///
/// The file-wide scan of `SourceText` sees only characters typed as themselves; an escape is
/// decoded by YAML into the very characters that scan refuses. Each is reported at its backslash,
/// found by reading the quoted text from its opening quote.
struct YAMLEscapeScanner {
    let source: SourceText

    /// More values than this, once anchors and aliases are expanded, is an alias bomb, not a release.
    static let valueLimit = 200_000

    /// An error at every such escape in the document.
    func diagnostics(in root: Node) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var visited = 0
        walk(root, into: &found, visited: &visited)
        if visited > Self.valueLimit {
            found.append(source.error("this file expands to more than \(NumberStyle.digits(Self.valueLimit)) values through YAML anchors and aliases (& and *); write the values out instead",
                                      line: root.mark?.line ?? 1, column: root.mark?.column ?? 1))
        }
        return found
    }

    private func walk(_ node: Node, into found: inout [Diagnostic], visited: inout Int) {
        visited += 1
        guard visited <= Self.valueLimit, found.count < DiagnosticLog.errorCap else { return }
        switch node {
        case .scalar(let scalar):
            let before = found.count
            if scalar.style == .doubleQuoted, let mark = scalar.mark { scan(fromLine: mark.line, column: mark.column, into: &found) }
            // A backstop for whatever the escape scan cannot place (an anchor, a tag, a folded line):
            // a refused character in the decoded value is an error at the value.
            if found.count == before, let refused = scalar.string.unicodeScalars.first(where: UnsafeCharacter.isRefused) {
                found.append(source.error(UnsafeCharacter.message(for: refused, writtenAs: nil),
                                          line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1))
            }
        case .mapping(let mapping):
            for (key, value) in mapping { walk(key, into: &found, visited: &visited); walk(value, into: &found, visited: &visited) }
        case .sequence(let sequence):
            for item in sequence { walk(item, into: &found, visited: &visited) }
        case .alias:
            break
        }
    }

    /// YAML's single-character escapes that write a refused character (`\t`, `\n`, `\r` are allowed).
    private static let named: [Unicode.Scalar: UInt32] = ["0": 0x00, "a": 0x07, "b": 0x08, "v": 0x0B, "f": 0x0C, "e": 0x1B, "N": 0x85]

    /// Reads from the opening quote at (line, column) to the closing one.
    private func scan(fromLine startLine: Int, column startColumn: Int, into found: inout [Diagnostic]) {
        var lineNumber = startLine
        // The mark is at the value's first token, which may be an anchor (&a) or a tag (!!str) before the quote.
        guard let first = source.line(startLine).map({ Array($0.unicodeScalars) }),
              let quote = first.indices.first(where: { $0 >= startColumn - 1 && first[$0] == "\"" }) else { return }
        var index = quote + 1  // the scalar after the opening quote, 0-based
        while let line = source.line(lineNumber) {
            let scalars = Array(line.unicodeScalars)
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" { return }
                guard scalar == "\\", index + 1 < scalars.count else { index += 1; continue }
                let kind = scalars[index + 1]
                let digits = kind == "x" ? 2 : kind == "u" ? 4 : kind == "U" ? 8 : 0
                var value = Self.named[kind]
                if digits > 0, index + 2 + digits <= scalars.count {
                    value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 2 + digits)])), radix: 16)
                }
                if let value, let written = Unicode.Scalar(value), UnsafeCharacter.isRefused(written) {
                    let escape = String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 2 + digits)]))
                    found.append(source.error(UnsafeCharacter.message(for: written, writtenAs: escape), line: lineNumber, column: index + 1))
                }
                index += 2 + digits
            }
            lineNumber += 1
            index = 0
        }
    }
}
