/// The build, as a list of named steps: load, compute, fill and render, write.
public struct BuildPipeline: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// What a build or check produced: the site and its warnings.
    public struct Result: Sendable {
        /// A check's site holds every file; a build's holds its figures, its files having gone to the output as they were made.
        public let site: Site
        public let warnings: [Diagnostic]
        public let release: Release
        /// Where the site was written (nil for a check).
        public var output: OutputFolder?
        /// Whether the release was under embargo at the build's clock.
        public var embargo: EmbargoState = .none
        /// Every file of the site, sorted.
        public var paths: [String] = []
        /// True when a build left the output as it was (same inputs, or every file the same).
        public var unchanged = false
    }

    /// What the files say, checked and computed: everything a site is built from.
    struct Prepared {
        let statistics: Statistics
        let templates: TemplateLibrary
        let embargo: EmbargoState
        let warnings: [Diagnostic]

        func builder(_ options: BuildOptions) -> SiteBuilder {
            var builder = SiteBuilder(statistics: statistics, templates: templates, builtAt: options.now, embargo: embargo, baseURL: options.baseURL)
            builder.stepFinished = options.stepFinished
            return builder
        }
    }

    /// Loads and checks the data and templates and computes the statistics; renders nothing.
    func prepare(_ options: BuildOptions) throws -> Prepared {
        var log = DiagnosticLog()
        // Data and templates are read independently, so that one run reports the faults in both.
        let loaded = Swift.Result { try Self.controlledData(from: options.data, fileSystem: fileSystem, log: &log) }
        let library = Swift.Result { try TemplateLibrary.load(from: options.templates, fileSystem: fileSystem) }
        guard case .success(let dataset) = loaded, case .success(let templates) = library else {
            let failures = [loaded.error, library.error].compactMap { $0 }.map { error in
                (error as? BriefingError) ?? BriefingError(step: "read files", .error("\(error)", at: nil))
            }
            throw BriefingError(step: failures.map(\.step).joined(separator: " and "), diagnostics: failures.flatMap(\.diagnostics))
        }
        let statistics = StatisticsEngine().run(dataset)
        log.merge(statistics.warnings)
        if options.strict, !log.diagnostics.isEmpty {
            throw BriefingError(step: "check warnings (--strict)",
                                diagnostics: log.diagnostics.map { Diagnostic(.error, $0.message, at: $0.location, lineText: $0.lineText) })
        }
        let embargo = EmbargoState(embargo: dataset.release.embargo, clock: options.clock ?? options.now)
        return Prepared(statistics: statistics, templates: templates, embargo: embargo, warnings: log.diagnostics)
    }

    /// The data, loaded and checked, with disclosure control applied. The loaded rows are held
    /// nowhere else, so the small counts are hidden where they lie rather than in a copy of every row.
    private static func controlledData(from directory: String, fileSystem: FileSystem, log: inout DiagnosticLog) throws -> Dataset {
        var data = try DataLoader(fileSystem: fileSystem).load(from: directory, log: &log)
        DisclosureControl(threshold: data.release.disclosureThreshold).control(&data)
        return data
    }

    /// Loads, computes and builds the site in memory; writes nothing.
    public func check(_ options: BuildOptions) throws -> Result {
        let prepared = try prepare(options)
        let site = try prepared.builder(options).build()
        return Result(site: site, warnings: prepared.warnings, release: prepared.statistics.dataset.release, embargo: prepared.embargo,
                      paths: site.files.map(\.path))
    }

    /// Every figure the data give, with no templates needed: what `briefing figures` lists.
    public func figures(_ options: BuildOptions) throws -> (figures: [Figure], release: Release, warnings: [Diagnostic]) {
        var log = DiagnosticLog()
        let dataset = try Self.controlledData(from: options.data, fileSystem: fileSystem, log: &log)
        let statistics = StatisticsEngine().run(dataset)
        log.merge(statistics.warnings)
        return (FigureLedger(statistics: statistics, builder: PageContextBuilder(statistics: statistics)).sorted, dataset.release, log.diagnostics)
    }

    /// Builds and writes the site to `options.output`, all or nothing, each batch of pages written to
    /// the staging folder as it is rendered (so the site is never held in memory whole).
    ///
    /// The output folder is checked before anything is computed, and its faults are reported
    /// together with those of the data and templates. Faults found while rendering leave the
    /// output as it was. With `options.tool`, a build from the same inputs as the site in the
    /// output, left as that build wrote it, renders nothing.
    public func build(_ options: BuildOptions) throws -> Result {
        let output = Swift.Result {
            try OutputFolder.resolve(options.output, data: options.data, templates: options.templates, fileSystem: fileSystem)
        }.flatMap { folder in Swift.Result { try folder.checkMarked(fileSystem: fileSystem); return folder } }
        let checked = Swift.Result { try prepare(options) }
        guard case .success(let prepared) = checked, case .success(let folder) = output else {
            let failures = [output.error, checked.error].compactMap { $0 }.map { error in
                (error as? BriefingError) ?? BriefingError(step: "build", .error("\(error)", at: nil))
            }
            throw BriefingError(step: failures.map(\.step).joined(separator: " and "), diagnostics: failures.flatMap(\.diagnostics))
        }
        let inputs = options.tool.flatMap { BuildFingerprint(tool: $0, fileSystem: fileSystem).digest(options, embargo: prepared.embargo) }
        var summary: Site?
        let outcome = try SiteWriter(fileSystem: fileSystem).write(to: folder, inputs: inputs) { sink in
            options.stepFinished?()
            summary = try prepared.builder(options).build(into: sink)
        }
        return Result(site: summary ?? Site(files: []), warnings: prepared.warnings + outcome.warnings,
                      release: prepared.statistics.dataset.release, output: folder, embargo: prepared.embargo,
                      paths: outcome.paths, unchanged: outcome.unchanged)
    }
}

private extension Swift.Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
