/// One cell of a `Spreadsheet`: text, a link, a number (with how it is shown), or nothing.
public enum SpreadsheetCell: Sendable, Hashable {
    /// How a text cell stands out: a sheet's title, a heading on the cover sheet, a table's column
    /// header, a line above a table (which does not wrap, so that it reads across the empty cells to
    /// its right), or plain text that wraps within its column.
    public enum Emphasis: Sendable, Hashable {
        case plain, title, heading, header, lead
    }

    /// How a number is shown; the cell holds the number itself.
    public enum NumberFormat: Sendable, Hashable, Comparable {
        /// A whole number with thousands separators: 1,075.
        case whole
        /// A number with this many decimals: 2.4.
        case decimal(Int)
        /// A percentage with this many decimals, the cell holding the fraction: 0.114 shown as 11.4%.
        case percent(Int)
    }

    case text(String, Emphasis = .plain)
    /// Text that links to `target`: a web address, `mailto:` or a cell of the workbook (`#Table_1.A1`).
    case link(String, target: String)
    /// `value` is the number in plain decimal digits (no separators, `.` for the point), `shown` how it reads.
    case number(value: String, shown: String, format: NumberFormat)
    case empty

    /// A figure's value as a cell: a count or a percentage as a number, a marker as the marker's text
    /// (never a zero, never a number).
    public static func figure(_ value: FigureValue) -> SpreadsheetCell {
        switch value {
        case .count(let n):
            return .number(value: String(n), shown: grouped(n), format: .whole)
        case .percent(_, let decimals), .change(_, let decimals):
            let digits = value.machineValue
            return .number(value: fraction(ofPercent: digits), shown: digits + "%", format: .percent(max(decimals, 0)))
        case .points(_, let decimals):
            return .number(value: value.machineValue, shown: value.machineValue, format: .decimal(max(decimals, 0)))
        case .marker(let marker):
            return .text(marker.rawValue)
        }
    }

    /// 1075 as "1,075", without a locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (n < 0 ? "-" : "") + result
    }

    /// A percentage written in decimal digits as the fraction it stands for, exactly: "11.4" → "0.114",
    /// "-27" → "-0.27", "100" → "1". Moving the point in the text keeps binary rounding out of it.
    static func fraction(ofPercent text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        let decimals = parts.count > 1 ? String(parts[1]) : ""
        while integer.count < 3 { integer = "0" + integer }
        var whole = String(integer.dropLast(2))
        var fraction = String(integer.suffix(2)) + decimals
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let result = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && result != "0" ? "-" + result : result
    }
}
