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

    /// Unicode NFC. Fast path: returns the input untouched when it is all ASCII
    /// (ASCII text is always in NFC). Otherwise uses Foundation's
    /// `precomposedStringWithCanonicalMapping`.
    public static func nfc(_ text: String) -> String {
        if isASCII(text) { return text }
        return text.precomposedStringWithCanonicalMapping
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
        return scalar.properties.isWhitespace
    }

    /// Whitespace for trimming and separating: White_Space plus the invisible
    /// U+200B ZERO WIDTH SPACE and U+FEFF (BOM / ZWNBSP), which carry no text.
    @inline(__always)
    static func isSpaceLike(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0x200B || value == 0xFEFF || scalar.properties.isWhitespace
    }

    /// True when `foldWhitespace` would return the text unchanged: no leading or trailing
    /// whitespace, no whitespace other than single ASCII spaces, no U+200B.
    private static func isAlreadyWhitespaceFolded(_ text: String) -> Bool {
        var previousWasSpace = true  // treats the start like a space, so a leading space fails
        for scalar in text.unicodeScalars {
            if scalar.value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if scalar.value == 0x200B || isWhitespace(scalar) {
                return false
            } else {
                previousWasSpace = false
            }
        }
        // Empty text is folded; otherwise the last scalar must not be a space.
        return !previousWasSpace || text.isEmpty
    }
}
