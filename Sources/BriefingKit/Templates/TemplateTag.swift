/// A Mustache tag found in a template, with where it sits; sections hold their body.
struct TemplateTag: Sendable {
    enum Kind: Sendable, Equatable {
        case variable, raw, section, inverted, partial
    }

    let kind: Kind
    /// The looked-up name (`east.total`), without transforms.
    let name: String
    /// Transforms, outermost first: `approx(number(x))` → ["approx", "number"].
    let transforms: [String]
    let location: SourceLocation
    /// The template line the tag stands on, for diagnostics.
    var lineText: String? = nil
    var body: [TemplateTag] = []
    /// Bytes of plain text directly in the body (not in nested sections): what each pass over it adds to the page.
    var literalBytes = 0
    /// The name's parts (`east`, `total`), split once here rather than at every lookup of every page.
    let parts: [String]

    init(kind: Kind, name: String, transforms: [String], location: SourceLocation, lineText: String? = nil) {
        self.kind = kind
        self.name = name
        self.transforms = transforms
        self.location = location
        self.lineText = lineText
        self.parts = name.split(separator: ".").map(String.init)
    }

    /// True when the tag stands in a Markdown table row, where a marker such as [c] may be shown.
    var inTableRow: Bool { lineText?.trimmedSpaces.hasPrefix("|") == true }

    /// Splits `approx(east.total)` into the name and its transforms.
    static func split(_ expression: String) -> (name: String, transforms: [String])? {
        var rest = Substring(expression)
        var transforms: [String] = []
        while rest.hasSuffix(")") {
            guard let open = rest.firstIndex(of: "(") else { return nil }
            let function = rest[..<open].trimmingHorizontalSpace()
            guard !function.isEmpty, isName(function) else { return nil }
            transforms.append(function)
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        let name = rest.trimmingHorizontalSpace()
        guard name == "." || isName(name) else { return nil }
        return (name, transforms)
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            && !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
    }
}
