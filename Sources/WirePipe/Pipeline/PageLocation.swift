import Crypto
import Foundation

/// Where a page lives: the input root and its path relative to that root. A page that came from a WARC
/// record or a URL also has an `origin`: its bytes are then the copy stored in the output folder, and
/// `relativePath` is the page's key in the manifest and the run report.
public struct PageLocation: Sendable, Hashable {
    public var root: URL
    /// Relative path with `/` separators, as recorded in `source.path`.
    public var relativePath: String
    /// Set for pages read from a WARC file or fetched over HTTP.
    public var origin: PageOrigin?

    public init(root: URL, relativePath: String, origin: PageOrigin? = nil) {
        self.root = root
        self.relativePath = relativePath
        self.origin = origin
    }

    /// The file holding the page's bytes.
    public var url: URL { origin?.file ?? root.appendingPathComponent(relativePath) }

    /// The file's path, joined as a string: what `stat` needs for every page of every run, without the cost
    /// of building a URL.
    public var filePath: String {
        if let origin { return origin.file.path }
        let base = root.path
        return base.hasSuffix("/") ? base + relativePath : base + "/" + relativePath
    }

    /// A stable id derived from the relative path: a readable slug of the path plus a short hash of it,
    /// so that ids are safe file names, unique, and unchanged across runs.
    public var id: String { origin?.id ?? PageLocation.id(forRelativePath: relativePath) }

    public static func id(forRelativePath path: String) -> String {
        var stem = Substring(path)
        for suffix in [".gz", ".html", ".htm", ".xhtml"] where stem.utf8.count >= suffix.utf8.count
            && stem.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8, by: { ($0 | 0x20) == $1 }) {
            stem = stem.dropLast(suffix.count)
        }
        return id(slugOf: String(stem), hashOf: path)
    }

    /// A readable slug of `stem` (at most 80 characters) and 10 hex digits of sha256(`path`).
    public static func id(slugOf stem: String, hashOf path: String) -> String {
        // Byte-level: every run computes the id of every page (ids decide which outputs are orphans), and
        // CharacterSet lookups per scalar made this a fifth of a run over an unchanged corpus.
        var slug: [UInt8] = []
        slug.reserveCapacity(stem.utf8.count)
        var lastWasDash = false
        for byte in stem.utf8 {
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x5F
            if keep {
                slug.append(byte)
                lastWasDash = false
            } else if !lastWasDash {
                // A non-ASCII character's bytes all land here, so it becomes one dash, as any other separator.
                slug.append(0x2D)
                lastWasDash = true
            }
        }
        let isTrimmed: (UInt8) -> Bool = { $0 == 0x2D || $0 == 0x2E }
        let first = slug.firstIndex { !isTrimmed($0) } ?? slug.endIndex
        let last = slug.lastIndex { !isTrimmed($0) }.map { $0 + 1 } ?? first
        let clipped = String(decoding: slug[first..<min(last, first + 80)], as: UTF8.self)
        let digest = SHA256.hash(data: Data(path.utf8)).hexString.prefix(10)
        return clipped.isEmpty ? String(digest) : "\(clipped)-\(digest)"
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hex, two digits a byte. Built from a digit table: a run over an unchanged corpus computes
    /// several digests a page, and `String(_:radix:)` per byte was a tenth of such a run.
    var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SHA256.Digest {
    var hexString: String { Array(self).hexString }
}

/// Where a page that is not a file of an input folder came from: a WARC record or a fetched URL. Its
/// bytes were stored in the output folder (`fetched/<id>.html`) when its input was read.
public struct PageOrigin: Sendable, Hashable {
    public var id: String
    /// The stored copy of the page's bytes.
    public var file: URL
    /// WARC-Target-URI, or the URL fetched (after redirects).
    public var url: String?
    /// WARC-Date, or when the page was fetched (ISO 8601).
    public var date: String?
    /// WARC-Record-ID.
    public var recordID: String?
    /// The charset of the HTTP Content-Type, a hint for the encoding detector.
    public var charset: String?
    /// Set when the record or URL gave no page: fetch fails the page with this error.
    public var failureKind: PageError.Kind?
    public var failureMessage: String?

    public init(
        id: String, file: URL, url: String? = nil, date: String? = nil, recordID: String? = nil, charset: String? = nil,
        failureKind: PageError.Kind? = nil, failureMessage: String? = nil
    ) {
        self.id = id
        self.file = file
        self.url = url
        self.date = date
        self.recordID = recordID
        self.charset = charset
        self.failureKind = failureKind
        self.failureMessage = failureMessage
    }

    public var failure: PageError? {
        failureKind.map { PageError($0, stage: .fetch, failureMessage ?? "") }
    }
}
