import Foundation

/// Builds the data each page template is filled from. Chooses nothing and words nothing:
/// it hands figures and flags to the templates, which own all prose.
public struct PageContextBuilder: Sendable {
    public let statistics: Statistics
    /// Areas with a row in the release period, and with a row in any period.
    private let areasInRelease: Set<String>
    private let areasWithRows: Set<String>
    /// Gaps between a published figure and its parts, by area.
    private let gapsByArea: [String: [Reconciliation]]
    /// The values every page shares, built once: pages differ only in their own data.
    private var shared: [String: TemplateValue] = [:]
    private var navValues: [String: TemplateValue] = [:]
    /// The nations and regions with figures in the release period, as the navigation lists them.
    private let navAreas: [Area]

    public init(statistics: Statistics) {
        self.statistics = statistics
        let observations = statistics.dataset.observations
        // An area has a page when a row gives it a figure for the release period, or a total across
        // periods that ends with it (Wales: "1,753 since 2017/18").
        let period = statistics.dataset.release.period
        areasInRelease = Set(observations.filter { $0.period == period || ($0.period.strictlyContains(period) && $0.period.last == period.last) }.map(\.area))
        areasWithRows = Set(observations.map(\.area))
        gapsByArea = Dictionary(grouping: statistics.reconciliations.filter { !$0.reconciles }, by: \.area)
        let inRelease = areasInRelease
        navAreas = statistics.dataset.areas.filter { ($0.kind == .nation || $0.kind == .region) && $0.parent != nil && inRelease.contains($0.name) }
        for area in navAreas { navValues[area.name] = .object(["name": .text(area.name), "url": .text(url(for: area))]) }
        shared = [
            "release": releaseValue,
            "national": dataset.top.map { areaValue($0) } ?? .bool(false),
            "context": .list(dataset.context.filter { !$0.isFinding }.map(contextValue)),
            "has_context": .bool(dataset.context.contains { !$0.isFinding }),
            "has_nations": .bool(!areasWithFigures(.nation).filter { $0.parent != nil }.isEmpty),
            "nations": .list(areasWithFigures(.nation).filter { $0.parent != nil }.map { areaValue($0) }),
            "has_regions": .bool(!areasWithFigures(.region).isEmpty),
            // Forces with a page whose nation or region has none: listed on the national page, so every page can be reached.
            "other_forces": .list(otherForces.map { areaValue($0) }),
            "has_other_forces": .bool(!otherForces.isEmpty),
            "regions": .list(areasWithFigures(.region).map { areaValue($0) }),
            // The regions table has a share column only when some region has the share.
            "has_region_shares": .bool(areasWithFigures(.region).contains { region in
                statistics.focusOwner.flatMap { statistics.current[region.name]?.owner($0)?.share } != nil
            }),
        ]
    }

    var dataset: Dataset { statistics.dataset }
    var release: Release { dataset.release }

    /// Areas of a kind that have figures in the release period, in `areas.csv` order.
    public func areasWithFigures(_ kind: Area.Kind, inRelease: Bool = true) -> [Area] {
        dataset.areas.filter { $0.kind == kind && (inRelease ? areasInRelease : areasWithRows).contains($0.name) }
    }

    /// Forces with a page of their own whose parent has none (its region published no figure of its own).
    var otherForces: [Area] {
        areasWithFigures(.force, inRelease: false).filter { force in
            guard let parent = force.parent.flatMap(dataset.area(named:)) else { return true }
            return parent.parent != nil && !areasInRelease.contains(parent.name)
        }
    }

    /// The areas whose quotes and notes a page carries: the top area for the national page; an
    /// area's own; a force's and its region's.
    func pageOwners(_ area: String?) -> [String] {
        guard let area, let listed = dataset.area(named: area) else { return [dataset.top?.name].compactMap { $0 } }
        return [listed.name] + (listed.kind == .force ? [listed.parent].compactMap { $0 } : [])
    }

