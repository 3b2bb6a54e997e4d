import Foundation
import Testing
@testable import WirePipe

@Suite struct ScoreDistributionTests {
    @Test func summaryIsExactOverTenths() {
        var scores = ScoreDistribution()
        for value in [10.0, 20.0, 30.0, 40.0, 50.04, 59.96] { scores.record(value) }
        let summary = scores.summary(edges: [30, 50])
        #expect(summary.count == 6)
        #expect(summary.min == 10 && summary.max == 60)
        #expect(summary.mean == 35)
        #expect(summary.percentiles["p50"] == 30)
        // (-inf, 30), [30, 50), [50, +inf)
        #expect(summary.histogram.map(\.count) == [2, 2, 2])
        #expect(summary.histogram.first?.from == nil && summary.histogram.last?.to == nil)
    }

    @Test func mergeOrderDoesNotChangeTheFigures() {
        let values = (0..<50).map { Double($0) * 1.37 - 12.5 }
        var whole = ScoreDistribution()
        values.forEach { whole.record($0) }
        var a = ScoreDistribution(), b = ScoreDistribution()
        values.prefix(17).forEach { a.record($0) }
        values.dropFirst(17).forEach { b.record($0) }
        b.merge(a)
        #expect(b == whole)
        #expect(b.summary(edges: CorpusStatistics.readingEaseEdges) == whole.summary(edges: CorpusStatistics.readingEaseEdges))
    }

    @Test func encodedKeysRoundTrip() throws {
        var scores = ScoreDistribution()
        [-3.24, 0, 71.06].forEach { scores.record($0) }
        #expect(Set(scores.encoded.keys) == ["-3.2", "0.0", "71.1"])
        #expect(try ScoreDistribution(encoded: scores.encoded) == scores)
    }

    /// Keys are written by hand as `String(format: "%.1f")` wrote them.
    @Test func keysAreWhatFormatWrites() {
        for tenths in Array(-2000...2000) + [123_456, -98_765] {
            #expect(ScoreDistribution.oneDecimal(tenths: tenths) == String(format: "%.1f", Double(tenths) / 10), "\(tenths)")
        }
    }
}
