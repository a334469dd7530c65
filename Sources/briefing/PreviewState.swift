import FlyingFox
import Foundation

/// What `briefing serve` knows between requests: which build is current (a number that grows with
/// every rebuild, good or failed), the diagnostics of the last rebuild when it failed, and the open
/// pages' sockets, told the new number after each rebuild so that they reload.
actor PreviewState {
    private(set) var generation = 0
    /// The last rebuild's diagnostics, as the terminal shows them; nil when it succeeded.
    private(set) var failure: [String]?
    /// Whether a build has ever succeeded, so that there is a site to show under a failure.
    private(set) var hasSite = false
    private var sockets: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    /// When the site must be built again with nothing changed: the moment its embargo lifts.
    private var rebuildAt: Date?

    /// Asks for a rebuild at `date` (nil: none), for a site judged by the system clock.
    func rebuild(at date: Date?) { rebuildAt = date }

    /// Whether the asked-for moment has come; it is then forgotten, so that it is acted on once.
    func rebuildIsDue(now: Date) -> Bool {
        guard let rebuildAt, now >= rebuildAt else { return false }
        self.rebuildAt = nil
        return true
    }

    /// Records a rebuild's outcome and tells every open page.
    func finished(failure: [String]?) {
        generation += 1
        self.failure = failure
        if failure == nil { hasSite = true }
        for socket in sockets.values { socket.yield(.text(Self.message(generation))) }
    }

    /// A page's socket: told the current build at once (the page may be older), then each new one.
    func open(_ socket: AsyncStream<WSMessage>.Continuation) -> UUID {
        let id = UUID()
        sockets[id] = socket
        socket.yield(.text(Self.message(generation)))
        return id
    }

    func close(_ id: UUID) {
        sockets[id]?.finish()
        sockets[id] = nil
    }

    func closeAll() {
        for socket in sockets.values { socket.finish() }
        sockets = [:]
    }

    static func message(_ generation: Int) -> String { "generation \(generation)" }
}

/// The reload socket at `/_briefing/socket`.
struct ReloadSocket: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = await state.open(continuation)
        let state = self.state
        Task {
            // The page says nothing; its stream ends when it goes away.
            for await _ in client {}
            await state.close(id)
        }
        return messages
    }
}
