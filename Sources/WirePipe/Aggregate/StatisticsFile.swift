import Foundation

/// Reading and writing stats.json, in one place so that a run, `merge` and `stats` with filters all write
/// byte-identical files for identical statistics (sorted keys, same userInfo settings).
public enum StatisticsFile {
    public static func encode(_ stats: CorpusStatistics, settings: AggregateSettings) throws -> Data {
        Data(try encodedBytes(stats, settings: settings))
    }

    private static func encodedBytes(_ stats: CorpusStatistics, settings: AggregateSettings) throws -> [UInt8] {
        try encoder(settings).encodedBytes(stats)
    }

    /// Streamed to the file as it is encoded: the file grows with the corpus (its syndication sections), and
    /// the end of a run is when memory peaks. The bytes are those `encode` returns.
    public static func write(_ stats: CorpusStatistics, settings: AggregateSettings, to url: URL) throws {
        try encoder(settings).write(stats, to: url, durable: true)
    }

    static func encoder(_ settings: AggregateSettings) -> SortedJSONEncoder {
        var encoder = SortedJSONEncoder(prettyPrinted: true)
        encoder.userInfo[CorpusStatistics.lengthBinsKey] = settings.lengthBins
        encoder.userInfo[CorpusStatistics.topKKey] = settings.topK
        return encoder
    }

    public enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .missing(let path): return "no statistics at \(path)"
            case .unreadable(let path, let why): return "\(path) is not a statistics file of this version (format \(CorpusStatistics.formatVersion)): \(why)"
            }
        }
    }

    /// Reads a stats.json, or the stats.json inside a folder.
    public static func read(_ url: URL) throws(ReadError) -> CorpusStatistics {
        var isFolder: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? OutputLayout(root: url).statistics : url
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .missing(file.path) }
        do {
            return try JSONDecoder().decode(CorpusStatistics.self, from: data)
        } catch {
            throw .unreadable(file.path, "\(error)")
        }
    }
}
