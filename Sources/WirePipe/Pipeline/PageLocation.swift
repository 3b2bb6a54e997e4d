import Crypto
import Foundation

/// Where a page lives: the input root and its path relative to that root.
public struct PageLocation: Sendable, Hashable {
    public var root: URL
    /// Relative path with `/` separators, as recorded in `source.path`.
    public var relativePath: String

    public init(root: URL, relativePath: String) {
        self.root = root
        self.relativePath = relativePath
    }

    public var url: URL { root.appendingPathComponent(relativePath) }

    /// A stable id derived from the relative path: a readable slug of the path plus a short hash of it,
    /// so that ids are safe file names, unique, and unchanged across runs.
    public var id: String { PageLocation.id(forRelativePath: relativePath) }

    public static func id(forRelativePath path: String) -> String {
        var stem = path
        for suffix in [".gz", ".html", ".htm", ".xhtml"] where stem.lowercased().hasSuffix(suffix) {
            stem.removeLast(suffix.count)
        }
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
