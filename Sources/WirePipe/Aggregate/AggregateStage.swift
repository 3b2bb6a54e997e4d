import Foundation

/// aggregate: turns one article into its contribution to the corpus statistics. The runner merges the
/// contributions (in any order: the merge is associative and commutative).
public struct AggregateStage: Stage {
    public static let name = StageName.aggregate
    public static let version = "1"

    public var settings: AggregateSettings

    public init(settings: AggregateSettings) {
        self.settings = settings
    }

    public func process(_ article: ArticleDocument) throws(PageError) -> CorpusStatistics {
        var stats = CorpusStatistics()
        stats.pagesSeen = 1
        switch article.status {
        case .ok: stats.articlesOK = 1
        case .empty:
            stats.articlesEmpty = 1
            return stats
        }
        stats.totalWords = article.metrics.words
        stats.totalSentences = article.metrics.sentences
        stats.totalParagraphs = article.metrics.paragraphs
        stats.bySite[article.siteName ?? "unknown"] = 1
        stats.byDay[article.published.map { String($0.prefix(10)) } ?? "unknown"] = 1
        stats.byLanguage[article.language] = 1
        stats.byAgency[article.dateline?.agency ?? "none"] = 1
        stats.wordCounts[article.metrics.words] = 1
        return stats
    }
}
