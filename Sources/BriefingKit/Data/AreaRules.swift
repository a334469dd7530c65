/// Validates `areas.csv`: known types, one top area, every parent listed, no cycles.
enum AreaRules {
    static func areas(from records: [TableReader.Record], log: inout DiagnosticLog) -> [Area] {
        var areas: [Area] = []
        var lines: [String: TableReader.Record] = [:]
        for record in records {
            let name = record.text("area")
            if name.isEmpty { log.append(record.error("the area name is empty", at: "area")); continue }
            if let first = lines[name] {
                log.append(record.error("area '\(name)' is already listed on line \(first.line)", at: "area"))
                continue
            }
            let typeText = record.text("type")
            guard let kind = Area.Kind(rawValue: typeText) else {
                let kinds = Area.Kind.allCases.map(\.rawValue)
                log.append(record.error("'\(typeText)' is not an area type; use \(TableReader.list(kinds))\(Suggestion.hint(for: typeText, in: kinds))", at: "type"))
                continue
            }
            let parent = record.text("parent")
            lines[name] = record
            areas.append(Area(name: name, kind: kind, parent: parent.isEmpty ? nil : parent))
        }
        let names = areas.map(\.name)
        let tops = areas.filter { $0.parent == nil }
        if tops.count > 1, let second = tops.dropFirst().first, let record = lines[second.name] {
            log.append(record.error("'\(second.name)' has no parent, but '\(tops[0].name)' is already the top area; every area but one needs a parent", at: "parent"))
        }
        for area in areas {
            guard let parent = area.parent, let record = lines[area.name] else { continue }
            if !names.contains(parent) {
                log.append(record.error("parent '\(parent)' is not an area in areas.csv\(Suggestion.hint(for: parent, in: names))", at: "parent"))
            } else if let cycle = cycle(from: area.name, in: areas) {
                log.append(record.error("areas form a cycle: \(cycle.joined(separator: " → ")); one of them must have a different parent", at: "parent"))
            }
        }
        return areas
    }

    /// The chain of parents from `start` back to itself, if it loops.
    private static func cycle(from start: String, in areas: [Area]) -> [String]? {
        var chain = [start]
        var current = start
        while let parent = areas.first(where: { $0.name == current })?.parent {
            if parent == start { return chain + [start] }
            if chain.contains(parent) || chain.count > areas.count { return nil }
            chain.append(parent)
            current = parent
        }
        return nil
    }
}
