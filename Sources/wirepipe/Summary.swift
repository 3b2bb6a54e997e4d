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
        lines.append("outputs in \(report.output)")
        return lines.joined(separator: "\n")
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
        var out: [String] = []
        out.append(table("Pages", [
            ("seen", stats.pagesSeen), ("articles ok", stats.articlesOK), ("empty", stats.articlesEmpty), ("failed", stats.pagesFailed),
        ], shares: false))
        out.append(table("Totals", [("words", stats.totalWords), ("sentences", stats.totalSentences), ("paragraphs", stats.totalParagraphs)], shares: false))
        out.append(table("Sites", top(stats.bySite, settings.tableRows)))
        out.append(table("Published days", stats.byDay.sorted { $0.key < $1.key }.suffix(settings.tableRows).map { ($0.key, $0.value) }))
        out.append(table("Languages", top(stats.byLanguage, settings.tableRows)))
        out.append(table("Wire agencies (dateline)", top(stats.byAgency, settings.tableRows)))
        if !stats.failuresByKind.isEmpty { out.append(table("Failures", top(stats.failuresByKind, settings.tableRows))) }
        let length = stats.lengthSummary
        var lengthLines = ["Length (words)"]
        lengthLines.append(String(format: "  mean %.1f  sd %.1f  min %d  max %d", length.mean, length.standardDeviation, length.minimum, length.maximum))
        lengthLines.append("  " + length.percentiles.map { "\($0.name) \($0.value)" }.joined(separator: "  "))
        let histogram = LengthSummary.histogram(stats.wordCounts, bins: settings.lengthBins)
        let most = max(1, histogram.map(\.count).max() ?? 1)
        for bin in histogram {
            let label = bin.to.map { "\(bin.from)–\($0 - 1)" } ?? "\(bin.from)+"
            let bar = String(repeating: "█", count: (bin.count * 40 + most - 1) / most)
            lengthLines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%6d ", bin.count) + bar)
        }
        out.append(lengthLines.joined(separator: "\n"))
        return out.joined(separator: "\n\n")
    }

    static func top(_ counts: [String: Int], _ rows: Int) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(rows).map { ($0.key, $0.value) }
    }

    /// A titled two-column table; `shares` adds each row's percentage of the rows' total.
    static func table(_ title: String, _ rows: [(String, Int)], shares: Bool = true) -> String {
        guard !rows.isEmpty else { return title + "\n  (none)" }
        let width = min(48, max(8, rows.map { $0.0.count }.max() ?? 8))
        let total = max(1, rows.map(\.1).reduce(0, +))
        var lines = [title]
        for (label, count) in rows {
            let shown = label.count > width ? String(label.prefix(width - 1)) + "…" : label
            let share = shares ? String(format: "  %5.1f%%", 100 * Double(count) / Double(total)) : ""
            lines.append("  " + shown.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %8d", count) + share)
        }
        return lines.joined(separator: "\n")
    }
}
