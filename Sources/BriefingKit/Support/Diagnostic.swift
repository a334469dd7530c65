/// One problem found in `Data/` or `Templates/`, reported compiler-style.
///
/// `description` is the one-line form `path:line:col: error: message`; `rendered`
/// adds the offending line and a caret under the spot when the line is known.
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
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "briefing: \(severity.rawValue): \(message)"
    }

    /// The one-line form, then the offending line and a caret under the column.
    public var rendered: String {
        guard let lineText, let location else { return description }
        // Long lines are shown as a window around the column, so the caret stays under the spot.
        let characters = Array(lineText)
        let column = max(0, min(location.column - 1, characters.count))
        let start = column > 80 ? column - 60 : 0
        let end = min(characters.count, start + 160)
        let prefix = start > 0 ? "…" : ""
        let shown = prefix + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        let pad = String(repeating: " ", count: prefix.count + column - start)
        return "\(description)\n    \(shown)\n    \(pad)^"
    }
}
