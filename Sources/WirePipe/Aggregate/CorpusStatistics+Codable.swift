import Foundation

/// stats.json: the mergeable counters plus derived figures (mean, deviation, percentiles, histograms,
/// rankings, clusters) for readers. Decoding reads the counters only; derived figures are always
/// recomputed, so a merged file is written exactly as a single run would write it.
extension CorpusStatistics: Codable {
    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case pages, failuresByKind = "failures_by_kind", totals, bySite = "by_site", byDay = "by_day", byDayAndSite = "by_day_and_site"
        case byLanguage = "by_language", byAgency = "by_agency", length
        case terms, entities, speakers, sourcing, datelines, credits, readability, flags
        case boilerplateRemoved = "boilerplate_removed", syndication, clusters
    }
    struct Pages: Codable {
        var seen: Int, ok: Int, empty: Int, failed: Int
        var notAnArticle: Int

        enum CodingKeys: String, CodingKey {
            case seen, ok, empty, failed
            case notAnArticle = "not_an_article"
        }
    }
    struct Totals: Codable {
        var words: Int, sentences: Int, paragraphs: Int
        /// Distinct terms, stop words excluded (derived; ignored when read).
        var vocabulary: Int?
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
    struct Terms: Codable {
        var vocabulary: Int?
        var vocabularyByLanguage: [String: Int]?
        var top: [CorpusRankings.Term]?
        var distinctive: [CorpusRankings.Term]?
        /// language → term → [occurrences, documents]
        var counts: [String: [String: DocumentCount]]

        enum CodingKeys: String, CodingKey {
            case vocabulary, top, distinctive, counts
            case vocabularyByLanguage = "vocabulary_by_language"
        }
    }
    struct Entities: Codable {
        var top: [String: [CorpusRankings.Named]]?
        /// type → name → [mentions, documents]
        var counts: [String: [String: DocumentCount]]
    }
    struct Speakers: Codable {
        var quotations: Int
        var anonymous: Int
        var unattributed: Int
        var anonymousShare: Double?
        var top: [CorpusRankings.Named]?
        /// speaker → [quotations, documents]
        var counts: [String: DocumentCount]

        enum CodingKeys: String, CodingKey {
            case quotations, anonymous, unattributed, top, counts
            case anonymousShare = "anonymous_share"
        }
    }
    struct SourcingCounts: Codable {
        var articlesWithAnonymityPhrase: Int
        var unnamedAttributions: Int

        enum CodingKeys: String, CodingKey {
            case articlesWithAnonymityPhrase = "articles_with_anonymity_phrase"
            case unnamedAttributions = "unnamed_attributions"
        }
    }
    struct Datelines: Codable {
        var top: [CorpusRankings.Counted]?
        var byLocation: [String: Int]

        enum CodingKeys: String, CodingKey {
            case top
            case byLocation = "by_location"
        }
    }
    struct Credits: Codable {
        var reporters: [CorpusRankings.Counted]?
        var editors: [CorpusRankings.Counted]?
        var byRole: [String: [String: Int]]

        enum CodingKeys: String, CodingKey {
            case reporters, editors
            case byRole = "by_role"
        }
    }
    struct Score: Codable {
        var summary: ScoreDistribution.Summary?
        var values: [String: Int]
    }
    struct ReadabilityScores: Codable {
        var fleschReadingEase: Score
        var fleschKincaidGrade: Score

        enum CodingKeys: String, CodingKey {
            case fleschReadingEase = "flesch_reading_ease"
            case fleschKincaidGrade = "flesch_kincaid_grade"
        }
    }
    struct Boilerplate: Codable {
        var top: [CorpusRankings.Counted]?
        var counts: [String: Int]
    }
    struct Syndication: Codable {
        var settings: SyndicationParameters?
        var articles: [SyndicationRecord]
    }
    /// `Syndication` as written: one record per article, each made into JSON only when it is written.
    struct SyndicationWritten: Encodable {
        var settings: SyndicationParameters?
        var articles: JSONDeferredArray<SyndicationRecord>
    }

    /// Histogram bin edges used when encoding; set from `aggregate.length_bins` through the encoder's userInfo.
    public static let lengthBinsKey = CodingUserInfoKey(rawValue: "wirepipe.lengthBins")!
    /// Length of the rankings written (`aggregate.top_k`), through the encoder's userInfo.
    public static let topKKey = CodingUserInfoKey(rawValue: "wirepipe.topK")!
    /// Set to true in the encoder's userInfo to write the counters alone, without rankings and clusters:
    /// the form in which each page's contribution is stored (derived figures are never read back).
    public static let countersOnlyKey = CodingUserInfoKey(rawValue: "wirepipe.countersOnly")!

    /// Flesch reading ease bands (Flesch 1948: very difficult below 30 … very easy from 90).
    public static let readingEaseEdges: [Double] = [30, 50, 60, 70, 80, 90]
    /// School grades: up to 6th grade, 8th, 10th, 12th, college, graduate.
    public static let gradeEdges: [Double] = [6, 8, 10, 12, 14, 16]

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let k = encoder.userInfo[Self.topKKey] as? Int ?? AggregateSettings().topK
        let countersOnly = encoder.userInfo[Self.countersOnlyKey] as? Bool ?? false
        let rankings: CorpusRankings? = countersOnly ? nil : CorpusRankings(self, top: k)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(Pages(seen: pagesSeen, ok: articlesOK, empty: articlesEmpty, failed: pagesFailed, notAnArticle: notArticles), forKey: .pages)
        try c.encode(failuresByKind, forKey: .failuresByKind)
        // A union of every language's terms: computed once for both places it is written.
        let vocabulary = vocabularySize
        try c.encode(Totals(words: totalWords, sentences: totalSentences, paragraphs: totalParagraphs, vocabulary: vocabulary), forKey: .totals)
        try c.encode(bySite, forKey: .bySite)
        try c.encode(byDay, forKey: .byDay)
        try c.encode(byDayAndSite, forKey: .byDayAndSite)
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
        try c.encode(Terms(vocabulary: vocabulary, vocabularyByLanguage: terms.mapValues(\.count), top: rankings?.topTerms,
                           distinctive: rankings?.distinctiveTerms, counts: terms), forKey: .terms)
        try c.encode(Entities(top: rankings?.entities, counts: entities), forKey: .entities)
        let share = quotationsAttributed == 0 ? 0 : (Double(quotationsAnonymous) / Double(quotationsAttributed) * 1000).rounded() / 1000
        try c.encode(Speakers(quotations: quotationsAttributed, anonymous: quotationsAnonymous, unattributed: quotationsUnattributed,
                              anonymousShare: share, top: rankings?.speakers, counts: speakers), forKey: .speakers)
        try c.encode(SourcingCounts(articlesWithAnonymityPhrase: articlesWithAnonymityPhrase, unnamedAttributions: unnamedAttributions), forKey: .sourcing)
        try c.encode(Datelines(top: rankings?.datelineLocations, byLocation: byDatelineLocation), forKey: .datelines)
        try c.encode(Credits(reporters: rankings?.reporters, editors: rankings?.editors, byRole: credits), forKey: .credits)
        try c.encode(ReadabilityScores(
            fleschReadingEase: Score(summary: fleschReadingEase.isEmpty ? nil : fleschReadingEase.summary(edges: Self.readingEaseEdges), values: fleschReadingEase.encoded),
            fleschKincaidGrade: Score(summary: fleschKincaidGrade.isEmpty ? nil : fleschKincaidGrade.summary(edges: Self.gradeEdges), values: fleschKincaidGrade.encoded)),
            forKey: .readability)
        try c.encode(flags, forKey: .flags)
        try c.encode(Boilerplate(top: rankings?.boilerplate, counts: boilerplateRemoved), forKey: .boilerplateRemoved)
        // The two sections that grow with the corpus are deferred: stats.json streams them when written.
        let records = syndicationRecords.values.sorted { $0.id < $1.id }
        try c.encode(SyndicationWritten(settings: syndication, articles: JSONDeferredArray(records)), forKey: .syndication)
        try c.encode(JSONDeferredArray(countersOnly ? [] : clusters), forKey: .clusters)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(forKey: .formatVersion, in: c, debugDescription: "statistics format \(version) is not \(Self.formatVersion)")
        }
        self.init()
        let pages = try c.decode(Pages.self, forKey: .pages)
        (pagesSeen, articlesOK, articlesEmpty, pagesFailed, notArticles) = (pages.seen, pages.ok, pages.empty, pages.failed, pages.notAnArticle)
        let totals = try c.decode(Totals.self, forKey: .totals)
        (totalWords, totalSentences, totalParagraphs) = (totals.words, totals.sentences, totals.paragraphs)
        failuresByKind = try c.decode([String: Int].self, forKey: .failuresByKind)
        bySite = try c.decode([String: Int].self, forKey: .bySite)
        byDay = try c.decode([String: Int].self, forKey: .byDay)
        byDayAndSite = try c.decode([String: [String: Int]].self, forKey: .byDayAndSite)
        byLanguage = try c.decode([String: Int].self, forKey: .byLanguage)
        byAgency = try c.decode([String: Int].self, forKey: .byAgency)
        let length = try c.decode(Length.self, forKey: .length)
        for (key, count) in length.wordCounts {
            guard let words = Int(key) else {
                throw DecodingError.dataCorruptedError(forKey: .length, in: c, debugDescription: "word count key \(key) is not an integer")
            }
            wordCounts[words] = count
        }
        terms = try c.decode(Terms.self, forKey: .terms).counts
        entities = try c.decode(Entities.self, forKey: .entities).counts
        let speakerCounts = try c.decode(Speakers.self, forKey: .speakers)
        (quotationsAttributed, quotationsAnonymous, quotationsUnattributed) = (speakerCounts.quotations, speakerCounts.anonymous, speakerCounts.unattributed)
        speakers = speakerCounts.counts
        let sourcing = try c.decode(SourcingCounts.self, forKey: .sourcing)
        (articlesWithAnonymityPhrase, unnamedAttributions) = (sourcing.articlesWithAnonymityPhrase, sourcing.unnamedAttributions)
        byDatelineLocation = try c.decode(Datelines.self, forKey: .datelines).byLocation
        credits = try c.decode(Credits.self, forKey: .credits).byRole
        let readability = try c.decode(ReadabilityScores.self, forKey: .readability)
        fleschReadingEase = try ScoreDistribution(encoded: readability.fleschReadingEase.values)
        fleschKincaidGrade = try ScoreDistribution(encoded: readability.fleschKincaidGrade.values)
        flags = try c.decode([String: Int].self, forKey: .flags)
        boilerplateRemoved = try c.decode(Boilerplate.self, forKey: .boilerplateRemoved).counts
        let syndication = try c.decode(Syndication.self, forKey: .syndication)
        self.syndication = syndication.settings
        for record in syndication.articles { syndicationRecords[record.id] = record }
    }

    /// Near-duplicate clusters of the articles with signatures (derived: found from all records).
    public var clusters: [SyndicationCluster] {
        guard let syndication else { return [] }
        return SyndicationClusterer(parameters: syndication).clusters(Array(syndicationRecords.values))
    }
}
