/// Turns an article's text into the words the statistics count: every word token in match form and
/// lowercase (for shingles, where function words matter), and the terms among them (for rankings: at least
/// two characters, at least one letter, not a stop word of the article's language).
struct TermCounter: Sendable {
    private let tokenizer = Tokenizer()

    struct Counted {
        /// `MinHash.fnv1a` of every word of the text, in order (for shingles).
        var wordHashes: [UInt64]
        /// Term → occurrences in this text.
        var terms: [String: Int]
    }

    func count(_ text: String, language: String) -> Counted {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 5)
        // Looked up once per article rather than per word.
        let stopWords = StopWords.lists[language] ?? []
        let asciiStopWords = StopWords.asciiTables[language]
        let english = language == "en"
        // Most words of an article come back ("the", names, the story's subject): each distinct spelling is
        // worked out once (lowercased, hashed, its term numbered) and its repeats found by their bytes in
        // `forms`; each distinct term is checked against the stop words once and numbered in `termNumbers`.
        // Before, every word made a string hashed with SipHash twice (stop words, then counts).
        var forms = ByteKeyTable<Word>()
        var termNumbers = ByteKeyTable<Int32>()
        var termNames: [String] = []
        var termCounts: [Int] = []
        tokenizer.forEachWord(in: text) { form in
            let hash = ByteKeyTable<Word>.hash(form)
            let found = forms.find(form, hash: hash)
            let word: Word
            if let index = found.index {
                word = forms.values[index]
            } else {
                let (wordHash, term) = Self.word(form, language: language, english: english)
                var number: Int32 = -1
                if let term {
                    var utf8 = term
                    number = utf8.withUTF8 { bytes in
                        let termHash = ByteKeyTable<Int32>.hash(bytes)
                        let known = termNumbers.find(bytes, hash: termHash)
                        if let index = known.index { return termNumbers.values[index] }
                        var number: Int32 = -1
                        let ascii = bytes.allSatisfy { $0 < 0x80 }
                        let stopWord = ascii ? asciiStopWords?.contains(bytes, hash: termHash) ?? false : stopWords.contains(term)
                        if !stopWord {
                            number = Int32(termNames.count)
                            termNames.append(term)
                            termCounts.append(0)
                        }
                        termNumbers.add(bytes, hash: termHash, slot: known.slot, value: number)
                        return number
                    }
                }
                word = Word(hash: wordHash, term: number)
                forms.add(form, hash: hash, slot: found.slot, value: word)
            }
            hashes.append(word.hash)
            if word.term >= 0 { termCounts[Int(word.term)] += 1 }
        }
        var terms: [String: Int] = [:]
        terms.reserveCapacity(termNames.count)
        for (name, count) in zip(termNames, termCounts) { terms[name] = count }
        return Counted(wordHashes: hashes, terms: terms)
    }

    /// What one spelling of a word counts as.
    private struct Word {
        /// `MinHash.fnv1a` of the lowercased word.
        var hash: UInt64
        /// Number of its term; -1 for none or a stop word.
        var term: Int32
    }

    /// A word's `MinHash.fnv1a` hash (lowercased) and the term it would count as (nil for none), stop words not
    /// yet taken out.
    private static func word(_ form: UnsafeBufferPointer<UInt8>, language: String, english: Bool) -> (hash: UInt64, term: String?) {
        guard form.allSatisfy({ $0 < 0x80 }) else {
            let word = TwoByteLowercase.lowercased(form) ?? String(decoding: form, as: UTF8.self).lowercased()
            return (MinHash.fnv1a(word), Self.candidate(word, language: language))
        }
        // ASCII words, nearly all: lowercased, hashed and checked on the bytes, one string made for a term.
        // The same steps as above (`lowercased`, `candidate`) for text that has no other case or scalars.
        var hash = MinHash.fnvOffset
        var letter = false
        for byte in form {
            let lower = Self.lowerASCII(byte)
            hash = MinHash.fnvStep(hash, lower)
            if lower >= 0x61 && lower <= 0x7A { letter = true }
        }
        var length = form.count
        if english, length >= 2, form[length - 2] == UInt8(ascii: "'"), Self.lowerASCII(form[length - 1]) == UInt8(ascii: "s") {
            length -= 2
            letter = form[..<length].contains { Self.lowerASCII($0) >= 0x61 && Self.lowerASCII($0) <= 0x7A }
        }
        guard length >= 2, letter else { return (hash, nil) }
        let term = String(unsafeUninitializedCapacity: length) { buffer in
            for i in 0..<length { buffer[i] = Self.lowerASCII(form[i]) }
            return length
        }
        return (hash, term)
    }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    /// The term a word counts as before the stop-word check, or nil when it cannot be a term.
    static func candidate(_ word: String, language: String) -> String? {
        var term = word
        // English possessives count with their noun ("Ukraine's" is Ukraine).
        if language == "en", term.utf8.count >= 2, term.utf8.suffix(2).elementsEqual("'s".utf8) { term.removeLast(2) }
        return hasTwoScalarsAndALetter(term) ? term : nil
    }

    /// Byte-level for ASCII words, the common case: this runs for every word of every article.
    static func hasTwoScalarsAndALetter(_ term: String) -> Bool {
        var ascii = true, letter = false
        for byte in term.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letter = true }
        }
        if ascii { return term.utf8.count >= 2 && letter }
        return term.unicodeScalars.count >= 2 && term.unicodeScalars.contains(where: \.properties.isAlphabetic)
    }
}

/// Byte strings (an article's word spellings, its terms) found by their bytes, each with a value: an
/// open-addressing table hashed with FNV-1a, several times cheaper per look-up than a `Dictionary` of
/// strings (a string made, then hashed with the seeded SipHash).
struct ByteKeyTable<Value> {
    private(set) var values: [Value] = []
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    /// The keys' bytes, one after another: key `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init() {
        bytes.reserveCapacity(8192)
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = MinHash.fnvOffset
        for byte in key { hash = MinHash.fnvStep(hash, byte) }
        return hash
    }

    /// The number of `key` (whose `hash` is given) if it is in the table, else the free slot for it.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = HashSlots.home(hash, mask: mask)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return (nil, slot) }
            if hashes[id] == hash, equal(id, key) { return (id, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func equal(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == key.count else { return false }
        for k in 0..<key.count where bytes[start + k] != key[k] { return false }
        return true
    }

    func contains(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        find(key, hash: hash).index != nil
    }

    /// Adds `key` in the free `slot` that `find` gave, then keeps the table at most half full.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int, value: Value) {
        slots[slot] = Int32(values.count)
        values.append(value)
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        if hashes.count * 2 > slots.count { slots = HashSlots.rebuilt(hashes, size: slots.count * 2) }
    }
}

extension ByteKeyTable: Sendable where Value: Sendable {}
