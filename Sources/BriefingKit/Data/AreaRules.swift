/// Validates `areas.csv`: known types, one top area, every parent listed, no cycles, one web address per area.
enum AreaRules {
    /// The longest file name Linux and macOS allow (NAME_MAX), in bytes; slugs are ASCII.
    static let maxSlugBytes = 255

    static func areas(from records: [TableReader.Record], log: inout DiagnosticLog) -> [Area] {
        var areas: [Area] = []
        var lines: [String: TableReader.Record] = [:]
        // Every name the file lists, even on a row with an error: a parent is checked against these,
        // so that one bad row is not reported again on each of its children.
        var listed: [String] = [], listedLines: [String: Int] = [:]
        var slugs: [String: (name: String, line: Int)] = [:]
        for record in records {
            let name = record.text("area")
            if name.isEmpty { log.append(record.error("the area name is empty", at: "area")); continue }
            if let line = listedLines[name] {
                log.append(record.error("area '\(name)' is already listed on line \(line)", at: "area"))
                continue
            }
            listed.append(name)
            listedLines[name] = record.line
            // Each area's page lives at its slug: two names with one slug would overwrite each other's page.
            let slug = Area.slug(name)
            if let problem = Area.lostLetterProblem(in: name, holder: "a web address here") {
                log.append(record.error(problem, at: "area"))
                continue
            }
            if slug.isEmpty {
                log.append(record.error("the area name '\(name)' needs a letter or digit (A–Z, 0–9) for its web address", at: "area"))
            } else if slug.utf8.count > Self.maxSlugBytes {
                // The page is written at regions/<slug>/index.html: a longer folder name is refused by the disk.
                log.append(record.error("this area name is too long: its web address would have \(slug.utf8.count) characters, and a folder name can have at most \(Self.maxSlugBytes); shorten the name", at: "area"))
            } else if let other = slugs[slug] {
                log.append(record.error("'\(name)' and '\(other.name)' (line \(other.line)) would share the web address '\(slug)'; list the area once, or rename one", at: "area"))
            } else {
                slugs[slug] = (name, record.line)
            }
            let typeText = record.text("type")
            guard let kind = Area.Kind(rawValue: typeText) else {
                let kinds = Area.Kind.allCases.map(\.rawValue)
                log.append(record.error("'\(typeText)' is not an area type; use \(TableReader.list(kinds))\(Suggestion.hint(for: typeText, in: kinds))", at: "type"))
                continue
            }
            let parent = record.text("parent")
            lines[name] = record
            let display = record.text("display")
            areas.append(Area(name: name, kind: kind, parent: parent.isEmpty ? nil : parent, display: display.isEmpty ? nil : display))
        }
        let tops = areas.filter { $0.parent == nil }
        if tops.count > 1, let second = tops.dropFirst().first, let record = lines[second.name] {
            log.append(record.error("'\(second.name)' has no parent, but '\(tops[0].name)' is already the top area; every area but one needs a parent", at: "parent"))
        }
        // A cycle is reported once, at its first area in the file, not once for each area in it.
        var inReportedCycle: Set<String> = []
        for area in areas {
            guard let parent = area.parent, let record = lines[area.name] else { continue }
            if !listed.contains(parent) {
                log.append(record.error("parent '\(parent)' is not an area in areas.csv\(Suggestion.hint(for: parent, in: listed))", at: "parent"))
            } else if !inReportedCycle.contains(area.name), let cycle = cycle(from: area.name, in: areas) {
                inReportedCycle.formUnion(cycle)
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
