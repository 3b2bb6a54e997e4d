import Foundation
import WirePipe

/// Plain-text tables for the terminal.
enum Summary {
    static func run(_ report: RunReport) -> String {
        var lines: [String] = []
        let rate = report.seconds > 0 ? Double(report.pages.seen) / report.seconds : 0
        if report.interrupted {
            lines.append("stopped: \(report.pages.processed) pages processed; stats.json not updated, run again to finish")
        } else {
            lines.append(String(format: "%d pages: %d ok, %d empty, %d failed in %.2fs (%.0f pages/s, %d jobs)",
                                report.pages.seen, report.pages.ok, report.pages.empty, report.pages.failed, report.seconds, rate, report.jobs))
        }
        let p = report.pages
        lines.append("\(p.new) new, \(p.changed) changed, \(p.unchanged) unchanged, \(p.deleted) deleted; \(p.processed) processed")
        let ran = StageName.allCases.filter { report.stages[$0.rawValue]?.ran == true }.map(\.rawValue)
        lines.append("stages run: " + (ran.isEmpty ? "none" : ran.joined(separator: " → ")) + "   html parsed: \(report.htmlParsed)")
        for input in report.inputs ?? [] where input.kind != .folder {
            lines.append(inputLine(input))
        }
        if let shard = report.shard, !report.interrupted {
            let suffix = shard.replacingOccurrences(of: "/", with: "-of-")
            lines.append("shard \(shard): statistics in stats.part-\(suffix).json; `wirepipe merge` combines the shards")
        }
        lines.append("outputs in \(report.output)")
        return lines.joined(separator: "\n")
    }

    /// A WARC file or URL list: what it gave, what it left out and what went wrong with it.
    static func inputLine(_ input: InputSummary) -> String {
        var parts = ["\(input.pages) pages"]
        if let records = input.records { parts.append(input.reused ? "unchanged, not read again" : "\(records) records read") }
        if let downloaded = input.downloaded { parts.append("\(downloaded) downloaded") }
        if let notModified = input.notModified { parts.append("\(notModified) not modified (304)") }
        if let failed = input.failed, failed > 0 { parts.append("\(failed) failed") }
        let skipped = input.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !skipped.isEmpty { parts.append("skipped: " + skipped.joined(separator: ", ")) }
        var line = "\(input.kind.rawValue) \(input.path): " + parts.joined(separator: ", ")
        for error in input.errors { line += "\n  error: \(error)" }
        return line
    }

    /// `run --dry-run`: per stage, how many pages would be processed and why.
    static func dryRun(_ plan: DryRun) -> String {
        let p = plan.pages
        var lines = ["dry run: \(p.seen) pages: \(p.new) new, \(p.changed) changed, \(p.unchanged) unchanged, \(p.deleted) deleted; \(p.processed) would be processed"]
        for stage in plan.stages {
            let why = PagePlan.Reason.allCases.compactMap { reason in stage.reasons[reason].map { "\($0) \(reason.rawValue)" } }
            let name = stage.stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(String(format: "%6d", stage.processed)) to process, \(String(format: "%6d", stage.reused)) reused" + (why.isEmpty ? "" : "  (" + why.joined(separator: ", ") + ")"))
        }
        for path in plan.deletedPages.prefix(20) { lines.append("  deleted: \(path)") }
        if plan.deletedPages.count > 20 { lines.append("  … and \(plan.deletedPages.count - 20) more deleted") }
        return lines.joined(separator: "\n")
    }

