/// The settings that make MinHash signatures comparable and turn them into clusters. They travel with the
/// signatures in stats.json, so that `wirepipe merge` clusters exactly as the runs that made the signatures
/// would have, whatever configuration the merge itself is given.
public struct SyndicationParameters: Codable, Equatable, Sendable {
    public var shingleSize: Int
    public var hashes: Int
    public var bands: Int
    public var threshold: Double
    public var minWords: Int

    public init(shingleSize: Int, hashes: Int, bands: Int, threshold: Double, minWords: Int) {
        self.shingleSize = shingleSize
        self.hashes = hashes
        self.bands = bands
        self.threshold = threshold
        self.minWords = minWords
    }

    enum CodingKeys: String, CodingKey {
        case shingleSize = "shingle_size"
        case hashes = "minhash_hashes"
        case bands = "minhash_bands"
        case threshold = "cluster_threshold"
        case minWords = "cluster_min_words"
    }
}

extension SyndicationParameters: Comparable {
    /// An arbitrary but total order, used only to make merging statistics with conflicting parameters
    /// commutative (the CLI refuses such merges before they happen).
    public static func < (a: SyndicationParameters, b: SyndicationParameters) -> Bool {
        (a.shingleSize, a.hashes, a.bands, a.threshold, a.minWords) < (b.shingleSize, b.hashes, b.bands, b.threshold, b.minWords)
    }
}
