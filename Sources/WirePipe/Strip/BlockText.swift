import Foundation

/// One pass over a block's UTF-8 bytes that folds whitespace and measures what the extractor scores on:
/// characters that are not whitespace, and sentence-shaped runs of words. Byte-level on purpose: this runs
/// over every text block of every page, and Unicode property lookups per character cost more than the parse.
///
/// Words are counted so that a paragraph weighs about the same in every script:
/// - scripts that separate words with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Hangul…):
///   a run of letters is one word;
/// - Han and kana, written without spaces: one character is half a word (a Chinese word averages about
///   1.5–2 characters, a Japanese one a little more);
/// - Thai, Lao, Khmer and Myanmar, written without spaces between words (a space ends a phrase or a
///   sentence): one character is a quarter of a word (words average about four code points there, vowel
///   and tone marks included), and a space after a long enough run ends a sentence, as Thai has no full stop.
/// Sentence ends: `. ! ? …`, `。 ！ ？ ｡ ．`, Arabic `؟ ۔`, Devanagari `। ॥`, Armenian `։`, Ethiopic `።`,
/// Myanmar `။`, Khmer `។`, Tibetan `།`, Greek `;`. Punctuation of every script (`« » ¿ ¡ ، ؛ 、 「 」`) is
/// neither a word nor part of one. Invisible characters (soft hyphen, zero width space, byte order mark) are
/// dropped from the text.
struct BlockText {
    var text: String
    /// Characters (Unicode scalars) that are not whitespace.
    var chars: Int
    /// Runs of at least `minWords` words that end in sentence punctuation.
    var sentences: Int
    /// Words (see above: ideographs count as half a word, Thai-like letters as a quarter).
    var words: Int

    /// One word in quarter words, the unit runs are measured in.
    static let wordUnits = 4

    /// Folds `bytes` (whitespace runs to one space, trimmed) and counts.
    init(bytes: [UInt8], minWords: Int) {
        self = bytes.withUnsafeBufferPointer { Self.measure($0, minWords: minWords) }
    }

    private init(text: String, chars: Int, sentences: Int, words: Int) {
        self.text = text
        self.chars = chars
        self.sentences = sentences
        self.words = words
    }

