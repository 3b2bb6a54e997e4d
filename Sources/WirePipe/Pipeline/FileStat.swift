import Crypto
import Foundation

/// Size and modification time of a file: all an unchanged page costs a run.
struct FileStat: Equatable, Sendable {
    var size: Int64
    /// Nanoseconds since 1970, so two writes within one second still differ.
    var mtime: Int64

    init(size: Int64, mtime: Int64) {
        self.size = size
        self.mtime = mtime
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// sha256 of the file's bytes, as fetch computes it; nil when the file cannot be read.
    static func sha256(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SHA256.hash(data: data).hexString
    }
}
