import Synchronization

/// The first write failure that every later write would share (a full disk, a read-only file system; see
/// `AtomicWriter.Failure.affectsEveryWrite` and `StageOutputs.Failure.affectsEveryWrite`), shared by the
/// workers of a run: once set, they take no new page and the run ends as a fatal output error instead of
/// failing page after page.
final class OutputFault: Sendable {
    private let failure = Mutex<String?>(nil)

    func record(_ message: String) {
        failure.withLock { if $0 == nil { $0 = message } }
    }

    var first: String? { failure.withLock { $0 } }
}
