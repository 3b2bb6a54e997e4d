import Foundation

/// aggregate: turns one article into its contribution to the corpus statistics, its syndication signature
/// included. The runner merges the contributions (in any order: the merge is associative and commutative);
/// clusters are found when the merged statistics are written.
public struct AggregateStage: Stage {
    public static let name = StageName.aggregate
    public static let version = "2"

    /// Flags (exact, or as a prefix before `:`) that mark a page as not an article.
    public static let notAnArticleFlags: Set<String> = ["not-an-article", "not-article"]

    public var settings: AggregateSettings
    private let counter = TermCounter()
    private let minHash: MinHash

    public init(settings: AggregateSettings) {
        self.settings = settings
        minHash = MinHash(shingleSize: settings.shingleSize, hashes: settings.minhashHashes)
    }

    public func process(_ article: ArticleDocument) throws(PageError) -> CorpusStatistics {
        var stats = CorpusStatistics()
        stats.pagesSeen = 1
        for flag in Set(article.flags) { stats.flags[flag] = 1 }
        if article.status == .empty {
            stats.articlesEmpty = 1
            return stats
        }
        if article.flags.contains(where: Self.isNotAnArticle) {
            stats.notArticles = 1
            return stats
        }
        stats.articlesOK = 1
        let site = article.siteName ?? "unknown"
        stats.totalWords = article.metrics.words
        stats.totalSentences = article.metrics.sentences
        stats.totalParagraphs = article.metrics.paragraphs
        stats.bySite[site] = 1
        let day = article.published.map { String($0.prefix(10)) } ?? "unknown"
        stats.byDay[day] = 1
        stats.byDayAndSite[day] = [site: 1]
        stats.byLanguage[article.language] = 1
        stats.byAgency[article.dateline?.agency ?? "none"] = 1
        stats.wordCounts[article.metrics.words] = 1
        if let location = article.dateline?.location, !location.isEmpty { stats.byDatelineLocation[location] = 1 }
        for (role, names) in article.credits ?? [:] {
            for name in Set(names) { stats.credits[role, default: [:]][name] = 1 }
        }

        let counted = counter.count(article.text, language: article.language)
        stats.terms[article.language] = counted.terms.mapValues { DocumentCount(occurrences: $0, documents: 1) }

        for entity in article.entities {
            // One name may be listed twice (two forms folded together): still one document.
            var entry = stats.entities[entity.type.rawValue]?[entity.name] ?? DocumentCount(occurrences: 0, documents: 1)
            entry.occurrences += max(entity.count, 1)
            stats.entities[entity.type.rawValue, default: [:]][entity.name] = entry
        }
        countQuotations(article.quotes, into: &stats)
        if let sourcing = article.sourcing {
            if !sourcing.anonymityPhrases.isEmpty { stats.articlesWithAnonymityPhrase = 1 }
            stats.unnamedAttributions = sourcing.unnamedAttributions.count
        }
        if let readability = article.readability {
            stats.fleschReadingEase.record(readability.fleschReadingEase)
            stats.fleschKincaidGrade.record(readability.fleschKincaidGrade)
        }

        stats.syndication = settings.syndication
        try PageDeadline.check(.aggregate)
        if counted.wordHashes.count >= settings.clusterMinWords {
            stats.syndicationRecords[article.id] = SyndicationRecord(
                id: article.id, sourcePath: article.source.path, site: site, published: article.published,
                words: article.metrics.words, signature: minHash.signature(wordHashes: counted.wordHashes))
        }
        return stats
    }

    static func isNotAnArticle(_ flag: String) -> Bool {
        notAnArticleFlags.contains(flag) || notAnArticleFlags.contains(String(flag.prefix { $0 != ":" }))
    }

    /// Quotations of a speaker, a split quotation counted once (its parts share a group); scare quotes are
    /// not quotations of anyone and are left out.
    private func countQuotations(_ quotes: [Quotation], into stats: inout CorpusStatistics) {
        var seenGroups: Set<Int> = []
        var perSpeaker: [String: Int] = [:]
        for quote in quotes where quote.kind != .scare {
            guard seenGroups.insert(quote.group).inserted else { continue }
            guard let speaker = quote.speaker, !speaker.isEmpty else {
                stats.quotationsUnattributed += 1
                continue
            }
            stats.quotationsAttributed += 1
            if quote.anonymous { stats.quotationsAnonymous += 1 }
            perSpeaker[speaker, default: 0] += 1
        }
        stats.speakers = perSpeaker.mapValues { DocumentCount(occurrences: $0, documents: 1) }
    }
}
