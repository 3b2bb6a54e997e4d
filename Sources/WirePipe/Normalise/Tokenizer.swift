/// One token of a text.
public struct Token: Codable, Sendable, Equatable {
    /// The match form (`TextFolding.matchForm`) of the token's characters; case kept.
    public var text: String
    /// Offset in Unicode scalars into the source text.
    public var start: Int
    /// Exclusive end offset in Unicode scalars.
    public var end: Int
    /// True when the token contains at least one letter or digit.
    public var isWord: Bool

    public init(text: String, start: Int, end: Int, isWord: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.isWord = isWord
    }
}

/// Splits text into word and punctuation tokens.
///
/// Word tokens are maximal runs of letters, digits and combining marks, joined across:
/// - an apostrophe (`'` `’` `ʼ`) followed by a letter: "don’t", "Ukraine’s" → "Ukraine's"
///   (a trailing apostrophe, as in "allies’", is a separate punctuation token);
/// - a hyphen (`-` `‐` `‑`) followed by a letter or digit: "anti-ship", "F-16"
///   (en and em dashes never join words);
/// - a period between digits ("3.5", "192.168.0.1") or inside a dotted acronym of one-letter
///   segments ("U.S", "e.g"); the trailing period of such an acronym is part of the token
///   ("U.S.", "a.m.");
/// - a comma between digits ("1,000");
/// - an invisible format character (soft hyphen, ZWJ, ZWNJ, word joiner) followed by a
///   letter, digit or mark.
///
/// Han ideographs and kana are one token each (no dictionary segmentation); Hangul, like
/// Latin, forms runs split by spaces and punctuation.
///
/// Every other visible character is its own punctuation token (`isWord == false`), together
/// with any combining marks, variation selectors, emoji modifiers and ZWJ-joined scalars that
/// follow it, so an emoji sequence or a flag is one token. Invisible format characters that
/// are not inside a word (e.g. bidi marks) produce no token. Whitespace produces no token.
public struct Tokenizer: Sendable {

    public init() {}

    public func tokens(in text: String) -> [Token] {
        let (scalars, classes) = Self.classified(text)
        var result: [Token] = []
        result.reserveCapacity(scalars.count / 5 + 1)
        var form: [UInt8] = []
        Self.scan(classes) { start, end, isWord in
            form.removeAll(keepingCapacity: true)
            for k in start..<end { TextFolding.appendMatchForm(scalars[k], to: &form) }
            result.append(Token(text: String(decoding: form, as: UTF8.self), start: start, end: end, isWord: isWord))
        }
        return result
    }

