import Foundation

/// The rankings derived from merged statistics: top terms, distinctive terms, entities, speakers, dateline
/// locations, reporters and editors. Computed only from merged counts with a total order on ties, so they
/// are identical however the statistics were split and merged.
public struct CorpusRankings: Sendable {
    public struct Term: Codable, Equatable, Sendable {
        public var term: String
        public var language: String
        public var occurrences: Int
        public var documents: Int
        /// Distinctive terms only: occurrences × ln(articles in the language / documents).
        public var score: Double?
    }

    public struct Named: Codable, Equatable, Sendable {
        public var name: String
        public var count: Int
        public var documents: Int
    }

    public struct Counted: Codable, Equatable, Sendable {
        public var name: String
        public var count: Int
    }

    public var topTerms: [Term]
    public var distinctiveTerms: [Term]
    /// Entity type → top names (count = mentions).
    public var entities: [String: [Named]]
    /// Top speakers (count = quotations).
    public var speakers: [Named]
    public var datelineLocations: [Counted]
    public var reporters: [Counted]
    public var editors: [Counted]
    public var boilerplate: [Counted]

    /// Credit roles whose names are reporters; editors are `editing`.
    public static let reporterRoles = ["reporting", "additional_reporting", "writing"]

    public init(_ stats: CorpusStatistics, top k: Int) {
        // Every term of the vocabulary is offered to the two rankings as it is met, never gathered into a
        // list first: at the end of a run such lists were the largest allocation.
        var top = Leaders<Term>(k) { a, b in
            if (a.documents, a.occurrences) != (b.documents, b.occurrences) { return (a.documents, a.occurrences) > (b.documents, b.occurrences) }
            return (a.term, a.language) < (b.term, b.language)
        }
        var distinctive = Leaders<Term>(k) { a, b in
            if a.score != b.score { return a.score! > b.score! }
            return (a.term, a.language) < (b.term, b.language)
        }
        for (language, counts) in stats.terms {
            let articles = Double(max(stats.byLanguage[language] ?? 0, 1))
            for (term, count) in counts {
                top.offer(Term(term: term, language: language, occurrences: count.occurrences, documents: count.documents, score: nil))
                // A term of one article says nothing about the corpus; one in every article is not distinctive.
                guard count.documents >= 2 else { continue }
                let score = Double(count.occurrences) * log(articles / Double(count.documents))
                if score > 0 {
                    distinctive.offer(Term(term: term, language: language, occurrences: count.occurrences, documents: count.documents,
                                           score: (score * 1000).rounded() / 1000))
                }
            }
        }
        topTerms = top.best
        distinctiveTerms = distinctive.best
        entities = stats.entities.mapValues { counts in
            counts.top(k).map { Named(name: $0.key, count: $0.value.occurrences, documents: $0.value.documents) }
        }
        // Speakers rank by quotations first: who is quoted most, not who is quoted in most articles.
        speakers = Self.first(k, of: Array(stats.speakers)) {
            if $0.value.occurrences != $1.value.occurrences { return $0.value.occurrences > $1.value.occurrences }
            if $0.value.documents != $1.value.documents { return $0.value.documents > $1.value.documents }
            return $0.key < $1.key
        }.map { Named(name: $0.key, count: $0.value.occurrences, documents: $0.value.documents) }
        datelineLocations = Self.top(stats.byDatelineLocation, k)
        var reporting: [String: Int] = [:]
        for role in Self.reporterRoles { reporting.merge(stats.credits[role] ?? [:], uniquingKeysWith: +) }
        reporters = Self.top(reporting, k)
        editors = Self.top(stats.credits["editing"] ?? [:], k)
        boilerplate = Self.top(stats.boilerplateRemoved, k)
    }

    /// The `k` largest counts, ties by name.
    public static func top(_ counts: [String: Int], _ k: Int) -> [Counted] {
        first(k, of: Array(counts)) { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { Counted(name: $0.key, count: $0.value) }
    }

    /// The first `k` of `items` in the order of `precedes`, exactly as a stable `sorted(by:).prefix(k)` gives
    /// them, without sorting everything: a corpus has tens of thousands of terms and the rankings keep a few
    /// dozen.
    static func first<T>(_ k: Int, of items: [T], by precedes: @escaping (T, T) -> Bool) -> [T] {
        guard items.count > k else { return k > 0 ? items.sorted(by: precedes) : [] }
        var leaders = Leaders(k, by: precedes)
        for item in items { leaders.offer(item) }
        return leaders.best
    }
}

/// The best `k` items offered so far, in the order of `precedes`: a sorted list; an item that does not beat
/// the last of a full list costs one comparison. Equal items keep the order they were offered in, as in a
/// stable sort.
struct Leaders<T> {
    let k: Int
    let precedes: (T, T) -> Bool
    private(set) var best: [T] = []

    init(_ k: Int, by precedes: @escaping (T, T) -> Bool) {
        self.k = max(0, k)
        self.precedes = precedes
        best.reserveCapacity(self.k + 1)
    }

    mutating func offer(_ item: T) {
        guard k > 0 else { return }
        if best.count == k, !precedes(item, best[k - 1]) { return }
        // After the items it does not precede, so that equal items keep their order.
        var low = 0, high = best.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(item, best[middle]) { high = middle } else { low = middle + 1 }
        }
        best.insert(item, at: low)
        if best.count > k { best.removeLast() }
    }
}
