import Foundation

/// The values an area's embeds are filled from, built once for all of them.
///
/// Every kind of embed of an area fills its content template from the same model (the area, as its
/// briefing page has it, with the values every page shares), so building the area's model and
/// converting it to template values once per embed did the same work five times; the layout of each
/// differs only in its own fields, set over the same frame (the shared values, the navigation, the
/// area's quotes and findings, converted once per area too). Embeds are taken
/// in plan order, an area's kinds one after another, so only the areas of the last few embeds are
/// kept: memory does not grow with the release.
final class EmbedContents: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(area: Area, value: Values)] = []
    /// How many areas are kept: more than the embeds in flight at once on every core.
    let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// An area's content value, and the frame its embeds' layouts are filled over.
    struct Values: Sendable {
        let content: TemplateValue
        let frame: [String: TemplateValue]

        /// The frame with a layout's own fields set over it, as `PageModel` sets a page's over the shared ones.
        func layout(_ model: some TemplateModel) -> TemplateValue {
            guard case .object(let own) = model.templateValue else { preconditionFailure("a model's value is an object") }
            return .object(frame.merging(own) { _, page in page })
        }
    }

    /// The values for `area`, made by `make` unless they were made for one of the last areas asked for.
    /// Two threads may both make them; they depend only on the area and the build, so either is the same.
    func values(for area: Area, _ make: () -> Values) -> Values {
        if let known = lock.withLock({ recent.last { $0.area == area }?.value }) { return known }
        let value = make()
        lock.withLock {
            if !recent.contains(where: { $0.area == area }) {
                recent.append((area, value))
                if recent.count > capacity { recent.removeFirst() }
            }
        }
        return value
    }
}

/// A page of no fields of its own: `PageModel<NoPageModel>` is the frame every template of a page shares.
struct NoPageModel: TemplateModel {
    static var fields: [TemplateField<Self>] { [] }
}