    /// Calls `body` with the match form (UTF-8, case kept) of every word token (`isWord`), in order, without
    /// building `Token` values or strings: the bytes are valid only during the call.
    public func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let (scalars, classes) = Self.classified(text)
        var form: [UInt8] = []
        form.reserveCapacity(64)
        Self.scan(classes) { start, end, isWord in
            guard isWord else { return }
            form.removeAll(keepingCapacity: true)
            for k in start..<end { TextFolding.appendMatchForm(scalars[k], to: &form) }
            form.withUnsafeBufferPointer(body)
        }
    }

    /// Number of word tokens (`isWord`), without building `Token` values.
    public func wordCount(in text: String) -> Int {
        let classes = [ScalarClass](unsafeUninitializedCapacity: text.utf8.count) { classes, count in
            var i = 0
            Self.forEachScalar(of: text) { scalar in
                classes.initializeElement(at: i, to: Self.classify(scalar))
                i += 1
            }
            count = i
        }
        var count = 0
        Self.scan(classes) { _, _, isWord in
            if isWord { count += 1 }
        }
        return count
    }

    // MARK: - Classification

    /// What one scalar can do in a token.
    enum ScalarClass: UInt8 {
        case space
        case letter
        case digit
        case mark
        case cjk
        case format
        case period
        case comma
        case apostrophe
        case hyphen
        case regionalIndicator
        case emojiModifier
        case other
    }

    /// The scalars of a text and their classes, in one pass (an array of the scalars used to count them
    /// first, then copy them, then map them).
    /// Written into uninitialised storage (a text has no more scalars than UTF-8 bytes): `append` checked
    /// capacity and uniqueness for every scalar, which cost more than classifying it.
    static func classified(_ text: String) -> (scalars: [Unicode.Scalar], classes: [ScalarClass]) {
        let capacity = text.utf8.count
        var classes: [ScalarClass] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalars, scalarCount in
            classes = [ScalarClass](unsafeUninitializedCapacity: capacity) { classes, classCount in
                var i = 0
                forEachScalar(of: text) { scalar in
                    scalars.initializeElement(at: i, to: scalar)
                    classes.initializeElement(at: i, to: classify(scalar))
                    i += 1
                }
                classCount = i
            }
            scalarCount = classes.count
        }
        return (scalars, classes)
    }

    /// The scalars of a text in one pass (`Array(text.unicodeScalars)` walks the text twice: to count, then
    /// to copy).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { scalars, count in
            var i = 0
            forEachScalar(of: text) { scalar in
                scalars.initializeElement(at: i, to: scalar)
                i += 1
            }
            count = i
        }
    }

    /// Calls `body` with each Unicode scalar of `text`, decoded from its UTF-8 bytes by hand: an ASCII byte is
    /// its scalar, at the cost of a compare, where the `unicodeScalars` iterator paid a decoding step for each
    /// (a Swift String is valid UTF-8). Every paragraph's text goes through here twice or more.
    @inline(__always)
    static func forEachScalar(of text: String, _ body: (Unicode.Scalar) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var k = 0
            while k < bytes.count {
                if bytes[k] < 0x80 {
                    body(Unicode.Scalar(bytes[k]))
                    k += 1
                } else {
                    body(UTF8Validation.multiByteScalar(bytes, at: &k))
                }
            }
        }
    }

    /// ASCII, nearly every scalar of news text, inline; the rest out of line.
    @inline(__always)
    static func classify(_ c: Unicode.Scalar) -> ScalarClass {
        let v = c.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x09...0x0D, 0x20: return .space
            case 0x2E: return .period
            case 0x2C: return .comma
            case 0x27: return .apostrophe
            case 0x2D: return .hyphen
            default: return .other
            }
        }
        return classifyNonASCII(c)
    }

    /// Table lookup for the scalars news text is made of besides ASCII (Latin to Arabic, and the general
    /// punctuation block of curly quotes and dashes); the Unicode properties behind a class cost about a
    /// thousand instructions a scalar, and a page has thousands of such scalars, classified twice (normalise
    /// counts words, aggregate counts terms). The tables hold what `classifyByProperties` says.
    @inline(never)
    private static func classifyNonASCII(_ c: Unicode.Scalar) -> ScalarClass {
        let v = c.value
        if v < Self.tableEnd { return Self.nonASCIITable[Int(v &- 0x80)] }
        if v >= 0x2000 && v < 0x2070 { return Self.punctuationTable[Int(v &- 0x2000)] }
        return classifyByProperties(c)
    }

    /// `classifyByProperties` of U+0080..<U+0800 and of U+2000..<U+2070, made once.
    private static let tableEnd: UInt32 = 0x800
    private static let nonASCIITable: [ScalarClass] = (0x80..<tableEnd).map { classifyByProperties(Unicode.Scalar($0)!) }
    private static let punctuationTable: [ScalarClass] = (UInt32(0x2000)..<0x2070).map { classifyByProperties(Unicode.Scalar($0)!) }

    /// The class from the scalar's Unicode properties. The general category is looked up first, and the
    /// white-space and ideograph properties only where they can hold (every White_Space scalar is a separator
    /// or a control; ideographs are letters from U+3006 on): each property look-up is hundreds of instructions.
    /// `TokenizerTests` checks every scalar against the plain property tests.
    static func classifyByProperties(_ c: Unicode.Scalar) -> ScalarClass {
        let v = c.value
        switch v {
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x200B, 0xFEFF: return .space
        case 0x1F1E6...0x1F1FF: return .regionalIndicator
        case 0x1F3FB...0x1F3FF: return .emojiModifier
        default: break
        }
        let properties = c.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return isCJKUnit(c) ? .cjk : .letter
        case .letterNumber:
            return isCJKUnit(c) ? .cjk : .digit
        case .decimalNumber, .otherNumber:
            return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .format:
            return .format
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            return properties.isWhitespace ? .space : .other
        default:
            return .other
        }
    }

    /// Han ideographs (and 々 〆 〇), hiragana and katakana: one token per scalar.
    @inline(__always)
    static func isCJKUnit(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3040...0x30FF,   // Hiragana, Katakana (callers only ask for letters)
             0x31F0...0x31FF,   // Katakana phonetic extensions
             0xFF66...0xFF9F,   // Halfwidth katakana
             0x1B000...0x1B16F, // Kana supplement / extended
             0x3005...0x3007:   // 々 〆 〇
            return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF:
            // CJK Unified Ideographs (and extension A): every letter there is an ideograph, so the
            // property need not be looked up for each character of a Chinese or Japanese page.
            return true
        case ..<0x3000:
            // No ideograph comes before U+3006.
            return false
        default:
            return c.properties.isIdeographic
        }
    }

    @inline(__always)
    private static func isWordClass(_ c: ScalarClass) -> Bool {
        c == .letter || c == .digit || c == .mark
    }

    // MARK: - Scanning

    /// Walks the classes once and reports each token as (start, end, isWord).
    static func scan(_ c: [ScalarClass], emit: (Int, Int, Bool) -> Void) {
        let n = c.count
        var i = 0
        while i < n {
            switch c[i] {
            case .space, .format:
                // Whitespace and stray invisible format characters make no token.
                i += 1
            case .letter, .digit:
                let end = wordEnd(c, from: i)
                emit(i, end, true)
                i = end
            case .cjk:
                var j = i + 1
                while j < n, c[j] == .mark { j += 1 }
                emit(i, j, true)
                i = j
            default:
                let end = symbolEnd(c, from: i)
                emit(i, end, false)
                i = end
            }
        }
    }

    /// End of the word token starting at `i` (a letter or digit).
    private static func wordEnd(_ c: [ScalarClass], from i: Int) -> Int {
        let n = c.count
        var j = i + 1
        var acronym = false
        scanning: while j < n {
            let nextClass: ScalarClass? = j + 1 < n ? c[j + 1] : nil
            switch c[j] {
            case .letter, .digit, .mark:
                j += 1
            case .format:
                guard let next = nextClass, isWordClass(next) else { break scanning }
                j += 1
            case .apostrophe:
                guard nextClass == .letter else { break scanning }
                j += 2
            case .hyphen:
                guard nextClass == .letter || nextClass == .digit else { break scanning }
                j += 2
            case .comma:
                guard c[j - 1] == .digit, nextClass == .digit else { break scanning }
                j += 2
            case .period:
                let previous = c[j - 1]
                if previous == .digit, nextClass == .digit {
                    j += 2  // 3.5, 1.2
                    continue scanning
                }
                // Is the segment before this period a single letter (start or after a period)?
                let singleLetterBefore = previous == .letter && (j - 1 == i || c[j - 2] == .period)
                guard singleLetterBefore else { break scanning }
                let afterNext: ScalarClass? = j + 2 < n ? c[j + 2] : nil
                if nextClass == .letter, afterNext.map({ !isWordClass($0) }) ?? true {
                    j += 2  // U.S, e.g, U.S.A
                    acronym = true
                    continue scanning
                }
                if acronym, nextClass.map({ !isWordClass($0) }) ?? true {
                    j += 1  // the trailing period of "U.S."
                }
                break scanning
            default:
                break scanning
            }
        }
        return j
    }

    /// End of the punctuation/symbol token starting at `i`.
    private static func symbolEnd(_ c: [ScalarClass], from i: Int) -> Int {
        let n = c.count
        var j = i + 1
        if c[i] == .regionalIndicator, j < n, c[j] == .regionalIndicator { j += 1 }  // a flag
        while j < n {
            switch c[j] {
            case .mark, .emojiModifier:
                j += 1
            case .format:
                // ZWJ (or a tag character) glues the next visible symbol to this one.
                j += 1
                if j < n, c[j] == .other || c[j] == .regionalIndicator { j += 1 }
            default:
                return j
            }
        }
        return j
    }
}
