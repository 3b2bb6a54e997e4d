import Foundation

/// Writes files atomically: the bytes go to a temporary name in the same folder, then `rename` puts them
/// in place, so a reader (or a run killed half-way) never sees a half-written file. Plain POSIX writes,
/// without fsync per file: a crash can lose the newest files but never leaves a torn one, and the next
/// run redoes what is missing. `durable: true` adds fsync for the files that must survive a power cut.
public enum AtomicWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// The errno of the failed call.
        public var code: Int32 = 0
        public var description: String { "cannot write \(path): \(reason)" }

        /// A failure every later write to the folder would share: no room (a full disk, a quota, a file-size
        /// limit) or a read-only file system. Going on would only fail page after page.
        public var affectsEveryWrite: Bool { [ENOSPC, EDQUOT, EFBIG, EROFS].contains(code) }
    }

    public static func write(_ data: some ContiguousBytes, to url: URL, durable: Bool = false) throws(Failure) {
        let file = try TemporaryFile(for: url)
        var failure: Int32?
        data.withUnsafeBytes { raw in failure = file.append(raw) }
        try file.finish(failure: failure, durable: durable)
    }

    /// The same for a file produced piece by piece: `produce` is handed a sink that appends bytes, so a file
    /// larger than the memory one wants to spend on it (stats.json of a large corpus) is never held whole.
    /// The file is put in place only when `produce` returns; an error from it or from a write leaves nothing.
    public static func write(to url: URL, durable: Bool = false, _ produce: (_ append: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let file = try TemporaryFile(for: url)
        do {
            try produce { bytes in
                if let code = file.append(bytes) { throw Failure(path: url.path, reason: String(cString: strerror(code)), code: code) }
            }
        } catch {
            file.abandon()
            throw error
        }
        try file.finish(failure: nil, durable: durable)
    }

    /// A file open under its attempt-unique temporary name beside `url`.
    private struct TemporaryFile {
        let url: URL
        let path: String
        let fd: Int32

        init(for url: URL) throws(Failure) {
            self.url = url
            path = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure(path: url.path, reason: String(cString: strerror(errno)), code: errno) }
        }

        /// Writes all of `raw`; the errno of a failed write, or nil.
        func append(_ raw: UnsafeRawBufferPointer) -> Int32? {
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }

        func abandon() {
            close(fd)
            unlink(path)
        }

        /// Syncs when asked, closes and renames into place; on any failure removes the temporary file.
        func finish(failure: Int32?, durable: Bool) throws(Failure) {
            var failure = failure
            if failure == nil, durable, fsync(fd) != 0 { failure = errno }
            if close(fd) != 0, failure == nil { failure = errno }
            if failure == nil, rename(path, url.path) != 0 { failure = errno }
            if let failure {
                unlink(path)
                throw Failure(path: url.path, reason: String(cString: strerror(failure)), code: failure)
            }
        }
    }

    /// Removes temporary files that a killed run left behind in a folder; with `owned`, only those whose
    /// target file name (`.<target>.tmp-<pid>-<random>`) it accepts.
    public static func removeLeftovers(in folder: URL, owned: ((String) -> Bool)? = nil) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-") else { continue }
            if let owned, !owned(String(name[name.index(after: name.startIndex)..<marker.lowerBound])) { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
