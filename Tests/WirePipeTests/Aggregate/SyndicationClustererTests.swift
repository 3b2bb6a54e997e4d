import Foundation
import Testing
@testable import WirePipe

@Suite struct SyndicationClustererTests {
    let stage = AggregateStage(settings: AggregateSettings())

    /// The two seed pages (a WordPress repost and an aggregator copy of one wire story, under different page
    /// chrome and encodings) are one cluster of exactly those two.
    @Test func theSeedPagesAreOneCluster() throws {
        var stats = CorpusStatistics()
        for name in Fixtures.seedPages + ["pages/ctpost-deval-patrick.html.gz", "pages/entermedia-ko.html.gz"] {
            stats.merge(try stage.process(try Fixtures.article(name)))
        }
        let clusters = stats.clusters
        try #require(clusters.count == 1)
        let cluster = clusters[0]
        #expect(Set(cluster.members.map(\.sourcePath)) == Set(Fixtures.seedPages))
        #expect(Set(cluster.members.map(\.site)).contains("World News Desk"))
        #expect(cluster.members[0] == cluster.origin)
        #expect(cluster.members.allSatisfy { $0.similarity >= AggregateSettings().clusterThreshold })
        #expect(cluster.members.map(\.wordsDifference).contains(0))
    }

    /// Two outlets writing up the same event in their own words share the topic and its names, not the text.
    @Test func ownWriteUpsOfOneEventAreNotACluster() throws {
        let seed = try Fixtures.article("wordpress-repost.html")
        let ownWords = SampleArticles.document(
            id: "other-outlet", site: "Capital Tribune", published: "2022-05-26T20:00:00Z",
            text: """
                Washington and Kyiv have been talking about how far Ukraine should be able to strike with the new \
                American rocket systems, according to officials in both capitals, as the Pentagon weighs sending \
                longer-range weapons.

                The worry in the White House is that strikes deep inside Russia could draw the United States into a \
                wider war. Ukrainian officials have said they only want to push back Russian artillery that is shelling \
                towns in the Donbas, and that they would accept limits on targets.

                Lawmakers from both parties urged the administration to move faster. Representative Jason Crow, who \
                recently visited Kyiv, said the weapons were needed now, not months from now.

                A decision on the multiple-launch rocket systems could come within days, two people familiar with the \
                talks said, though no final choice on range had been made.
                """)
        var stats = CorpusStatistics()
        stats.merge(try stage.process(seed))
        stats.merge(try stage.process(ownWords))
        #expect(stats.syndicationRecords.count == 2)
        let similarity = MinHash.similarity(stats.syndicationRecords["other-outlet"]!.signature, stats.syndicationRecords[seed.id]!.signature)
        #expect(similarity < 0.1)
        #expect(stats.clusters.isEmpty)
    }

    @Test func originIsTheEarliestPublishedAndOrderDoesNotMatter() throws {
        let corpus = SampleArticles.corpus()
        var forward = CorpusStatistics(), backward = CorpusStatistics()
        for document in corpus { forward.merge(try stage.process(document)) }
        for document in corpus.reversed() { backward.merge(try stage.process(document)) }
        let clusters = forward.clusters
        #expect(clusters == backward.clusters)
        try #require(clusters.count == 1)
        #expect(clusters[0].origin.id == "wire-a")
        #expect(clusters[0].members.map(\.id) == ["wire-a", "wire-b"])
        // The aggregator's copy carries a "Read more" line: longer than the origin by those words.
        #expect(clusters[0].members[1].wordsDifference == corpus[1].metrics.words - corpus[0].metrics.words)
        #expect(clusters[0].members[1].wordsDifference > 0)
        #expect(clusters[0].sites == 2)
    }