    /// The values every page shares, plus the page's own. `area` is the page's area (nil for the
    /// national and methods pages), which chooses its quotes and notes; `region` is marked current
    /// in the navigation.
    public func context(root: String, region current: String? = nil, area: String? = nil,
                        page: [String: TemplateValue]) -> TemplateValue {
        var fields = shared
        fields["root"] = .text(root)
        // The navigation marks the page's own nation or region (or a force's) as current.
        // Past a handful of areas the list folds into a disclosure, so the masthead stays short on a phone.
        fields["nav_many"] = .bool(navAreas.count > 6)
        fields["nav_count"] = .text(String(navAreas.count))
        fields["nav"] = .list(navAreas.map { navArea in
            guard case .object(var item) = navValues[navArea.name] ?? .bool(false) else { return .bool(false) }
            item["current"] = .bool(navArea.name == current)
            return .object(item)
        })
        // A quote with no areas is the release's own, for the national page; a note with none is for every page.
        let owners = pageOwners(area)
        let quotes = dataset.quotes.filter { quote in
            quote.areas.isEmpty ? area == nil : quote.areas.contains { owners.contains($0) }
        }
        fields["quotes"] = .list(quotes.map(quoteValue))
        fields["has_quotes"] = .bool(!quotes.isEmpty)
        let findings = dataset.context.filter { item in
            item.isFinding && (item.areas.isEmpty ? area == nil : item.areas.contains { owners.contains($0) })
        }
        fields["findings"] = .list(findings.map(contextValue))
        fields["has_findings"] = .bool(!findings.isEmpty)
        let notes = release.notesToEditors.filter { note in note.areas.isEmpty || note.areas.contains { owners.contains($0) } }
        if case .object(var release) = fields["release"] {
            release["notes_to_editors"] = .list(notes.map { .text($0.text) })
            fields["release"] = .object(release)
        }
        fields.merge(page) { _, new in new }
        return .object(fields)
    }

    var releaseValue: TemplateValue {
        .object([
            "title": .text(release.title),
            "organisation": .text(release.organisation),
            "status": .text(release.status),
            "measure": .text(release.measure),
            "period": .text(release.period.name),
            "previous_period": dataset.previousPeriod.map { .text($0.name) } ?? .bool(false),
            "coverage": .list(release.coverage.map(coverageValue)),
            "current_coverage": release.coverage(for: release.period).map(coverageValue) ?? .bool(false),
            "contacts": .list(release.contacts.map { contact in
                .object(["name": .text(contact.name), "role": optional(contact.role), "email": optional(contact.email),
                         "phone": optional(contact.phone)])
            }),
            "notes_to_editors": .list(release.notesToEditors.filter(\.areas.isEmpty).map { .text($0.text) }),
            "subject": .object(["singular": .text(release.subject.singular), "plural": .text(release.subject.plural)]),
            "breakdown": .object(["singular": .text(release.subject.breakdownSingular), "plural": .text(release.subject.breakdownPlural),
                                  "known": .text(release.subject.known)]),
            "first_period": dataset.firstPeriod.map { .text($0.name) } ?? .bool(false),
            "headline_is_recorded": .bool(dataset.headlinePlatform == Platform.recorded),
            "series_periods": .list(dataset.seriesPeriods.map { .text($0.shortName) }),
            "boilerplate": .text(release.boilerplate),
        ])
    }

    func coverageValue(_ coverage: Release.Coverage) -> TemplateValue {
        .object([
            "period": .text(coverage.period.name),
            "every_period": .bool(coverage.everyPeriod),
            "several": .bool((coverage.forcesAnswered ?? 0) > 1),
            "area": optional(coverage.area),
            "forces": coverageFigure(coverage).map { .figure($0) } ?? .bool(false),
            "description": .text(coverage.description),
            "note": optional(coverage.note),
        ])
    }

    /// The number of forces that answered, as a figure with its source.
    func coverageFigure(_ coverage: Release.Coverage) -> Figure? {
        coverage.forcesAnswered.map {
            Figure(id: FigureID.make(["forces-answered", FigureID.part(coverage.everyPeriod ? nil : coverage.period)]
                                     + (coverage.area.map { [Area.slug($0)] } ?? [])),
                   label: "Police forces that answered\(coverage.area.map { ", \($0)" } ?? ""), \(coverage.everyPeriod ? "every period" : coverage.period.name)", value: .count($0),
                   derivation: .published(location: coverage.location), sources: coverage.source.map { [$0] } ?? [],
                   period: coverage.period)
        }
    }

