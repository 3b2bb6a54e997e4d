import Foundation

/// The counters of `CorpusStatistics` in a compact binary form: how each page's contribution and the
/// merged total are kept in the manifest. Every run that changes a page encodes one contribution per page
/// and decodes the contributions it merges; through JSONEncoder/JSONDecoder on Linux that was more work
/// per page than the whole analyse stage. stats.json itself stays JSON.
///
/// Layout: the magic bytes `WPC`, a format byte, then every counter in a fixed order. Integers are
/// LEB128 varints (zigzag for the signed ones), strings a varint length and their UTF-8 bytes, maps a
/// varint count then their entries, optionals a 0/1 byte. Derived figures (rankings, clusters, summaries)
/// are never stored: they are recomputed from the counters.
enum CounterArchive {
    static let magic: [UInt8] = Array("WPC".utf8)
    /// Bump when the layout changes; older blobs then fail to decode and are rebuilt from the articles.
    static let format: UInt8 = 1

    struct Malformed: Error, CustomStringConvertible {
        var description: String { "the stored statistics counters are truncated or of another format" }
    }

    static func isArchive(_ data: Data) -> Bool {
        data.count > magic.count && data.prefix(magic.count).elementsEqual(magic)
    }

    static func encode(_ stats: CorpusStatistics) -> Data {
        Data(encodedBytes(stats))
    }

    /// The whole archive in one array (a page's contribution: small).
    static func encodedBytes(_ stats: CorpusStatistics) -> [UInt8] {
        var writer = Writer()
        write(stats, to: &writer)
        return writer.bytes
    }

    /// The archive a piece at a time: `sink` gets consecutive pieces of about `chunkSize` bytes (the last
    /// one shorter), and the byte count is returned. The merged total of a large corpus is megabytes, made
    /// at the end of a run, when memory peaks: streamed, it is never held whole (see
    /// `Manifest.storeStatistics`). Statistics that are not modified between two calls give the same bytes.
    @discardableResult
    static func encode(_ stats: CorpusStatistics, chunkSize: Int = 64 * 1024, into sink: @escaping (UnsafeRawBufferPointer) -> Void) -> Int {
        var writer = Writer(chunkSize: chunkSize, sink: sink)
        write(stats, to: &writer)
        writer.flush()
        return writer.flushed
    }

    /// The archive's length in bytes, without keeping any of it.
    static func byteCount(_ stats: CorpusStatistics) -> Int {
        encode(stats) { _ in }
    }

    private static func write(_ stats: CorpusStatistics, to writer: inout Writer) {
        writer.bytes.append(contentsOf: magic)
        writer.bytes.append(format)
        for value in [stats.pagesSeen, stats.articlesOK, stats.articlesEmpty, stats.notArticles, stats.pagesFailed,
                      stats.totalWords, stats.totalSentences, stats.totalParagraphs] {
            writer.int(value)
        }
        writer.counts(stats.failuresByKind)
        writer.counts(stats.bySite)
        writer.counts(stats.byDay)
        writer.nested(stats.byDayAndSite, value: { $0.int($1) })
        writer.counts(stats.byLanguage)
        writer.counts(stats.byAgency)
        writer.intCounts(stats.wordCounts)
        writer.nested(stats.terms, value: { $0.documentCount($1) })
        writer.nested(stats.entities, value: { $0.documentCount($1) })
        writer.map(stats.speakers, value: { $0.documentCount($1) })
        for value in [stats.quotationsAttributed, stats.quotationsAnonymous, stats.quotationsUnattributed,
                      stats.articlesWithAnonymityPhrase, stats.unnamedAttributions] {
            writer.int(value)
        }
        writer.counts(stats.byDatelineLocation)
        writer.nested(stats.credits, value: { $0.int($1) })
        writer.intCounts(stats.fleschReadingEase.tenths)
        writer.intCounts(stats.fleschKincaidGrade.tenths)
        writer.counts(stats.flags)
        writer.counts(stats.boilerplateRemoved)
        if let parameters = stats.syndication {
            writer.bytes.append(1)
            for value in [parameters.shingleSize, parameters.hashes, parameters.bands, parameters.minWords] { writer.int(value) }
            writer.uint(parameters.threshold.bitPattern)
        } else {
            writer.bytes.append(0)
        }
        writer.map(stats.syndicationRecords) { writer, record in
            writer.string(record.id)
            writer.string(record.sourcePath)
            writer.string(record.site)
            writer.optionalString(record.published)
            writer.int(record.words)
            writer.uint(UInt64(record.signature.count))
            for value in record.signature { writer.uint(UInt64(value)) }
        }
    }

