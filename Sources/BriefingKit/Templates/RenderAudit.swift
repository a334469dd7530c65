import Foundation

/// Records, during one render, the figures a page shows and any lookup that failed.
///
/// swift-mustache renders a failed lookup as an empty string; the audit turns that into an error.
final class RenderAudit: @unchecked Sendable {
    private let lock = NSLock()
    private var _figures: [String: Figure] = [:]
    private var _problems: [String] = []
    private var _charts: [String: Chart] = [:]

    func shown(_ figure: Figure) {
        lock.withLock { _figures[figure.id] = figure }
    }

    func shown(_ chart: Chart) {
        lock.withLock { _charts[chart.id] = chart }
    }

    func problem(_ message: String) {
        lock.withLock { if !_problems.contains(message) { _problems.append(message) } }
    }

    var figures: [String: Figure] { lock.withLock { _figures } }
    var problems: [String] { lock.withLock { _problems } }
    var charts: [String: Chart] { lock.withLock { _charts } }
}