    /// The disclosure-control threshold and, when any, the count of published cells it hid.
    var disclosureFigures: [Figure] {
        let hidden = dataset.hidden.map { FigureID.cell($0.area, $0.period, $0.platform, $0.measure.rawValue) }.sorted()
        let threshold = Figure(id: "disclosure-threshold", label: "Disclosure control: the largest count this briefing hides (a setting, not a published figure)",
                               value: .count(release.disclosureThreshold),
                               derivation: .published(location: SourceLocation(path: "release.yaml", line: 1, column: 1)), sources: [])
        guard !hidden.isEmpty else { return [threshold] }
        return [threshold, Figure(id: "disclosure-hidden-cells", label: "Published figures hidden by disclosure control",
                                  value: .count(hidden.count), derivation: .computed(.count, inputs: hidden), sources: [])]
    }

    var disclosureValue: TemplateValue {
        let figures = disclosureFigures
        return .object([
            "active": .bool(release.disclosureThreshold > 0),
            "threshold": .figure(figures[0]),
            "cells": figures.count > 1 ? .figure(figures[1]) : .bool(false),
        ])
    }

    /// An area's figures for the release period, with its previous period, comparison and change.
    public func areaValue(_ area: Area) -> TemplateValue {
        var fields = summaryFields(statistics.current[area.name])
        fields["name"] = .text(area.name)
        fields["display_name"] = .text(area.displayName)
        fields["slug"] = .text(area.slug)
        fields["is_nation"] = .bool(area.kind == .nation)
        // What the release says about this area's own coverage in the release period (Yorkshire: three of its four forces).
        fields["area_coverage"] = area.parent == nil ? .bool(false)
            : release.coverage.first { $0.area == area.name && $0.period == release.period && !$0.everyPeriod }.map(coverageValue) ?? .bool(false)

        fields["is_top"] = .bool(area.parent == nil)
        fields["url"] = .text(url(for: area))
        fields["is_force"] = .bool(area.kind == .force)
        fields["is_region"] = .bool(area.kind == .region)
        // Only a parent with a page of its own is linked: a region with no figures of its own has none.
        fields["parent"] = area.parent.flatMap(dataset.area(named:)).flatMap { parent in
            parent.parent == nil || areasInRelease.contains(parent.name) && parent.kind != .force
                ? .object(["name": .text(parent.name), "url": .text(url(for: parent))]) : nil
        } ?? .bool(false)
        if let previous = statistics.previous[area.name], previous.hasFigures {
            var previousFields = summaryFields(previous)
            let rows = forceRows(of: area, in: previous.period)
            previousFields["forces"] = .list(rows)
            previousFields["has_forces"] = .bool(!rows.isEmpty)
            // The series table already gives the total: a section of its own only for a breakdown.
            previousFields["has_breakdown"] = .bool(!rows.isEmpty || !previous.platforms.isEmpty)
            previousFields["name"] = .text(area.name)
            fields["previous"] = .object(previousFields)
        } else {
            fields["previous"] = .bool(false)
        }
        fields["comparison"] = statistics.comparisons[area.name].map(comparisonValue) ?? .bool(false)
        fields["change"] = statistics.changes[area.name].map(changeValue) ?? .bool(false)
        fields["change_from_first"] = statistics.changesFromFirst[area.name].map(changeValue) ?? .bool(false)
        if let series = statistics.series[area.name] {
            // One style of period name per table: "2017/18" only when every period has such a name.
            let short = dataset.seriesPeriods.allSatisfy { $0.shortName != $0.name }
            fields["series_has_markers"] = .bool(series.points.contains { $0.count?.value.marker != nil })
            fields["series_has_revisions"] = .bool(series.points.contains { $0.count?.revised == true })
            fields["series"] = .list(series.points.map { point in
                .object(["period": .text(short ? point.period.shortName : point.period.name), "period_name": .text(point.period.name),
                         "count": figure(point.count), "is_release": .bool(point.period == release.period)])
            })
            fields["has_series"] = .bool(series.hasSeries)
            fields["cumulative"] = .list(series.cumulative.map { total in
                .object(["total": .figure(total), "period": .text(total.period?.name ?? ""),
                         "calculated": .bool(total.derivation.isComputed)])
            })
            fields["has_cumulative"] = .bool(!series.cumulative.isEmpty)
            fields["published_changes"] = .list(series.publishedChanges.map { change in
                let base = change.basePeriod
                // Checked when the tool's own change from the same base is like for like.
                let own = [statistics.changes[area.name], statistics.changesFromFirst[area.name]].compactMap { $0 }
                    .first { $0.previous.period == base }
                return .object(["change": .figure(change), "since": .text(base?.shortName ?? ""),
                         "checked": .bool(own?.comparable == true),
                         "increase": .bool((change.value.number ?? 0) > 0), "decrease": .bool((change.value.number ?? 0) < 0)])
            })
            fields["has_published_changes"] = .bool(!series.publishedChanges.isEmpty)
        } else {
            for key in ["series", "cumulative", "published_changes"] { fields[key] = .list([]) }
            for key in ["has_series", "has_cumulative", "has_published_changes", "series_has_markers", "series_has_revisions"] { fields[key] = .bool(false) }
        }
        let rows = forceRows(of: area, in: release.period)
        fields["forces"] = .list(rows)
        fields["has_forces"] = .bool(!rows.isEmpty)
        return .object(fields)
    }

