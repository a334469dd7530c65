import Foundation

/// The value an area's embeds are filled from, built once for all of them.
///
/// Every kind of embed of an area fills its content template from the same model (the area, as its
/// briefing page has it, with the values every page shares), so building the area's model and
/// converting it to template values once per embed did the same work five times. Embeds are taken
/// in plan order, an area's kinds one after another, so only the areas of the last few embeds are
/// kept: memory does not grow with the release.
final class EmbedContents: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(area: Area, value: TemplateValue)] = []
    /// How many areas are kept: more than the embeds in flight at once on every core.
    let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The value for `area`, made by `make` unless it was made for one of the last areas asked for.
    /// Two threads may both make it; it depends only on the area and the build, so either is the same.
    func value(for area: Area, _ make: () -> TemplateValue) -> TemplateValue {
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
