import Foundation

/// stats.json: the mergeable counters plus derived figures (mean, deviation, percentiles, histogram) for
/// readers. Decoding reads the counters only; derived figures are always recomputed.
extension CorpusStatistics: Codable {
    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case pages, failuresByKind = "failures_by_kind", totals, bySite = "by_site", byDay = "by_day"
        case byLanguage = "by_language", byAgency = "by_agency", length
    }
    struct Pages: Codable {
        var seen: Int, ok: Int, empty: Int, failed: Int
    }
    struct Totals: Codable {
        var words: Int, sentences: Int, paragraphs: Int
    }
    struct Length: Codable {
        struct Bin: Codable {
            var from: Int
            var to: Int?
            var count: Int
        }
        var count: Int
        var mean: Double
        var standardDeviation: Double
        var min: Int
        var max: Int
        var percentiles: [String: Int]
        var histogram: [Bin]
        /// Exact distribution, keys are word counts.
        var wordCounts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case count, mean, min, max, percentiles, histogram
            case standardDeviation = "standard_deviation"
            case wordCounts = "word_counts"
        }
    }

    /// Histogram bin edges used when encoding; set from `aggregate.length_bins` through the encoder's userInfo.
    public static let lengthBinsKey = CodingUserInfoKey(rawValue: "wirepipe.lengthBins")!

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(Pages(seen: pagesSeen, ok: articlesOK, empty: articlesEmpty, failed: pagesFailed), forKey: .pages)
        try c.encode(failuresByKind, forKey: .failuresByKind)
        try c.encode(Totals(words: totalWords, sentences: totalSentences, paragraphs: totalParagraphs), forKey: .totals)
        try c.encode(bySite, forKey: .bySite)
        try c.encode(byDay, forKey: .byDay)
        try c.encode(byLanguage, forKey: .byLanguage)
        try c.encode(byAgency, forKey: .byAgency)
        let summary = lengthSummary
        let bins = encoder.userInfo[Self.lengthBinsKey] as? [Int] ?? AggregateSettings().lengthBins
        let length = Length(
            count: summary.count, mean: (summary.mean * 10).rounded() / 10,
            standardDeviation: (summary.standardDeviation * 10).rounded() / 10, min: summary.minimum, max: summary.maximum,
            percentiles: Dictionary(uniqueKeysWithValues: summary.percentiles.map { ($0.name, $0.value) }),
            histogram: LengthSummary.histogram(wordCounts, bins: bins).map { Length.Bin(from: $0.from, to: $0.to, count: $0.count) },
            wordCounts: Dictionary(uniqueKeysWithValues: wordCounts.map { (String($0.key), $0.value) }))
        try c.encode(length, forKey: .length)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(forKey: .formatVersion, in: c, debugDescription: "statistics format \(version) is not \(Self.formatVersion)")
        }
        self.init()
        let pages = try c.decode(Pages.self, forKey: .pages)
        (pagesSeen, articlesOK, articlesEmpty, pagesFailed) = (pages.seen, pages.ok, pages.empty, pages.failed)
        let totals = try c.decode(Totals.self, forKey: .totals)
        (totalWords, totalSentences, totalParagraphs) = (totals.words, totals.sentences, totals.paragraphs)
        failuresByKind = try c.decode([String: Int].self, forKey: .failuresByKind)
        bySite = try c.decode([String: Int].self, forKey: .bySite)
        byDay = try c.decode([String: Int].self, forKey: .byDay)
        byLanguage = try c.decode([String: Int].self, forKey: .byLanguage)
        byAgency = try c.decode([String: Int].self, forKey: .byAgency)
        let length = try c.decode(Length.self, forKey: .length)
        for (key, count) in length.wordCounts {
            guard let words = Int(key) else {
                throw DecodingError.dataCorruptedError(forKey: .length, in: c, debugDescription: "word count key \(key) is not an integer")
            }
            wordCounts[words] = count
        }
    }
}
