import Foundation

/// Finds clusters of near-duplicate articles from their MinHash signatures by LSH banding: the signature is
/// cut into `bands` bands; articles sharing all values of at least one band become candidate pairs; a
/// candidate pair is kept when its estimated similarity reaches the threshold; clusters are the connected
/// components of the kept pairs. Work is about linear in the number of articles (plus the candidate pairs),
/// not quadratic.
public struct SyndicationClusterer: Sendable {
    public let parameters: SyndicationParameters

    public init(parameters: SyndicationParameters) {
        self.parameters = parameters
    }

    /// `records` in any order; the result depends only on their contents.
    public func clusters(_ records: [SyndicationRecord]) -> [SyndicationCluster] {
        let records = records.filter { $0.signature.count == parameters.hashes }.sorted { $0.id < $1.id }
        guard records.count > 1, parameters.bands > 0 else { return [] }
        let rows = parameters.hashes / parameters.bands
        var parent = Array(records.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }

        for band in 0..<parameters.bands {
            var buckets: [ArraySlice<UInt32>: [Int]] = [:]
            for (index, record) in records.enumerated() {
                buckets[record.signature[band * rows..<(band + 1) * rows], default: []].append(index)
            }
            for members in buckets.values where members.count > 1 {
                // Members are in index order; each is compared with the earlier ones not yet in its cluster.
                for (k, i) in members.enumerated() {
                    for j in members[..<k] where root(i) != root(j) {
                        if MinHash.similarity(records[i].signature, records[j].signature) >= parameters.threshold {
                            // The smaller index becomes the root: the same components whatever the union order.
                            let (a, b) = (root(i), root(j))
                            parent[max(a, b)] = min(a, b)
                        }
                    }
                }
            }
        }

        var components: [Int: [Int]] = [:]
        for index in records.indices { components[root(index), default: []].append(index) }
        let clusters = components.values.filter { $0.count > 1 }.map { indices in cluster(indices.map { records[$0] }) }
        return clusters.sorted { $0.size != $1.size ? $0.size > $1.size : $0.origin.id < $1.origin.id }
    }

    private func cluster(_ members: [SyndicationRecord]) -> SyndicationCluster {
        let instants = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.published.flatMap(Self.instant)) })
        let ordered = members.sorted { a, b in
            switch (a.published, b.published) {
            case (nil, nil): return a.id < b.id
            case (_?, nil): return true
            case (nil, _?): return false
            case let (x?, y?):
                // Two times compare as instants (offsets matter); otherwise by day, and on one day a
                // precise time goes before a bare date, which only says "some time that day".
                switch (instants[a.id] ?? nil, instants[b.id] ?? nil) {
                case let (p?, q?) where p != q: return p < q
                case (_?, nil) where x.prefix(10) == y.prefix(10): return true
                case (nil, _?) where x.prefix(10) == y.prefix(10): return false
                default: return x.prefix(10) != y.prefix(10) ? x.prefix(10) < y.prefix(10) : a.id < b.id
                }
            }
        }
        let origin = ordered[0]
        let entries = ordered.map { record in
            SyndicationCluster.Member(
                id: record.id, sourcePath: record.sourcePath, site: record.site, published: record.published, words: record.words,
                wordsDifference: record.words - origin.words,
                similarity: (MinHash.similarity(record.signature, origin.signature) * 100).rounded() / 100)
        }
        return SyndicationCluster(size: entries.count, sites: Set(entries.map(\.site)).count, origin: entries[0], members: entries)
    }

    /// A published value with a time of day, as an instant; nil for a bare date or anything unreadable.
    static func instant(_ published: String) -> Date? {
        guard published.count > 10 else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: published) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: published)
    }
}
