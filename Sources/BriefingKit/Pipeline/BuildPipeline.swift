/// The build, as a list of named steps: load, compute, fill and render, write.
public struct BuildPipeline: Sendable {
    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// What a build or check produced: the site (not yet written) and its warnings.
    public struct Result: Sendable {
        public let site: Site
        public let warnings: [Diagnostic]
        public let release: Release
        /// Where the site was written (nil for a check).
        public var output: OutputFolder?
        /// Whether the release was under embargo at the build's clock.
        public var embargo: EmbargoState = .none
    }

    /// Loads, computes and builds the site in memory; writes nothing.
    public func check(_ options: BuildOptions) throws -> Result {
        var log = DiagnosticLog()
        // Data and templates are read independently, so that one run reports the faults in both.
        let loaded = Swift.Result { try DataLoader(fileSystem: fileSystem).load(from: options.data, log: &log) }
        let library = Swift.Result { try TemplateLibrary.load(from: options.templates, fileSystem: fileSystem) }
        guard case .success(let data) = loaded, case .success(let templates) = library else {
            let failures = [loaded.error, library.error].compactMap { $0 }.map { error in
                (error as? BriefingError) ?? BriefingError(step: "read files", .error("\(error)", at: nil))
            }
            throw BriefingError(step: failures.map(\.step).joined(separator: " and "), diagnostics: failures.flatMap(\.diagnostics))
        }
        let dataset = DisclosureControl(threshold: data.release.disclosureThreshold).apply(to: data).dataset
        let statistics = StatisticsEngine().run(dataset)
        log.merge(statistics.warnings)
        let embargo = EmbargoState(embargo: dataset.release.embargo, clock: options.clock ?? options.now)
        let site = try SiteBuilder(statistics: statistics, templates: templates, builtAt: options.now, embargo: embargo,
                                   baseURL: options.baseURL).build()
        if options.strict, !log.diagnostics.isEmpty {
            throw BriefingError(step: "check warnings (--strict)",
                                diagnostics: log.diagnostics.map { Diagnostic(.error, $0.message, at: $0.location, lineText: $0.lineText) })
        }
        return Result(site: site, warnings: log.diagnostics, release: dataset.release, embargo: embargo)
    }

    /// Every figure the data give, with no templates needed: what `briefing figures` lists.
    public func figures(_ options: BuildOptions) throws -> (figures: [Figure], release: Release, warnings: [Diagnostic]) {
        var log = DiagnosticLog()
        let data = try DataLoader(fileSystem: fileSystem).load(from: options.data, log: &log)
        let dataset = DisclosureControl(threshold: data.release.disclosureThreshold).apply(to: data).dataset
        let statistics = StatisticsEngine().run(dataset)
        log.merge(statistics.warnings)
        return (FigureLedger(statistics: statistics, builder: PageContextBuilder(statistics: statistics)).sorted, dataset.release, log.diagnostics)
    }

    /// Builds and writes the site to `options.output`, all or nothing.
    ///
    /// The output folder is checked before anything is computed, and its faults are reported
    /// together with those of the data and templates.
    public func build(_ options: BuildOptions) throws -> Result {
        let output = Swift.Result {
            try OutputFolder.resolve(options.output, data: options.data, templates: options.templates, fileSystem: fileSystem)
        }.flatMap { folder in Swift.Result { try folder.checkMarked(fileSystem: fileSystem); return folder } }
        let checked = Swift.Result { try check(options) }
        guard case .success(var result) = checked, case .success(let folder) = output else {
            let failures = [output.error, checked.error].compactMap { $0 }.map { error in
                (error as? BriefingError) ?? BriefingError(step: "build", .error("\(error)", at: nil))
            }
            throw BriefingError(step: failures.map(\.step).joined(separator: " and "), diagnostics: failures.flatMap(\.diagnostics))
        }
        let outcome = try SiteWriter(fileSystem: fileSystem).write(result.site, to: folder)
        result = Result(site: result.site, warnings: result.warnings + outcome.warnings, release: result.release, output: folder,
                        embargo: result.embargo)
        return result
    }
}

private extension Swift.Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
