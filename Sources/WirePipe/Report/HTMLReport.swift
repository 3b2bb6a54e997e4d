import Foundation

/// `wirepipe report`: one self-contained HTML page over merged statistics: headline numbers and SVG charts
/// (articles per day stacked by site, top entities, top speakers, length histogram, language share, cluster
/// sizes, top terms). Styles are inline and fonts are the system's: the file opens offline, anywhere.
public struct HTMLReport {
    /// The ids of the charts the page always contains (scripts/check-report looks for each).
    public static let chartIDs = ["headline", "chart-days", "chart-entities", "chart-speakers", "chart-length", "chart-languages", "chart-clusters", "chart-terms"]

    /// Sites shown as their own series in the per-day chart; the rest are "other sites".
    static let siteSeries = 8
    /// Above this many distinct days the per-day chart counts per month instead, to stay legible.
    static let maxDays = 60
    static let rows = 15

    public let stats: CorpusStatistics
    public let settings: AggregateSettings
    public let title: String

    public init(stats: CorpusStatistics, settings: AggregateSettings, title: String = "wirepipe corpus report") {
        self.stats = stats
        self.settings = settings
        self.title = title
    }

    public func render() -> String {
        let rankings = CorpusRankings(stats, top: Self.rows)
        let clusters = stats.clusters
        var sections: [(String, String, String)] = []
        let (dayTitle, dayChart) = perDay()
        sections.append((dayTitle, "Each column is a period of publication; colours are sites.", dayChart))
        sections.append(("Top entities", "Mentions across the corpus, coloured by type.", entities(rankings)))
        sections.append(("Top speakers", "Quotations attributed to each speaker.", speakers(rankings)))
        sections.append(("Article length", "Articles per word-count bin.", length()))
        sections.append(("Languages", "Share of articles per detected language.", languages()))
        sections.append(("Syndication clusters", "Articles per cluster of near-identical texts (same wire copy on several sites).", clusterChart(clusters)))
        sections.append(("Top terms", "Articles containing each term (stop words removed).", terms(rankings)))
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Markup.escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px;color:#222;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 2px}p.note{color:#666;font-size:12px;margin:0 0 8px}
            #headline{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
            .card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px;background:#f7f9fc}
            .card b{display:block;font-size:22px}.card span{color:#555;font-size:12px}
            .grid{display:flex;flex-wrap:wrap;gap:18px}section{border:1px solid #e3e3e3;border-radius:6px;padding:12px;width:580px}
            svg text{font-size:12px;fill:#333}svg text.small{font-size:10px}svg text.muted{fill:#888;font-size:13px}
            table{border-collapse:collapse;font-size:12px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
            </style></head><body>
            <h1>\(Markup.escape(title))</h1>
            <p class="note">Made by wirepipe from stats.json. Self-contained: no scripts, no network.</p>

            """
        html += headline(clusters: clusters)
        html += "<div class=\"grid\">\n"
        for (heading, note, chart) in sections {
            html += "<section><h2>\(Markup.escape(heading))</h2><p class=\"note\">\(Markup.escape(note))</p>\(chart)</section>\n"
        }
        html += "</div>\n" + clusterTable(clusters) + "</body></html>\n"
        return html
    }

    private func headline(clusters: [SyndicationCluster]) -> String {
        let share = stats.quotationsAttributed == 0 ? "–" : String(format: "%.0f%%", 100 * Double(stats.quotationsAnonymous) / Double(stats.quotationsAttributed))
        let cards: [(String, String)] = [
            ("\(stats.articlesOK)", "articles"), ("\(stats.pagesSeen)", "pages seen"),
            ("\(stats.articlesEmpty + stats.notArticles + stats.pagesFailed)", "empty, not article or failed"),
            ("\(stats.bySite.count)", "sites"), ("\(stats.byLanguage.count)", "languages"),
            ("\(stats.totalWords)", "words"), ("\(stats.vocabularySize)", "vocabulary"),
            (String(stats.lengthSummary.percentiles.first { $0.name == "p50" }?.value ?? 0), "median words"),
            ("\(clusters.count)", "syndication clusters"), ("\(stats.quotationsAttributed)", "quotations"), (share, "anonymous quotations"),
        ]
        return "<div id=\"headline\">" + cards.map { "<div class=\"card\"><b>\(Markup.escape($0.0))</b><span>\(Markup.escape($0.1))</span></div>" }.joined() + "</div>\n"
    }

    private func perDay() -> (String, String) {
        var byDay = stats.byDayAndSite
        byDay["unknown"] = nil
        // The finest of day, month and year that keeps the chart legible.
        var unit = "day"
        for (name, prefix) in [("month", 7), ("year", 4)] where byDay.count > Self.maxDays {
            var coarser: [String: [String: Int]] = [:]
            for (day, sites) in byDay { coarser[String(day.prefix(prefix)), default: [:]].merge(sites, uniquingKeysWith: +) }
            (byDay, unit) = (coarser, name)
        }
        let title = "Articles per \(unit), by site"
        let siteTotals = byDay.values.reduce(into: [String: Int]()) { $0.merge($1, uniquingKeysWith: +) }
        let named = CorpusRankings.top(siteTotals.filter { $0.key != "other sites" }, Self.siteSeries).map(\.name)
        var series = named.enumerated().map { SVGChart.Series(name: $1, color: SVGChart.palette[$0 % SVGChart.palette.count]) }
        let hasOther = siteTotals.keys.contains { !named.contains($0) }
        if hasOther { series.append(SVGChart.Series(name: "other sites", color: "#cccccc")) }
        let categories = byDay.keys.sorted()
        let values = categories.map { key -> [Int] in
            let sites = byDay[key] ?? [:]
            var row = named.map { sites[$0] ?? 0 }
            if hasOther { row.append(sites.filter { !named.contains($0.key) }.reduce(0) { $0 + $1.value }) }
            return row
        }
        let unknown = stats.byDay["unknown"] ?? 0
        let chart = SVGChart.stackedColumns(id: "chart-days", categories: categories, series: series, values: values,
                                            emptyMessage: "No article has a published date")
        return (unknown > 0 ? title + " (\(unknown) without a date not shown)" : title, chart)
    }

    private func entities(_ rankings: CorpusRankings) -> String {
        let colors = ["person": SVGChart.palette[0], "place": SVGChart.palette[4], "organisation": SVGChart.palette[1], "other": SVGChart.palette[6]]
        let all = rankings.entities.flatMap { type, names in names.map { (type, $0) } }
            .sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : ($0.1.name, $0.0) < ($1.1.name, $1.0) }
            .prefix(Self.rows)
        let bars = all.map { SVGChart.Bar(label: "\($0.1.name) (\($0.0))", value: $0.1.count, color: colors[$0.0] ?? "#999", note: " mentions in \($0.1.documents) articles") }
        return SVGChart.horizontalBars(id: "chart-entities", bars: bars, emptyMessage: "No entities in these articles yet (filled by the analyse stage)")
    }

    private func speakers(_ rankings: CorpusRankings) -> String {
        let bars = rankings.speakers.map { SVGChart.Bar(label: $0.name, value: $0.count, color: SVGChart.palette[2], note: " quotations in \($0.documents) articles") }
        return SVGChart.horizontalBars(id: "chart-speakers", bars: bars, emptyMessage: "No attributed quotations yet (filled by the analyse stage)")
    }

    private func length() -> String {
        let bars = LengthSummary.histogram(stats.wordCounts, bins: settings.lengthBins).map { bin in
            SVGChart.Bar(label: bin.to.map { "\(bin.from)–\($0 - 1)" } ?? "\(bin.from)+", value: bin.count, color: SVGChart.palette[0])
        }
        return SVGChart.columns(id: "chart-length", bars: bars, emptyMessage: "No articles")
    }

    private func languages() -> String {
        let top = CorpusRankings.top(stats.byLanguage, 7)
        var slices = top.enumerated().map { SVGChart.Bar(label: $1.name, value: $1.count, color: SVGChart.palette[$0 % SVGChart.palette.count]) }
        let rest = stats.byLanguage.values.reduce(0, +) - top.reduce(0) { $0 + $1.count }
        if rest > 0 { slices.append(SVGChart.Bar(label: "other", value: rest, color: "#cccccc")) }
        return SVGChart.donut(id: "chart-languages", slices: slices, emptyMessage: "No articles")
    }

    private func clusterChart(_ clusters: [SyndicationCluster]) -> String {
        let bars = clusters.prefix(Self.rows).map {
            SVGChart.Bar(label: $0.origin.site, value: $0.size, color: SVGChart.palette[3], note: " articles on \($0.sites) sites, origin \($0.origin.sourcePath)")
        }
        return SVGChart.horizontalBars(id: "chart-clusters", bars: Array(bars), emptyMessage: "No two articles share one text")
    }

    private func terms(_ rankings: CorpusRankings) -> String {
        let bars = rankings.topTerms.map { SVGChart.Bar(label: "\($0.term) (\($0.language))", value: $0.documents, color: SVGChart.palette[8], note: " articles, \($0.occurrences) times") }
        return SVGChart.horizontalBars(id: "chart-terms", bars: bars, emptyMessage: "No terms")
    }

    private func clusterTable(_ clusters: [SyndicationCluster]) -> String {
        guard !clusters.isEmpty else { return "" }
        var html = "<section style=\"width:auto;margin-top:18px\"><h2>Clusters</h2><p class=\"note\">Origin first (earliest published); difference in words against the origin.</p><table><tr><th>cluster</th><th>site</th><th>page</th><th>published</th><th>words</th><th>difference</th><th>similarity</th></tr>"
        for (n, cluster) in clusters.prefix(50).enumerated() {
            for member in cluster.members {
                html += "<tr><td>\(n + 1)</td><td>\(Markup.escape(member.site))</td><td>\(Markup.escape(member.sourcePath))</td><td>\(Markup.escape(member.published ?? "–"))</td><td>\(member.words)</td><td>\(member.wordsDifference >= 0 ? "+" : "")\(member.wordsDifference)</td><td>\(String(format: "%.2f", member.similarity))</td></tr>"
            }
        }
        return html + "</table></section>\n"
    }
}
