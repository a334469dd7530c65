/// Why two periods can or cannot be compared: one flag set, with the figures `basis.md` words it with.
public struct ChangeBasisModel: TemplateModel {
    public var sameForce = false, forcesInBoth = false, allForces = false, differentForces = false, forcesUnknown = false
    public var coverageDiffers = false, coverageUnknown = false, sameCoverage = false, forcesDoNotAddUp = false, differentLengths = false
    /// Forces in both periods, of those listed (forces in both).
    public var forces, forcesInArea: Figure?
    /// Forces with a figure in each period (different forces).
    public var forcesBefore, forcesNow: Figure?
    /// The period whose forces are not known (forces unknown).
    public var unknownPeriod: String?
    /// Forces that answered in each period (coverage differs).
    public var beforeSeveral = false, nowSeveral = false
    public var coverageBefore, coverageNow: Figure?
    /// The coverage both periods share (same coverage).
    public var coverage: CoverageModel?

    public init() {}

    public static var fields: [TemplateField<Self>] {[
        .flag("same_force", \.sameForce), .flag("forces_in_both", \.forcesInBoth), .flag("all_forces", \.allForces),
        .flag("different_forces", \.differentForces), .flag("forces_unknown", \.forcesUnknown), .flag("coverage_differs", \.coverageDiffers),
        .flag("coverage_unknown", \.coverageUnknown), .flag("same_coverage", \.sameCoverage),
        .flag("forces_do_not_add_up", \.forcesDoNotAddUp), .flag("different_lengths", \.differentLengths),
        .figure("forces", \.forces), .figure("forces_in_area", \.forcesInArea), .figure("forces_before", \.forcesBefore),
        .figure("forces_now", \.forcesNow), .text("unknown_period", \.unknownPeriod), .flag("before_several", \.beforeSeveral),
        .flag("now_several", \.nowSeveral), .figure("coverage_before", \.coverageBefore), .figure("coverage_now", \.coverageNow),
        .optional("coverage", \.coverage),
    ]}
}
