/// Collects diagnostics during one step, so that all problems are reported together (up to a cap).
public struct DiagnosticLog: Sendable {
    /// More than this many errors are summarised, not listed: past that point a file is usually the wrong one.
    public static let errorCap = 50

    public private(set) var diagnostics: [Diagnostic] = []
    /// Errors listed in `diagnostics`; counted as they come, as a large file can bring many warnings.
    public private(set) var errorCount = 0
    /// Errors past the cap: counted, so the summary can say how many more there are.
    public private(set) var unlistedErrors = 0
    private var firstUnlisted: SourceLocation?

    public init() {}

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error {
            guard errorCount < Self.errorCap else {
                if unlistedErrors == 0 { firstUnlisted = diagnostic.location }
                unlistedErrors += 1
                return
            }
            errorCount += 1
        }
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

    /// Adds another log's diagnostics, as if each had been appended here in its order, the errors
    /// past its cap included.
    public mutating func merge(_ other: DiagnosticLog) {
        merge(other.diagnostics)
        if unlistedErrors == 0 { firstUnlisted = other.firstUnlisted }
        unlistedErrors += other.unlistedErrors
    }

    /// Throws every diagnostic gathered so far when any of them is an error, ending with a count
    /// of the errors past the cap (at the first of them) so that none goes unmentioned.
    public func throwIfErrors(step: String) throws {
        guard hasErrors else { return }
        var all = diagnostics
        if unlistedErrors > 0 {
            let count = unlistedErrors == 1 ? "1 more error" : "\(unlistedErrors) more errors"
            all.append(.error("\(count) from here on, not listed; fix the ones above and check again", at: firstUnlisted))
        }
        var error = BriefingError(step: step, diagnostics: all)
        error.unlistedErrors = unlistedErrors
        throw error
    }
}
