import Synchronization

/// Set (from a signal handler) to stop a run: workers finish the page in hand, take no new one, and the
/// runner records what was done. Checking it is one relaxed atomic load per page.
public final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public func stop() { stopped.store(true, ordering: .relaxed) }

    public var isStopped: Bool { stopped.load(ordering: .relaxed) }
}
