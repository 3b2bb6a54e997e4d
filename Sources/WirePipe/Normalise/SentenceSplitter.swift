/// Splits a paragraph into sentences.
///
/// The splitter scans the paragraph's Unicode scalars once. A sentence ends at a run of
/// terminators (`.`, `!`, `?`, `…`, `‼`, `⁇`, `⁈`, `⁉`, Arabic `؟` and `۔`, Devanagari `।` `॥`),
/// optionally followed by closing quotes or brackets, then whitespace, when the next non-space
/// character can start a sentence: an uppercase or titlecase letter, a digit, an opening quote
/// or bracket (`“ ‘ " ' ( [ { « ‹ „ ‚ ¿ ¡ 「 『` …), a currency sign, or a letter of a script
/// without case (Han, kana, Hangul, Arabic, Hebrew, Devanagari, Thai, …).
/// CJK terminators (`。 ｡ ！ ？`) end a sentence unconditionally, with no space needed.
///
/// A lone `.` directly followed by whitespace is *not* a break when the word before it is
/// - in the abbreviation list (case-insensitive), e.g. "Mr. Crow", "Jan. 5", "Acme Inc. Analysts";
///   sentence-final abbreviations before a capitalised word are deliberately *not* broken,
///   since titles and company suffixes before names are far more common in news copy than
///   sentence-final ones;
/// - a single uppercase initial, e.g. "John F. Kennedy", "J. K. Rowling";
/// - a dotted acronym (letter segments of one or two letters joined by periods), e.g.
///   "U.S. President", "D.C.", "Ph.D."; a real sentence end like "in the U.S. He said" is missed.
///
/// These exceptions only apply when the period is followed directly by whitespace. When a
/// closing quote or bracket follows the period (`Acme Inc.” Then`), the quote is taken as the
/// end of the sentence. Numbers ("3.5"), URLs and e-mail addresses never break because their
/// periods are not followed by whitespace.
public struct SentenceSplitter: Sendable {

    /// Default abbreviation list (lowercased, without the final period).
    public static let defaultAbbreviations: [String] = [
        // Titles
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
        "gov", "sen", "rep", "rev", "hon", "pres", "st", "jr", "sr", "messrs",
        // Months
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Common
        "inc", "corp", "co", "ltd", "llc", "plc", "no", "nos", "vs", "etc", "approx", "est",
        "dept", "univ", "fig", "vol", "ave", "blvd", "mt", "ft",
        "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "a.m", "p.m",
        // German (lowercase single letters for "z. B.", "u. a.", "d. h.", written with spaces)
        "bzw", "usw", "vgl", "ca", "nr", "str", "hr", "fr", "sog", "ggf", "inkl", "evtl", "bspw", "jh", "mio", "mrd",
        "z", "u", "d", "z.b", "d.h", "u.a", "z.t", "v.a",
        // French
        "mme", "mlle", "mgr", "env", "cf", "av", "boul", "p.ex",
        // Spanish and Portuguese ("EE. UU." written with a space)
        "sra", "srta", "dña", "dra", "ud", "uds", "pág", "núm", "aprox", "lic", "ing", "exmo", "ee", "uu",
        // Italian
        "sig", "sigg", "dott", "avv", "geom", "pag",
        // Dutch
        "dhr", "mevr", "bijv", "o.a", "m.b.t", "enz",
        // Russian
        "т.е", "т.д", "т.п", "т", "г", "гг", "ул", "им", "руб", "тыс", "млн", "млрд", "др", "пр", "проф",
    ]

    /// Lowercased abbreviations without their final period.
    let abbreviations: Set<String>
    /// Longest abbreviation, in Unicode scalars (bounds the backwards scan).
    let maxAbbreviationLength: Int

    /// Longest word looked at before a period (abbreviations, initials, dotted acronyms).
    private static let maxLookbehind = 24

    /// Creates a splitter. Entries are lowercased, trimmed, and stripped of trailing periods,
    /// so "Mr." and "mr" are the same entry.
    public init(abbreviations: [String] = SentenceSplitter.defaultAbbreviations) {
        var set = Set<String>()
        var longest = 0
        for entry in abbreviations {
            var word = TextFolding.foldWhitespace(entry).lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            guard !word.isEmpty else { continue }
            set.insert(word)
            longest = max(longest, word.unicodeScalars.count)
        }
        self.abbreviations = set
        self.maxAbbreviationLength = longest
    }

    /// Sentence ranges as offsets in Unicode scalars (code points) into `text`: half-open
    /// [start, end), trimmed of surrounding whitespace, covering every non-space character of
    /// the text in order. Empty or all-space text gives no ranges.
    public func split(_ text: String) -> [Range<Int>] {
        split(scalars: Tokenizer.scalars(of: text))
    }