    @Test func chainsOfCopiesJoinOneCluster() {
        // Signatures built by hand: a–b and b–c agree on 75% of positions, a–c on 50%; with a threshold of
        // 0.6 a and c are clustered through b, and the unrelated d stays out.
        let base = (0..<16).map { UInt32($0) }
        var b = base, c = base
        for i in 0..<4 { b[i] = 1000 + UInt32(i) }
        for i in 0..<4 { c[i] = 1000 + UInt32(i) }
        for i in 4..<8 { c[i] = 2000 + UInt32(i) }
        let d = (0..<16).map { UInt32(5000 + $0) }
        func record(_ id: String, _ signature: [UInt32]) -> SyndicationRecord {
            SyndicationRecord(id: id, sourcePath: id + ".html", site: id, published: nil, words: 100, signature: signature)
        }
        let clusterer = SyndicationClusterer(parameters: SyndicationParameters(shingleSize: 5, hashes: 16, bands: 8, threshold: 0.6, minWords: 0))
        let clusters = clusterer.clusters([record("c", c), record("d", d), record("a", base), record("b", b)])
        #expect(clusters.count == 1)
        #expect(clusters.first?.members.map(\.id) == ["a", "b", "c"])
    }

    @Test func originComparesInstantsAndPrefersATimeToABareDate() {
        let signature = (0..<16).map { UInt32($0) }
        func record(_ id: String, _ published: String?) -> SyndicationRecord {
            SyndicationRecord(id: id, sourcePath: id + ".html", site: id, published: published, words: 100, signature: signature)
        }
        let clusterer = SyndicationClusterer(parameters: SyndicationParameters(shingleSize: 5, hashes: 16, bands: 4, threshold: 0.5, minWords: 0))
        // 23:00 at UTC-5 is 04:00 UTC the next day: after 01:00 UTC that day, whatever the strings say.
        let offsets = clusterer.clusters([record("a", "2022-05-26T23:00:00-05:00"), record("b", "2022-05-27T01:00:00Z"), record("c", nil)])
        #expect(offsets.first?.members.map(\.id) == ["b", "a", "c"])
        // A bare date says "some time that day": the member with a time on that day is the origin.
        let bare = clusterer.clusters([record("a", "2022-05-26"), record("b", "2022-05-26T18:42:07+00:00"), record("c", "2022-05-25")])
        #expect(bare.first?.members.map(\.id) == ["c", "b", "a"])
        #expect(bare.first?.origin.id == "c")
    }

    /// The hand reader of the common date-time shape gives the instants the ISO 8601 formatter gives, and
    /// leaves every other text (fractions, bad days, other shapes) to the formatter.
    @Test func handReadInstantsAreTheFormattersInstants() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        var texts = ["2022-05-26T20:00:00Z", "2022-05-26T20:00:00+02:00", "2024-02-29T23:59:59-05:30", "2000-01-01T00:00:00+14:00",
                     "1970-01-01T00:00:00Z", "2199-12-31T23:59:59-12:00", "2100-03-01T00:00:00Z"]
        for _ in 0..<2000 {
            let year = Int.random(in: 1970...2199, using: &generator), month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator), hour = Int.random(in: 0...23, using: &generator)
            let minute = Int.random(in: 0...59, using: &generator), second = Int.random(in: 0...59, using: &generator)
            let zone = Bool.random(using: &generator) ? "Z"
                : String(format: "%@%02d:%02d", Bool.random(using: &generator) ? "+" : "-", Int.random(in: 0...14, using: &generator), [0, 30, 45][Int.random(in: 0...2, using: &generator)])
            texts.append(String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second) + zone)
        }
        for text in texts {
            let seconds = SyndicationClusterer.InstantReader.internetDateTime(text)
            #expect(seconds.map { Date(timeIntervalSince1970: Double($0)) } == formatter.date(from: text), "\(text)")
        }
        for other in ["2022-05-26T20:00:00.5Z", "2022-02-30T10:00:00Z", "2022-05-26 20:00:00Z", "2022-05-26T20:00:00+0200",
                      "2022-05-26T24:00:00Z", "1969-12-31T23:59:59Z", "2022-05-26"] {
            #expect(SyndicationClusterer.InstantReader.internetDateTime(other) == nil, "\(other)")
        }
    }

    /// Signatures are written by hand as `String(format: "%08x")` wrote each value.
    @Test func signatureHexIsWhatFormatWrites() {
        let signature: [UInt32] = [0, 1, 0xF, 0x10, 0xABCDEF, 0x8000_0000, .max] + (0..<64).map { _ in UInt32.random(in: 0...UInt32.max) }
        #expect(SyndicationRecord.hex(signature) == signature.map { String(format: "%08x", $0) }.joined())
    }
}
