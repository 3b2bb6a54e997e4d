/// Word lists a lowercase word belongs to, as bits (see `WordLists.flagsByWord`).
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt32
    static let stopWord = WordFlags(rawValue: 1 << 0)
    static let speechVerb = WordFlags(rawValue: 1 << 1)
    static let title = WordFlags(rawValue: 1 << 2)
    /// A nationality, or one with an "s" added ("Ukrainians").
    static let nationalityOrPlural = WordFlags(rawValue: 1 << 3)
    static let sourceNoun = WordFlags(rawValue: 1 << 4)
    static let personNoun = WordFlags(rawValue: 1 << 5)
    static let organisationWord = WordFlags(rawValue: 1 << 6)
    static let placeWord = WordFlags(rawValue: 1 << 7)
    static let placeIntroducer = WordFlags(rawValue: 1 << 8)
    static let calendarWord = WordFlags(rawValue: 1 << 9)
    static let lowercaseExclusion = WordFlags(rawValue: 1 << 10)
    /// Opens some anonymity phrase.
    static let anonymityStart = WordFlags(rawValue: 1 << 11)
    /// A name particle (`EntityRecogniser.particles`).
    static let particle = WordFlags(rawValue: 1 << 13)
    /// The lowercase spelling of a one-word gazetteer name.
    static let lowercaseGazetteerName = WordFlags(rawValue: 1 << 12)
    /// The lowercase spelling of the first word of some gazetteer name or alias: a word without it opens none,
    /// so the gazetteer need not be searched from there.
    static let gazetteerFirstWord = WordFlags(rawValue: 1 << 14)
}

/// The article text prepared once for the analysers: each paragraph's Unicode scalars and its tokens with
/// scalar offsets, so every analyser works on the same cheap scan and reports offsets into `text`.
struct AnalysisText {
    /// One token: a word, a quotation mark, a possessive ending or another punctuation character.
    struct Token {
        enum Kind: UInt8 { case word, quoteMark, possessive, punctuation }
        var kind: Kind
        /// The characters as written.
        var text: String
        /// Lowercase form, for word-list look-ups.
        var lower: String
        /// Scalar offsets in the paragraph.
        var start: Int
        var end: Int
        /// Starts with an uppercase letter (or a digit-led code such as "M777" counts as not capitalised).
        var isCapitalised: Bool
        /// Every letter is uppercase and there are at least two ("NATO", "HIMARS", "U.S.").
        var isAllCaps: Bool
        /// The first word of a sentence, whose capital says nothing about being a name.
        var startsSentence: Bool
        /// The word lists holding `lower`, looked up once per distinct word of the article (`AnalysisText.init`):
        /// the analysers test these bits instead of hashing the same string into several sets.
        var lists: WordFlags = []
        /// Number of `lower` in `AnalysisText.lowerWords` (words only; -1 for other tokens).
        var wordID: Int32 = -1

        @inline(__always)
        func `is`(_ flag: WordFlags) -> Bool { lists.contains(flag) }

        func isPunctuation(_ character: Unicode.Scalar) -> Bool {
            kind == .punctuation && text.unicodeScalars.first == character && end - start == 1
        }
    }

    struct Paragraph {
        /// Index in the article's paragraphs (-1 for the title).
        var index: Int
        /// Scalar offset of the paragraph in the article text.
        var offset: Int
        var scalars: [Unicode.Scalar]
        var tokens: [Token]

        func string(_ range: Range<Int>) -> String {
            AnalysisText.string(scalars, range)
        }
    }

    var paragraphs: [Paragraph]
    var title: Paragraph?
    /// The article's distinct lowercase words (paragraphs and title), numbered by `Token.wordID`.
    var lowerWords: [String] = []

