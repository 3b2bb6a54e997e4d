import Crypto
import Foundation

/// fetch: reads a saved page (gzipped or not), hashes its bytes, finds its encoding and gives it its stable id.
public struct FetchStage: Stage {
    public static let name = StageName.fetch
    public static let version = "2"

    public var settings: FetchSettings

    public init(settings: FetchSettings) {
        self.settings = settings
    }

    public func process(_ location: PageLocation) throws(PageError) -> FetchedPage {
        guard let origin = location.origin else {
            return try page(from: read(location.url), id: location.id, path: location.relativePath)
        }
        // A WARC record or URL that gave no page when its input was read.
        if let failure = origin.failure { throw failure }
        var fetched = try page(from: read(origin.file), id: origin.id, path: location.relativePath, charsetHint: origin.charset)
        fetched.source.url = origin.url
        fetched.source.date = origin.date
        fetched.source.recordID = origin.recordID
        return fetched
    }

    /// A page from bytes as stored (a file, a WARC record, a streamed record): hashed, decompressed when
    /// gzipped, decoded. `charsetHint`: the charset the page was served with, when known.
    public func page(from stored: [UInt8], id: String, path: String, charsetHint: String? = nil) throws(PageError) -> FetchedPage {
        let sha256 = SHA256.hash(data: stored).hexString
        var bytes = stored
        let compressed = Gzip.isGzip(stored)
        if compressed {
            do {
                bytes = try Gzip.decompress(stored, limit: settings.maxPageBytes)
            } catch {
                switch error {
                case .tooLarge:
                    throw PageError(.tooLarge, stage: .fetch, "expands beyond fetch.max_page_bytes (\(settings.maxPageBytes) bytes)")
                case .corrupt(let why):
                    throw PageError(.badCompression, stage: .fetch, "corrupt gzip data: \(why)")
                }
            }
        }
        return try decode(bytes, id: id, path: path, sha256: sha256, compressed: compressed, charsetHint: charsetHint)
    }

    /// Decodes bytes that did not come from a file (streamed input) the same way.
    public func decode(
        _ bytes: [UInt8], id: String, path: String, sha256: String, compressed: Bool, charsetHint: String? = nil
    ) throws(PageError) -> FetchedPage {
        guard bytes.contains(where: { !Self.isASCIIWhitespace($0) }) else {
            throw PageError(.empty, stage: .fetch, "the page holds no bytes besides whitespace")
        }
        let detection = EncodingDetector(fallback: settings.fallbackEncoding).detect(bytes, charsetHint: charsetHint)
        if !detection.encoding.hasPrefix("utf-16"), !detection.encoding.hasPrefix("utf-32"), Self.looksBinary(bytes) {
            throw PageError(.binary, stage: .fetch, "the bytes are not text (control characters in the first 4 KB)")
        }
        let source = PageSource(
            path: path, sha256: sha256, bytes: bytes.count, encoding: detection.encoding,
            encodingSource: detection.source, compressed: compressed)
        let body = bytes[detection.bomLength...]
        guard Transcoder.handles(detection.encoding) else {
            // Multi-byte legacy encodings (Shift_JIS, GBK, EUC-KR…) are decoded by libxml2 through iconv.
            return FetchedPage(id: id, source: source, html: Array(body), parserEncoding: detection.encoding, flags: [])
        }
        let transcoded = Transcoder.toUTF8(body, from: detection.encoding)
        return FetchedPage(
            id: id, source: source, html: transcoded.utf8, parserEncoding: "UTF-8",
            flags: transcoded.replacedInvalid ? ["invalid-bytes-replaced"] : [])
    }

    private func read(_ url: URL) throws(PageError) -> [UInt8] {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw PageError(.unreadable, stage: .fetch, "cannot stat: \(String(cString: strerror(errno)))")
        }
        guard Int(info.st_size) <= settings.maxPageBytes else {
            throw PageError(.tooLarge, stage: .fetch, "\(info.st_size) bytes is more than fetch.max_page_bytes (\(settings.maxPageBytes))")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw PageError(.unreadable, stage: .fetch, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: settings.maxPageBytes + 1) ?? Data()
            guard data.count <= settings.maxPageBytes else {
                throw PageError(.tooLarge, stage: .fetch, "more than fetch.max_page_bytes (\(settings.maxPageBytes))")
            }
            return [UInt8](data)
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(.unreadable, stage: .fetch, "read failed: \(error.localizedDescription)")
        }
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// More than 1 in 20 bytes of the first 4 KB are control bytes (other than whitespace): binary data, not
    /// a page. Text in any 8-bit encoding has next to none; compressed or random bytes have 28 in 256 (10.9%),
    /// and over 4 KB that share varies by about 0.5 points, so a 10% line let about one binary file in 30
    /// through while 5% lies 12 deviations away.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        let controls = head.reduce(0) { count, byte in
            byte < 0x20 && !isASCIIWhitespace(byte) ? count + 1 : count
        }
        return controls * 20 > head.count
    }
}
