import Foundation
import Testing
@testable import WirePipe

/// The binary form in which page contributions and the merged total are kept in the manifest.
@Suite struct CounterArchiveTests {
    /// Every counter of real statistics: the sample corpus and the seed pages, with a failure and a
    /// negative word count, which only a broken merge could make, to cover the signed encoding.
    func statistics() throws -> CorpusStatistics {
        let stage = AggregateStage(settings: AggregateSettings())
        var stats = CorpusStatistics()
        for document in SampleArticles.corpus() + (try Fixtures.seedPages.map(Fixtures.article)) {
            stats.merge(try stage.process(document))
        }
        stats.recordFailure(PageError(.binary, stage: .fetch, "junk"))
        stats.wordCounts[-3] = 1
        return stats
    }

    @Test func roundTripKeepsEveryCounter() throws {
        let stats = try statistics()
        #expect(!stats.syndicationRecords.isEmpty && !stats.terms.isEmpty && !stats.speakers.isEmpty && !stats.credits.isEmpty)
        #expect(stats.syndication != nil && !stats.fleschKincaidGrade.isEmpty)
        let archive = CounterArchive.encode(stats)
        #expect(try CounterArchive.decode(archive) == stats)
        // No larger than the JSON counters it replaces (the point is the encoding and decoding work).
        let encoder = JSONEncoder()
        encoder.userInfo[CorpusStatistics.countersOnlyKey] = true
        #expect(archive.count < (try encoder.encode(stats)).count)
    }

    /// The merged total is streamed into the manifest a piece at a time: the pieces, whatever their size, make
    /// the same bytes as the archive made whole, and the counting pass gives their length.
    @Test func streamedPiecesMakeTheWholeArchive() throws {
        let stats = try statistics()
        let whole = CounterArchive.encodedBytes(stats)
        #expect(CounterArchive.byteCount(stats) == whole.count)
        for chunkSize in [1, 100, 4096, 1 << 20] {
            let gathered = Gathered()
            let count = CounterArchive.encode(stats, chunkSize: chunkSize) { gathered.bytes.append(contentsOf: $0) }
            #expect(gathered.bytes == whole && count == whole.count)
            #expect(chunkSize >= whole.count || gathered.pieces > 1)
        }
    }

    /// A manifest keeps the streamed archive whole, and it decodes to the statistics stored.
    @Test func theManifestKeepsTheStreamedArchive() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(url: folder.appendingPathComponent(Manifest.fileName))
        let stats = try statistics()
        try manifest.storeStatistics(stats)
        let stored = try #require(manifest.cachedStatistics())
        #expect(stored == CounterArchive.encode(stats))
        #expect(try CounterArchive.decode(stored) == stats)
    }

    private final class Gathered {
        var bytes: [UInt8] = [] { didSet { pieces += 1 } }
        var pieces = 0
    }

    @Test func emptyStatisticsRoundTrip() throws {
        #expect(try CounterArchive.decode(CounterArchive.encode(CorpusStatistics())) == CorpusStatistics())
    }

    /// A cut or foreign blob fails to decode (the run then rebuilds the page's contribution) instead of
    /// giving wrong counts.
    @Test func truncatedOrForeignBytesAreRejected() throws {
        let archive = CounterArchive.encode(try statistics())
        for length in [0, 3, 4, 20, archive.count / 2, archive.count - 1] {
            #expect(throws: CounterArchive.Malformed.self) { try CounterArchive.decode(archive.prefix(length)) }
        }
        #expect(throws: CounterArchive.Malformed.self) { try CounterArchive.decode(archive + Data([0])) }
        #expect(throws: CounterArchive.Malformed.self) { try CounterArchive.decode(Data(#"{"format_version": 2}"#.utf8)) }
    }
}
