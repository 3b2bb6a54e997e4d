import Foundation

/// The stored form of the strip and normalise outputs in `stages.sqlite`: a compact binary encoding written
/// and read field by field, instead of JSON through `Codable`. Every page's strip output is written once and
/// read back once in a run (and its normalise output written once); through the JSON coders that cost about
/// 2 million instructions a page, a twentieth of the whole run, for data no person reads.
///
/// Layout: the marker `00 57 50` ("\0WP", never the start of JSON), the format's version (one byte), the
/// stage's name, version and fingerprint (as `StoredStageOutput` holds them), then the output. Integers are
/// LEB128 varints (zigzag for signed values), strings a length and their UTF-8 bytes, optionals a 0/1 byte
/// before the value, arrays a count before the elements. Block kinds are one byte each (`BlockKind.code`).
///
/// Outputs stored as JSON by earlier versions are still read (`decode` looks at the first byte); a body that
/// is neither, or a binary one of another format version, fails to decode, which sends the page back to its
/// HTML (`PageError.Kind.missingStageOutput`), never takes the run down.
enum StoredForm {
    static let marker: [UInt8] = [0x00, 0x57, 0x50]
    /// Raise when the layout of any stored type changes: older bodies then fail to decode and are remade.
    static let formatVersion: UInt8 = 1

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func encode<T: StoredFormCodable>(_ output: T, stage: StageName, version: String, fingerprint: String) -> Data {
        var writer = StoredFormWriter()
        writer.bytes.append(contentsOf: marker)
        writer.bytes.append(formatVersion)
        writer.write(stage.rawValue)
        writer.write(version)
        writer.write(fingerprint)
        output.write(to: &writer)
        return Data(writer.bytes)
    }

    /// The output in `body`, in the binary form or the JSON form of earlier versions.
    static func decode<T: StoredFormCodable>(_ type: T.Type, from body: Data) throws -> T {
        if body.first == UInt8(ascii: "{") {
            return try JSONDecoder().decode(StoredStageOutput<T>.self, from: body).output
        }
        return try body.withUnsafeBytes { raw throws(Failure) -> T in
            var reader = StoredFormReader(raw)
            for byte in marker where try reader.byte() != byte {
                throw Failure(description: "not a stored stage output")
            }
            let format = try reader.byte()
            guard format == formatVersion else {
                throw Failure(description: "stored in format \(format), this version reads format \(formatVersion)")
            }
            _ = try reader.string()  // stage
            _ = try reader.string()  // version
            _ = try reader.string()  // fingerprint
            let output = try T(from: &reader)
            guard reader.isAtEnd else { throw Failure(description: "bytes left after the stored output") }
            return output
        }
    }
}

/// A stage output with a binary stored form. `StoredFormTests` checks each conforming type's field count,
/// so that a field added to a type cannot be left out of its stored form unnoticed.
protocol StoredFormCodable: Codable, Sendable {
    func write(to writer: inout StoredFormWriter)
    init(from reader: inout StoredFormReader) throws(StoredForm.Failure)
}

struct StoredFormWriter {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(8192)
    }

    mutating func write(_ value: UInt64) {
        bytes.appendVarint(value)
    }

    mutating func write(_ value: Int) {
        bytes.appendZigzag(value)
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ value: String) {
        bytes.appendString(value)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }

    mutating func write(_ kind: BlockKind) {
        bytes.append(kind.code)
    }
}

struct StoredFormReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    private static let truncated = StoredForm.Failure(description: "the stored output is cut short")

    mutating func byte() throws(StoredForm.Failure) -> UInt8 {
        guard offset < bytes.count else { throw Self.truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(StoredForm.Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw StoredForm.Failure(description: "a number in the stored output is too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(StoredForm.Failure) -> Int {
        let zigzag = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    /// A count of elements still to read: never more than the bytes left (each element takes one at least),
    /// so a damaged count cannot reserve unbounded memory.
    mutating func count() throws(StoredForm.Failure) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Self.truncated }
        return Int(count)
    }

    mutating func bool() throws(StoredForm.Failure) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw StoredForm.Failure(description: "a flag in the stored output is neither 0 nor 1")
        }
    }

    mutating func string() throws(StoredForm.Failure) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    mutating func optionalString() throws(StoredForm.Failure) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(StoredForm.Failure) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func blockKind() throws(StoredForm.Failure) -> BlockKind {
        let code = try byte()
        guard let kind = BlockKind(code: code) else { throw StoredForm.Failure(description: "unknown block kind \(code)") }
        return kind
    }
}

