import Foundation

/// Reads the `value` column: a whole count, a percentage, or a marker. Never reads a marker as zero.
enum ValueParser {
    enum Failure: Error, Equatable {
        case message(String)
    }

    /// The largest count accepted: far above any real one, and low enough that sums of millions
    /// of counts cannot overflow.
    static let largestCount = 1_000_000_000_000

    static func parse(_ raw: String, measure: Measure, quoted: Bool) -> Result<Quantity, Failure> {
        let text = raw.trimmedSpaces
        if let marker = Marker(rawValue: text.lowercased()) { return .success(.marker(marker)) }
        if text.isEmpty {
            return .failure(.message("the value is empty; give a number, or a marker: [x] not provided, [c] suppressed, [z] not applicable"))
        }
        if text.hasPrefix("[") {
            return .failure(.message("'\(text)' is not a marker; use [x] (not provided), [c] (suppressed) or [z] (not applicable)"))
        }
        switch measure {
        case .count: return parseCount(text)
        case .share: return parseShare(text)
        case .change: return parseChange(text)
        }
    }

    private static func parseCount(_ text: String) -> Result<Quantity, Failure> {
        if text.hasSuffix("%") {
            return .failure(.message("'\(text)' is a percentage but the measure is 'count'; use measure 'share' for percentages"))
        }
        if text.hasPrefix("-"), isGroupedInteger(String(text.dropFirst())) {
            return .failure(.message("a count cannot be negative ('\(text)')"))
        }
        guard isGroupedInteger(text), let value = Int(text.replacingOccurrences(of: ",", with: "")) else {
            if text.contains(".") {
                return .failure(.message("'\(text)' is not a whole number; counts are whole instances"))
            }
            if isGroupedInteger(text) { return .failure(.message(tooLarge(text))) }
            return .failure(.message("'\(text)' is not a whole number or a marker: [x] not provided, [c] suppressed, [z] not applicable"))
        }
        guard value <= largestCount else { return .failure(.message(tooLarge(text))) }
        return .success(.count(value))
    }

    private static func parseShare(_ text: String) -> Result<Quantity, Failure> {
        guard text.hasSuffix("%") else {
            return .failure(.message("a share is a percentage with a % sign, like 48% or 12.5% (found '\(text)')"))
        }
        let number = text.dropLast().trimmedSpaces
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if number.hasPrefix("-") {
            return .failure(.message("a share cannot be negative ('\(text)')"))
        }
        guard (parts.count == 1 || parts.count == 2), parts.allSatisfy(digitsOnly), let value = Double(number) else {
            return .failure(.message("'\(text)' is not a percentage like 48% or 12.5%"))
        }
        guard value <= 100 else {
            return .failure(.message("a share cannot be above 100% ('\(text)')"))
        }
        return .success(.percent(value, decimals: parts.count == 2 ? parts[1].count : 0))
    }

    /// A published percentage change: `82%`, `+82%` or `-27%`; a fall cannot pass 100%.
    private static func parseChange(_ text: String) -> Result<Quantity, Failure> {
        guard text.hasSuffix("%") else {
            return .failure(.message("a change is a percentage with a % sign, like 82% or -27% (found '\(text)')"))
        }
        var number = text.dropLast().trimmedSpaces
        let negative = number.hasPrefix("-")
        if negative || number.hasPrefix("+") { number = String(number.dropFirst()) }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (parts.count == 1 || parts.count == 2), parts.allSatisfy(digitsOnly), let magnitude = Double(number),
              magnitude < 1_000_000 else {
            return .failure(.message("'\(text)' is not a percentage change like 82% or -27%"))
        }
        guard !negative || magnitude <= 100 else {
            return .failure(.message("a fall cannot be more than 100% ('\(text)')"))
        }
        return .success(.percent(negative ? -magnitude : magnitude, decimals: parts.count == 2 ? parts[1].count : 0))
    }

    private static func tooLarge(_ text: String) -> String {
        "'\(text)' is too large for a count (the largest accepted is 1,000,000,000,000); check the value"
    }

    /// `1075` or `1,075` (groups of three after the first).
    private static func isGroupedInteger(_ text: String) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," }) else { return false }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count == 1 { return true }
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
