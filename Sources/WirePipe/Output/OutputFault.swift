import Synchronization

/// The first write failure that every later write would share (a full disk, a read-only file system; see
/// `AtomicWriter.Failure.affectsEveryWrite`), shared by the workers of a run: once set, they take no new
/// page and the run ends as a fatal output error instead of failing page after page.
final class OutputFault: Sendable {
    private let failure = Mutex<AtomicWriter.Failure?>(nil)

    func record(_ new: AtomicWriter.Failure) {
        failure.withLock { if $0 == nil { $0 = new } }
    }

    var first: AtomicWriter.Failure? { failure.withLock { $0 } }
}
