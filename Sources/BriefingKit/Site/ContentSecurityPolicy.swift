/// A Content Security Policy: directives and their source expressions, written as a header value.
public struct ContentSecurityPolicy: Sendable, Hashable, CustomStringConvertible {
    public struct Directive: Sendable, Hashable {
        public let name: String
        public var sources: [String]

        public init(_ name: String, _ sources: [String]) {
            self.name = name
            self.sources = sources
        }
    }

    public private(set) var directives: [Directive]

    public init(_ directives: [Directive]) {
        self.directives = directives
    }

    /// The policy of the site's pages, the one `Templates/layout.html` gives in its `<meta>`: nothing
    /// loads but the site's own stylesheet and images; no scripts, no forms, no `<base>`.
    public static let pages = ContentSecurityPolicy([
        Directive("default-src", ["'none'"]), Directive("style-src", ["'self'"]), Directive("img-src", ["'self'"]),
        Directive("base-uri", ["'none'"]), Directive("form-action", ["'none'"]),
    ])

    /// This policy with `sources` added to a directive (the directive is added at the end when it is
    /// new; `'none'` gives way when a directive gains a source).
    ///
    /// A source expression is one token of CSP's grammar (`'sha256-…'`, `'self'`, `*`,
    /// `https://example.org`): one with a space, `;` or `,` would end the directive or the policy,
    /// so it is a programming error.
    public func adding(_ name: String, _ sources: [String]) -> ContentSecurityPolicy {
        for source in sources {
            precondition(!source.isEmpty && !source.contains(where: { $0.isWhitespace || $0 == ";" || $0 == "," }),
                         "'\(source)' is not one CSP source expression")
        }
        var copy = self
        if let index = copy.directives.firstIndex(where: { $0.name == name }) {
            let old = copy.directives[index].sources.filter { $0 != "'none'" || sources.isEmpty }
            copy.directives[index].sources = old + sources.filter { !old.contains($0) }
        } else {
            copy.directives.append(Directive(name, sources))
        }
        return copy
    }

    /// `default-src 'none'; style-src 'self'; …`, as a header (or `<meta>`) value.
    public var description: String {
        directives.map { ([$0.name] + $0.sources).joined(separator: " ") }.joined(separator: "; ")
    }
}
