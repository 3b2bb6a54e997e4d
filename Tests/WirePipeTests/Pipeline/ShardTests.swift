import Foundation
import Testing
@testable import WirePipe

@Suite struct ShardTests {
    let ids = (0..<600).map { PageLocation.id(forRelativePath: "site-\($0 % 7)/page-\($0).html.gz") }

    @Test func parsesZeroBasedIOfN() throws {
        let shard = try Shard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3 && shard.suffix == "part-2-of-3")
        for bad in ["3/3", "-1/3", "1/0", "1", "a/b", "1/2/3", ""] {
            #expect(throws: Shard.ParseError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func everyPageIsInExactlyOneShardAndSharesAreEven() throws {
        let shards = try (0..<4).map { try Shard(index: $0, count: 4) }
        var sizes = [0, 0, 0, 0]
        for id in ids {
            let owners = shards.filter { $0.contains(pageID: id) }
            #expect(owners.count == 1)
            sizes[owners[0].index] += 1
        }
        // 600 pages over 4 shards: each share within a generous band around 150.
        #expect(sizes.allSatisfy { $0 > 100 && $0 < 200 }, "\(sizes)")
    }

    @Test func aPageKeepsItsShardWhateverElseIsInTheInput() {
        // The shard depends on the page id alone (sha256, not Swift's per-process seeded Hasher), so these
        // values, worked out independently (first 8 bytes of sha256(id), big-endian, modulo N), hold on
        // every machine, in every process and in every later version: shards of a run can be resumed.
        let id = PageLocation.id(forRelativePath: "wordpress-repost.html")
        #expect(id == "wordpress-repost-17e4d04672")
        #expect([2, 3, 5, 7, 1000].map { Shard.index(ofPageID: id, count: $0) } == [1, 1, 0, 4, 615])
        #expect([2, 3, 5, 7, 1000].map { Shard.index(ofPageID: "reuters-asian-shares-1820a946ae", count: $0) } == [0, 1, 2, 1, 982])
        let first = ids.prefix(100).map { Shard.index(ofPageID: $0, count: 5) }
        let again = Array(ids.reversed()).suffix(100).reversed().map { Shard.index(ofPageID: $0, count: 5) }
        #expect(first == Array(again))
    }

    @Test func inputHashIsTheSortedListsAndChangesWithIt() {
        let paths = ["b.html", "a/c.html.gz", "a.html"]
        #expect(Shard.inputHash(relativePaths: paths) == Shard.inputHash(relativePaths: paths.reversed()))
        #expect(Shard.inputHash(relativePaths: paths) != Shard.inputHash(relativePaths: paths + ["d.html"]))
        // The separator keeps ["ab", "c"] and ["a", "bc"] apart.
        #expect(Shard.inputHash(relativePaths: ["ab", "c"]) != Shard.inputHash(relativePaths: ["a", "bc"]))
    }

    @Test func partialSetProblemsAreNamed() throws {
        func part(_ index: Int, _ count: Int, _ hash: String = "h") throws -> (path: String, partial: PartialStatistics) {
            ("p\(index)of\(count)\(hash)", PartialStatistics(shard: try Shard(index: index, count: count), inputHash: hash, inputPages: 9, statistics: CorpusStatistics()))
        }
        func problem(_ parts: [(Int, Int, String)]) throws -> String? {
            PartialStatistics.problem(with: try parts.map { try part($0.0, $0.1, $0.2) })
        }
        #expect(try problem([(0, 2, "h"), (1, 2, "h")]) == nil)
        #expect(try problem([(0, 3, "h"), (2, 3, "h")])?.contains("missing shard 1/3 of 3") == true)
        #expect(try problem([(0, 4, "h")])?.contains("missing shards 1/4, 2/4, 3/4") == true)
        #expect(try problem([(0, 2, "h"), (0, 2, "h"), (1, 2, "h")])?.contains("shard 0/2 is given twice") == true)
        #expect(try problem([(0, 2, "h"), (1, 3, "h")])?.contains("different numbers of shards") == true)
        #expect(try problem([(0, 2, "h"), (1, 2, "other")])?.contains("different input lists") == true)
    }

    @Test func partialStatisticsRoundTrip() throws {
        var stats = CorpusStatistics()
        stats.pagesSeen = 3
        let partial = PartialStatistics(shard: try Shard(index: 1, count: 2), inputHash: "abc", inputPages: 5, statistics: stats)
        let data = try PartialStatistics.encode(partial, settings: AggregateSettings())
        #expect(PartialStatistics.isPartial(data))
        #expect(!PartialStatistics.isPartial(try StatisticsFile.encode(stats, settings: AggregateSettings())))
        let back = try PartialStatistics.decode(data, path: "x")
        #expect(back.shard == partial.shard && back.inputHash == "abc" && back.inputPages == 5 && back.statistics.pagesSeen == 3)
    }
}
