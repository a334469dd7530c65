extension TemplateValue {
    /// Every chart inside this value, by id: the charts a page filled from it may show.
    public var charts: [String: Chart] {
        var found: [String: Chart] = [:]
        collectCharts(into: &found)
        return found
    }

    private func collectCharts(into found: inout [String: Chart]) {
        switch self {
        case .chart(let chart): found[chart.id] = chart
        case .list(let items): items.forEach { $0.collectCharts(into: &found) }
        case .object(let fields): fields.values.forEach { $0.collectCharts(into: &found) }
        default: break
        }
    }
}
