import Foundation

/// House style for numbers: words for one to nine, digits for 10 and above, thousands separators, ONS-style percentages.
///
/// Everything here is locale-free: separators are always "," and the decimal mark is
/// always ".", whatever machine builds the site. Rounding is always half away from zero,
/// done on decimal digits rather than on binary floating point, so 52.5 becomes "53%".
public enum NumberStyle: Sendable {
    /// Most decimal places any percentage is printed with; more is never meaningful here.
    static let maxDecimals = 12

    /// Number words for zero to nine, indexed by value.
    static let smallNumberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ]

    /// A count in running text: "one" to "nine" in words, otherwise digits with separators.
    ///
    /// 0 -> "0", 7 -> "seven", 10 -> "10", 1075 -> "1,075", -1075 -> "-1,075".
    /// Negative numbers are always digits ("-5"), as words would read oddly.
    public static func count(_ n: Int) -> String {
        if (1...9).contains(n) { return smallNumberWords[n] }
        return digits(n)
    }

    /// A count as digits with thousands separators, for tables: 9 -> "9", 1075 -> "1,075".
    public static func digits(_ n: Int) -> String {
        let grouped = groupThousands(String(n.magnitude))
        return n < 0 ? "-" + grouped : grouped
    }

    /// A percentage rounded half away from zero: 52.0 -> "52%", 52.5 -> "53%", 12.25 at 1 decimal -> "12.3%".
    ///
    /// Rounds on the shortest decimal representation of the `Double` (the digits a person
    /// typed), so values like 12.25 or 2.675 round the way a reader expects. `decimals` is
    /// clamped to 0...12. Returns "n/a" for NaN or infinity; a result that rounds to zero is
    /// printed without a minus sign.
    public static func percent(_ percent: Double, decimals: Int = 0) -> String {
        guard let text = decimalText(percent, decimals: decimals) else { return "n/a" }
        return text + "%"
    }

    /// The percentage `part` is of `total`, rounded half away from zero in exact integer arithmetic.
    ///
    /// 5 of 10 -> "50%"; 4,971 of 9,477 at 1 decimal -> "52.5%". Returns nil when
    /// `total <= 0`, or in the absurd case that the result does not fit in 64 bits.
    public static func percent(part: Int, of total: Int, decimals: Int = 0) -> String? {
        let places = clampedPlaces(decimals)
        guard let rounded = roundedPercent(part: part, of: total, decimals: places) else { return nil }
        let body = formatUnits(rounded.units, places: places)
        return (rounded.negative ? "-" : "") + body + "%"
    }

    /// A difference in percentage points, without its sign: 4.0 -> "4 percentage points", 1.0 -> "1 percentage point".
    ///
    /// The caller words the direction ("up", "down"). Singular only when the printed
    /// number is exactly "1". Returns "n/a percentage points" for NaN or infinity.
    public static func percentagePoints(_ pp: Double, decimals: Int = 0) -> String {
        let number = decimalText(abs(pp), decimals: decimals) ?? "n/a"
        return number + (number == "1" ? " percentage point" : " percentage points")
    }

    // MARK: - Helpers shared with Phraser

    /// Inserts "," every three digits from the right of a string of ASCII digits.
    static func groupThousands(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// `decimals` limited to 0...maxDecimals so scales stay inside 64-bit integers.
    static func clampedPlaces(_ decimals: Int) -> Int {
        min(max(decimals, 0), maxDecimals)
    }

    /// 10 to the power `exponent` (0...18), as an unsigned integer.
    static func powerOfTen(_ exponent: Int) -> UInt {
        var value: UInt = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `part / total * 100` in units of `10^-decimals` percent, rounded half away from zero.
    ///
    /// Uses 128-bit intermediate products so no count a police force could report overflows.
    static func roundedPercent(part: Int, of total: Int, decimals: Int) -> (negative: Bool, units: UInt)? {
        guard total > 0 else { return nil }
        let scale = 100 * powerOfTen(clampedPlaces(decimals))
        let divisor = UInt(total)
        let product = part.magnitude.multipliedFullWidth(by: scale)
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var units = quotient
        // remainder >= divisor / 2, written so it cannot overflow: exactly half rounds up.
        if remainder >= divisor - remainder {
            let (sum, overflow) = units.addingReportingOverflow(1)
            guard !overflow else { return nil }
            units = sum
        }
        return (part < 0 && units != 0, units)
    }

    /// "5234" with 2 places -> "52.34"; separators in the whole part.
    static func formatUnits(_ units: UInt, places: Int) -> String {
        var digits = String(units)
        if digits.count <= places {
            digits = String(repeating: "0", count: places + 1 - digits.count) + digits
        }
        let whole = groupThousands(String(digits.dropLast(places)))
        return places == 0 ? whole : whole + "." + String(digits.suffix(places))
    }

    /// `value` rounded half away from zero to `decimals` places, as locale-free text without a unit.
    static func decimalText(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite else { return nil }
        let places = clampedPlaces(decimals)
        var (digits, point) = decimalDigits(of: value.magnitude)
        // Pad so there are digits before the point and one beyond the last kept place.
        if point < 0 {
            digits = Array(repeating: 0, count: -point) + digits
            point = 0
        }
        let keep = point + places
        if digits.count < keep + 1 {
            digits += Array(repeating: 0, count: keep + 1 - digits.count)
        }
        var kept = Array(digits[0..<keep])
        if digits[keep] >= 5 {
            // Round the magnitude up: with the sign restored this is half away from zero.
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        let isZero = kept.allSatisfy { $0 == 0 }
        var whole = String(kept[0..<point].map { Character(String($0)) })
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        let fraction = String(kept[point...].map { Character(String($0)) })
        let sign = value < 0 && !isZero ? "-" : ""
        return sign + groupThousands(whole) + (places > 0 ? "." + fraction : "")
    }

    /// The decimal digits of a finite non-negative `Double` as Swift prints it (shortest
    /// round-trip form), and how many of them come before the decimal point (may be
    /// negative or exceed the digit count, for exponent forms like "1e-05" or "1e+16").
    static func decimalDigits(of value: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = mantissa[0]
        let fraction = mantissa.count == 2 ? mantissa[1] : ""
        let digits = (String(whole) + String(fraction)).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        return (digits, whole.count + exponent)
    }
}
