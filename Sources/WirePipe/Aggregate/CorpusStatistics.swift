import Foundation

/// Corpus-wide statistics as a mergeable value: only integer counters and exact count maps, so that
/// merging partial statistics of any split of the corpus, in any order, gives exactly the statistics of
/// the whole. Means, deviations, percentiles and histograms are derived when written.
public struct CorpusStatistics: Equatable, Sendable {
    public static let formatVersion = 1

    public var pagesSeen = 0
    public var articlesOK = 0
    public var articlesEmpty = 0
    public var pagesFailed = 0
    public var failuresByKind: [String: Int] = [:]
    public var totalWords = 0
    public var totalSentences = 0
    public var totalParagraphs = 0
    public var bySite: [String: Int] = [:]
    /// Published day (YYYY-MM-DD), or "unknown".
    public var byDay: [String: Int] = [:]
    public var byLanguage: [String: Int] = [:]
    /// Wire agency named in the dateline, or "none".
    public var byAgency: [String: Int] = [:]
    /// Exact distribution of article lengths in words: length → number of articles.
    public var wordCounts: [Int: Int] = [:]

    public init() {}

    /// Adds every counter of `other`. Associative and commutative.
    public mutating func merge(_ other: CorpusStatistics) {
        pagesSeen += other.pagesSeen
        articlesOK += other.articlesOK
        articlesEmpty += other.articlesEmpty
        pagesFailed += other.pagesFailed
        totalWords += other.totalWords
        totalSentences += other.totalSentences
        totalParagraphs += other.totalParagraphs
        failuresByKind.merge(other.failuresByKind, uniquingKeysWith: +)
        bySite.merge(other.bySite, uniquingKeysWith: +)
        byDay.merge(other.byDay, uniquingKeysWith: +)
        byLanguage.merge(other.byLanguage, uniquingKeysWith: +)
        byAgency.merge(other.byAgency, uniquingKeysWith: +)
        wordCounts.merge(other.wordCounts, uniquingKeysWith: +)
    }

    public mutating func recordFailure(_ error: PageError) {
        pagesSeen += 1
        pagesFailed += 1
        failuresByKind[error.kind.rawValue, default: 0] += 1
    }

    // MARK: derived figures

    public var lengthSummary: LengthSummary { LengthSummary(wordCounts: wordCounts) }
}

/// Figures derived from the exact length distribution.
public struct LengthSummary: Equatable, Sendable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double
    public var minimum: Int
    public var maximum: Int
    /// Nearest-rank percentiles (exact: computed from the full distribution).
    public var percentiles: [(name: String, value: Int)]

    public static func == (a: LengthSummary, b: LengthSummary) -> Bool {
        a.count == b.count && a.mean == b.mean && a.percentiles.map(\.value) == b.percentiles.map(\.value)
    }

    static let percentileRanks: [(String, Double)] = [("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p90", 0.90), ("p99", 0.99)]

    init(wordCounts: [Int: Int]) {
        let sorted = wordCounts.sorted { $0.key < $1.key }
        count = sorted.reduce(0) { $0 + $1.value }
        var sum = 0.0, squares = 0.0
        for (length, n) in sorted {
            sum += Double(length) * Double(n)
            squares += Double(length) * Double(length) * Double(n)
        }
        mean = count == 0 ? 0 : sum / Double(count)
        standardDeviation = count < 2 ? 0 : ((squares - sum * sum / Double(count)) / Double(count - 1)).squareRoot()
        minimum = sorted.first?.key ?? 0
        maximum = sorted.last?.key ?? 0
        var result: [(String, Int)] = []
        for (name, rank) in Self.percentileRanks {
            let target = max(1, Int((rank * Double(count)).rounded(.up)))
            var seen = 0
            var value = 0
            for (length, n) in sorted {
                seen += n
                if seen >= target {
                    value = length
                    break
                }
            }
            result.append((name, value))
        }
        percentiles = result
    }

    /// Article counts per bin; `bins` are lower edges, the last bin is open-ended.
    public static func histogram(_ wordCounts: [Int: Int], bins: [Int]) -> [(from: Int, to: Int?, count: Int)] {
        var counts = [Int](repeating: 0, count: bins.count)
        for (length, n) in wordCounts {
            let bin = (bins.lastIndex { $0 <= length }) ?? 0
            counts[bin] += n
        }
        return bins.enumerated().map { i, from in (from, i + 1 < bins.count ? bins[i + 1] : nil, counts[i]) }
    }
}
