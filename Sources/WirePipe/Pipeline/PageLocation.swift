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

    /// A stable id derived from the relative path: a readable slug of the path plus a short hash of it,
    /// so that ids are safe file names, unique, and unchanged across runs.
    public var id: String { origin?.id ?? PageLocation.id(forRelativePath: relativePath) }

    public static func id(forRelativePath path: String) -> String {
        var stem = path
        for suffix in [".gz", ".html", ".htm", ".xhtml"] where stem.lowercased().hasSuffix(suffix) {
            stem.removeLast(suffix.count)
        }
        return id(slugOf: stem, hashOf: path)
    }

    /// A readable slug of `stem` (at most 80 characters) and 10 hex digits of sha256(`path`).
    public static func id(slugOf stem: String, hashOf path: String) -> String {
        var slug = ""
        var lastWasDash = false
        for scalar in stem.unicodeScalars {
            let keep = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_")
            if keep {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).prefix(80))
        let digest = SHA256.hash(data: Data(path.utf8)).hexString.prefix(10)
        return slug.isEmpty ? String(digest) : "\(slug)-\(digest)"
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
