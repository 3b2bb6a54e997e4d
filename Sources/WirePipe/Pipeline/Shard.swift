import Crypto
import Foundation

/// One share of a run split across machines or tasks (`wirepipe run --shard I/N`, I counted from 0).
/// A page belongs to the shard given by a stable hash of its id (sha256, the same on every machine and in
/// every process, unlike Swift's seeded `Hasher`), so adding or removing pages never moves the others
/// from one shard to another, and any shard can tell which article files are its own.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public enum ParseError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self {
            case .malformed(let text): return "--shard must be I/N with 0 <= I < N (shards counted from 0), not '\(text)'"
            }
        }
    }

    public init(index: Int, count: Int) throws(ParseError) {
        guard count >= 1, index >= 0, index < count else { throw .malformed("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            throw .malformed(text)
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// `part-I-of-N`: the suffix of this shard's manifest, lock, run report and partial statistics, so
    /// that shards sharing an output folder never share one of them.
    public var suffix: String { "part-\(index)-of-\(count)" }

    /// The shard a page id belongs to among `count` shards.
    public static func index(ofPageID id: String, count: Int) -> Int {
        let digest = Array(SHA256.hash(data: Data(id.utf8)))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count))
    }

    public func contains(pageID id: String) -> Bool {
        Self.index(ofPageID: id, count: count) == index
    }

    /// A hash of the whole input list (every page's relative path, sorted), seen before partitioning: the
    /// shards of one run carry the same one, and `merge` refuses partial statistics of different inputs.
    public static func inputHash(relativePaths: [String]) -> String {
        var hasher = SHA256()
        for path in relativePaths.sorted() {
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0x0a]))
        }
        return hasher.finalize().hexString
    }
}
