import Foundation

/// Corpus-wide statistics as a mergeable value: only integer counters, exact count maps and per-article
/// syndication records keyed by page id, so that merging partial statistics of any split of the corpus, in
/// any order, gives exactly the statistics of the whole. Means, deviations, percentiles, histograms,
/// rankings and syndication clusters are derived when written.
public struct CorpusStatistics: Equatable, Sendable {
    public static let formatVersion = 2

    public var pagesSeen = 0
    public var articlesOK = 0
    public var articlesEmpty = 0
    /// Pages that parsed but are flagged as not an article (index, tag and category pages): counted here
    /// and under their flags, and kept out of every other figure.
    public var notArticles = 0
    public var pagesFailed = 0
    public var failuresByKind: [String: Int] = [:]
    public var totalWords = 0
    public var totalSentences = 0
    public var totalParagraphs = 0
    public var bySite: [String: Int] = [:]
    /// Published day (YYYY-MM-DD), or "unknown".
    public var byDay: [String: Int] = [:]
    /// Published day → site → articles: the joint counts behind "articles per day, stacked by site".
    public var byDayAndSite: [String: [String: Int]] = [:]
    public var byLanguage: [String: Int] = [:]
    /// Wire agency named in the dateline, or "none".
    public var byAgency: [String: Int] = [:]
    /// Exact distribution of article lengths in words: length → number of articles.
    public var wordCounts: [Int: Int] = [:]

    /// Language → term → occurrences and documents. Every term is kept (the vocabulary), stop words
    /// excluded; rankings are cut from the merged counts.
    public var terms: [String: [String: DocumentCount]] = [:]
    /// Entity type → canonical name → mentions and documents.
    public var entities: [String: [String: DocumentCount]] = [:]
    /// Speaker → quotations (split parts counted once) and documents quoting them.
    public var speakers: [String: DocumentCount] = [:]
    /// Quotations attributed to a speaker, and those of them whose speaker is anonymous.
    public var quotationsAttributed = 0
    public var quotationsAnonymous = 0
    /// Quotations found without a speaker.
    public var quotationsUnattributed = 0
    public var articlesWithAnonymityPhrase = 0
    public var unnamedAttributions = 0
    /// Dateline location as written → articles.
    public var byDatelineLocation: [String: Int] = [:]
    /// Credit role (reporting, editing, …) → name → articles.
    public var credits: [String: [String: Int]] = [:]
    public var fleschReadingEase = ScoreDistribution()
    public var fleschKincaidGrade = ScoreDistribution()
    /// Quality flag → articles carrying it.
    public var flags: [String: Int] = [:]
    /// Boilerplate block (its text, normalised) → pages it was removed from. Empty until the strip stage
    /// reports removed blocks; the section is ready for it.
    public var boilerplateRemoved: [String: Int] = [:]
    /// The parameters the syndication records were made with (nil before any record).
    public var syndication: SyndicationParameters?
    /// Page id → its syndication record.
    public var syndicationRecords: [String: SyndicationRecord] = [:]

    public init() {}

    /// Adds every counter of `other`. Associative and commutative.
    public mutating func merge(_ other: CorpusStatistics) {
        pagesSeen += other.pagesSeen
        articlesOK += other.articlesOK
        articlesEmpty += other.articlesEmpty
        notArticles += other.notArticles
        pagesFailed += other.pagesFailed
        totalWords += other.totalWords
        totalSentences += other.totalSentences
        totalParagraphs += other.totalParagraphs
        failuresByKind.merge(other.failuresByKind, uniquingKeysWith: +)
        bySite.merge(other.bySite, uniquingKeysWith: +)
        byDay.merge(other.byDay, uniquingKeysWith: +)
        Self.add(other.byDayAndSite, to: &byDayAndSite)
        byLanguage.merge(other.byLanguage, uniquingKeysWith: +)
        byAgency.merge(other.byAgency, uniquingKeysWith: +)
        wordCounts.merge(other.wordCounts, uniquingKeysWith: +)
        Self.add(other.terms, to: &terms)
        Self.add(other.entities, to: &entities)
        speakers.add(other.speakers)
        quotationsAttributed += other.quotationsAttributed
        quotationsAnonymous += other.quotationsAnonymous
        quotationsUnattributed += other.quotationsUnattributed
        articlesWithAnonymityPhrase += other.articlesWithAnonymityPhrase
        unnamedAttributions += other.unnamedAttributions
        byDatelineLocation.merge(other.byDatelineLocation, uniquingKeysWith: +)
        Self.add(other.credits, to: &credits)
        fleschReadingEase.merge(other.fleschReadingEase)
        fleschKincaidGrade.merge(other.fleschKincaidGrade)
        flags.merge(other.flags, uniquingKeysWith: +)
        boilerplateRemoved.merge(other.boilerplateRemoved, uniquingKeysWith: +)
        switch (syndication, other.syndication) {
        case (nil, let theirs): syndication = theirs
        case (let mine?, let theirs?) where theirs < mine: syndication = theirs
        default: break
        }
        syndicationRecords.merge(other.syndicationRecords) { a, b in a.precedes(b) ? a : b }
    }

    /// Adds nested counts in place. (`merge` with a closure returning `a.merging(b)` would copy the whole
    /// inner map, the corpus vocabulary, for every article merged in: quadratic over a run.)
    static func add<Value: Sendable>(_ other: [String: [String: Value]], to counts: inout [String: [String: Value]]) where Value: MergeableCount {
        for (key, inner) in other {
            counts[key, default: [:]].merge(inner) { $0.adding($1) }
        }
    }

    public mutating func recordFailure(_ error: PageError) {
        pagesSeen += 1
        pagesFailed += 1
        failuresByKind[error.kind.rawValue, default: 0] += 1
    }

    /// Why two statistics should not be merged, or nil: signatures made with different parameters are not
    /// comparable, and a page counted in both would be counted twice.
    public func mergeConflict(with other: CorpusStatistics) -> String? {
        if let mine = syndication, let theirs = other.syndication, mine != theirs {
            return "the statistics were made with different syndication settings (shingle size, hashes, bands, threshold or minimum words)"
        }
        let shared = Set(syndicationRecords.keys).intersection(other.syndicationRecords.keys)
        if let first = shared.min() {
            return "\(shared.count) page(s) are in both, for example \(first); the statistics must come from disjoint inputs"
        }
        return nil
    }

    /// Distinct terms over all languages (a word spelled alike in two languages counts once).
    public var vocabularySize: Int {
        // The union starts from the largest language's terms, so only the others are hashed again.
        guard let largest = terms.max(by: { $0.value.count < $1.value.count }) else { return 0 }
        if terms.count == 1 { return largest.value.count }
        var all = Set(largest.value.keys)
        for (language, counts) in terms where language != largest.key { all.formUnion(counts.keys) }
        return all.count
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
    /// The percentile names in order, for readers.
    public static var percentileNames: [String] { percentileRanks.map(\.0) }

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
