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
        // "utf8-valid": the detector found the whole page well-formed UTF-8 (no byte-order mark was cut off).
        let transcoded = Transcoder.toUTF8(body, from: detection.encoding, knownValid: detection.source == "utf8-valid")
        return FetchedPage(
            id: id, source: source, html: transcoded.utf8, parserEncoding: "UTF-8",
            flags: transcoded.replacedInvalid ? ["invalid-bytes-replaced"] : [])
    }

    /// The file's bytes, read with POSIX calls straight into the array: FileHandle's `Data` and the copy
    /// into an array cost as much as hashing the page.
    private func read(_ url: URL) throws(PageError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw PageError(.unreadable, stage: .fetch, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw PageError(.unreadable, stage: .fetch, "cannot stat: \(String(cString: strerror(errno)))")
        }
        let limit = settings.maxPageBytes
        guard Int(info.st_size) <= limit else {
            throw PageError(.tooLarge, stage: .fetch, "\(info.st_size) bytes is more than fetch.max_page_bytes (\(limit))")
        }
        // The size stat gave and one byte more, to see the end of the file; a file that grew meanwhile is
        // read on in chunks up to the limit.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in
            count = Self.read(fd, into: buffer, failure: &failure)
        }
        while failure == 0, bytes.count > Int(info.st_size), bytes.count <= limit {
            let more = [UInt8](unsafeUninitializedCapacity: min(1 << 20, limit + 1 - bytes.count)) { buffer, count in
                count = Self.read(fd, into: buffer, failure: &failure)
            }
            if more.isEmpty { break }
            bytes += more
        }
        if failure != 0 {
            throw PageError(.unreadable, stage: .fetch, "read failed: \(String(cString: strerror(failure)))")
        }
        guard bytes.count <= limit else {
            throw PageError(.tooLarge, stage: .fetch, "more than fetch.max_page_bytes (\(limit))")
        }
        return bytes
    }

    /// Fills `buffer` from `fd` until it is full or the file ends; returns the bytes read.
    private static func read(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failure: inout Int32) -> Int {
        var count = 0
        while count < buffer.count {
            let got = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if got == 0 { break }
            count += got
        }
        return count
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