    /// The pass itself, over unchecked buffers: the folded text is written straight into the string's
    /// storage (never longer than the input), without an intermediate array.
    private static func measure(_ bytes: UnsafeBufferPointer<UInt8>, minWords: Int) -> BlockText {
        var chars = 0, sentences = 0
        // Quarter words in the current run (since the last sentence end) and before it.
        var units = 0
        var totalUnits = 0
        let text = String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            let sentenceUnits = minWords * wordUnits
            var inWord = false
            var pendingSpace = false
            // Whether the last character was a letter of a script that does not separate words.
            var inUnspacedRun = false
            let n = bytes.count
            var i = 0
            while i < n {
                let byte = bytes[i]
                // ASCII, most bytes of most pages, on a short path: the same steps as below for a one-byte
                // character (whitespace, `. ! ?`, letters and digits, apostrophe and hyphen, other punctuation).
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        if written > 0 { pendingSpace = true }
                        if inUnspacedRun && units >= sentenceUnits {
                            sentences += 1
                            totalUnits += units
                            units = 0
                        }
                        inWord = false
                        inUnspacedRun = false
                        i += 1
                        continue
                    }
                    if pendingSpace {
                        out[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    out[written] = byte
                    written += 1
                    chars += 1
                    inUnspacedRun = false
                    switch byte {
                    case 0x2E, 0x21, 0x3F:
                        if units >= sentenceUnits { sentences += 1 }
                        totalUnits += units
                        units = 0
                        inWord = false
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                        if !inWord { units += wordUnits }
                        inWord = true
                    case 0x27, 0x2D:
                        break  // apostrophes and hyphens inside a word keep it one word
                    default:
                        inWord = false
                    }
                    i += 1
                    continue
                }
                // Length of this UTF-8 sequence.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                guard i + length <= n else { break }
                // Per character: one word unit weight when it is a letter of a spaced script (`isWordChar`),
                // a fixed weight per character for unspaced scripts (`perCharacter`).
                var isSpace = false, isSentenceEnd = false, isWordChar = false, dropped = false
                var perCharacter = 0
                if length == 1 {
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: isSpace = true
                    case 0x2E, 0x21, 0x3F: isSentenceEnd = true
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: isWordChar = true
                    default: break
                    }
                } else if length == 2 {
                    let second = bytes[i + 1]
                    switch byte {
                    case 0xC2:
                        if second == 0xA0 || second == 0x85 { isSpace = true }  // NBSP, NEL
                        // Soft hyphen: an invisible break hint (hyphenation plugins put one in every long German
                        // or Dutch word); kept, it split words in the text and in the counts.
                        else if second == 0xAD { dropped = true }
                        // Latin-1 punctuation and symbols (« » ¿ ¡ · ©) are not letters; ª µ º ² ³ ¹ are.
                        else if second == 0xAA || second == 0xB5 || second == 0xBA || second == 0xB2 || second == 0xB3 || second == 0xB9 { isWordChar = true }
                    case 0xC3:
                        isWordChar = second != 0x97 && second != 0xB7  // × ÷
                    case 0xCD:
                        if second == 0xBE { isSentenceEnd = true } else { isWordChar = true }  // Greek question mark
                    case 0xD6:
                        if second == 0x89 { isSentenceEnd = true } else { isWordChar = true }  // Armenian full stop
                    case 0xD8:
                        if second == 0x9F { isSentenceEnd = true }  // Arabic question mark
                        else if second == 0x8C || second == 0x9B || second == 0x8D { }  // Arabic comma, semicolon, date separator
                        else { isWordChar = true }
                    case 0xD9:
                        isWordChar = second < 0xAA || second > 0xAD  // not the Arabic percent, decimal and thousands signs
                    case 0xDB:
                        if second == 0x94 { isSentenceEnd = true } else { isWordChar = true }  // Arabic full stop
                    default:
                        isWordChar = true
                    }
                } else if length == 3 {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    switch byte {
                    case 0xE2:
                        if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { isSpace = true }  // U+2000–200A, 2028, 2029, 202F
                        else if b1 == 0x81 && b2 == 0x9F { isSpace = true }  // U+205F
                        else if b1 == 0x80 && b2 == 0x8B { dropped = true }  // zero width space
                        else if b1 == 0x80 && (b2 == 0x8C || b2 == 0x8D) { isWordChar = inWord }  // joiners stay inside their word
                        else if b1 == 0x80 && b2 == 0xA6 { isSentenceEnd = true }  // …
                        else if b1 >= 0xB0 { isWordChar = true }  // Glagolitic, Coptic, Tifinagh, Ethiopic extended…
                        // else punctuation, symbols, arrows
                    case 0xE3:
                        if b1 == 0x80 {
                            if b2 == 0x80 { isSpace = true }  // U+3000 ideographic space
                            else if b2 == 0x82 { isSentenceEnd = true }  // 。
                            // else CJK punctuation: 、 「 」 『 』 【 】 〜
                        } else {
                            perCharacter = 2  // kana, bopomofo, CJK extension A: half a word
                        }
                    case 0xE4...0xE9:
                        perCharacter = 2  // CJK ideographs
                    case 0xEF:
                        if b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x8E) { isSentenceEnd = true }  // ！ ？ ．
                        else if b1 == 0xBD && b2 == 0xA1 { isSentenceEnd = true }  // ｡
                        else if b1 == 0xBB && b2 == 0xBF { dropped = true }  // byte order mark
                        else if (b1 == 0xBC && ((0x90...0x99).contains(b2) || (0xA1...0xBA).contains(b2))) || (b1 == 0xBD && (0x81...0x9A).contains(b2)) {
                            isWordChar = true  // full-width digits and letters
                        }
                        else if b1 == 0xBC || (b1 == 0xBD && b2 < 0xA6) { }  // full-width and half-width punctuation
                        else if b1 == 0xBD || b1 == 0xBE { perCharacter = 2 }  // half-width kana
                        else { isWordChar = true }  // Arabic presentation forms, compatibility ideographs
                    case 0xE0:
                        switch b1 {
                        case 0xA5 where b2 == 0xA4 || b2 == 0xA5: isSentenceEnd = true  // Devanagari danda, double danda
                        case 0xB8, 0xB9, 0xBA, 0xBB: perCharacter = 1  // Thai, Lao
                        case 0xBC where b2 == 0x8D: isSentenceEnd = true  // Tibetan shad
                        default: isWordChar = true
                        }
                    case 0xE1:
                        if b1 == 0x8D && b2 == 0xA2 { isSentenceEnd = true }  // Ethiopic full stop
                        else if b1 == 0x81 && b2 == 0x8B { isSentenceEnd = true }  // Myanmar section mark
                        else if b1 == 0x9F && b2 == 0x94 { isSentenceEnd = true }  // Khmer khan
                        else if b1 >= 0x80 && b1 <= 0x82 { perCharacter = 1 }  // Myanmar
                        else if b1 == 0x9E || b1 == 0x9F { perCharacter = 1 }  // Khmer
                        else { isWordChar = true }
                    default:
                        isWordChar = true  // other scripts' letters (Hangul, Devanagari, Tamil…)
                    }
                } else {
                    // Supplementary planes: CJK extensions B onwards are ideographs, the rest emoji and symbols.
                    if byte == 0xF0 && bytes[i + 1] >= 0xA0 && bytes[i + 1] <= 0xB3 { perCharacter = 2 }
                }
                if dropped {
                    i += length
                    continue
                }
                if isSpace {
                    if written > 0 { pendingSpace = true }
                    // Thai-like scripts end a sentence with a space.
                    if inUnspacedRun && units >= sentenceUnits {
                        sentences += 1
                        totalUnits += units
                        units = 0
                    }
                    inWord = false
                    inUnspacedRun = false
                    i += length
                    continue
                }
                if pendingSpace {
                    out[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                for k in 0..<length { out[written + k] = bytes[i + k] }
                written += length
                chars += 1
                inUnspacedRun = perCharacter == 1
                if isSentenceEnd {
                    if units >= sentenceUnits { sentences += 1 }
                    totalUnits += units
                    units = 0
                    inWord = false
                } else if perCharacter > 0 {
                    units += perCharacter
                    inWord = false
                } else if isWordChar {
                    if !inWord { units += wordUnits }
                    inWord = true
                } else {
                    // Apostrophes and hyphens inside a word keep it one word.
                    if !(byte == 0x27 || byte == 0x2D || (length == 3 && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99)) { inWord = false }
                }
                i += length
            }
            return written
        }
        return BlockText(text: text, chars: chars, sentences: sentences, words: (totalUnits + units) / wordUnits)
    }

    /// Words of a text, counted as the extractor counts them (see the type's notes).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { measure($0, minWords: 1).words }
    }

    /// `containsASCII(text, needle)` for a `text` without uppercase ASCII letters and a lowercase `needle`: the
    /// class names as the tree builder lowercases them, or a `lowercased()` string. The first byte is found by
    /// memchr and the rest compared as they are (the loop below lowercased every byte of every element's class
    /// names, some 400 instructions an element).
    static func lowercasedContains(_ text: String, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let pattern = needle.utf8Start
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= count else { return false }
            let last = bytes.count - count
            var from = 0
            while from <= last, let found = memchr(base + from, Int32(pattern[0]), last - from + 1) {
                let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if memcmp(base + at + 1, pattern + 1, count - 1) == 0 { return true }
                from = at + 1
            }
            return false
        }
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

    /// Characters of UTF-8 text that are not ASCII whitespace or controls, counted on bytes (continuation
    /// bytes are not characters).
    static func nonSpaceCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte > 0x20 && (byte < 0x80 || byte >= 0xC0) { count += 1 }
        return count
    }

    /// Whether `nonSpaceCount(bytes) > 0`, stopping at the first such character.
    static func hasNonSpace(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 > 0x20 && ($0 < 0x80 || $0 >= 0xC0) }
    }
}
