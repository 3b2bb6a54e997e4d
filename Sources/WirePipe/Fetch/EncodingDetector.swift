import Foundation

/// Finds the character encoding of a page from its bytes: a byte-order mark, then a declaration in the
/// first bytes (`<meta charset>`, `http-equiv`, XML declaration), then whether the bytes are valid UTF-8,
/// then the configured fallback.
public struct EncodingDetector: Sendable {
    public struct Detection: Equatable, Sendable {
        public var encoding: String
        /// bom, meta, xml-declaration, utf8-valid, fallback
        public var source: String
        /// Bytes of byte-order mark to skip.
        public var bomLength: Int
    }

    /// How many leading bytes are searched for a declaration (browsers look at the first 1024; pages with
    /// long heads put it later, so look further).
    static let prescanBytes = 4096

    public var fallback: String

    public init(fallback: String = "windows-1252") {
        self.fallback = fallback
    }

    /// `charsetHint`: the charset of the HTTP Content-Type the page was served with (WARC records, fetched
    /// URLs). As in browsers it outranks the page's own declaration, but not a byte-order mark.
    public func detect(_ bytes: [UInt8], charsetHint: String? = nil) -> Detection {
        if let bom = Self.byteOrderMark(bytes) { return bom }
        // Before anything that reads bytes as ASCII: UTF-16 markup without a mark is valid UTF-8 too.
        if let utf16 = Self.undeclaredUTF16(bytes) { return utf16 }
        let hinted = charsetHint.flatMap(TextEncodingName.canonical).map { Detection(encoding: $0, source: "http-header", bomLength: 0) }
        if let declared = hinted ?? Self.declaredEncoding(bytes) {
            // A page that declares a single-byte encoding but is valid, non-ASCII UTF-8 was re-saved as UTF-8
            // by whoever stored it; the bytes are the better witness.
            if declared.encoding != "utf-8", !declared.encoding.hasPrefix("utf-16"), Self.isNonASCIIUTF8(bytes) {
                return Detection(encoding: "utf-8", source: "utf8-valid", bomLength: 0)
            }
            return declared
        }
        if UTF8Validation.isValid(bytes) {
            return Detection(encoding: "utf-8", source: "utf8-valid", bomLength: 0)
        }
        return Detection(encoding: fallback, source: "fallback", bomLength: 0)
    }

    static func byteOrderMark(_ b: [UInt8]) -> Detection? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return Detection(encoding: "utf-8", source: "bom", bomLength: 3) }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return Detection(encoding: "utf-32le", source: "bom", bomLength: 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return Detection(encoding: "utf-32be", source: "bom", bomLength: 4) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return Detection(encoding: "utf-16le", source: "bom", bomLength: 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return Detection(encoding: "utf-16be", source: "bom", bomLength: 2) }
        return nil
    }

    /// UTF-16 without a byte-order mark: markup is mostly ASCII, so every other byte is zero.
    static func undeclaredUTF16(_ b: [UInt8]) -> Detection? {
        let n = min(b.count, 512) & ~1
        guard n >= 16 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZeros += 1 }
            if b[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 > pairs * 7 && evenZeros * 10 < pairs { return Detection(encoding: "utf-16le", source: "utf16-pattern", bomLength: 0) }
        if evenZeros * 10 > pairs * 7 && oddZeros * 10 < pairs { return Detection(encoding: "utf-16be", source: "utf16-pattern", bomLength: 0) }
        return nil
    }

    static func isNonASCIIUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 } && UTF8Validation.isValid(bytes)
    }

    /// Looks for `charset=` inside a `<meta` tag or `encoding=` in an XML declaration in the first bytes.
    static func declaredEncoding(_ bytes: [UInt8]) -> Detection? {
        // Lowercased into a fresh array in one loop, and searched with memchr (a `map` and a byte-by-byte
        // search with a slice per candidate cost about 85,000 instructions a page, for every page fetched).
        let count = min(bytes.count, prescanBytes)
        let head = [UInt8](unsafeUninitializedCapacity: count) { lowered, initialized in
            bytes.withUnsafeBufferPointer { source in
                for i in 0..<count {
                    let byte = source[i]
                    lowered[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
            }
            initialized = count
        }
        if head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")),
           let label = valueAfter(Array("encoding".utf8), in: head[0..<end]),
           let name = TextEncodingName.canonical(label) {
            return Detection(encoding: name, source: "xml-declaration", bomLength: 0)
        }
        var i = 0
        let meta = Array("<meta".utf8)
        while let start = find(meta, in: head, from: i) {
            let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let label = valueAfter(Array("charset".utf8), in: head[start..<end]),
               let name = TextEncodingName.canonical(label) {
                // A UTF-16 declaration in bytes we could read as ASCII is wrong by definition (WHATWG).
                let fixed = name.hasPrefix("utf-16") || name.hasPrefix("utf-32") ? "utf-8" : name
                return Detection(encoding: fixed, source: "meta", bomLength: 0)
            }
            i = end
        }
        return nil
    }

    /// The first offset at or after `from` where `needle` (not empty) starts in `hay`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count, from >= 0, from <= hay.count - needle.count else { return nil }
        let last = hay.count - needle.count
        return hay.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            var i = from
            while i <= last {
                guard let found = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
                let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                var k = 1
                while k < needle.count && base[at + k] == needle[k] { k += 1 }
                if k == needle.count { return at }
                i = at + 1
            }
            return nil
        }
    }

    /// The value after `name` `=` (quoted or not) within a slice.
    private static func valueAfter(_ name: [UInt8], in slice: ArraySlice<UInt8>) -> String? {
        let hay = Array(slice)
        guard let at = find(name, in: hay, from: 0) else { return nil }
        var i = at + name.count
        while i < hay.count, hay[i] == 0x20 { i += 1 }
        guard i < hay.count, hay[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < hay.count, hay[i] == 0x20 || hay[i] == 0x22 || hay[i] == 0x27 { i += 1 }
        var value: [UInt8] = []
        while i < hay.count {
            let c = hay[i]
            if c == 0x22 || c == 0x27 || c == 0x20 || c == 0x3B || c == 0x3E || c == 0x2F && value.isEmpty { break }
            value.append(c)
            i += 1
        }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }
}