extension BlockKind {
    /// The kind's byte in the stored form: fixed here, whatever order the cases are declared in.
    var code: UInt8 {
        switch self {
        case .paragraph: return 0
        case .heading: return 1
        case .listItem: return 2
        case .quote: return 3
        case .preformatted: return 4
        case .tableCell: return 5
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .paragraph
        case 1: self = .heading
        case 2: self = .listItem
        case 3: self = .quote
        case 4: self = .preformatted
        case 5: self = .tableCell
        default: return nil
        }
    }
}

extension PageSource {
    func write(to writer: inout StoredFormWriter) {
        writer.write(path)
        writer.write(sha256)
        writer.write(bytes)
        writer.write(encoding)
        writer.write(encodingSource)
        writer.write(compressed)
        writer.write(url)
        writer.write(date)
        writer.write(recordID)
    }

    init(from reader: inout StoredFormReader) throws(StoredForm.Failure) {
        self.init(
            path: try reader.string(), sha256: try reader.string(), bytes: try reader.int(), encoding: try reader.string(),
            encodingSource: try reader.string(), compressed: try reader.bool(), url: try reader.optionalString(),
            date: try reader.optionalString(), recordID: try reader.optionalString())
    }
}

extension ArticleMetadata {
    func write(to writer: inout StoredFormWriter) {
        writer.write(title)
        writer.write(titleSource)
        writer.write(siteName)
        writer.write(siteNameSource)
        writer.write(authors)
        writer.write(authorsSource)
        writer.write(published)
        writer.write(publishedSource)
        writer.write(modified)
        writer.write(modifiedSource)
        writer.write(section)
        writer.write(tags)
        writer.write(url)
        writer.write(declaredLanguage)
        writer.write(description)
    }

    init(from reader: inout StoredFormReader) throws(StoredForm.Failure) {
        self.init()
        title = try reader.optionalString()
        titleSource = try reader.optionalString()
        siteName = try reader.optionalString()
        siteNameSource = try reader.optionalString()
        authors = try reader.strings()
        authorsSource = try reader.optionalString()
        published = try reader.optionalString()
        publishedSource = try reader.optionalString()
        modified = try reader.optionalString()
        modifiedSource = try reader.optionalString()
        section = try reader.optionalString()
        tags = try reader.strings()
        url = try reader.optionalString()
        declaredLanguage = try reader.optionalString()
        description = try reader.optionalString()
    }
}

extension StrippedArticle: StoredFormCodable {
    func write(to writer: inout StoredFormWriter) {
        writer.write(id)
        source.write(to: &writer)
        metadata.write(to: &writer)
        writer.write(UInt64(blocks.count))
        for block in blocks {
            writer.write(block.kind)
            writer.write(block.text)
        }
        writer.write(comments)
        writer.write(flags)
    }

    init(from reader: inout StoredFormReader) throws(StoredForm.Failure) {
        let id = try reader.string()
        let source = try PageSource(from: &reader)
        let metadata = try ArticleMetadata(from: &reader)
        let count = try reader.count()
        var blocks: [TextBlock] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count { blocks.append(TextBlock(kind: try reader.blockKind(), text: try reader.string())) }
        self.init(id: id, source: source, metadata: metadata, blocks: blocks, comments: try reader.strings(), flags: try reader.strings())
    }
}

extension NormalisedArticle: StoredFormCodable {
    func write(to writer: inout StoredFormWriter) {
        writer.write(id)
        source.write(to: &writer)
        metadata.write(to: &writer)
        writer.write(UInt64(paragraphs.count))
        for paragraph in paragraphs {
            writer.write(paragraph.kind)
            writer.write(paragraph.text)
            writer.write(UInt64(paragraph.sentences.count))
            for sentence in paragraph.sentences {
                writer.write(sentence.lowerBound)
                writer.write(sentence.upperBound)
            }
            writer.write(paragraph.words)
        }
        writer.write(comments)
        writer.write(flags)
    }

    init(from reader: inout StoredFormReader) throws(StoredForm.Failure) {
        let id = try reader.string()
        let source = try PageSource(from: &reader)
        let metadata = try ArticleMetadata(from: &reader)
        let count = try reader.count()
        var paragraphs: [NormalisedParagraph] = []
        paragraphs.reserveCapacity(count)
        for _ in 0..<count {
            let kind = try reader.blockKind()
            let text = try reader.string()
            let sentenceCount = try reader.count()
            var sentences: [Range<Int>] = []
            sentences.reserveCapacity(sentenceCount)
            for _ in 0..<sentenceCount {
                let lower = try reader.int(), upper = try reader.int()
                guard lower <= upper else { throw StoredForm.Failure(description: "a sentence range ends before it starts") }
                sentences.append(lower..<upper)
            }
            paragraphs.append(NormalisedParagraph(kind: kind, text: text, sentences: sentences, words: try reader.int()))
        }
        self.init(id: id, source: source, metadata: metadata, paragraphs: paragraphs, comments: try reader.strings(), flags: try reader.strings())
    }
}
