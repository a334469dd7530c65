/// The words and numbers a chart prints: figures as their table shows them, and labels broken
/// into lines short enough for a phone.
enum ChartText {
    /// Characters per line of a label: 14 px text at about 0.6 em a character fits 33 of them
    /// in 280 px, the width of the page's column on a 320 px screen.
    static let lineLength = 32

    /// A figure as the table beside the chart shows it: counts in digits ("1,075"), shares as
    /// percentages ("18.5%"), a † when calculated, " [r]" when revised; a marker with its meaning
    /// ("[x] not provided"), never a number.
    static func value(_ figure: Figure) -> String {
        if let marker = figure.value.marker { return marker.rawValue + " " + marker.meaning }
        let number = figure.value.count.map(NumberStyle.digits) ?? FigureWording.display(figure)
        return number + (figure.derivation.isComputed ? "†" : "") + (figure.revised ? " [r]" : "")
    }

    /// A figure as a sentence says it: the number, "(calculated)", "(revised)"; a marker by its meaning.
    static func spoken(_ figure: Figure) -> String {
        if let marker = figure.value.marker { return marker.meaning }
        let number = figure.value.count.map(NumberStyle.digits) ?? FigureWording.display(figure)
        var notes: [String] = []
        if figure.derivation.isComputed { notes.append("calculated") }
        if figure.revised { notes.append("revised") }
        return number + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
    }

    /// Text broken at spaces into lines of at most `length` characters; a longer word is cut.
    static func lines(_ text: String, length: Int = lineLength) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > length {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(length)))
                word = word.dropFirst(length)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= length {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A length in percent of the chart's width, for an attribute: "48.37%". Locale-free.
    static func percent(_ value: Double) -> String {
        number(value) + "%"
    }

    /// A coordinate with at most two decimals and no trailing zeros: "12", "12.5", "12.25".
    static func number(_ value: Double) -> String {
        var text = FigureValue.fixed(value, decimals: 2)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
