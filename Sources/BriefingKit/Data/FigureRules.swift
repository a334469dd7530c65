/// Validates the rows of `figures.csv` against the areas, platforms and sources, one row at a time,
/// keeping the observations of the rows that are right.
struct FigureRules {
    /// The names each column may use. Nil when the file that lists them could not be read:
    /// that file's error is reported once, not again on every row that names something from it.
    let areaNames: [String]?
    let platformNames: [String]?
    let sourceIDs: [String]?
    // Sets for the lookups: a figures.csv can have tens of thousands of rows.
    private let knownAreas: Set<String>?, knownPlatforms: Set<String>?, knownSources: Set<String>?
    /// The observations of the rows read so far that are right.
    private(set) var observations: [Observation] = []
    /// Where in `observations` each cell's row is, by the hash of its cell, for a second row for the
    /// same cell: a table of whole cells took more memory than the rows. A cell whose hash an
    /// earlier, different cell has is kept whole.
    private var seen: [Int: Int] = [:]
    private var collided: [Observation.Key: Int] = [:]

    init(areaNames: [String]?, platformNames: [String]?, sourceIDs: [String]?) {
        self.areaNames = areaNames
        self.platformNames = platformNames
        self.sourceIDs = sourceIDs
        knownAreas = areaNames.map(Set.init)
        knownPlatforms = platformNames.map(Set.init)
        knownSources = sourceIDs.map(Set.init)
    }

    /// Every platform name a row may use: the listed platforms, `All platforms`, and `<Owner>-owned apps`.
    static func platformNames(names: [String], owners: [String]) -> [String] {
        Dataset.platformNames(zip(names, owners).map { Platform(name: $0, owner: $1.isEmpty ? nil : $1, endToEndEncrypted: nil) })
    }

    /// Checks one row, keeping its observation when it is right; its problems go to the log.
    mutating func read(_ record: TableReader.Record, log: inout DiagnosticLog) {
        var ok = true
        let periodText = record.text("period")
        let period = Period(periodText)
        if let period, period.isReversed {
            log.append(record.error("the period \(periodText) ends before it starts; write the first month, then the last (\(period.last.code)/\(period.first.code))", at: "period"))
            ok = false
        } else if period == nil {
            log.append(record.error("'\(periodText)' is not a period; write the first and last month as YYYY-MM/YYYY-MM, like 2019-10/2020-09", at: "period"))
            ok = false
        }
        let area = record.text("area")
        if let areaNames, let knownAreas, !knownAreas.contains(area) {
            log.append(record.error("'\(area)' is not an area in areas.csv\(Suggestion.hint(for: area, in: areaNames))", at: "area"))
            ok = false
        }
        let platform = record.text("platform")
        if let platformNames, let knownPlatforms, !knownPlatforms.contains(platform) {
            log.append(record.error("'\(platform)' is not a platform in platforms.csv\(Suggestion.hint(for: platform, in: platformNames))", at: "platform"))
            ok = false
        }
        let measureText = record.text("measure")
        let measure = Measure(rawValue: measureText)
        if measure == nil {
            let names = Measure.allCases.map(\.rawValue)
            log.append(record.error("'\(measureText)' is not a measure; use 'count', 'share' or 'change'\(Suggestion.hint(for: measureText, in: names))", at: "measure"))
            ok = false
        }
        var value: Quantity?
        if let measure, let field = record["value"] {
            switch ValueParser.parse(field.text, measure: measure, quoted: field.wasQuoted) {
            case .success(let parsed): value = parsed
            case .failure(.message(let message)):
                log.append(record.error(message, at: "value"))
                ok = false
            }
        }
        let source = record.text("source")
        if let sourceIDs, let knownSources, !knownSources.contains(source) {
            log.append(record.error("'\(source)' is not a source id in sources.csv\(Suggestion.hint(for: source, in: sourceIDs))", at: "source"))
            ok = false
        }
        if measure == .share, platform == Platform.recorded {
            log.append(record.error("a share of '\(Platform.recorded)' is not a figure: shares are of '\(Platform.all)' (the instances where the platform was known)", at: "measure"))
            ok = false
        }
        // A published change says what it is measured from: `base_period`, and only on change rows.
        let baseText = record.text("base_period")
        var basePeriod: Period?
        if measure == .change {
            if baseText.isEmpty {
                log.append(record.error("a change needs the period it is measured from in the base_period column, like 2017-04/2018-03", at: "measure"))
                ok = false
            } else if let base = Period(baseText), !base.isReversed {
                if let period, !(base < period) {
                    log.append(record.error("the base period \(baseText) must come before the period \(period.code)", at: "base_period"))
                    ok = false
                }
                basePeriod = base
            } else {
                log.append(record.error("'\(baseText)' is not a period; write the first and last month as YYYY-MM/YYYY-MM", at: "base_period"))
                ok = false
            }
        } else if !baseText.isEmpty {
            log.append(record.error("base_period is only for rows whose measure is 'change'; leave it empty here", at: "base_period"))
            ok = false
        }
        guard ok, let period, let measure, let value else { return }
        let observation = Observation(period: period, area: area, platform: platform, measure: measure, value: value,
                                      source: source, location: record.source.location(line: record.line, column: 1),
                                      basePeriod: basePeriod)
        var noted = observation
        let note = record.text("note")
        noted.note = note.isEmpty ? nil : note
        // `revised: yes`: the figure differs from the one first published (GSS: [r] beside it).
        switch record.text("revised").lowercased() {
        case "yes": noted.revised = true
        case "", "no": break
        case let other:
            log.append(record.error("revised must be 'yes', 'no' or empty, not '\(other)'", at: "revised"))
            return
        }
        let key = observation.key, hash = key.hashValue
        if let earlier = earlierRow(of: key, hash: hash) {
            let line = observations[earlier].location.line
            log.append(record.error("duplicate figure: \(period) \(area), \(platform), \(measure.rawValue) is already given on line \(line); keep one of the two rows", at: "period"))
            return
        }
        // Room for a row a line, once: the array is not copied as it grows, each copy the size of the rows so far.
        if observations.isEmpty {
            observations.reserveCapacity(max(0, record.source.lineCount - 1))
            seen.reserveCapacity(max(0, record.source.lineCount - 1))
        }
        if seen[hash] == nil {
            seen[hash] = observations.count
        } else {
            collided[key] = observations.count
        }
        observations.append(noted)
    }

    /// The index in `observations` of the row for this cell (whose `hashValue` is `hash`), if one was read.
    private func earlierRow(of key: Observation.Key, hash: Int) -> Int? {
        guard let index = seen[hash] else { return nil }
        return observations[index].key == key ? index : collided[key]
    }
}
