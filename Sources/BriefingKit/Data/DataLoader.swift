import Foundation

/// Loads and validates `Data/` per the data contract, reporting every problem with its file, line and column.
public struct DataLoader: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Loads the folder. Errors throw a `BriefingError` listing them all; warnings go to `log`.
    public func load(from directory: String, log: inout DiagnosticLog) throws -> Dataset {
        var local = DiagnosticLog()
        let areaRecords = readTable("areas.csv", in: directory, Columns.areas, log: &local)
        let areas = areaRecords.map { AreaRules.areas(from: $0, log: &local) } ?? []
        let platformRecords = readTable("platforms.csv", in: directory, Columns.platforms, log: &local)
        let platforms = platformRecords.map { Self.platforms(from: $0, log: &local) } ?? []
        let sourceRecords = readTable("sources.csv", in: directory, Columns.sources, log: &local)
        let sources = sourceRecords.map { Self.sources(from: $0, log: &local) } ?? []
        let figuresPath = directory + "/figures.csv"
        // Rows are checked against every name a file lists, even on a row with an error of its own:
        // one mistake in areas.csv is then reported once, not again on every figure for that area.
        let areaNames = areaRecords.map { $0.map { $0.text("area") } }
        let sourceIDs = sourceRecords.map { $0.map { $0.text("id") } }
        let rules = FigureRules(
            areaNames: areaNames,
            platformNames: platformRecords.map { FigureRules.platformNames(names: $0.map { $0.text("platform") }, owners: $0.map { $0.text("owner") }) },
            sourceIDs: sourceIDs)
        var figures = readFigures(in: directory, rules: rules, log: &local)
        let yaml = YAMLLoader(directory: directory, fileSystem: fileSystem, sourceIDs: sourceIDs, areaNames: areaNames)
        let release = yaml.release(log: &local)
        let quotes = yaml.quotes(log: &local)
        let context = yaml.context(log: &local) + yaml.context(findings: true, log: &local)
        // The rows' own problems come after release.yaml's, as they did when figures.csv was read whole.
        if let rowProblems = figures?.rowProblems { local.merge(rowProblems) }
        let figuresRead = figures != nil
        // Taken, not copied, so that they are sorted where they lie (100,000 rows are 20 MB).
        var observations = figures.take()?.observations ?? []
        observations.sort(by: Self.rowOrder)

        // Only when every row was read: a period in an unreadable row is not missing.
        let everyRowRead = figuresRead && !local.diagnostics.contains { $0.severity == .error && $0.location?.path == figuresPath }
        if everyRowRead {
            // A series is of periods that do not overlap: H1 2023 beside all of 2023 cannot be told as a trend.
            let series = Dataset.series(of: observations.map(\.period)).series
            for (earlier, later) in zip(series, series.dropFirst()) where !(earlier.last < later.first) {
                if let row = observations.first(where: { $0.period == later }) {
                    local.append(.error("the period \(later.code) overlaps \(earlier.code); the periods of a series must not overlap (a total over several periods must span at least two of them)",
                                        at: row.location))
                }
            }
        }
        if let release, everyRowRead {
            let periods = Set(observations.map(\.period.code)).sorted()
            let named = [("period", release.period)] + (release.previousPeriod.map { [("previous_period", $0)] } ?? [])
            for (key, period) in named where !periods.contains(period.code) {
                local.append(yaml.error("no row of figures.csv has the period \(period.code)\(Suggestion.hint(for: period.code, in: periods)); '\(key)' must match the period column of figures.csv",
                                        atField: key, of: "release.yaml"))
            }
        }
        // A misspelt focus owner would silently drop every owner figure from the pages.
        let owners = Dataset.owners(of: platforms)
        // Each focus is a platform or an owner, or a page would silently leave it out.
        if let release, let platformRecords {
            let names = platformRecords.map { $0.text("platform") }
            for name in release.focus where !names.contains(name) && !owners.contains(name) {
                local.append(yaml.error("'\(name)' in focus is neither a platform nor an owner in platforms.csv\(Suggestion.hint(for: name, in: names + owners))",
                                        atField: "focus", of: "release.yaml"))
            }
        }
        if let focus = release?.focusOwner, platformRecords != nil, !owners.contains(focus) {
            local.append(yaml.error("'\(focus)' is not an owner in platforms.csv\(Suggestion.hint(for: focus, in: owners)); focus_owner must be one of \(TableReader.list(owners))",
                                    atField: "focus_owner", of: "release.yaml"))
        }
        log.merge(local.diagnostics.filter { $0.severity == .warning })
        try local.throwIfErrors(step: "load data")
        guard let release else { throw BriefingError(step: "load data", diagnostics: local.diagnostics) }
        // Everything in a fixed order, whatever the order of rows in the files: output never depends on it.
        return Dataset(release: release, areas: areas.sorted(by: Self.areaOrder), platforms: platforms.sorted(by: Self.platformOrder),
                       sources: sources.sorted { $0.id < $1.id },
                       observations: observations, quotes: quotes, context: context)
    }

    /// The columns a CSV file of `Data/` must have, and those it may have. Any other column is an
    /// error. The data contract (`docs/data-contract.md`) describes every one, and a test checks that it does.
    struct Columns: Sendable {
        let required: [String]
        let optional: [String]
        var all: [String] { required + optional }

        static let areas = Columns(required: ["area", "type", "parent"], optional: ["display"])
        static let platforms = Columns(required: ["platform", "owner", "end_to_end_encrypted"], optional: ["catch_all"])
        static let sources = Columns(required: ["id", "publisher", "title", "url", "published"], optional: [])
        static let figures = Columns(required: ["period", "area", "platform", "measure", "value", "source"],
                                     optional: ["note", "base_period", "revised"])
        /// Each CSV file of `Data/`, by name.
        static let byFile: [(file: String, columns: Columns)] = [
            ("areas.csv", areas), ("platforms.csv", platforms), ("sources.csv", sources), ("figures.csv", figures),
        ]
    }

    /// Every file a `Data/` folder must have, for the message when one is missing.
    static let requiredFiles = "every Data/ folder needs areas.csv, platforms.csv, sources.csv, figures.csv and release.yaml"

    /// The top area first, then countries, nations, regions and forces, each by name.
    static func areaOrder(_ a: Area, _ b: Area) -> Bool {
        let rank = { (area: Area) in area.parent == nil ? -1 : Area.Kind.allCases.firstIndex(of: area.kind)! }
        return (rank(a), a.name) < (rank(b), b.name)
    }

    /// Platforms grouped by owner (owners by name), each group by name; platforms with no owner last.
    static func platformOrder(_ a: Platform, _ b: Platform) -> Bool {
        (a.owner == nil ? 1 : 0, a.owner ?? "", a.name) < (b.owner == nil ? 1 : 0, b.owner ?? "", b.name)
    }

    /// Rows in a fixed order whatever their order in the file, so that output never depends on it.
    static func rowOrder(_ a: Observation, _ b: Observation) -> Bool {
        (a.period, a.area, a.platform, a.measure.rawValue) < (b.period, b.area, b.platform, b.measure.rawValue)
    }

    /// The observations of figures.csv, read a row at a time so that its rows are never all held at
    /// once, and the problems of its rows; nil when the file cannot be read whole (half a file's
    /// rows are not the release's figures).
    private func readFigures(in directory: String, rules: FigureRules,
                             log: inout DiagnosticLog) -> (observations: [Observation], rowProblems: DiagnosticLog)? {
        var rules = rules, rowProblems = DiagnosticLog()
        guard readTable("figures.csv", in: directory, Columns.figures, log: &log, each: { rules.read($0, log: &rowProblems) }) else { return nil }
        return (rules.observations, rowProblems)
    }

    /// The readable rows of a small CSV file of `Data/`, or nil when the file cannot be read (see below).
    private func readTable(_ name: String, in directory: String, _ columns: Columns,
                           log: inout DiagnosticLog) -> [TableReader.Record]? {
        var records: [TableReader.Record] = []
        return readTable(name, in: directory, columns, log: &log) { records.append($0) } ? records : nil
    }

    /// Reads a CSV file of `Data/` a row at a time, handing each readable row to `each`. False when
    /// the file cannot be read: it is missing or empty, its header is wrong, or its syntax has a
    /// fault, when the caller drops what it made of the rows before it.
    private func readTable(_ name: String, in directory: String, _ columns: Columns,
                           log: inout DiagnosticLog, each: (TableReader.Record) -> Void) -> Bool {
        let required = columns.required
        let path = directory + "/" + name
        do {
            guard let data = try InputFolder(path: directory, fileSystem: fileSystem).contents(of: name) else {
                log.error("missing file \(name); \(Self.requiredFiles)",
                          at: SourceLocation(path: path, line: 1, column: 1))
                return false
            }
            let source = try SourceText(path: path, data: data)
            log.merge(source.unsafeCharacters)
            if source.text.allSatisfy(\.isWhitespace) {
                log.error("the file is empty; it needs a header row: \(required.joined(separator: ","))",
                          at: source.location(line: 1, column: 1))
                return false
            }
            // The rows' shapes are reported only when the whole file parses: a fault in its syntax is its one error.
            var reader = TableReader(source: source, required: required, optional: columns.optional)
            var shapes = DiagnosticLog()
            try CSVParser().forEachRecord(in: source) { row in
                if let record = reader.read(row, log: &shapes) { each(record) }
            }
            log.merge(shapes)
            return reader.headerIsRight
        } catch let error as BriefingError {
            log.merge(error.diagnostics)
        } catch {
            log.error("cannot read \(name): \(error.localizedDescription)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        return false
    }

    private static func platforms(from records: [TableReader.Record], log: inout DiagnosticLog) -> [Platform] {
        var platforms: [Platform] = []
        var seen: [String: Int] = [:]
        var slugs: [String: (name: String, line: Int)] = [:]
        // Figure ids are built from slugs, and figures.csv also names `All platforms` and each
        // `<Owner>-owned apps`: a platform may not share a slug with those, nor two owners one.
        var reserved = [Area.slug(Platform.all): Platform.all, Area.slug(Platform.recorded): Platform.recorded]
        var owners: [String: (name: String, line: Int)] = [:]
        for record in records {
            let owner = record.text("owner")
            guard !owner.isEmpty else { continue }
            let slug = Area.slug(Platform.ownedGroup(owner))
            if let other = owners[slug], other.name != owner {
                log.append(record.error("owner '\(owner)' is too like '\(other.name)' on line \(other.line) (they differ only in case or punctuation); spell the owner the same way on every row", at: "owner"))
            } else if owners[slug] == nil {
                owners[slug] = (owner, record.line)
                reserved[slug] = Platform.ownedGroup(owner)
            }
        }
        for record in records {
            let name = record.text("platform")
            if name.isEmpty { log.append(record.error("the platform name is empty", at: "platform")); continue }
            if let line = seen[name] {
                log.append(record.error("platform '\(name)' is already listed on line \(line)", at: "platform"))
                continue
            }
            if let problem = Area.lostLetterProblem(in: name, holder: "a figure's id") {
                log.append(record.error(problem, at: "platform"))
                continue
            }
            if Area.slug(name).isEmpty {
                log.append(record.error("the platform name '\(name)' needs a letter or digit (A–Z, 0–9) for its figures' ids", at: "platform"))
                continue
            }
            if let group = reserved[Area.slug(name)] {
                log.append(record.error("'\(name)' is too like '\(group)', which figures.csv uses for \(group == Platform.all ? "every platform together" : group == Platform.recorded ? "every instance recorded" : "all of an owner's platforms"); rename the platform", at: "platform"))
                continue
            }
            if let other = slugs[Area.slug(name)] {
                log.append(record.error("platform '\(name)' is too like '\(other.name)' on line \(other.line) (they differ only in case or punctuation); rename one", at: "platform"))
                continue
            }
            seen[name] = record.line
            slugs[Area.slug(name)] = (name, record.line)
            let encrypted: Bool?
            switch record.text("end_to_end_encrypted").lowercased() {
            case "yes": encrypted = true
            case "no": encrypted = false
            case "": encrypted = nil
            case let other:
                log.append(record.error("end_to_end_encrypted must be 'yes', 'no' or empty (unknown), not '\(other)'", at: "end_to_end_encrypted"))
                continue
            }
            let owner = record.text("owner")
            // `catch_all: yes` marks a residual category ("Other platforms"): never ranked as a platform of its own.
            var catchAll = false
            switch record.text("catch_all").lowercased() {
            case "yes": catchAll = true
            case "no", "": break
            case let other:
                log.append(record.error("catch_all must be 'yes', 'no' or empty, not '\(other)'", at: "catch_all"))
                continue
            }
            var platform = Platform(name: name, owner: owner.isEmpty ? nil : owner, endToEndEncrypted: encrypted)
            platform.isCatchAll = catchAll
            platforms.append(platform)
        }
        return platforms
    }

    private static func sources(from records: [TableReader.Record], log: inout DiagnosticLog) -> [Source] {
        var sources: [Source] = []
        var seen: [String: Int] = [:]
        for record in records {
            let id = record.text("id")
            if let line = seen[id] {
                log.append(record.error("source id '\(id)' is already used on line \(line)", at: "id"))
                continue
            }
            seen[id] = record.line
            var ok = true
            // `published` may be left empty when the page gives no date: a date is never guessed.
            for column in ["id", "publisher", "title", "url"] where record.text(column).isEmpty {
                log.append(record.error("the \(column) of source '\(id)' is empty", at: column))
                ok = false
            }
            let url = record.text("url")
            if !url.isEmpty, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
                log.append(record.error("a source url must start with https:// or http:// (found '\(url)')", at: "url"))
                ok = false
            } else if let (offset, scalar) = url.unicodeScalars.enumerated().first(where: { Self.isForbiddenInURL($0.element) }) {
                // A link that breaks at a space, or hides a character, would not lead where the page says.
                let what = scalar == " " ? "a space" : scalar == "\t" ? "a tab" : "the invisible character U+\(String(format: "%04X", scalar.value))"
                let fix = scalar == " " ? "write a space as %20" : "remove it"
                log.append(record.error("a source url cannot contain spaces or invisible characters; it has \(what) at character \(offset + 1) (\(fix))", at: "url"))
                ok = false
            }
            let published = record.text("published")
            if !published.isEmpty, !Self.isDate(published) {
                log.append(record.error("'\(published)' is not a date; write it as YYYY-MM-DD", at: "published"))
                ok = false
            }
            if ok {
                sources.append(Source(id: id, publisher: record.text("publisher"), title: record.text("title"),
                                      url: url, published: published))
            }
        }
        return sources
    }

    /// Whitespace, control and format characters (such as a zero-width space) have no place in a URL.
    static func isForbiddenInURL(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || [.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        // A real day of a real month: 2021-02-31 is a typo, not a date.
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard let year = Int(parts[0]), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return (1...(days[month - 1] + (month == 2 && leap ? 1 : 0))).contains(day)
    }
}
