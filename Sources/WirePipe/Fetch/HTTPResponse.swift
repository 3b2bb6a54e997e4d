import Foundation

/// An HTTP response as a WARC `response` record stores it: status line, header fields, body. The body is
/// given back as the page's bytes: chunked transfer coding undone and gzip/deflate content coding inflated.
struct HTTPResponse {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    var status: Int
    /// Field names lowercased; repeated fields joined with ", ".
    var headers: [String: String]
    var body: [UInt8]

    /// The media type of Content-Type, lowercased, without parameters (nil when there is no Content-Type).
    var mediaType: String? { headers["content-type"].map { Self.mediaType(of: $0) } }
    /// The charset parameter of Content-Type, canonicalised (nil when absent or unknown).
    var charset: String? { headers["content-type"].flatMap(Self.charset(of:)) }

    /// Parses a response; `limit` bounds the decoded body (a gzip bomb stops there).
    init(parsing message: [UInt8], limit: Int) throws(Failure) {
        guard let headerEnd = Self.endOfHeader(message) else {
            throw Failure(message: "the HTTP message has no end of header")
        }
        let lines = String(decoding: message[0..<headerEnd.start], as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw Failure(message: "not an HTTP response: \(lines.first?.prefix(40) ?? "")")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let code = Int(parts[1]) else {
            throw Failure(message: "bad HTTP status line: \(statusLine.prefix(60))")
        }
        status = code
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        self.headers = headers
        var body = Array(message[headerEnd.end...])
        let transfer = headers["transfer-encoding"]?.lowercased() ?? ""
        if transfer.contains("chunked") {
            body = try Self.dechunk(body)
        }
        body = try Self.decode(body, contentEncoding: headers["content-encoding"]?.lowercased() ?? "", limit: limit)
        self.body = body
    }

    /// Where the header ends: the start of the blank line and the first byte after it (CRLF CRLF, or LF LF
    /// from sloppy servers).
    static func endOfHeader(_ bytes: [UInt8]) -> (start: Int, end: Int)? {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// Undoes chunked transfer coding. Crawlers often store the body already de-chunked while keeping the
    /// header; a body that does not parse as chunks is then taken as it is.
    static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard let lineEnd = bytes[i...].firstIndex(of: 0x0A) else { return bytes }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return i == 0 ? bytes : out }
            i = lineEnd + 1
            if size == 0 { return out }
            guard i + size <= bytes.count else {
                throw Failure(message: "chunked body ends inside a chunk (\(bytes.count - i) of \(size) bytes)")
            }
            out.append(contentsOf: bytes[i..<(i + size)])
            i += size
            // The CRLF after the chunk data.
            if i < bytes.count, bytes[i] == 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        }
        return out
    }

    static func decode(_ body: [UInt8], contentEncoding: String, limit: Int) throws(Failure) -> [UInt8] {
        let coding = contentEncoding.trimmingCharacters(in: .whitespaces)
        guard coding == "gzip" || coding == "x-gzip" || coding == "deflate" else {
            guard body.count <= limit else { throw Failure(message: "body of \(body.count) bytes is more than fetch.max_page_bytes") }
            return body
        }
        // Some archives store the body already inflated under a gzip header: keep it when it is not gzip/zlib.
        let zlibHeader = body.count >= 2 && body[0] & 0x0F == 8 && (UInt16(body[0]) << 8 | UInt16(body[1])) % 31 == 0
        guard Gzip.isGzip(body) || zlibHeader else { return body }
        do {
            return try Gzip.decompress(body, limit: limit)
        } catch {
            switch error {
            case .tooLarge: throw Failure(message: "body expands beyond fetch.max_page_bytes (\(limit) bytes)")
            case .corrupt(let why): throw Failure(message: "corrupt \(coding) body: \(why)")
            }
        }
    }

    static func mediaType(of contentType: String) -> String {
        contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    static func charset(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            return TextEncodingName.canonical(String(pair[1]))
        }
        return nil
    }

    /// Whether a media type is a web page wirepipe reads.
    static func isHTML(_ mediaType: String) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }
}