    /// `wirepipe runs`: one line per kept run report.
    static func runs(_ reports: [RunReport]) -> String {
        var lines = ["started                 new  changed  unchanged  deleted  failed  processed    seconds   pages/s"]
        for r in reports {
            let rate = r.seconds > 0 ? Double(r.pages.seen) / r.seconds : 0
            let note = r.interrupted ? "  (stopped)" : r.forced ? "  (forced from \(r.startStage.rawValue))" : ""
            lines.append(r.started.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %5d %8d %10d %8d %7d %10d %10.2f %9.0f", r.pages.new, r.pages.changed, r.pages.unchanged,
                         r.pages.deleted, r.pages.failed, r.pages.processed, r.seconds, rate) + note)
        }
        return lines.joined(separator: "\n")
    }

    static func statistics(_ stats: CorpusStatistics, settings: AggregateSettings) -> String {
        let rows = settings.tableRows
        let rankings = CorpusRankings(stats, top: rows)
        var out: [String] = []
        out.append(table("Pages", [
            ("seen", stats.pagesSeen), ("articles ok", stats.articlesOK), ("empty", stats.articlesEmpty),
            ("not an article", stats.notArticles), ("failed", stats.pagesFailed),
        ], shares: false))
        out.append(table("Totals", [
            ("words", stats.totalWords), ("sentences", stats.totalSentences), ("paragraphs", stats.totalParagraphs),
            ("vocabulary (distinct terms)", stats.vocabularySize),
        ], shares: false))
        out.append(table("Sites", top(stats.bySite, rows), of: stats.articlesOK))
        out.append(table("Published days (latest)", stats.byDay.sorted { $0.key < $1.key }.suffix(rows).map { ($0.key, $0.value) }, of: stats.articlesOK))
        out.append(table("Languages", top(stats.byLanguage, rows), of: stats.articlesOK))
        out.append(table("Wire agencies (dateline)", top(stats.byAgency, rows), of: stats.articlesOK))
        if !stats.failuresByKind.isEmpty { out.append(table("Failures", top(stats.failuresByKind, rows))) }
        out.append(length(stats, settings: settings))
        out.append(columns("Top terms", ["term", "lang", "articles", "times"],
                           rankings.topTerms.map { [$0.term, $0.language, "\($0.documents)", "\($0.occurrences)"] }))
        out.append(columns("Distinctive terms (times × ln(articles / articles with the term))", ["term", "lang", "score", "articles", "times"],
                           rankings.distinctiveTerms.map { [$0.term, $0.language, String(format: "%.1f", $0.score ?? 0), "\($0.documents)", "\($0.occurrences)"] }))
        for type in rankings.entities.keys.sorted() {
            out.append(columns("Entities: \(type)", ["name", "mentions", "articles"], (rankings.entities[type] ?? []).map { [$0.name, "\($0.count)", "\($0.documents)"] }))
        }
        if rankings.entities.isEmpty { out.append("Entities\n  (none)") }
        let share = stats.quotationsAttributed == 0 ? "–" : String(format: "%.1f%%", 100 * Double(stats.quotationsAnonymous) / Double(stats.quotationsAttributed))
        out.append(columns("Speakers (\(stats.quotationsAttributed) attributed quotations, \(share) anonymous, \(stats.quotationsUnattributed) unattributed)",
                           ["speaker", "quotations", "articles"], rankings.speakers.map { [$0.name, "\($0.count)", "\($0.documents)"] }))
        out.append(table("Sourcing", [("articles with an anonymity phrase", stats.articlesWithAnonymityPhrase),
                                       ("unnamed attributions", stats.unnamedAttributions)], shares: false))
        out.append(table("Datelines by location", rankings.datelineLocations.map { ($0.name, $0.count) }, of: stats.byDatelineLocation.values.reduce(0, +)))
        out.append(table("Reporters (credit lines)", rankings.reporters.map { ($0.name, $0.count) }, shares: false))
        out.append(table("Editors (credit lines)", rankings.editors.map { ($0.name, $0.count) }, shares: false))
        out.append(readability("Flesch reading ease", stats.fleschReadingEase, edges: CorpusStatistics.readingEaseEdges))
        out.append(readability("Flesch-Kincaid grade", stats.fleschKincaidGrade, edges: CorpusStatistics.gradeEdges))
        out.append(table("Quality flags", top(stats.flags, rows), shares: false))
        if !rankings.boilerplate.isEmpty { out.append(table("Boilerplate removed most often", rankings.boilerplate.map { ($0.name, $0.count) }, shares: false)) }
        out.append(clusters(stats.clusters, rows: rows))
        return out.joined(separator: "\n\n")
    }

    static func length(_ stats: CorpusStatistics, settings: AggregateSettings) -> String {
        let length = stats.lengthSummary
        var lengthLines = ["Length (words)"]
        lengthLines.append(String(format: "  mean %.1f  sd %.1f  min %d  max %d", length.mean, length.standardDeviation, length.minimum, length.maximum))
        lengthLines.append("  " + length.percentiles.map { "\($0.name) \($0.value)" }.joined(separator: "  "))
        let histogram = LengthSummary.histogram(stats.wordCounts, bins: settings.lengthBins)
        let most = max(1, histogram.map(\.count).max() ?? 1)
        for bin in histogram {
            let label = bin.to.map { "\(bin.from)–\($0 - 1)" } ?? "\(bin.from)+"
            lengthLines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%6d ", bin.count) + bar(bin.count, most))
        }
        return lengthLines.joined(separator: "\n")
    }

    static func readability(_ title: String, _ distribution: ScoreDistribution, edges: [Double]) -> String {
        guard !distribution.isEmpty else { return title + "\n  (none)" }
        let summary = distribution.summary(edges: edges)
        var lines = [title, String(format: "  n %d  mean %.1f  sd %.1f  min %.1f  max %.1f", summary.count, summary.mean, summary.standardDeviation, summary.min, summary.max)]
        lines.append("  " + LengthSummary.percentileNames.compactMap { name in summary.percentiles[name].map { "\(name) \(String(format: "%.1f", $0))" } }.joined(separator: "  "))
        let most = max(1, summary.histogram.map(\.count).max() ?? 1)
        for bin in summary.histogram {
            let label = switch (bin.from, bin.to) {
            case (nil, let to?): "< \(Int(to))"
            case (let from?, nil): "\(Int(from))+"
            case (let from?, let to?): "\(Int(from))–\(Int(to))"
            default: "all"
            }
            lines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%6d ", bin.count) + bar(bin.count, most))
        }
        return lines.joined(separator: "\n")
    }

    static func clusters(_ clusters: [SyndicationCluster], rows: Int) -> String {
        guard !clusters.isEmpty else { return "Syndication clusters\n  (none)" }
        var table: [[String]] = []
        for (n, cluster) in clusters.prefix(rows).enumerated() {
            for member in cluster.members {
                let origin = member.id == cluster.origin.id ? "origin" : (member.wordsDifference >= 0 ? "+" : "") + "\(member.wordsDifference)"
                table.append(["\(n + 1)", member.site, member.sourcePath, String((member.published ?? "–").prefix(10)), "\(member.words)", origin, String(format: "%.2f", member.similarity)])
            }
        }
        return columns("Syndication clusters (\(clusters.count); \(clusters.reduce(0) { $0 + $1.size }) articles)",
                       ["#", "site", "page", "published", "words", "vs origin", "similarity"], table)
    }

    static func bar(_ count: Int, _ most: Int) -> String {
        String(repeating: "█", count: (count * 40 + most - 1) / most)
    }

    static func top(_ counts: [String: Int], _ rows: Int) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(rows).map { ($0.key, $0.value) }
    }

    /// A titled two-column table; `shares` adds each row's percentage of `of` (the whole the rows are cut
    /// from: a top-10 table's shares are of all articles, not of the ten rows), by default the rows' total.
    static func table(_ title: String, _ rows: [(String, Int)], shares: Bool = true, of whole: Int? = nil) -> String {
        guard !rows.isEmpty else { return title + "\n  (none)" }
        let width = min(48, max(8, rows.map { $0.0.count }.max() ?? 8))
        let total = max(1, whole ?? rows.map(\.1).reduce(0, +))
        var lines = [title]
        for (label, count) in rows {
            let shown = label.count > width ? String(label.prefix(width - 1)) + "…" : label
            let share = shares ? String(format: "  %5.1f%%", 100 * Double(count) / Double(total)) : ""
            lines.append("  " + shown.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %8d", count) + share)
        }
        return lines.joined(separator: "\n")
    }
}

extension Summary {
    /// A titled table of several columns, aligned: text columns left, numeric columns right.
    static func columns(_ title: String, _ headers: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return title + "\n  (none)" }
        let cells = rows.map { $0.map { $0.count > 48 ? String($0.prefix(47)) + "…" : $0 } }
        let widths = headers.indices.map { i in max(headers[i].count, cells.map { $0[i].count }.max() ?? 0) }
        let numeric = headers.indices.map { i in cells.allSatisfy { Double($0[i].replacingOccurrences(of: "+", with: "")) != nil || $0[i] == "–" || $0[i] == "origin" } }
        func line(_ row: [String]) -> String {
            "  " + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return ([title, line(headers)] + cells.map(line)).joined(separator: "\n")
    }
}
