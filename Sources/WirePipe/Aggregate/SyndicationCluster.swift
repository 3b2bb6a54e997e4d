/// A group of articles that carry one text: the same wire copy on several sites.
public struct SyndicationCluster: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        public var id: String
        public var sourcePath: String
        public var site: String
        public var published: String?
        public var words: Int
        /// This copy's words minus the origin's: negative for a cut copy, positive for one with additions.
        public var wordsDifference: Int
        /// Estimated Jaccard similarity of this copy's shingles with the origin's (1 for the origin).
        public var similarity: Double

        enum CodingKeys: String, CodingKey {
            case id, site, published, words, similarity
            case sourcePath = "source_path"
            case wordsDifference = "words_difference"
        }
    }

    public var size: Int
    public var sites: Int
    /// The earliest published member (members without a date come after dated ones; ties by id).
    public var origin: Member
    /// Every member, the origin first, then by published date and id.
    public var members: [Member]
}
