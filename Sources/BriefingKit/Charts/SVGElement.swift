/// A tiny typed SVG tree: elements with ordered attributes, and text, written out escaped.
///
/// Hand-written because no listed Swift package writes SVG, and a chart needs a dozen element
/// kinds. Element and attribute names come from the chart code, never from data; every attribute
/// value and every text is escaped where it is written, so a name holding `<script>` or a quote
/// stays text. Attributes keep the order they were given in, so the same chart is the same bytes.
public struct SVGElement: Sendable, Hashable {
    /// A child: an element or text.
    public enum Node: Sendable, Hashable {
        case element(SVGElement)
        case text(String)
    }

    public let name: String
    public private(set) var attributes: [Attribute]
    public private(set) var children: [Node]

    /// One attribute, name and unescaped value.
    public struct Attribute: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [Node] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value) }
        self.children = children
    }

    /// An element holding only text.
    public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        self.init(name, attributes, children: [.text(text)])
    }

    /// The same element with one more attribute at the end.
    public func with(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        copy.attributes.append(Attribute(name: name, value: value))
        return copy
    }

    public mutating func append(_ child: SVGElement) {
        children.append(.element(child))
    }

    public mutating func appendText(_ text: String) {
        children.append(.text(text))
    }

    public mutating func append(contentsOf elements: [SVGElement]) {
        children += elements.map { .element($0) }
    }

    /// The value of an attribute, or nil.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Every element below this one (depth first, this one excluded).
    public var descendants: [SVGElement] {
        children.flatMap { child -> [SVGElement] in
            if case .element(let element) = child { return [element] + element.descendants }
            return []
        }
    }

    /// The text inside this element and its descendants, as a reader sees it.
    public var text: String {
        children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    /// The element as markup. An element with no children is written self-closed (`<rect … />`),
    /// which the HTML parser accepts inside `<svg>`.
    public var markup: String {
        var result = ""
        write(to: &result)
        return result
    }

    private func write(to output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + Self.escapeAttribute(attribute.value) + "\""
        }
        guard !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        for child in children {
            switch child {
            case .text(let text): output += Self.escapeText(text)
            case .element(let element): element.write(to: &output)
            }
        }
        output += "</" + name + ">"
    }

    /// Text content: `&`, `<` and `>` as references.
    static func escapeText(_ text: String) -> String {
        // On the bytes: each of these is ASCII, and a character loop would leave one that a
        // combining mark follows unescaped.
        ByteEscaper.escape(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// A double-quoted attribute value: also `"`.
    static func escapeAttribute(_ text: String) -> String {
        ByteEscaper.attribute(text)
    }
}