    /// `lists` defaults to the shared word lists (the ones every analyser is given).
    init(paragraphs texts: [String], title: String?, lists: WordLists? = nil) {
        // Each word is numbered (and its word lists looked up) as it is cut, paragraphs first, then the title.
        var words = ArticleWords(lists: lists ?? (try? WordLists.shared.get()))
        var offset = 0
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            let scalars = Self.scalars(of: text)
            paragraphs.append(Paragraph(index: index, offset: offset, scalars: scalars, tokens: Self.tokens(scalars, words: &words)))
            offset += scalars.count + 2  // the blank line between paragraphs
        }
        self.paragraphs = paragraphs
        self.title = title.map { text in
            let scalars = Self.scalars(of: text)
            return Paragraph(index: -1, offset: 0, scalars: scalars, tokens: Self.tokens(scalars, words: &words))
        }
        self.lowerWords = words.lowerWords
    }

    /// The word texts of a short string (gazetteer names, phrases), split as the article is.
    static func words(of text: String) -> [String] {
        tokens(Array(text.unicodeScalars)).filter { $0.kind == .word }.map(\.text)
    }

    /// The Unicode scalars of a text in one pass (`Array(text.unicodeScalars)` walks the text twice: once to
    /// count, once to copy). A text has at most as many scalars as UTF-8 bytes.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                // Decoded by hand (the text is valid UTF-8): an ASCII byte is its scalar.
                let n = bytes.count
                var k = 0
                while k < n {
                    if bytes[k] < 0x80 {
                        buffer[count] = Unicode.Scalar(bytes[k])
                        k += 1
                    } else {
                        buffer[count] = UTF8Validation.multiByteScalar(bytes, at: &k)
                    }
                    count += 1
                }
            }
        }
    }

    /// `scalars[range]` as a String, encoded to UTF-8 straight into the string's storage (several times
    /// faster than appending to a UnicodeScalarView).
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes = 0
        for k in range {
            let v = scalars[k].value
            bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var n = 0
            for k in range {
                let v = scalars[k].value
                if v < 0x80 {
                    buffer[n] = UInt8(truncatingIfNeeded: v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    n += 3
                } else {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    buffer[n + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }

    /// How many Unicode scalars a text has: its UTF-8 bytes that are not continuation bytes.
    static func scalarCount(of text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    // MARK: - Scanning

    static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" || c == "\u{02BC}" }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || TextFolding.isSpaceLike(c) }

    /// The tokens of a text, their words numbered in a table of their own (without word lists).
    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        var words = ArticleWords(lists: nil)
        return tokens(s, words: &words)
    }

    /// The tokens of one paragraph; `words` numbers their words across the article.
    static func tokens(_ s: [Unicode.Scalar], words: inout ArticleWords) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(s.count / 5 + 1)
        let n = s.count
        var i = 0
        var sentenceStart = true
        while i < n {
            let c = s[i]
            if isSpace(c) { i += 1; continue }
            if isLetterOrDigit(c) {
                var j = i + 1
                var dottedAcronym = false
                while j < n {
                    let d = s[j]
                    if isLetterOrDigit(d) { j += 1; continue }
                    let next: Unicode.Scalar? = j + 1 < n ? s[j + 1] : nil
                    // Tested directly, not through `Optional.map`: that closure stopped being inlined and
                    // was called for every word's end.
                    let nextIsWordChar = j + 1 < n && isLetterOrDigit(s[j + 1])
                    if (d == "-" || d == "\u{2010}" || d == "\u{2011}" || d == "&") && nextIsWordChar { j += 1; continue }
                    if isApostrophe(d), let next, isLetterOrDigit(next) {
                        // "Ukraine's" ends the word before the possessive; "don't", "O'Brien" go on.
                        let possessive = (next == "s" || next == "S") && (j + 2 >= n || !isLetterOrDigit(s[j + 2]))
                        if possessive { break }
                        j += 1
                        continue
                    }
                    // "U.S." and "D.C.": one-letter segments joined by periods, the final period included.
                    if d == ".", j - 1 >= i, (j - 1 == i || s[j - 2] == "."), isLetter(s[j - 1]) {
                        if let next, isLetter(next), (j + 2 >= n || s[j + 2] == ".") {
                            dottedAcronym = true
                            j += 1
                            continue
                        }
                        if dottedAcronym { j += 1 }
                    }
                    break
                }
                // Only a capital (or a digit) can open a sentence: "R-Neb., called" goes on after the dot.
                let opens = sentenceStart && (s[i].properties.isUppercase || (s[i].value >= 0x30 && s[i].value <= 0x39))
                result.append(word(s, i, j, sentenceStart: opens, words: &words))
                sentenceStart = false
                i = j
                continue
            }
            if isApostrophe(c), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S", i + 2 >= n || !isLetterOrDigit(s[i + 2]),
               i > 0, isLetterOrDigit(s[i - 1]) {
                result.append(Token(kind: .possessive, text: "'s", lower: "'s", start: i, end: i + 2,
                                    isCapitalised: false, isAllCaps: false, startsSentence: false))
                i += 2
                continue
            }
            // Doubled single marks stand for double ones in some wire feeds: ‘‘ … ’’ and '' … ''.
            if (c == "\u{2018}" || c == "\u{2019}" || c == "'"), i + 1 < n, s[i + 1] == c {
                let mark = c == "\u{2018}" ? "\u{201C}" : c == "\u{2019}" ? "\u{201D}" : "\""
                result.append(Token(kind: .quoteMark, text: mark, lower: mark, start: i, end: i + 2,
                                    isCapitalised: false, isAllCaps: false, startsSentence: false))
                i += 2
                continue
            }
            let kind: Token.Kind = isQuoteMark(c) ? .quoteMark : .punctuation
            let text = c.value < 0x80 ? asciiStrings[Int(c.value)] : String(Character(c))
            result.append(Token(kind: kind, text: text, lower: text, start: i, end: i + 1,
                                isCapitalised: false, isAllCaps: false, startsSentence: false))
            if c == "." || c == "!" || c == "?" || c == ":" || c == ";" {
                // A period after a title abbreviation ("Sen.", "Gov.") or an initial does not start a sentence.
                let previous = result.count >= 2 ? result[result.count - 2] : nil
                let abbreviation = c == "." && previous.map { $0.kind == .word && previous!.end == i && (abbreviations.contains($0.lower) || ($0.text.unicodeScalars.count == 1 && $0.isCapitalised)) } ?? false
                if !abbreviation { sentenceStart = true }
            }
            i += 1
        }
        return result
    }

    /// The one-character strings of ASCII, made once: punctuation tokens take theirs from here.
    private static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Abbreviations whose period does not end a sentence (titles and initials before names).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
        "cmdr", "rev", "st", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "oct",
        "nov", "dec", "mt", "ft",
    ]

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return c.properties.isAlphabetic
    }

    private static func word(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, sentenceStart: Bool, words: inout ArticleWords) -> Token {
        // Fast path: most words are ASCII. The lowercase form is hashed from the scalars and found in the article's
        // table, so a word seen before takes its lowercase string from there; a word without a capital is its
        // lowercase form, so then no string is made at all.
        var letters = 0, upper = 0
        var ascii = true
        var hash = WordHash.seed
        for k in a..<b {
            let v = s[k].value
            if v >= 0x80 { ascii = false; break }
            if v >= 0x41 && v <= 0x5A {
                letters += 1
                upper += 1
                hash = WordHash.add(hash, UInt8(truncatingIfNeeded: v + 32))
            } else {
                if v >= 0x61 && v <= 0x7A { letters += 1 }
                hash = WordHash.add(hash, UInt8(truncatingIfNeeded: v))
            }
        }
        if ascii {
            let (id, lower) = words.number(asciiLowercaseOf: s, a, b, hash: hash)
            let text = upper == 0 ? lower : String(unsafeUninitializedCapacity: b - a) { buffer in
                for k in a..<b { buffer[k - a] = UInt8(truncatingIfNeeded: s[k].value) }
                return b - a
            }
            let first = s[a].value
            return Token(kind: .word, text: text, lower: lower, start: a, end: b, isCapitalised: first >= 0x41 && first <= 0x5A,
                         isAllCaps: letters >= 2 && upper == letters, startsSentence: sentenceStart,
                         lists: words.flags[Int(id)], wordID: id)
        }
        var view = String.UnicodeScalarView()
        var lower = String.UnicodeScalarView()
        view.append(contentsOf: s[a..<b])
        letters = 0
        upper = 0
        for k in a..<b {
            let c = s[k]
            let v = c.value
            if v >= 0x41 && v <= 0x5A {
                lower.append(Unicode.Scalar(v + 32)!)
                letters += 1
                upper += 1
            } else if v < 0x80 {
                lower.append(c)
                if v >= 0x61 && v <= 0x7A { letters += 1 }
            } else {
                ascii = false
                if c.properties.isAlphabetic {
                    letters += 1
                    if c.properties.isUppercase { upper += 1 }
                }
            }
        }
        let text = String(view)
        let lowerText = ascii ? String(lower) : text.lowercased()
        let id = words.number(of: lowerText)
        let first = s[a]
        let capitalised = first.value < 0x80 ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
        return Token(kind: .word, text: text, lower: lowerText, start: a, end: b, isCapitalised: capitalised,
                     isAllCaps: letters >= 2 && upper == letters, startsSentence: sentenceStart,
                     lists: words.flags[Int(id)], wordID: id)
    }
}

