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
        let instants = InstantReader()
        let clusters = components.values.filter { $0.count > 1 }.map { indices in cluster(indices.map { records[$0] }, instants: instants) }
        return clusters.sorted { $0.size != $1.size ? $0.size > $1.size : $0.origin.id < $1.origin.id }
    }

    private func cluster(_ members: [SyndicationRecord], instants reader: InstantReader) -> SyndicationCluster {
        let instants = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.published.flatMap(reader.instant)) })
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
        InstantReader().instant(published)
    }

    /// The two ISO 8601 formatters `instant` reads with, made once per clustering: making a formatter (an ICU
    /// date format underneath) cost a hundred times more than reading a date with it, once per clustered
    /// article when stats.json was written.
    final class InstantReader {
        // Lazy: most published values are read by hand, and making a formatter loads ICU's data.
        private lazy var plain = ISO8601DateFormatter()
        private lazy var fractional: ISO8601DateFormatter = {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter
        }()

        func instant(_ published: String) -> Date? {
            guard published.count > 10 else { return nil }
            if let seconds = Self.internetDateTime(published) { return Date(timeIntervalSince1970: Double(seconds)) }
            return plain.date(from: published) ?? fractional.date(from: published)
        }

        /// Seconds since 1970 of the common exact shape `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`, in years
        /// 1970–2199, read by hand (what the formatter reads it as; `SyndicationClustererTests` compares
        /// the two); nil for any other text, which the formatters read. Even reusing formatters, each
        /// `date(from:)` copied an ICU calendar: most of the time spent writing stats.json.
        static func internetDateTime(_ text: String) -> Int? {
            let b = Array(text.utf8)
            guard b.count == 20 || b.count == 25, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<from + count {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    value = value * 10 + Int(b[i] - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2),
                  (1970...2199).contains(year), (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day >= 1 && day <= monthDays[month - 1] else { return nil }
            var offset = 0
            if b.count == 20 {
                guard b[19] == 0x5A else { return nil }
            } else {
                guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A, let hours = number(20, 2), let minutes = number(23, 2),
                      hours <= 18, minutes < 60 else { return nil }
                offset = (hours * 60 + minutes) * 60 * (b[19] == 0x2B ? 1 : -1)
            }
            // Days from 1970-01-01 to the date (civil calendar, Howard Hinnant's days_from_civil).
            let y = month <= 2 ? year - 1 : year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return days * 86_400 + hour * 3600 + minute * 60 + second - offset
        }
    }
}
