import Foundation

/// Text folding used by normalise (output text) and by matching/counting (match forms).
///
/// Two families of folds live here:
/// - Output folds (`nfc`, `foldWhitespace`) that are safe to apply to text that is shown to
///   readers: they never change what the publisher wrote, only its encoding and spacing.
/// - The match form (`matchForm`), which flattens typographic variants of quotes, dashes and
///   the ellipsis so that "curly" and "straight" spellings compare equal. It is for matching
///   and counting only, never for output.
public enum TextFolding {

    // MARK: - Public API

    /// Unicode NFC. Fast path: returns the input untouched when every scalar is one that NFC keeps as it
    /// is whatever surrounds it (`isStableUnderNFC`: ASCII, Latin-1, curly quotes and dashes, Cyrillic,
    /// CJK…), which is most paragraphs of news. Otherwise uses Foundation's
    /// `precomposedStringWithCanonicalMapping` (about 100,000 instructions for a paragraph).
    public static func nfc(_ text: String) -> String {
        if isASCII(text) || text.unicodeScalars.allSatisfy(isStableUnderNFC) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Scalars that NFC never changes, reorders or composes with a neighbour: each is its own NFC form
    /// (quick check Yes), has combining class 0, and is not the second half of any canonical composition.
    /// Ranges of whole blocks minus their combining marks and singletons (U+2000 and U+2001 map to
    /// U+2002 and U+2003; U+0300–U+036F, U+0483–U+0489, U+302A–U+302F, U+3099–U+309A combine; the Hangul
    /// jamo compose with syllables). `TextFoldingTests` checks every scalar of every range.
    static let nfcStableRanges: [ClosedRange<UInt32>] = [
        0x0000...0x02FF,  // ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers
        0x0400...0x0482, 0x048A...0x052F,  // Cyrillic
        0x05D0...0x05EA,  // Hebrew letters
        0x0621...0x064A,  // Arabic letters
        0x2002...0x206F,  // spaces, dashes, quotation marks, ellipsis, bullets
        0x20A0...0x20C0,  // currency signs
        0x3000...0x3029, 0x3030...0x303F,  // CJK punctuation
        0x3041...0x3096, 0x30A0...0x30FF,  // kana
        0x4E00...0x9FFF,  // CJK ideographs
        0xAC00...0xD7A3,  // Hangul syllables
        0xFE00...0xFE0F,  // variation selectors
        0xFF01...0xFF60,  // fullwidth forms
        0x1F000...0x1FAFF,  // emoji and symbols
    ]

    @inline(__always)
    static func isStableUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0300 { return true }
        for range in nfcStableRanges.dropFirst() where range.contains(value) { return true }
        return false
    }

    /// Collapses every run of Unicode whitespace (the White_Space property: space, tab, CR, LF,
    /// VT, FF, U+0085, U+00A0 NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
    /// U+3000) into one ASCII space and trims both ends.
    ///
    /// U+200B ZERO WIDTH SPACE is removed outright (it is not White_Space, and it only ever
    /// appears in scraped pages as a line-break hint). U+FEFF is *not* whitespace and is kept.
    /// Every other character is kept as the publisher wrote it (curly quotes stay curly).
    public static func foldWhitespace(_ text: String) -> String {
        if isAlreadyWhitespaceFolded(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var hasContent = false
        for scalar in text.unicodeScalars {
            if scalar.value == 0x200B { continue }
            if isWhitespace(scalar) {
                if hasContent { pendingSpace = true }
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
            hasContent = true
        }
        return String(out)
    }

    /// A form for matching and counting, never for output:
    /// - typographic single quotes and apostrophes (‘ ’ ‚ ‛ ′ ʼ) become `'`;
    /// - double quotes (“ ” „ ‟ ″ « » and the straight `"`) become `"`;
    /// - dashes and hyphens (‐ ‑ ‒ – — ― −) become `-`;
    /// - the ellipsis … becomes `...` (so the scalar count can grow).
    ///
    /// Case is kept; every other character is kept.
    public static func matchForm(_ text: String) -> String {
        if isASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if appendMatchForm(scalar, to: &out) { changed = true }
        }
        return changed ? String(out) : text
    }

    // MARK: - Internal helpers (shared with SentenceSplitter and Tokenizer)

    /// The ASCII character a curly quote, prime, dash or minus folds to; nil for every other scalar (the
    /// ellipsis, which becomes three characters, is handled by the callers).
    @inline(__always)
    static func foldedASCII(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return UInt8(ascii: "'")
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return UInt8(ascii: "\"")
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return UInt8(ascii: "-")
        default: return nil
        }
    }

    static let ellipsis: UInt32 = 0x2026

    /// Appends the match form of one scalar. Returns true when the scalar was replaced.
    @discardableResult
    @inline(__always)
    static func appendMatchForm(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) -> Bool {
        if scalar.value == ellipsis {
            out.append(contentsOf: "...".unicodeScalars)
            return true
        }
        guard let ascii = foldedASCII(scalar.value) else {
            out.append(scalar)
            return false
        }
        out.append(Unicode.Scalar(ascii))
        return true
    }

    /// The same, appending UTF-8 bytes: building a token's bytes and decoding them once is several times
    /// faster than appending to a `String.UnicodeScalarView` scalar by scalar.
    @discardableResult
    @inline(__always)
    static func appendMatchForm(_ scalar: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            out.append(UInt8(value))
            return false
        }
        if value == ellipsis {
            out.append(contentsOf: "...".utf8)
            return true
        }
        if let ascii = foldedASCII(value) {
            out.append(ascii)
            return true
        }
        UTF8.encode(scalar) { out.append($0) }
        return false
    }

    /// True when every UTF-8 code unit is ASCII.
    @inline(__always)
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Unicode White_Space, with an ASCII fast path.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return isNonASCIIWhitespace(value)
    }

    /// Whitespace for trimming and separating: White_Space plus the invisible
    /// U+200B ZERO WIDTH SPACE and U+FEFF (BOM / ZWNBSP), which carry no text.
    @inline(__always)
    static func isSpaceLike(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0x200B || value == 0xFEFF || isNonASCIIWhitespace(value)
    }

    /// The White_Space scalars above ASCII, listed: the property look-up (`properties.isWhitespace`) costs
    /// hundreds of instructions, and every non-ASCII scalar of every paragraph is tested. The list has not
    /// changed since Unicode 6.3; `TextFoldingTests` checks it against the property for every scalar.
    @inline(__always)
    static func isNonASCIIWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// True when `foldWhitespace` would return the text unchanged: no leading or trailing
    /// whitespace, no whitespace other than single ASCII spaces, no U+200B. Over the UTF-8 bytes, decoded by
    /// hand: nearly every paragraph is already folded, so this scans all of them, and an ASCII byte then costs
    /// a compare rather than a scalar iterator's decoding step.
    private static func isAlreadyWhitespaceFolded(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousWasSpace = true  // treats the start like a space, so a leading space fails
            var k = 0
            while k < bytes.count {
                let byte = bytes[k]
                if byte < 0x80 {
                    k += 1
                    if byte == 0x20 {
                        if previousWasSpace { return false }
                        previousWasSpace = true
                    } else if byte >= 0x09 && byte <= 0x0D {
                        return false
                    } else {
                        previousWasSpace = false
                    }
                } else {
                    let value = UTF8Validation.multiByteScalar(bytes, at: &k).value
                    if value == 0x200B || isNonASCIIWhitespace(value) { return false }
                    previousWasSpace = false
                }
            }
            // Empty text is folded; otherwise the last scalar must not be a space.
            return !previousWasSpace || bytes.isEmpty
        }
    }
}
