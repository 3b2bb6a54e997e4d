import Foundation

/// `stats.part-I-of-N.json`: the statistics of one shard's pages, with the shard (I, N) and the hash of
/// the whole input list, so that `merge` can check it was given every shard of one run, each once.
/// The statistics inside are encoded as in stats.json: merging reads their counters only.
public struct PartialStatistics: Sendable {
    public var shard: Shard
    public var inputHash: String
    /// Pages of the whole input (before partitioning), for messages.
    public var inputPages: Int
    public var statistics: CorpusStatistics

    public init(shard: Shard, inputHash: String, inputPages: Int, statistics: CorpusStatistics) {
        self.shard = shard
        self.inputHash = inputHash
        self.inputPages = inputPages
        self.statistics = statistics
    }

    public static func fileName(for shard: Shard) -> String { "stats.\(shard.suffix).json" }

    /// Whether a file name is that of partial statistics (`stats.part-I-of-N.json`).
    public static func isPartialFileName(_ name: String) -> Bool {
        name.hasPrefix("stats.part-") && name.hasSuffix(".json") && name.contains("-of-")
    }

    struct Header: Codable {
        var index: Int
        var count: Int
        var inputHash: String
        var inputPages: Int

        enum CodingKeys: String, CodingKey {
            case index, count
            case inputHash = "input_hash"
            case inputPages = "input_pages"
        }
    }

    /// The file layout: `{"shard": {...}, "statistics": {...}}`.
    struct File: Codable {
        var shard: Header
        var statistics: CorpusStatistics
    }

    public static func encode(_ partial: PartialStatistics, settings: AggregateSettings) throws -> Data {
        try StatisticsFile.encoder(settings).encode(file(partial))
    }

    private static func file(_ partial: PartialStatistics) -> File {
        let header = Header(index: partial.shard.index, count: partial.shard.count, inputHash: partial.inputHash, inputPages: partial.inputPages)
        return File(shard: header, statistics: partial.statistics)
    }

    /// Written last by a shard, atomically (attempt-unique temporary name, then rename): its presence means
    /// the shard's articles are all in place. Streamed, as stats.json is.
    public static func write(_ partial: PartialStatistics, settings: AggregateSettings, to url: URL) throws {
        try StatisticsFile.encoder(settings).write(file(partial), to: url, durable: true)
    }

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .unreadable(let path, let why): return "\(path) is not a partial statistics file of this version: \(why)"
            }
        }
    }

    /// Whether some bytes hold partial statistics rather than a plain stats.json (a top-level `shard` key).
    public static func isPartial(_ data: Data) -> Bool {
        struct Probe: Decodable { var shard: Header? }
        return ((try? JSONDecoder().decode(Probe.self, from: data))?.shard) != nil
    }

    public static func decode(_ data: Data, path: String) throws(ReadError) -> PartialStatistics {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .unreadable(path, "\(error)")
        }
        let shard: Shard
        do {
            shard = try Shard(index: file.shard.index, count: file.shard.count)
        } catch {
            throw .unreadable(path, "bad shard \(file.shard.index)/\(file.shard.count)")
        }
        return PartialStatistics(shard: shard, inputHash: file.shard.inputHash, inputPages: file.shard.inputPages, statistics: file.statistics)
    }

    public static func read(_ url: URL) throws(ReadError) -> PartialStatistics? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try decode(data, path: url.path)
    }

    /// Why a set of partial statistics cannot be merged into the statistics of one run: mixed shard counts,
    /// mixed input lists, a shard given twice, or missing shards (named). Nil when the set is complete.
    public static func problem(with parts: [(path: String, partial: PartialStatistics)]) -> String? {
        guard let first = parts.first else { return "no partial statistics given" }
        let counts = Set(parts.map(\.partial.shard.count))
        if counts.count > 1 {
            let listed = parts.map { "\($0.path) (\($0.partial.shard))" }.joined(separator: ", ")
            return "the partial statistics come from splits into different numbers of shards (\(counts.sorted().map(String.init).joined(separator: ", "))): \(listed)"
        }
        let hashes = Set(parts.map(\.partial.inputHash))
        if hashes.count > 1 {
            let listed = parts.map { "\($0.path) (input \($0.partial.inputHash.prefix(12)), \($0.partial.inputPages) pages)" }.joined(separator: ", ")
            return "the partial statistics come from different input lists: \(listed)"
        }
        var seen: [Int: String] = [:]
        for (path, partial) in parts {
            if let earlier = seen[partial.shard.index] {
                return "shard \(partial.shard) is given twice: \(earlier) and \(path)"
            }
            seen[partial.shard.index] = path
        }
        let count = first.partial.shard.count
        let missing = (0..<count).filter { seen[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            return "missing shard\(missing.count == 1 ? "" : "s") \(names) of \(count) (stats.part-I-of-\(count).json not given); run \(missing.count == 1 ? "it" : "them") and merge again"
        }
        return nil
    }
}
