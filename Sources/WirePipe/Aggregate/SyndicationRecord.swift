import Foundation

/// One article's entry for near-duplicate detection: who it is, and its MinHash signature. Part of the
/// mergeable statistics (clusters are derived from all records when stats.json is written).
public struct SyndicationRecord: Codable, Equatable, Sendable {
    public var id: String
    public var sourcePath: String
    public var site: String
    public var published: String?
    public var words: Int
    public var signature: [UInt32]

    public init(id: String, sourcePath: String, site: String, published: String?, words: Int, signature: [UInt32]) {
        self.id = id
        self.sourcePath = sourcePath
        self.site = site
        self.published = published
        self.words = words
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case id, site, published, words, signature
        case sourcePath = "source_path"
    }

    // The signature as one hex string (8 digits per value): a tenth of the size of a JSON number array.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sourcePath, forKey: .sourcePath)
        try c.encode(site, forKey: .site)
        try c.encode(published, forKey: .published)
        try c.encode(words, forKey: .words)
        try c.encode(Self.hex(signature), forKey: .signature)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Eight lowercase hex digits per value, as `String(format: "%08x")` writes them, by hand: stats.json
    /// holds one signature per article, and `String(format:)` cost about a microsecond per value.
    static func hex(_ signature: [UInt32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(signature.count * 8)
        for value in signature {
            for shift in stride(from: 28, through: 0, by: -4) { bytes.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        sourcePath = try c.decode(String.self, forKey: .sourcePath)
        site = try c.decode(String.self, forKey: .site)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        words = try c.decode(Int.self, forKey: .words)
        let hex = Array(try c.decode(String.self, forKey: .signature).utf8)
        guard hex.count % 8 == 0 else {
            throw DecodingError.dataCorruptedError(forKey: .signature, in: c, debugDescription: "signature length \(hex.count) is not a multiple of 8")
        }
        signature = try stride(from: 0, to: hex.count, by: 8).map { start in
            guard let value = UInt32(String(decoding: hex[start..<start + 8], as: UTF8.self), radix: 16) else {
                throw DecodingError.dataCorruptedError(forKey: .signature, in: c, debugDescription: "signature is not hexadecimal")
            }
            return value
        }
    }

    /// Orders the copies of one page id met twice in a merge (overlapping inputs), so that which copy wins
    /// does not depend on the order of the merge.
    func precedes(_ other: SyndicationRecord) -> Bool {
        if sourcePath != other.sourcePath { return sourcePath < other.sourcePath }
        if words != other.words { return words < other.words }
        return signature.lexicographicallyPrecedes(other.signature)
    }
}
