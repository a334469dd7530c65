import ArgumentParser
import BriefingKit
import Foundation

/// The build's time, shared by `build` and `serve`: `--now`, else SOURCE_DATE_EPOCH, else none.
/// It is printed on the pages and judges the embargo; with none, the system clock judges it.
struct ClockOptions: ParsableArguments {
    @Option(help: "The build time, as ISO 8601: printed on the pages and used to judge the embargo (default: SOURCE_DATE_EPOCH if set; else no time is printed and the embargo is judged by the system clock).")
    var now: String?

    func validate() throws {
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not a real time in ISO 8601 with its offset, such as 2021-03-26T00:01:00Z")
        }
        if now == nil, let epoch = Self.sourceDateEpoch, Timestamp.epoch(epoch) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds since 1970 (digits only, before the year 10000); fix or unset it")
        }
    }

    /// SOURCE_DATE_EPOCH when set; set but empty counts as unset, as tests and CI use it to clear one.
    static var sourceDateEpoch: String? { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `--now`, else SOURCE_DATE_EPOCH, else none (both checked in `validate`).
    var buildTime: Date? {
        if let now { return Timestamp.parse(now) }
        return Self.sourceDateEpoch.flatMap(Timestamp.epoch)
    }
}
