import Testing
@testable import BriefingKit

/// House style for counts and percentages, including rounding at exact halves.
struct NumberStyleTests {
    @Test func countsUseWordsForOneToNine() {
        #expect(NumberStyle.count(0) == "0")
        #expect(NumberStyle.count(1) == "one")
        #expect(NumberStyle.count(9) == "nine")
        #expect(NumberStyle.count(10) == "10")
        #expect(NumberStyle.count(1075) == "1,075")
        #expect(NumberStyle.count(9477) == "9,477")
        #expect(NumberStyle.count(1_000_000) == "1,000,000")
        #expect(NumberStyle.count(-1075) == "-1,075")
        #expect(NumberStyle.count(-5) == "-5")
    }

    @Test func digitsAlwaysUseDigitsWithSeparators() {
        #expect(NumberStyle.digits(0) == "0")
        #expect(NumberStyle.digits(9) == "9")
        #expect(NumberStyle.digits(999) == "999")
        #expect(NumberStyle.digits(1000) == "1,000")
        #expect(NumberStyle.digits(1075) == "1,075")
        #expect(NumberStyle.digits(123_456_789) == "123,456,789")
        #expect(NumberStyle.digits(-1000) == "-1,000")
        #expect(NumberStyle.digits(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func percentRoundsHalfAwayFromZero() {
        #expect(NumberStyle.percent(52.0) == "52%")
        #expect(NumberStyle.percent(52.5) == "53%")
        #expect(NumberStyle.percent(0.5) == "1%")
        #expect(NumberStyle.percent(0.49) == "0%")
        #expect(NumberStyle.percent(12.5, decimals: 1) == "12.5%")
        #expect(NumberStyle.percent(12.25, decimals: 1) == "12.3%")
        #expect(NumberStyle.percent(12.35, decimals: 1) == "12.4%")
        #expect(NumberStyle.percent(1.005, decimals: 2) == "1.01%")
        #expect(NumberStyle.percent(2.675, decimals: 2) == "2.68%")
        #expect(NumberStyle.percent(99.95, decimals: 1) == "100.0%")
        #expect(NumberStyle.percent(9.96) == "10%")
        #expect(NumberStyle.percent(-52.5) == "-53%")
        #expect(NumberStyle.percent(-0.2) == "0%")
        #expect(NumberStyle.percent(0.00001, decimals: 3) == "0.000%")
        #expect(NumberStyle.percent(1e20) == "100,000,000,000,000,000,000%")
        #expect(NumberStyle.percent(1234.5) == "1,235%")
        #expect(NumberStyle.percent(.nan) == "n/a")
        #expect(NumberStyle.percent(.infinity) == "n/a")
        #expect(NumberStyle.percent(52.5, decimals: -3) == "53%")
    }

    /// Every value typed with three decimals rounds as integer arithmetic says it should.
    @Test func percentMatchesDecimalRoundingOnTypedValues() {
        var failures: [String] = []
        for thousandths in stride(from: -3_000, through: 25_000, by: 1) {
            let value = Double(thousandths) / 1000
            for decimals in 0...2 {
                let divisor = [1000, 100, 10][decimals]
                let magnitude = (abs(thousandths) + divisor / 2) / divisor
                let expected = expectedText(units: magnitude, decimals: decimals, negative: thousandths < 0)
                let actual = NumberStyle.percent(value, decimals: decimals)
                if actual != expected { failures.append("\(value) at \(decimals): \(actual) != \(expected)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func percentOfCountsUsesExactArithmetic() {
        #expect(NumberStyle.percent(part: 5, of: 10) == "50%")
        #expect(NumberStyle.percent(part: 3212 + 1191 + 568, of: 9477, decimals: 1) == "52.5%")
        #expect(NumberStyle.percent(part: 568, of: 4971, decimals: 1) == "11.4%")
        #expect(NumberStyle.percent(part: 568, of: 4971) == "11%")
        #expect(NumberStyle.percent(part: 1, of: 8, decimals: 1) == "12.5%")
        #expect(NumberStyle.percent(part: 1, of: 16, decimals: 2) == "6.25%")
        #expect(NumberStyle.percent(part: 1, of: 16, decimals: 1) == "6.3%")
        #expect(NumberStyle.percent(part: 1, of: 200) == "1%")
        #expect(NumberStyle.percent(part: 1, of: 3, decimals: 2) == "33.33%")
        #expect(NumberStyle.percent(part: -1, of: 3, decimals: 2) == "-33.33%")
        #expect(NumberStyle.percent(part: -1, of: 1000) == "0%")
        #expect(NumberStyle.percent(part: 0, of: 7) == "0%")
        #expect(NumberStyle.percent(part: 25, of: 2) == "1,250%")
        #expect(NumberStyle.percent(part: 1, of: 0) == nil)
        #expect(NumberStyle.percent(part: 1, of: -4) == nil)
        #expect(NumberStyle.percent(part: Int.max, of: Int.max) == "100%")
        #expect(NumberStyle.percent(part: Int.max, of: 1) == nil)
    }

    /// Cross-checks the 128-bit rounding against plain integer arithmetic on small values.
    @Test func percentOfCountsMatchesIntegerOracle() {
        var failures: [String] = []
        for total in 1...300 {
            for part in 0...total {
                for decimals in 0...2 {
                    let scale = [100, 1000, 10000][decimals]
                    let units = (2 * part * scale + total) / (2 * total)
                    let expected = expectedText(units: units, decimals: decimals, negative: false)
                    let actual = NumberStyle.percent(part: part, of: total, decimals: decimals)
                    if actual != expected { failures.append("\(part)/\(total) at \(decimals): \(actual ?? "nil")") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func percentagePointsDropTheSignAndAgree() {
        #expect(NumberStyle.percentagePoints(4.0) == "4 percentage points")
        #expect(NumberStyle.percentagePoints(1.0) == "1 percentage point")
        #expect(NumberStyle.percentagePoints(-1.0) == "1 percentage point")
        #expect(NumberStyle.percentagePoints(-4.4) == "4 percentage points")
        #expect(NumberStyle.percentagePoints(0.0) == "0 percentage points")
        #expect(NumberStyle.percentagePoints(0.5) == "1 percentage point")
        #expect(NumberStyle.percentagePoints(2.25, decimals: 1) == "2.3 percentage points")
        #expect(NumberStyle.percentagePoints(0.96, decimals: 1) == "1.0 percentage points")
        #expect(NumberStyle.percentagePoints(.nan) == "n/a percentage points")
    }

    /// "1234" in units of 10^-decimals -> "12.34%", written independently of the code under test.
    private func expectedText(units: Int, decimals: Int, negative: Bool) -> String {
        let scale = [1, 10, 100][decimals]
        let whole = String(units / scale)
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        var fraction = String(units % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = negative && units != 0 ? "-" : ""
        return sign + grouped + (decimals > 0 ? "." + fraction : "") + "%"
    }
}
