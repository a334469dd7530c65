/// A published figure against the sum of its parts.
public struct ReconciliationModel: TemplateModel {
    public var area, period, platform: String
    public var isForces, isPlatforms: Bool
    public var parent, sum, gap: Figure
    public var reconciles: Bool
    public var missing: [String]
    public var missingNames: String
    public var short, hasMissing: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("area", \.area), .text("period", \.period), .text("platform", \.platform), .flag("is_forces", \.isForces),
        .flag("is_platforms", \.isPlatforms), .figure("parent", \.parent), .figure("sum", \.sum), .figure("gap", \.gap),
        .flag("reconciles", \.reconciles), .texts("missing", \.missing), .text("missing_names", \.missingNames),
        .flag("short", \.short), .flag("has_missing", \.hasMissing),
    ]}
}
