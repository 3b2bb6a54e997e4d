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
        let kind = try container.decode(BlockKind.self, forKey: .kind)
        let text = try container.decode(String.self, forKey: .text)
        let pairs = try container.decode([[Int]].self, forKey: .sentences)
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(pairs.count)
        for pair in pairs {
            guard pair.count == 2, pair[0] <= pair[1] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .sentences, in: container, debugDescription: "a sentence range is not [lower, upper] with lower <= upper")
            }
            sentences.append(pair[0]..<pair[1])
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