    /// Convenience: the sentence strings.
    public func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return split(scalars: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    // MARK: - Scanning

    func split(scalars s: [Unicode.Scalar]) -> [Range<Int>] {
        let n = s.count
        var result: [Range<Int>] = []
        var start = 0
        var i = 0

        func emit(_ lower: Int, _ upper: Int) {
            var lo = lower
            var hi = upper
            while lo < hi, TextFolding.isSpaceLike(s[lo]) { lo += 1 }
            while hi > lo, TextFolding.isSpaceLike(s[hi - 1]) { hi -= 1 }
            if lo < hi { result.append(lo..<hi) }
        }

        while i < n {
            let c = s[i]
            let cjk = Self.isCJKTerminator(c)
            guard cjk || Self.isTerminator(c) else {
                i += 1
                continue
            }
            // The run of terminators: "?!", "...", "。」" etc.
            var sawCJK = cjk
            var runEnd = i + 1
            while runEnd < n {
                if Self.isCJKTerminator(s[runEnd]) {
                    sawCJK = true
                } else if !Self.isTerminator(s[runEnd]) {
                    break
                }
                runEnd += 1
            }
            // Closing quotes and brackets belong to the sentence that ends here.
            var closeEnd = runEnd
            while closeEnd < n, Self.isCloser(s[closeEnd]) { closeEnd += 1 }

            if sawCJK {
                emit(start, closeEnd)
                start = closeEnd
                i = closeEnd
                continue
            }
            // Latin-style terminators need whitespace, then a sentence start.
            guard closeEnd < n, TextFolding.isSpaceLike(s[closeEnd]) else {
                i = closeEnd
                continue
            }
            var next = closeEnd
            while next < n, TextFolding.isSpaceLike(s[next]) { next += 1 }
            guard next < n, Self.startsSentence(s[next]) else {
                i = closeEnd
                continue
            }
            // A lone period followed directly by whitespace may belong to an abbreviation.
            if c == ".", runEnd == i + 1, closeEnd == runEnd, isNonTerminalPeriod(s, at: i) {
                i = closeEnd
                continue
            }
            emit(start, closeEnd)
            start = next
            i = next
        }
        emit(start, n)
        return result
    }

    /// True when the period at `p` ends an abbreviation, an initial or a dotted acronym.
    private func isNonTerminalPeriod(_ s: [Unicode.Scalar], at p: Int) -> Bool {
        var b = p
        while b > 0, Self.isWordOrDot(s[b - 1]) {
            b -= 1
            if p - b > Self.maxLookbehind { return false }
        }
        let length = p - b
        guard length > 0 else { return false }

        // Single uppercase initial: "F." in "John F. Kennedy".
        if length == 1, s[b].properties.isUppercase { return true }

        // Listed abbreviation (case-insensitive).
        if length <= maxAbbreviationLength {
            // Encoded straight into the string's storage (`AnalysisText.string`): appending the scalars to a
            // `UnicodeScalarView` cost about 5,000 instructions a period.
            let word = AnalysisText.string(s, b..<p).lowercased()
            if abbreviations.contains(word) { return true }
        }

        // Dotted acronym: "U.S", "D.C", "Ph.D" — letter segments of 1–2 letters.
        return Self.isDottedAcronym(s[b..<p])
    }

    private static func isDottedAcronym(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var periods = 0
        var segment = 0
        for scalar in word {
            if scalar == "." {
                if segment == 0 { return false }
                periods += 1
                segment = 0
            } else if isLetter(scalar) {
                segment += 1
                if segment > 2 { return false }
            } else {
                return false
            }
        }
        return periods > 0 && segment > 0
    }

    // MARK: - Character classes

    /// Alphabetic and not a decimal digit; in ASCII the alphabetic characters are the letters, known without a
    /// property look-up.
    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return c.properties.isAlphabetic && !isDigit(c)
    }

    @inline(__always)
    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    /// Letters, digits, combining marks and the period (the characters of "U.S", "Jan", "3.5").
    @inline(__always)
    private static func isWordOrDot(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return v == 0x2E || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Sentence terminators that need following whitespace.
    @inline(__always)
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F,          // . ! ?
             0x2026,                    // …
             0x203C, 0x2047, 0x2048, 0x2049,  // ‼ ⁇ ⁈ ⁉
             0x061F, 0x06D4,            // Arabic question mark, Arabic full stop
             0x0964, 0x0965:            // Devanagari danda, double danda
            return true
        default:
            return false
        }
    }

    /// CJK terminators, which end a sentence with no following space.
    @inline(__always)
    static func isCJKTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3002, 0xFF61, 0xFF01, 0xFF1F:  // 。 ｡ ！ ？
            return true
        default:
            return false
        }
    }

    /// Closing quotes and brackets that may follow a terminator.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D,      // " ' ) ] }
             0x201D, 0x2019, 0x00BB, 0x203A,    // ” ’ » ›
             0x300D, 0x300F, 0xFF09, 0xFF3D, 0x3011, 0x3015, 0x3009, 0x300B,  // 」 』 ） ］ 】 〕 〉 》
             0xFF02, 0xFF07:                    // ＂ ＇
            return true
        default:
            return false
        }
    }

    /// Opening quotes and brackets (and Spanish inverted marks) that may start a sentence.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B,              // " ' ( [ {
             0x201C, 0x2018, 0x201E, 0x201A, 0x201F, 0x201B,  // “ ‘ „ ‚ ‟ ‛
             0x00AB, 0x2039, 0x00BF, 0x00A1,            // « ‹ ¿ ¡
             0x300C, 0x300E, 0xFF08, 0xFF3B, 0x3010, 0x3014, 0x3008, 0x300A:  // 「 『 （ ［ 【 〔 〈 《
            return true
        default:
            return false
        }
    }

    /// Whether a character can begin a new sentence.
    static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x24 || isOpener(c)
        }
        if isOpener(c) { return true }
        let properties = c.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter, .decimalNumber, .currencySymbol:
            return true
        case .otherLetter:
            // Letters of scripts without case (Han, kana, Hangul, Arabic, Hebrew, …).
            return true
        default:
            return false
        }
    }
}
