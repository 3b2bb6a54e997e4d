/// The stored form of a normalised paragraph, written and read by hand: the same JSON as the synthesised
/// coding (`{"kind", "sentences": [[lower, upper], …], "text", "words"}`), but each sentence range is read as a
/// pair of integers rather than through `Range`'s generic `Decodable` path, which cost several thousand
/// instructions a range: reading the stored texts back (`run --stage analyse`) was dominated by it.
extension NormalisedParagraph {
    private enum StoredKeys: String, CodingKey {
        case kind, text, sentences, words
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StoredKeys.self)
        // Concrete decode calls only (String, Int): the generic ones (an enum, `[[Int]]`) go through the runtime's
        // type metadata for every value.
        let rawKind = try container.decode(String.self, forKey: .kind)
        guard let kind = BlockKind(rawValue: rawKind) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown block kind \(rawKind)")
        }
        let text = try container.decode(String.self, forKey: .text)
        var pairs = try container.nestedUnkeyedContainer(forKey: .sentences)
        var sentences: [Range<Int>] = []
        if let count = pairs.count { sentences.reserveCapacity(count) }
        while !pairs.isAtEnd {
            var pair = try pairs.nestedUnkeyedContainer()
            let lower = try pair.decode(Int.self), upper = try pair.decode(Int.self)
            guard pair.isAtEnd, lower <= upper else {
                throw DecodingError.dataCorruptedError(
                    forKey: .sentences, in: container, debugDescription: "a sentence range is not [lower, upper] with lower <= upper")
            }
            sentences.append(lower..<upper)
        }
        self.init(kind: kind, text: text, sentences: sentences, words: try container.decode(Int.self, forKey: .words))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StoredKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(sentences.map { [$0.lowerBound, $0.upperBound] }, forKey: .sentences)
        try container.encode(words, forKey: .words)
    }
}
