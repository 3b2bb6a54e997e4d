import Foundation

/// Which articles `wirepipe stats --site/--since/--until` describes. stats.json holds counters only (which
/// site published on which day cannot be told from them for terms, entities or clusters), so filtered
/// statistics are recomputed from the article documents of the output folder through the aggregate stage:
/// the same code as a run, over the chosen articles. Failed pages have no article and are not counted.
public struct ArticleFilter: Sendable {
    /// Site names, compared without regard to case; empty means every site.
    public var sites: [String]
    /// Published day bounds (YYYY-MM-DD), inclusive. An article without a published date is left out when
    /// either bound is given.
    public var since: String?
    public var until: String?

    public init(sites: [String] = [], since: String? = nil, until: String? = nil) {
        self.sites = sites
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { sites.isEmpty && since == nil && until == nil }

    public func accepts(_ article: ArticleDocument) -> Bool {
        if !sites.isEmpty {
            let site = (article.siteName ?? "unknown").lowercased()
            guard sites.contains(where: { $0.lowercased() == site }) else { return false }
        }
        if since != nil || until != nil {
            guard let day = article.published.map({ String($0.prefix(10)) }) else { return false }
            if let since, day < since { return false }
            if let until, day > until { return false }
        }
        return true
    }

    /// A day as the filters take it: YYYY-MM-DD.
    public static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }

    /// Statistics of the accepted articles in `folder` (an output folder's `articles/`).
    public func statistics(articlesIn folder: URL, settings: AggregateSettings) throws -> CorpusStatistics {
        let stage = AggregateStage(settings: settings)
        let layout = OutputLayout(root: folder.deletingLastPathComponent())
        var stats = CorpusStatistics()
        let decoder = JSONDecoder()
        for id in layout.ids(in: folder) {
            let article = try decoder.decode(ArticleDocument.self, from: Data(contentsOf: folder.appendingPathComponent(id + ".json")))
            guard accepts(article) else { continue }
            stats.merge(try stage.process(article))
        }
        return stats
    }
}
