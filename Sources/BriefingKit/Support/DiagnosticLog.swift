/// Collects diagnostics during one step, so that all problems are reported together (up to a cap).
public struct DiagnosticLog: Sendable {
    /// More than this many errors are summarised, not listed: past that point a file is usually the wrong one.
    public static let errorCap = 50

    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error, errorCount >= Self.errorCap { return }
        diagnostics.append(diagnostic)
    }

    public mutating func error(_ message: String, at location: SourceLocation?, lineText: String? = nil) {
        append(.error(message, at: location, lineText: lineText))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, lineText: String? = nil) {
        append(.warning(message, at: location, lineText: lineText))
    }

    public mutating func merge(_ other: [Diagnostic]) {
        other.forEach { append($0) }
    }

    /// Throws every diagnostic gathered so far when any of them is an error.
    public func throwIfErrors(step: String) throws {
        if hasErrors { throw BriefingError(step: step, diagnostics: diagnostics) }
    }
}