    /// The site path of an area's page, from the root.
    public func url(for area: Area) -> String {
        switch area.kind {
        case .country, .nation: area.parent == nil ? "" : "nations/\(area.slug)/"
        case .region: "regions/\(area.slug)/"
        case .force: "forces/\(area.slug)/"
        }
    }

    func summaryFields(_ summary: AreaSummary?) -> [String: TemplateValue] {
        guard let summary else {
            return ["period": .text(""), "gaps": .list([]), "headline": .bool(false), "has_headline": .bool(false), "headline_known_only": .bool(false), "recorded": .bool(false), "has_recorded": .bool(false), "total": .bool(false), "has_total": .bool(false), "platforms": .list([]), "largest": .bool(false), "has_platforms": .bool(false), "has_platform_counts": .bool(false), "owner": noOwner, "has_owner": .bool(false),
                    "has_figures": .bool(false), "columns": .list([]), "cells": .list([])]
        }
        let owner = statistics.focusOwner.flatMap { summary.owner($0) }
        return [
            "period": .text(summary.period.name),
            "has_figures": .bool(summary.hasFigures),
            "gaps": .list((gapsByArea[summary.area.name] ?? []).filter { $0.period == summary.period }.map(reconciliationValue)),
            // The count a page leads with: every instance recorded when published, else those where the breakdown was known.
            // The same count in every area and period: a table never sets every record beside the known subset.
            "headline": figure(headline(summary)),
            "has_headline": .bool(headline(summary).map { $0.value.marker == nil } ?? false),
            "headline_known_only": .bool(dataset.headlinePlatform == Platform.all),
            "recorded": figure(summary.recorded),
            "has_recorded": .bool(summary.recorded != nil && summary.recorded?.value.marker == nil),
            "total": figure(summary.total),
            // Prose needs a number; tables may show a marker.
            "has_total": .bool(summary.total?.value.marker == nil && summary.total != nil),
            "platforms": .list(summary.platforms.map(platformValue)),
            // Ranked only when every platform of its own has a count: a missing one could be the largest.
            "largest": largest(summary).map(platformValue) ?? .bool(false),
            "has_platforms": .bool(!summary.platforms.isEmpty),
            // Count columns are shown only where some count was published for the period.
            "has_platform_counts": .bool(summary.platforms.contains { $0.count != nil }),
            "owner": owner.map { ownerValue($0, platforms: summary.platforms) } ?? noOwner,
            // Each platform or owner the release is about, with its share of those where the breakdown was known.
            "focus": .list(dataset.focus.compactMap { name -> TemplateValue? in
                if let group = summary.owner(name) {
                    return .object(["name": .text(release.subject.ownerGroupName(name)), "is_owner": .bool(true), "share": figure(group.share), "count": figure(group.count),
                                    "share_is_published": .bool(group.publishedShare != nil)])
                }
                guard let item = summary.platforms.first(where: { $0.platform.name == name }) else { return nil }
                return .object(["name": .text(name), "is_owner": .bool(false), "share": figure(item.share), "count": figure(item.count),
                                "share_is_published": .bool({ if case .published = item.share?.derivation { return true } else { return false } }())])
            }),
            "has_owner": .bool(owner != nil),
            "columns": .list(dataset.platforms.map { .text($0.name) }),
            "cells": cells(summary),
        ]
    }