/// Numbers the distinct lowercase words of one article as its paragraphs are tokenised, and holds the word lists
/// of each: an open-addressing table hashed with FNV-1a (`WordHash`) over the UTF-8 bytes, several times cheaper
/// per look-up than a Dictionary's seeded SipHash, and every word token is looked up. Words are equal when their
/// bytes are; the text is in NFC (normalise), so equal words have equal bytes.
struct ArticleWords {
    /// The distinct lowercase words, by number.
    private(set) var lowerWords: [String] = []
    /// The word lists holding each word, by number.
    private(set) var flags: [WordFlags] = []
    /// The word lists' flags (the table alone: copying the whole `WordLists` per new word cost more than the look-up).
    private let flagTable: WordFlagTable?
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    /// The words' bytes, one after another: word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(lists: WordLists?) {
        flagTable = lists?.flagTable
        bytes.reserveCapacity(4096)
    }

    /// The number and lowercase string of the ASCII word `s[a..<b]`, lowercased, whose `WordHash` is `hash`.
    mutating func number(asciiLowercaseOf s: [Unicode.Scalar], _ a: Int, _ b: Int, hash: UInt64) -> (Int32, String) {
        let mask = slots.count - 1
        var slot = HashSlots.home(hash, mask: mask)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, Self.equal(bytes, starts[Int(id)], starts[Int(id) + 1], s, a, b) {
                return (id, lowerWords[Int(id)])
            }
            slot = (slot + 1) & mask
        }
        let lower = String(unsafeUninitializedCapacity: b - a) { buffer in
            for k in a..<b {
                let byte = UInt8(truncatingIfNeeded: s[k].value)
                buffer[k - a] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            }
            return b - a
        }
        for k in a..<b {
            let byte = UInt8(truncatingIfNeeded: s[k].value)
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return (add(lower, hash: hash, slot: slot), lower)
    }

    /// The number of a lowercase word (any script).
    mutating func number(of lower: String) -> Int32 {
        let hash = WordHash.of(lower)
        let mask = slots.count - 1
        var slot = HashSlots.home(hash, mask: mask)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, lowerWords[Int(id)].utf8.elementsEqual(bytes[starts[Int(id)]..<starts[Int(id) + 1]]) {
                return id
            }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: lower.utf8)
        return add(lower, hash: hash, slot: slot)
    }

    /// Numbers a new word in the free `slot` (its bytes just appended to `bytes`), then keeps the table at most
    /// half full.
    private mutating func add(_ lower: String, hash: UInt64, slot: Int) -> Int32 {
        let id = Int32(lowerWords.count)
        slots[slot] = id
        hashes.append(hash)
        lowerWords.append(lower)
        starts.append(bytes.count)
        flags.append(flagTable?.flags(of: lower, hash: hash) ?? [])
        if hashes.count * 2 > slots.count { slots = HashSlots.rebuilt(hashes, size: slots.count * 2) }
        return id
    }


    @inline(__always)
    private static func equal(_ bytes: [UInt8], _ lo: Int, _ hi: Int, _ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard hi - lo == b - a else { return false }
        for k in 0..<(b - a) {
            var byte = UInt8(truncatingIfNeeded: s[a + k].value)
            if byte >= 0x41 && byte <= 0x5A { byte += 32 }
            if bytes[lo + k] != byte { return false }
        }
        return true
    }
}

