/// How often something occurs in the corpus and in how many articles: the exact, mergeable counter behind
/// every ranking (terms, entities, speakers). Written as a two-number array `[occurrences, documents]` so
/// that the full count maps in stats.json stay compact.
public struct DocumentCount: Codable, Equatable, Sendable {
    public var occurrences: Int
    public var documents: Int

    public init(occurrences: Int, documents: Int) {
        self.occurrences = occurrences
        self.documents = documents
    }

    public static func + (a: DocumentCount, b: DocumentCount) -> DocumentCount {
        DocumentCount(occurrences: a.occurrences + b.occurrences, documents: a.documents + b.documents)
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        occurrences = try c.decode(Int.self)
        documents = try c.decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(occurrences)
        try c.encode(documents)
    }
}

extension Dictionary where Value == DocumentCount {
    /// Adds every count of `other` (associative and commutative, like integer addition).
    mutating func add(_ other: [Key: DocumentCount]) {
        merge(other, uniquingKeysWith: +)
    }

    /// The `k` largest entries by documents, then occurrences, then key: a total order, so the result does
    /// not depend on the dictionary's (per-process seeded) iteration order.
    func top(_ k: Int) -> [(key: Key, value: DocumentCount)] where Key: Comparable {
        CorpusRankings.first(k, of: Array(self)) {
            if $0.value.documents != $1.value.documents { return $0.value.documents > $1.value.documents }
            if $0.value.occurrences != $1.value.occurrences { return $0.value.occurrences > $1.value.occurrences }
            return $0.key < $1.key
        }
    }
}
