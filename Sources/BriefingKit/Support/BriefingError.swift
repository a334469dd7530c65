/// The one error the library throws: the pipeline step that failed and every diagnostic it found.
public struct BriefingError: Error, Sendable, CustomStringConvertible {
    public let step: String
    public let diagnostics: [Diagnostic]
    /// Errors found past the cap: counted, not listed (one summary line in `diagnostics` says how many).
    public var unlistedErrors = 0

    /// Every error found, listed or not (the summary line is not counted).
    public var totalErrors: Int { errors.count - (unlistedErrors > 0 ? 1 : 0) + unlistedErrors }

    public init(step: String, diagnostics: [Diagnostic]) {
        self.step = step
        self.diagnostics = diagnostics
    }

    public init(step: String, _ diagnostic: Diagnostic) {
        self.init(step: step, diagnostics: [diagnostic])
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
