/// One problem found in `Data/` or `Templates/`, reported compiler-style.
///
/// `description` is the one-line form `path:line:col: error: message`; `rendered`
/// adds the offending line and a caret under the spot when the line is known. Both print control
/// characters and bidi controls as `<U+XXXX>` (`UnsafeCharacter`), never raw, so that a hostile
/// file cannot drive the terminal or reorder what a reader sees.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public let severity: Severity
    public let location: SourceLocation?
    public let message: String
    /// The text of the offending line, for the caret display.
    public let lineText: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, lineText: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.lineText = lineText
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, lineText: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, lineText: lineText)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, lineText: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, lineText: lineText)
    }

    public var description: String {
        let message = UnsafeCharacter.escaped(message)
        if let location { return UnsafeCharacter.escaped("\(location)") + ": \(severity.rawValue): \(message)" }
        return "briefing: \(severity.rawValue): \(message)"
    }

    /// The one-line form, then the offending line and a caret under the column.
    public var rendered: String {
        guard let lineText, let location else { return description }
        // Columns count Unicode scalars, as the loaders do. Long lines are shown as a window around
        // the column. The caret's padding follows what is printed before it: an escape's width, a
        // tab as a tab (the terminal expands both alike), nothing for a combining mark.
        let scalars = Array(lineText.unicodeScalars)
        let column = max(0, min(location.column - 1, scalars.count))
        let start = column > 80 ? column - 60 : 0
        let end = min(scalars.count, start + 160)
        let zeroWidth: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format]
        var shown = start > 0 ? "…" : "", pad = start > 0 ? " " : ""
        for index in start..<end {
            let scalar = scalars[index]
            let piece = UnsafeCharacter.shown(scalar, keepingTabs: true)
            shown += piece
            guard index < column else { continue }
            if piece == "\t" {
                pad += "\t"
            } else if piece.unicodeScalars.count > 1 || !zeroWidth.contains(scalar.properties.generalCategory) {
                pad += String(repeating: " ", count: piece.unicodeScalars.count)
            }
        }
        if end < scalars.count { shown += "…" }
        return "\(description)\n    \(shown)\n    \(pad)^"
    }
}
