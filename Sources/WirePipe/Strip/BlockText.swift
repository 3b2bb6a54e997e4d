import Foundation

/// One pass over a block's UTF-8 bytes that folds whitespace and measures what the extractor scores on:
/// characters that are not whitespace, and sentence-shaped runs of words. Byte-level on purpose: this runs
/// over every text block of every page, and Unicode property lookups per character cost more than the parse.
struct BlockText {
    var text: String
    /// Characters (Unicode scalars) that are not whitespace.
    var chars: Int
    /// Runs of at least `minWords` words that end in sentence punctuation.
    var sentences: Int
    /// Words (ideographs count as half a word each).
    var words: Int

    /// Folds `bytes` (whitespace runs to one space, trimmed) and counts. CJK ideographs and kana, written
    /// without spaces, count as half a word each.
    init(bytes: [UInt8], minWords: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var chars = 0, sentences = 0
        var halfWords = 0
        var totalHalfWords = 0
        var inWord = false
        var pendingSpace = false
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            // Length of this UTF-8 sequence.
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard i + length <= n else { break }
            var isSpace = false, isSentenceEnd = false, isHalfWord = false, isWordChar = false, dropped = false
            if length == 1 {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: isSpace = true
                case 0x2E, 0x21, 0x3F: isSentenceEnd = true
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: isWordChar = true
                default: break
                }
            } else if length == 2 {
                let second = bytes[i + 1]
                if byte == 0xC2 && (second == 0xA0 || second == 0x85) { isSpace = true }  // NBSP, NEL
                else if byte == 0xD8 && second == 0x9F { isSentenceEnd = true }  // Arabic question mark
                else if byte >= 0xC3 || (byte == 0xC2 && second >= 0xAA) { isWordChar = true }  // Latin-1 letters onwards
            } else if length == 3 {
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if byte == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { isSpace = true }  // U+2000–200A, 2028, 2029, 202F
                else if byte == 0xE2 && b1 == 0x81 && b2 == 0x9F { isSpace = true }  // U+205F
                else if byte == 0xE3 && b1 == 0x80 && b2 == 0x80 { isSpace = true }  // U+3000
                else if byte == 0xE2 && b1 == 0x80 && b2 == 0x8B { dropped = true }  // U+200B zero width space
                else if byte == 0xE2 && b1 == 0x80 && b2 == 0xA6 { isSentenceEnd = true }  // …
                else if byte == 0xE3 && b1 == 0x80 && b2 == 0x82 { isSentenceEnd = true }  // 。
                else if byte == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F) { isSentenceEnd = true }  // ！？
                else if byte == 0xE0 && b1 == 0xA5 && b2 == 0xA4 { isSentenceEnd = true }  // Devanagari danda
                else if (byte == 0xE3 && b1 >= 0x81) || (byte >= 0xE4 && byte <= 0xE9) { isHalfWord = true }  // kana, CJK ideographs
                else if byte == 0xE2 || (byte == 0xEF && b1 >= 0xBC) { }  // punctuation, symbols, full-width forms
                else { isWordChar = true }  // other scripts' letters (Hangul, Thai, Devanagari…)
            } else {
                isWordChar = true
            }
            if dropped {
                i += length
                continue
            }
            if isSpace {
                if !out.isEmpty { pendingSpace = true }
                inWord = false
                i += length
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            for k in 0..<length { out.append(bytes[i + k]) }
            chars += 1
            if isSentenceEnd {
                if halfWords >= minWords * 2 { sentences += 1 }
                totalHalfWords += halfWords
                halfWords = 0
                inWord = false
            } else if isHalfWord {
                halfWords += 1
                inWord = false
            } else if isWordChar {
                if !inWord { halfWords += 2 }
                inWord = true
            } else {
                // Apostrophes and hyphens inside a word keep it one word.
                if !(byte == 0x27 || byte == 0x2D || (length == 3 && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99)) { inWord = false }
            }
            i += length
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.chars = chars
        self.sentences = sentences
        self.words = (totalHalfWords + halfWords) / 2
    }

    /// Whether `text` contains the ASCII `needle`, ignoring ASCII case and, with `ignoringSpaces`, spaces in
    /// the text. Byte-level: Foundation's `contains` costs more than the parse on pages with many attributes.
    static func containsASCII(_ text: String, _ needle: StaticString, ignoringSpaces: Bool = false) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for start in bytes.indices where lowerASCII(bytes[start]) == first {
                var j = start, k = 0
                while j < bytes.count && k < pattern.count {
                    let byte = lowerASCII(bytes[j])
                    j += 1
                    if ignoringSpaces && byte == 0x20 { continue }
                    if byte != pattern[k] { break }
                    k += 1
                }
                if k == pattern.count { return true }
            }
            return false
        } ?? false
    }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    /// Characters that are not whitespace, counted on bytes (continuation bytes are not characters).
    static func nonSpaceCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte > 0x20 && (byte < 0x80 || byte >= 0xC0) { count += 1 }
        return count
    }
}