/// FNV-1a over a word's UTF-8 bytes: the hash of the per-article word table and of the word lists' flag table,
/// so one hash per distinct word serves both. Words hash by their bytes; the text is in NFC (normalise), so
/// equal words have equal bytes.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    static func of(_ word: String) -> UInt64 {
        var hash = seed
        var word = word
        word.withUTF8 { bytes in
            for byte in bytes { hash = add(hash, byte) }
        }
        return hash
    }
}

/// The word lists' flags by word (`WordLists.flagsByWord`) in an open-addressing table hashed with `WordHash`:
/// an article looks up each of its distinct words once, and the hash is already made for `ArticleWords`.
struct WordFlagTable: Sendable {
    private var slots: [Int32]
    private var words: [String] = []
    private var hashes: [UInt64] = []
    private var values: [WordFlags] = []
    private let mask: Int

    init(_ flags: [String: WordFlags]) {
        var size = 64
        while size < flags.count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        // Sorted, so the table is laid out the same in every run.
        for (word, value) in flags.sorted(by: { $0.key < $1.key }) {
            let hash = WordHash.of(word)
            var slot = HashSlots.home(hash, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(words.count)
            words.append(word)
            hashes.append(hash)
            values.append(value)
        }
    }

    /// The flags of `word`, whose `WordHash` is `hash` (none for a word in no list).
    func flags(of word: String, hash: UInt64) -> WordFlags {
        var slot = HashSlots.home(hash, mask: mask)
        while true {
            let id = slots[slot]
            if id < 0 { return [] }
            if hashes[Int(id)] == hash, words[Int(id)] == word { return values[Int(id)] }
            slot = (slot + 1) & mask
        }
    }
}
