import Foundation

/// An exclusive `flock` on `<output>/wirepipe.lock`, held for a whole run so that two runs never write the
/// same output folder. The kernel drops the lock when the process ends, however it ends, so a killed run
/// never leaves a stale lock behind. The holder's pid is written into the file for the refusal message.
public final class RunLock: Sendable {
    public static let fileName = "wirepipe.lock"

    private let descriptor: Int32

    public struct Busy: Error, CustomStringConvertible {
        public var folder: String
        public var holder: String?
        public var reason: String?

        public var description: String {
            if let reason { return "cannot lock the output folder \(folder): \(reason)" }
            let who = holder.map { " (pid \($0))" } ?? ""
            return "another wirepipe run\(who) is writing to \(folder); wait for it to finish, or use another --output"
        }
    }

    /// `name`: the lock file (a shard's is its own, see `OutputLayout.lockName`). With `wait`, a held lock
    /// is waited for instead of refused: a duplicate attempt of a shard then finds the shard done and skips it.
    public init(folder: URL, name: String = RunLock.fileName, wait: Bool = false) throws(Busy) {
        let path = folder.appendingPathComponent(name).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Busy(folder: folder.path, reason: String(cString: strerror(errno))) }
        var locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        while !locked, wait, errno == EWOULDBLOCK || errno == EINTR {
            locked = flock(fd, LOCK_EX) == 0
        }
        guard locked else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(fd, &buffer, buffer.count)
            close(fd)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
            throw Busy(folder: folder.path, holder: holder, reason: busy ? nil : reason)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        descriptor = fd
    }

    deinit {
        // Closing the descriptor releases the lock.
        close(descriptor)
    }
}