    /// The owner fields when no platform has an owner: every figure absent, so sections on them render nothing.
    var noOwner: TemplateValue {
        .object(["name": .text(""), "owner": .text(""), "count": .bool(false), "share": .bool(false),
                 "share_is_published": .bool(false), "published_share": .bool(false), "calculated_share": .bool(false),
                 "shares_disagree": .bool(false), "encrypted": .list([])])
    }

    func platformValue(_ item: PlatformBreakdown) -> TemplateValue {
        .object([
            "name": .text(item.platform.name),
            "count": figure(item.count),
            "share": figure(item.share),
            "share_of_owner": figure(item.shareOfOwner),
            "encrypted": .bool(item.platform.endToEndEncrypted == true),
            "owner_name": optional(item.platform.owner),
        ])
    }

    func ownerValue(_ group: OwnerGroup, platforms: [PlatformBreakdown]) -> TemplateValue {
        .object([
            "name": .text(release.subject.ownerGroupName(group.owner)),
            "owner": .text(group.owner),
            "count": figure(group.count),
            "share": figure(group.share),
            "share_is_published": .bool(group.publishedShare != nil),
            "published_share": figure(group.publishedShare),
            "calculated_share": figure(group.calculatedShare),
            "shares_disagree": .bool(group.sharesDisagree),
            "encrypted": .list(platforms.filter {
                $0.platform.owner == group.owner && $0.platform.endToEndEncrypted == true && $0.shareOfOwner != nil
            }.map(platformValue)),
        ])
    }

    func comparisonValue(_ comparison: ShareComparison) -> TemplateValue {
        .object([
            "subject": .text(comparison.subject),
            "share": .figure(comparison.share),
            "national": .figure(comparison.national),
            "difference": .figure(comparison.difference),
            "same": .bool(comparison.direction == .same),
            "similar": .bool(comparison.direction == .similar),
            "higher": .bool(comparison.direction == .higher),
            "lower": .bool(comparison.direction == .lower),
            "significant": .bool(comparison.direction == .higher || comparison.direction == .lower),
        ])
    }

    func changeValue(_ change: PeriodChange) -> TemplateValue {
        let difference = change.difference?.value.count ?? 0
        return .object([
            "comparable": .bool(change.comparable),
            "basis": basisValue(change),
            "current": .figure(change.current),
            "previous": .figure(change.previous),
            "previous_period": .text(change.previous.period?.name ?? ""),
            "current_period": .text(change.current.period?.name ?? ""),
            "difference": figure(change.difference),
            "percent": figure(change.percentChange),
            "increase": .bool(change.comparable && difference > 0),
            "decrease": .bool(change.comparable && difference < 0),
            "unchanged": .bool(change.comparable && difference == 0),
        ])
    }