    static func decode(_ data: Data) throws(Malformed) -> CorpusStatistics {
        guard isArchive(data), data.count > magic.count, data[data.startIndex + magic.count] == format else { throw Malformed() }
        let bytes = [UInt8](data)
        var reader = Reader(bytes: bytes, position: magic.count + 1)
        var stats = CorpusStatistics()
        stats.pagesSeen = try reader.int()
        stats.articlesOK = try reader.int()
        stats.articlesEmpty = try reader.int()
        stats.notArticles = try reader.int()
        stats.pagesFailed = try reader.int()
        stats.totalWords = try reader.int()
        stats.totalSentences = try reader.int()
        stats.totalParagraphs = try reader.int()
        stats.failuresByKind = try reader.counts()
        stats.bySite = try reader.counts()
        stats.byDay = try reader.counts()
        stats.byDayAndSite = try reader.nested { reader throws(Malformed) in try reader.int() }
        stats.byLanguage = try reader.counts()
        stats.byAgency = try reader.counts()
        stats.wordCounts = try reader.intCounts()
        stats.terms = try reader.nested { reader throws(Malformed) in try reader.documentCount() }
        stats.entities = try reader.nested { reader throws(Malformed) in try reader.documentCount() }
        stats.speakers = try reader.map { reader throws(Malformed) in try reader.documentCount() }
        stats.quotationsAttributed = try reader.int()
        stats.quotationsAnonymous = try reader.int()
        stats.quotationsUnattributed = try reader.int()
        stats.articlesWithAnonymityPhrase = try reader.int()
        stats.unnamedAttributions = try reader.int()
        stats.byDatelineLocation = try reader.counts()
        stats.credits = try reader.nested { reader throws(Malformed) in try reader.int() }
        stats.fleschReadingEase.tenths = try reader.intCounts()
        stats.fleschKincaidGrade.tenths = try reader.intCounts()
        stats.flags = try reader.counts()
        stats.boilerplateRemoved = try reader.counts()
        if try reader.byte() == 1 {
            let shingleSize = try reader.int(), hashes = try reader.int(), bands = try reader.int(), minWords = try reader.int()
            let threshold = Double(bitPattern: try reader.uint())
            stats.syndication = SyndicationParameters(
                shingleSize: shingleSize, hashes: hashes, bands: bands, threshold: threshold, minWords: minWords)
        }
        stats.syndicationRecords = try reader.map { reader throws(Malformed) in
            let id = try reader.string(), sourcePath = try reader.string(), site = try reader.string()
            let published = try reader.optionalString()
            let words = try reader.int()
            let count = try reader.length()
            var signature: [UInt32] = []
            signature.reserveCapacity(count)
            for _ in 0..<count {
                let value = try reader.uint()
                guard value <= UInt64(UInt32.max) else { throw Malformed() }
                signature.append(UInt32(value))
            }
            return SyndicationRecord(id: id, sourcePath: sourcePath, site: site, published: published, words: words, signature: signature)
        }
        guard reader.position == bytes.count else { throw Malformed() }
        return stats
    }

