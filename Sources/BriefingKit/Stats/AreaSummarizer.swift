/// Computes an area's totals, platform counts and shares for one period. Pure; never formats.
public struct AreaSummarizer: Sendable {
    public let dataset: Dataset

    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    public func summary(of area: Area, in period: Period) -> AreaSummary {
        let recorded = published(area.name, period, Platform.recorded, .count)
        let total = published(area.name, period, Platform.all, .count)
        let totalCount = total?.value.count
        let owners = dataset.owners.map { ownerGroup($0, area: area, period: period, total: total) }

        let platforms = dataset.platforms.compactMap { platform -> PlatformBreakdown? in
            let count = published(area.name, period, platform.name, .count)
            var share = published(area.name, period, platform.name, .share)
            if share == nil, let count, let n = count.value.count, let total, let d = totalCount {
                share = Ratio.share(n, of: d, id: FigureID.cell(area.name, period, platform.name, "share-calculated"),
                                    label: "Share on \(platform.name) of \(words.plural) recorded \(words.known), \(area.displayName), \(period.name)",
                                    inputs: [count, total], period: period, area: area.name)
            }
            var ofOwner: Figure?
            if let owner = platform.owner, let group = owners.first(where: { $0.owner == owner })?.count,
               let count, let n = count.value.count, let d = group.value.count {
                ofOwner = Ratio.share(n, of: d, id: FigureID.cell(area.name, period, platform.name, "share-of-\(Area.slug(Platform.ownedGroup(owner)))"),
                                      label: "\(platform.name)'s share of \(words.plural) on \(words.ownerGroupName(owner)), \(area.displayName), \(period.name)",
                                      inputs: [count, group], period: period, area: area.name)
            }
            guard count != nil || share != nil else { return nil }
            return PlatformBreakdown(platform: platform, count: count, share: share, shareOfOwner: ofOwner)
        }
        return AreaSummary(area: area, period: period, recorded: recorded, total: total, platforms: platforms, owners: owners)
    }

    private func ownerGroup(_ owner: String, area: Area, period: Period, total: Figure?) -> OwnerGroup {
        let name = Platform.ownedGroup(owner)
        let owned = dataset.platforms(ownedBy: owner)
        var count = published(area.name, period, name, .count)
        if count == nil {
            let parts = owned.compactMap { published(area.name, period, $0.name, .count) }
            let numbers = parts.compactMap(\.value.count)
            if !owned.isEmpty, numbers.count == owned.count {
                count = Figure(id: FigureID.cell(area.name, period, name, "count-calculated"),
                               label: "\(words.plural.withCapitalFirstLetter) on \(words.ownerGroupName(owner)), \(area.displayName), \(period.name)",
                               value: .count(numbers.reduce(0, +)),
                               derivation: .computed(.sum, inputs: parts.map(\.id)),
                               sources: Ratio.sources(of: parts), period: period, area: area.name)
            }
        }
        let publishedShare = published(area.name, period, name, .share)
        var calculated: Figure?
        if let count, let n = count.value.count, let total, let d = total.value.count {
            calculated = Ratio.share(n, of: d, id: FigureID.cell(area.name, period, name, "share-calculated"),
                                     label: "Share on \(words.ownerGroupName(owner)) of \(words.plural) recorded \(words.known), \(area.displayName), \(period.name)",
                                     inputs: [count, total], period: period, area: area.name)
        }
        var disagree = false
        if case .percent(let p, let decimals)? = publishedShare?.value, let c = calculated?.value.number {
            disagree = !Ratio.roundsTo(c, published: p, decimals: decimals)
        }
        return OwnerGroup(owner: owner, name: name, count: count, share: publishedShare ?? calculated,
                          publishedShare: publishedShare, calculatedShare: calculated, sharesDisagree: disagree)
    }

    /// The release's words for what is counted, for figure labels.
    var words: Subject { dataset.release.subject }

    /// Whether the area's published headline count for the period is exactly the sum of its forces'
    /// counts there: only then is the area's figure those forces and no others.
    func isSumOfItsForces(_ area: Area, in period: Period) -> Bool {
        let headline = dataset.headlinePlatform
        guard let total = published(area.name, period, headline, .count)?.value.count else { return false }
        let forces = dataset.children(of: area.name).filter { $0.kind == .force }
        return total == forces.compactMap { published($0.name, period, headline, .count)?.value.count }.reduce(0, +)
    }

    /// The published figure for a cell, as a `Figure`.
    func published(_ area: String, _ period: Period, _ platform: String, _ measure: Measure) -> Figure? {
        guard let row = dataset.observation(period, area, platform, measure) else { return nil }
        return dataset.publishedFigure(of: row)
    }

    /// The id of a published row's figure.
    static func id(for row: Observation) -> String {
        // A change is one of possibly several from different base periods: the base is part of its id.
        let measure = row.basePeriod.map { "\(row.measure.rawValue)-since-\($0.first.code)-\($0.last.code)" } ?? row.measure.rawValue
        return FigureID.cell(row.area, row.period, row.platform, measure)
    }

    /// A published row as a figure, labelled in the release's words.
    static func figure(for row: Observation, in dataset: Dataset) -> Figure {
        let words = dataset.release.subject
        let value: FigureValue = switch row.value {
        case .count(let n): .count(n)
        case .percent(let p, let decimals) where row.measure == .change: .change(p, decimals: decimals)
        case .percent(let p, let decimals): .percent(p, decimals: decimals)
        case .marker(let marker): .marker(marker)
        }
        let plural = words.plural.withCapitalFirstLetter
        let platform = row.platform.hasSuffix("-owned apps") ? words.ownerGroupName(String(row.platform.dropLast("-owned apps".count))) : row.platform
        let what = switch (row.platform, row.measure) {
        case (Platform.recorded, .count): "\(plural) recorded"
        case (Platform.all, .count): "\(plural) recorded \(words.known)"
        case (Platform.recorded, .change): "Change in \(words.plural) recorded since \(row.basePeriod?.name ?? "")"
        case (Platform.all, .change): "Change in \(words.plural) recorded \(words.known) since \(row.basePeriod?.name ?? "")"
        case (_, .count): "\(plural) on \(platform)"
        case (_, .share): "Share on \(platform) of \(words.plural) recorded \(words.known)"
        case (_, .change): "Change in \(words.plural) on \(platform) since \(row.basePeriod?.name ?? "")"
        }
        var figure = Figure(id: id(for: row),
                            label: "\(what), \(dataset.displayName(of: row.area)), \(row.period.name)",
                            value: value, derivation: .published(location: row.location), sources: [row.source],
                            period: row.period, area: row.area)
        figure.note = row.note
        figure.basePeriod = row.basePeriod
        figure.revised = row.revised
        return figure
    }
}
