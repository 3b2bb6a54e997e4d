import Foundation
import Testing
@testable import WirePipe

/// `SortedJSONEncoder` must write exactly what `JSONEncoder` writes with the same options: the files it
/// writes are compared byte for byte between runs, and older files were written by `JSONEncoder`.
@Suite struct SortedJSONEncoderTests {
    struct Sample: Codable {
        var text: String
        var numbers: [Double]
        var floats: [Float]
        var integers: [Int]
        var flags: [Bool]
        var missing: String?
        var explicitNull: String?
        var empty: [String]
        var emptyObject: [String: Int]
        var nested: [String: [String: [Int]]]
        var url: URL
        var data: Data
        var decimal: Decimal
        var date: Date

        enum CodingKeys: String, CodingKey {
            case text, numbers, floats, integers, flags, missing, empty, nested, url, data, decimal, date
            case explicitNull = "explicit_null"
            case emptyObject = "Empty_Object"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(numbers, forKey: .numbers)
            try c.encode(floats, forKey: .floats)
            try c.encode(integers, forKey: .integers)
            try c.encode(flags, forKey: .flags)
            try c.encodeIfPresent(missing, forKey: .missing)
            try c.encode(explicitNull, forKey: .explicitNull)
            try c.encode(empty, forKey: .empty)
            try c.encode(emptyObject, forKey: .emptyObject)
            try c.encode(nested, forKey: .nested)
            try c.encode(url, forKey: .url)
            try c.encode(data, forKey: .data)
            try c.encode(decimal, forKey: .decimal)
            try c.encode(date, forKey: .date)
        }
    }

    static let sample = Sample(
        text: "quotes \" and \\ and / slashes, controls \u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}\u{7F}, "
            + "Kyiv’s “quotes” — dashes, é, ß, 日本語, 🇺🇦, line\u{2028}separator",
        numbers: [0, -0.0, 1, -1, 3.5, 0.1, 1e-7, 1e21, 123_456_789.123, .pi, .leastNonzeroMagnitude, 1.7976931348623157e308, 100, 2.5e-5],
        floats: [0, 1.5, 0.1, 3.4028235e38],
        integers: [0, -1, 42, Int.max, Int.min],
        flags: [true, false],
        missing: nil, explicitNull: nil, empty: [], emptyObject: [:],
        nested: [
            "b": ["z": [1, 2], "a": []], "a": [:], "B": ["x": [3]], "_": ["y": []], "10": [:], "9": [:], "é": [:],
            "ä": [:], "Z": [:], "aa": [:], "a b": [:],
        ],
        url: URL(string: "https://example.com/a/b?c=d")!, data: Data([0, 1, 2, 250, 255]), decimal: Decimal(string: "12.50")!,
        date: Date(timeIntervalSince1970: 1_653_523_200))

    func jsonEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: [false, true]) func writesWhatJSONEncoderWritesForEveryKindOfValue(pretty: Bool) throws {
        let expected = try jsonEncoder(pretty: pretty).encode(Self.sample)
        let written = try SortedJSONEncoder(prettyPrinted: pretty).encode(Self.sample)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: [false, true]) func writesWhatJSONEncoderWritesForTheSeedArticles(pretty: Bool) throws {
        for name in Fixtures.seedPages {
            let article = try Fixtures.article(name)
            #expect(try SortedJSONEncoder(prettyPrinted: pretty).encode(article) == jsonEncoder(pretty: pretty).encode(article), "\(name)")
            let stripped = try Fixtures.stripped(name)
            #expect(try SortedJSONEncoder(prettyPrinted: pretty).encode(stripped) == jsonEncoder(pretty: pretty).encode(stripped), "\(name)")
        }
    }

    @Test func writesWhatJSONEncoderWritesForStatistics() throws {
        var stats = CorpusStatistics()
        for name in Fixtures.seedPages { stats.merge(try AggregateStage(settings: AggregateSettings()).process(Fixtures.article(name))) }
        let settings = AggregateSettings()
        var encoder = SortedJSONEncoder(prettyPrinted: true)
        encoder.userInfo[CorpusStatistics.lengthBinsKey] = settings.lengthBins
        encoder.userInfo[CorpusStatistics.topKKey] = settings.topK
        let reference = jsonEncoder(pretty: true)
        reference.userInfo[CorpusStatistics.lengthBinsKey] = settings.lengthBins
        reference.userInfo[CorpusStatistics.topKKey] = settings.topK
        let written = try encoder.encode(stats)
        #expect(written == (try reference.encode(stats)))
        #expect(written.count > 1000)
    }

    struct Listing: Encodable {
        var name: String
        var records: JSONDeferredArray<Sample>
        var none: JSONDeferredArray<Int>
    }

    /// A file streamed in chunks, with deferred arrays, holds the bytes `JSONEncoder` writes for the value
    /// (deferred arrays are plain arrays to it), also across many chunk boundaries.
    @Test(arguments: [false, true]) func streamsToAFileWhatJSONEncoderWrites(pretty: Bool) throws {
        let listing = Listing(name: "many", records: JSONDeferredArray(Array(repeating: Self.sample, count: 600)), none: JSONDeferredArray([]))
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("listing.json")
        try SortedJSONEncoder(prettyPrinted: pretty).write(listing, to: file, durable: false)
        let written = try Data(contentsOf: file)
        #expect(written.count > 4 * JSONTextWriter.chunkSize)
        #expect(written == (try jsonEncoder(pretty: pretty).encode(listing)))
        #expect(written == Data(try SortedJSONEncoder(prettyPrinted: pretty).encodedBytes(listing)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["listing.json"])
    }

    /// An encoding error half-way through a streamed file leaves neither the file nor its temporary name.
    @Test func aFailedStreamLeavesNothing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var numbers = Array(repeating: 0.5, count: 40_000)
        numbers.append(.nan)
        #expect(throws: EncodingError.self) {
            try SortedJSONEncoder().write(["numbers": JSONDeferredArray(numbers)], to: folder.appendingPathComponent("bad.json"), durable: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func rejectsNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["x": Double.infinity]) }
    }

    /// Keys sort in UTF-8 byte order, also where the eight-byte prefixes the sort compares first are equal.
    @Test func keysSortInByteOrder() {
        let keys = ["abcdefgh", "abcdefghX", "abcdefghA", "abcdefg", "abc", "ab\u{0}", "ab", "", "é", "e\u{301}", "z", "Z", "日本", "abcdefgh\u{0}",
                    "\u{7F}", "\u{80}", "abcdefghé", "abcdefghe"]
        let order = JSONTextWriter.sortedOrder(keys).map { keys[$0] }
        #expect(order == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // Few keys take another path.
        for count in 2...16 {
            let some = Array(keys.shuffled().prefix(count))
            #expect(JSONTextWriter.sortedOrder(some).map { some[$0] } == some.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
    }

    /// Integers are written as `String(value)` writes them, at every length and sign and at the limits.
    @Test func integersAreWrittenAsStringWritesThem() {
        var values = [Int.min, Int.min + 1, Int.max, -1, 0, 9, 10, 99, 100, -10, -9, 1_000_000_007]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        for value in values {
            var bytes: [UInt8] = [0x41]
            JSONTextWriter.appendInteger(value, to: &bytes)
            #expect(bytes == [0x41] + Array(String(value).utf8), "\(value)")
        }
    }
}