    /// Why two periods can or cannot be compared, as flags and figures for `change.md` to word.
    func basisValue(_ change: PeriodChange) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        for flag in ["same_force", "forces_in_both", "all_forces", "different_forces", "forces_unknown", "coverage_differs", "coverage_unknown", "same_coverage", "forces_do_not_add_up", "different_lengths"] {
            fields[flag] = .bool(false)
        }
        func forceCount(_ ids: [String], _ period: Period?) -> TemplateValue {
            .figure(Figure(id: FigureID.make(["forces-with-figures", Area.slug(change.area), FigureID.part(period),
                                              "compared-with-" + FigureID.part(period == change.current.period ? change.previous.period : change.current.period)]),
                           label: "Forces of \(change.area) with a figure, \(period?.name ?? "")", value: .count(ids.count),
                           derivation: .computed(.count, inputs: ids), sources: [], period: period, area: change.area))
        }
        switch change.basis {
        case .sameForce:
            fields["same_force"] = .bool(true)
        case .forcesInBoth(let count, let total):
            fields["forces_in_both"] = .bool(true)
            // "Every force" only when no coverage the release gives for the area says fewer answered.
            let said = change.current.period.flatMap { release.coverage(for: $0, area: change.area)?.forcesAnswered }
            fields["all_forces"] = .bool(count == total && (said.map { $0 >= total } ?? true))
            let inBoth: [String]
            if case .computed(_, let ids) = change.current.derivation { inBoth = ids } else { inBoth = [] }
            fields["forces"] = forceCount(inBoth, change.current.period)
            fields["forces_in_area"] = .figure(Figure(
                id: FigureID.make(["forces-listed", Area.slug(change.area)]), label: "Forces of \(change.area) listed in areas.csv",
                value: .count(total), derivation: .computed(.count, inputs: dataset.children(of: change.area).map { Area.slug($0.name) }),
                sources: []))
        case .differentForces(let previous, let current):
            fields["different_forces"] = .bool(true)
            fields["forces_before"] = forceCount(previous, change.previous.period)
            fields["forces_now"] = forceCount(current, change.current.period)
        case .forcesUnknown(let period):
            fields["forces_unknown"] = .bool(true)
            fields["unknown_period"] = .text(period.name)
        case .coverageDiffers(let previous, let current):
            fields["coverage_differs"] = .bool(true)
            fields["before_several"] = .bool((previous.forcesAnswered ?? 0) != 1)
            fields["now_several"] = .bool((current.forcesAnswered ?? 0) != 1)
            fields["coverage_before"] = coverageFigure(previous).map { .figure($0) } ?? .bool(false)
            fields["coverage_now"] = coverageFigure(current).map { .figure($0) } ?? .bool(false)
        case .coverageUnknown:
            fields["coverage_unknown"] = .bool(true)
        case .forcesDoNotAddUp:
            fields["forces_do_not_add_up"] = .bool(true)
        case .differentLengths:
            fields["different_lengths"] = .bool(true)
        case .sameCoverage(let coverage):
            fields["same_coverage"] = .bool(true)
            fields["coverage"] = coverageValue(coverage)
        }
        return .object(fields)
    }

    /// One row per force of the area with any figure in the period, cells in `platforms.csv` order.
    func forceRows(of area: Area, in period: Period) -> [TemplateValue] {
        dataset.children(of: area.name).filter { $0.kind == .force }.compactMap { force -> TemplateValue? in
            let summary = period == release.period ? statistics.current[force.name] : statistics.previous[force.name]
            guard let summary, summary.hasFigures else { return nil }
            // The force's headline, as the region's: every record where published, else the known subset.
            return .object(["name": .text(force.name), "url": .text(url(for: force)), "total": figure(headline(summary)),
                            "cells": cells(summary)])
        }
    }

    /// One cell per platform in `platforms.csv` order: the count, or false when none was published.
    func cells(_ summary: AreaSummary) -> TemplateValue {
        .list(dataset.platforms.map { platform in
            .object(["value": figure(summary.platforms.first { $0.platform == platform }?.count)])
        })
    }

    func reconciliationValue(_ item: Reconciliation) -> TemplateValue {
        .object([
            "area": .text(item.area),
            "period": .text(item.period.name),
            "platform": .text(item.platform),
            "is_forces": .bool(item.kind == .areas),
            "is_platforms": .bool(item.kind != .areas),
            "parent": .figure(item.parent),
            "sum": .figure(item.sumFigure),
            "gap": .figure(item.gapFigure),
            "reconciles": .bool(item.reconciles),
            "missing": .list(item.missing.map { .text($0) }),
            "missing_names": .text(Self.listText(item.missing)),
            "short": .bool(item.gap > 0),
            "has_missing": .bool(!item.missing.isEmpty),
        ])
    }

    func quoteValue(_ quote: Quote) -> TemplateValue {
        .object([
            "speaker": .text(quote.speaker),
            "role": optional(quote.role),
            "organisation": .text(quote.organisation),
            "attribution": .text(quote.attribution),
            "paragraphs": .list(quote.paragraphs.map { .text($0) }),
            "source": sourceValue(quote.source),
        ])
    }

    func contextValue(_ item: ContextFigure) -> TemplateValue {
        var fields: [String: TemplateValue] = [
            "statement": .text(item.statement),
            "verified": .bool(item.verified),
            "note": optional(item.note),
            "phrase": optional(item.phrase),
            "of": optional(item.of),
            "source": sourceValue(item.source),
        ]
        // A number in the statement is shown as a figure, so that it links to its provenance.
        if let value = item.value, let figure = contextFigure(item), let range = ContextFigure.range(of: value, in: item.statement) {
            fields["before"] = .text(String(item.statement[..<range.lowerBound]))
            fields["figure"] = .figure(figure)
            fields["after"] = .text(String(item.statement[range.upperBound...]))
            fields["has_figure"] = .bool(true)
        } else {
            fields["has_figure"] = .bool(false)
        }
        return .object(fields)
    }

    func contextFigure(_ item: ContextFigure) -> Figure? {
        guard let text = item.value else { return nil }
        let measure: Measure = text.hasSuffix("%") ? .share : .count
        guard case .success(let quantity) = ValueParser.parse(text, measure: measure, quoted: true) else { return nil }
        let value: FigureValue = switch quantity {
        case .count(let n): .count(n)
        case .percent(let p, let decimals): .percent(p, decimals: decimals)
        case .marker(let marker): .marker(marker)
        }
        return Figure(id: FigureID.make([item.isFinding ? "finding" : "context", Area.slug(item.id)]),
                      label: (item.isFinding ? "" : "Cited: ") + item.statement.replacingOccurrences(of: text, with: "…") + (item.of.map { ", of \($0)" } ?? ""),
                      value: value,
                      derivation: .published(location: item.location),
                      sources: [item.source])
    }

    func sourceValue(_ id: String) -> TemplateValue {
        guard let source = dataset.source(id: id) else { return .bool(false) }
        return .object(["id": .text(source.id), "publisher": .text(source.publisher), "title": .text(source.title),
                        "url": .text(source.url), "published": source.published.isEmpty ? .bool(false) : .text(source.published)])
    }

    /// "Essex", "Essex and Suffolk", "Essex, Norfolk and Suffolk".
    static func listText(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The platform with the most, when every platform listed (catch-alls aside) has a count in the
    /// area and period and one is strictly ahead; nil otherwise.
    func largest(_ summary: AreaSummary) -> PlatformBreakdown? {
        let ranked = dataset.platforms.filter { !$0.isCatchAll }
        let counts = ranked.compactMap { platform in
            summary.platforms.first { $0.platform == platform }.flatMap { item in item.count?.value.count.map { (item, $0) } }
        }
        guard ranked.count >= 2, counts.count == ranked.count else { return nil }
        let sorted = counts.sorted { $0.1 > $1.1 }
        return sorted[0].1 > sorted[1].1 ? sorted[0].0 : nil
    }

    /// The area's count of the release's headline: every record (`All recorded`) or the known subset (`All platforms`).
    func headline(_ summary: AreaSummary) -> Figure? {
        dataset.headlinePlatform == Platform.recorded ? summary.recorded : summary.total
    }

    func figure(_ figure: Figure?) -> TemplateValue { figure.map { .figure($0) } ?? .bool(false) }
    func optional(_ text: String?) -> TemplateValue { text.map { .text($0) } ?? .bool(false) }
}