    private struct Writer {
        var bytes: [UInt8] = []
        /// When streaming: where the bytes go once `chunkSize` of them are gathered (between two map
        /// entries, so a piece can run over by one entry).
        private let sink: ((UnsafeRawBufferPointer) -> Void)?
        private let chunkSize: Int
        /// Bytes handed to `sink` so far.
        private(set) var flushed = 0

        init() {
            sink = nil
            chunkSize = .max
            bytes.reserveCapacity(4096)
        }

        init(chunkSize: Int, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
            self.sink = sink
            self.chunkSize = max(1, chunkSize)
            bytes.reserveCapacity(self.chunkSize + 4096)
        }

        /// Hands what is gathered to the sink (a no-op when not streaming).
        mutating func flush() {
            guard let sink, !bytes.isEmpty else { return }
            bytes.withUnsafeBytes(sink)
            flushed += bytes.count
            bytes.removeAll(keepingCapacity: true)
        }

        mutating func uint(_ value: UInt64) { bytes.appendVarint(value) }

        mutating func int(_ value: Int) { bytes.appendZigzag(value) }

        mutating func string(_ value: String) { bytes.appendString(value) }

        mutating func optionalString(_ value: String?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            string(value)
        }

        mutating func documentCount(_ value: DocumentCount) {
            int(value.occurrences)
            int(value.documents)
        }

        mutating func map<Value>(_ values: [String: Value], value write: (inout Writer, Value) -> Void) {
            uint(UInt64(values.count))
            for (key, value) in values {
                string(key)
                write(&self, value)
                if bytes.count >= chunkSize { flush() }
            }
        }

        mutating func counts(_ values: [String: Int]) { map(values) { $0.int($1) } }

        mutating func intCounts(_ values: [Int: Int]) {
            uint(UInt64(values.count))
            for (key, value) in values {
                int(key)
                int(value)
            }
        }

        mutating func nested<Value>(_ values: [String: [String: Value]], value write: (inout Writer, Value) -> Void) {
            map(values) { writer, inner in writer.map(inner, value: write) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func byte() throws(Malformed) -> UInt8 {
            guard position < bytes.count else { throw Malformed() }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func uint() throws(Malformed) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw Malformed() }
                value |= UInt64(next & 0x7f) << shift
                if next & 0x80 == 0 { return value }
                shift += 7
            }
        }

        mutating func int() throws(Malformed) -> Int {
            let raw = try uint()
            return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
        }

        /// A count or byte length, which can never exceed what is left to read.
        mutating func length() throws(Malformed) -> Int {
            let value = try uint()
            guard value <= UInt64(bytes.count - position) else { throw Malformed() }
            return Int(value)
        }

        mutating func string() throws(Malformed) -> String {
            let count = try length()
            defer { position += count }
            return String(decoding: bytes[position..<position + count], as: UTF8.self)
        }

        mutating func optionalString() throws(Malformed) -> String? {
            try byte() == 1 ? try string() : nil
        }

        mutating func documentCount() throws(Malformed) -> DocumentCount {
            let occurrences = try int()
            return DocumentCount(occurrences: occurrences, documents: try int())
        }

        mutating func map<Value>(_ read: (inout Reader) throws(Malformed) -> Value) throws(Malformed) -> [String: Value] {
            let count = try length()
            var values: [String: Value] = [:]
            values.reserveCapacity(count)
            for _ in 0..<count {
                let key = try string()
                values[key] = try read(&self)
            }
            return values
        }

        mutating func counts() throws(Malformed) -> [String: Int] {
            try map { reader throws(Malformed) in try reader.int() }
        }

        mutating func intCounts() throws(Malformed) -> [Int: Int] {
            let count = try length()
            var values: [Int: Int] = [:]
            values.reserveCapacity(count)
            for _ in 0..<count {
                let key = try int()
                values[key] = try int()
            }
            return values
        }

        mutating func nested<Value>(_ read: (inout Reader) throws(Malformed) -> Value) throws(Malformed) -> [String: [String: Value]] {
            try map { reader throws(Malformed) in try reader.map(read) }
        }
    }
}
