/// Finds and parses the credit line of a wire story:
///
///     Reporting by Phil Stewart and Idrees Ali; Editing by Mary Milliken and Daniel Wallis
///     (Reporting by Jane Doe in London; Additional reporting by John Roe in Paris; Writing by …)
///     Associated Press writers Jill Lawless in London and Geir Moulson in Berlin contributed to this report.
///
/// Rules:
/// - A credit line starts with a role phrase ("Reporting by", "Editing by", "Compiled by", …, any case),
///   either at the start of a paragraph or right after a "(" inside it. Further role phrases start new
///   roles after `;`, `,`, `/`, `|`, a dash, "and", or as a capitalised phrase ("… Ali Editing by …").
/// - Between role phrases stand only person names, separated by `,`, `;`, `&` and "and". Each name is
///   1-6 words, capitalised apart from name particles ("de", "van", "al-…"); otherwise the line is
///   rejected, so sentences such as "Reporting by the newspaper showed…" are never credit lines.
/// - Locations are dropped: "Jane Doe in London" gives "Jane Doe" (also "from", "at", "for").
/// - Collective credits are kept as written: "Additional reporting by Reuters staff" gives
///   `additional_reporting: ["Reuters staff"]`.
/// - The AP form "<descriptor> NAMES contributed [to this report]" gives the role `contributing`;
///   so do "With assistance from …" (Bloomberg) and "Contributing: …" (outlet names in capitals dropped).
public struct CreditLineParser: Sendable {
    public init() {}

    /// Longest candidate line considered, in Unicode scalars.
    static let maxLineLength = 500

    /// Roles that make a credit line a story's credit line; a line with only photo or graphics credits
    /// (usually a caption) is used only when no such line is found.
    private static let primaryRoles: Set<String> = [
        "reporting", "additional_reporting", "writing", "editing", "compiling", "production", "contributing",
    ]

    /// Scans the paragraphs (usually the last few, but a credit line may also sit in the middle before a
    /// promo) for a wire credit line and returns the parsed credits, or nil.
    public func parse(paragraphs: [String]) -> Credits? {
        var fallback: Credits?
        for index in paragraphs.indices.reversed() {
            guard let found = creditsIn(paragraphs[index], index: index) else { continue }
            if found.roles.keys.contains(where: Self.primaryRoles.contains) { return found }
            if fallback == nil { fallback = found }
        }
        return fallback
    }

    /// The credit line in one paragraph: the whole paragraph, or a parenthesised part of it
    /// (`…said. (Reporting by X; Editing by Y)`).
    private func creditsIn(_ paragraph: String, index: Int) -> Credits? {
        guard Self.mayHoldCreditLine(paragraph) else { return nil }
        let trimmed = Self.trim(AnalysisText.scalars(of: paragraph))
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count <= Self.maxLineLength, let roles = parseScalars(trimmed) {
            return Credits(roles: roles, line: Self.string(trimmed), paragraphIndex: index)
        }
        // Parenthesised credit lines, last first.
        var k = trimmed.count - 1
        while k > 0 {
            if trimmed[k] == "(", trimmed[k - 1] != "(" {
                var depth = 1
                var close = k + 1
                // A credit line is short: give up on a parenthesis that runs on longer.
                while close < trimmed.count, close - k <= Self.maxLineLength + 1 {
                    if trimmed[close] == "(" { depth += 1 }
                    if trimmed[close] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    close += 1
                }
                let inner = Self.trim(Array(trimmed[(k + 1)..<Swift.min(close, trimmed.count)]))
                if !inner.isEmpty, inner.count <= Self.maxLineLength,
                   Self.startsWithRolePhrase(inner), let roles = parseScalars(inner) {
                    return Credits(roles: roles, line: Self.string(inner), paragraphIndex: index)
                }
            }
            k -= 1
        }
        return nil
    }

    /// A cheap test on the UTF-8 bytes that rules out almost every paragraph before its scalars are copied:
    /// a credit line opens (the paragraph, or a parenthesis in it) with a role phrase, or is the AP form with
    /// "contributed". Only letters can make up the first word, and the role phrases are ASCII, so the first run
    /// of ASCII letters (of the paragraph, or after some "(") must be a role phrase's first word. This is a
    /// necessary condition only: the paragraphs passing it are parsed in full.
    static func mayHoldCreditLine(_ paragraph: String) -> Bool {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            let n = bytes.count
            var k = 0
            var atOpening = true  // at the paragraph's start or just after a "("
            while k < n {
                let byte = bytes[k]
                if atOpening {
                    let lower = byte | 0x20
                    if lower >= 0x61 && lower <= 0x7A {
                        let start = k
                        while k < n, (bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A { k += 1 }
                        if phraseStartBytes.contains(where: { Self.equalsLowercased(bytes, start, k, $0) }) { return true }
                        atOpening = false
                        continue
                    }
                } else if byte == 0x28 {
                    atOpening = true
                }
                // "contributed": the AP form ("… contributed to this report") may stand anywhere in the line.
                if byte | 0x20 == 0x63, k + 11 <= n, Self.equalsLowercased(bytes, k, k + 11, contributedBytes) { return true }
                k += 1
            }
            return false
        }
    }

    private static let phraseStartBytes: [[UInt8]] = phraseStarts.sorted().map { Array($0.utf8) }
    private static let contributedBytes = Array("contributed".utf8)

    /// Whether `bytes[lo..<hi]`, ASCII letters lowercased, equals `word` (lowercase ASCII).
    @inline(__always)
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ word: [UInt8]) -> Bool {
        guard hi - lo == word.count else { return false }
        for k in 0..<word.count {
            var byte = bytes[lo + k]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != word[k] { return false }
        }
        return true
    }

    /// Parses one candidate line; nil when it is not a credit line.
    public func parseLine(_ line: String) -> [String: [String]]? {
        let scalars = Self.trim(Array(line.unicodeScalars))
        guard !scalars.isEmpty, scalars.count <= Self.maxLineLength else { return nil }
        return parseScalars(scalars)
    }

    // MARK: - Line parsing

    private func parseScalars(_ input: [Unicode.Scalar]) -> [String: [String]]? {
        let s = Self.clean(input)
        guard !s.isEmpty else { return nil }
        if let roles = parseRoleLine(s) { return roles }
        return parseContributedLine(s)
    }

    /// `Role by NAMES[; Role by NAMES…]`.
    private func parseRoleLine(_ s: [Unicode.Scalar]) -> [String: [String]]? {
        guard let opening = Self.firstWord(s), Self.phraseStarts.contains(opening) else { return nil }
        let words = Self.words(s)
        var matches: [(role: String, start: Int, end: Int)] = []
        var w = 0
        while w < words.count {
            if let (phrase, end) = Self.matchPhrase(s, words, at: w),
               w == 0 || Self.isRoleBoundary(s, words, at: w) {
                matches.append((phrase.role, words[w].range.lowerBound, end))
                w += phrase.words.count
            } else {
                w += 1
            }
        }
        guard let first = matches.first, first.start == 0 else { return nil }
        var roles: [String: [String]] = [:]
        for (n, match) in matches.enumerated() {
            let segmentEnd = n + 1 < matches.count ? matches[n + 1].start : s.count
            guard let names = Self.names(s, match.end, segmentEnd, dropOutletNames: match.role == "contributing")
            else { return nil }
            roles[match.role, default: []].append(contentsOf: names)
        }
        return roles
    }

    /// `[Associated Press writer(s)] NAMES contributed [to this report]`.
    private func parseContributedLine(_ s: [Unicode.Scalar]) -> [String: [String]]? {
        guard s.count <= 300, Self.findCaseInsensitive(s, "contributed") != nil else { return nil }
        let words = Self.words(s)
        guard let verb = words.lastIndex(where: { $0.lower == "contributed" }), verb > 0 else { return nil }
        // What follows the verb must be the usual tail, not another clause.
        let tail = words[(verb + 1)...].map(\.lower)
        let tailOK = tail.isEmpty || tail.first == "reporting" || tail.first == "from"
            || (tail.count >= 2 && tail[tail.startIndex] == "to"
                && ["this", "the"].contains(tail[tail.startIndex + 1]))
        guard tailOK else { return nil }
        var namesEnd = verb
        if namesEnd > 0, words[namesEnd - 1].lower == "also" { namesEnd -= 1 }
        guard namesEnd > 0 else { return nil }
        // Skip a descriptor such as "Associated Press writers", "AP Medical Writer" or "Fox News’".
        var namesStart = 0
        for k in 0..<Swift.min(namesEnd, 6) {
            if Self.descriptorNouns.contains(words[k].lower) {
                namesStart = k + 1
            } else if k + 1 < namesEnd, Self.isPossessive(s, words[k]) {
                // "CNN's" is split into "CNN" and "s"; "Fox News’" has no "s".
                let next = words[k + 1]
                let joined = next.lower == "s" && next.range.lowerBound == words[k].range.upperBound + 1
                namesStart = joined ? k + 2 : k + 1
            }
        }
        guard namesStart < namesEnd else { return nil }
        guard let names = Self.names(s, words[namesStart].range.lowerBound, words[namesEnd].range.lowerBound,
                                     dropOutletNames: true),
              names.count <= 12 else { return nil }
        return ["contributing": names]
    }

    /// Whether an apostrophe follows the word directly ("News’", "CNN's").
    private static func isPossessive(_ s: [Unicode.Scalar], _ word: Word) -> Bool {
        let k = word.range.upperBound
        guard k < s.count, s[k] == "'" || s[k] == "\u{2019}" else { return false }
        if k + 1 >= s.count || s[k + 1].isCreditSpace { return true }
        return s[k + 1] == "s" && (k + 2 >= s.count || !s[k + 2].properties.isAlphabetic)
    }

    /// A single all-capitals word such as "REUTERS" in "REUTERS/Jane Doe".
    private static func isShoutedWord(_ words: [String]) -> Bool {
        words.count == 1 && words[0].unicodeScalars.count > 2
            && !words[0].unicodeScalars.contains { $0.properties.isLowercase }
    }

    private static let descriptorNouns: Set<String> = [
        "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "journalist",
        "journalists", "photographer", "photographers", "videographer", "videographers", "researcher",
        "researchers", "producer", "producers", "staffer", "staffers", "editor", "editors",
    ]

    // MARK: - Role phrases

    struct RolePhrase {
        let words: [String]
        let role: String
        /// "Contributing:" — the phrase must be followed by a colon.
        let needsColon: Bool
    }

    /// Longer phrases first, so "Additional reporting by" wins over "reporting by".
    static let phrases: [RolePhrase] = {
        let table: [(String, String)] = [
            ("with additional reporting by", "additional_reporting"),
            ("additional reporting by", "additional_reporting"),
            ("additional writing by", "writing"),
            ("additional editing by", "editing"),
            ("contributing reporting by", "contributing"),
            ("with assistance from", "contributing"),
            ("additional contributions by", "contributing"),
            ("with reporting by", "reporting"),
            ("graphic design by", "graphics"),
            ("reporting by", "reporting"),
            ("reported by", "reporting"),
            ("writing by", "writing"),
            ("written by", "writing"),
            ("text by", "writing"),
            ("editing by", "editing"),
            ("edited by", "editing"),
            ("compiled by", "compiling"),
            ("compiling by", "compiling"),
            ("graphics by", "graphics"),
            ("graphic by", "graphics"),
            ("photography by", "photography"),
            ("photographs by", "photography"),
            ("photos by", "photography"),
            ("photo by", "photography"),
            ("pictures by", "photography"),
            ("production by", "production"),
            ("produced by", "production"),
            ("contributions by", "contributing"),
            ("contributing by", "contributing"),
        ]
        var phrases = table.map {
            RolePhrase(words: $0.0.split(separator: " ").map(String.init), role: $0.1, needsColon: false)
        }
        phrases.append(RolePhrase(words: ["contributing"], role: "contributing", needsColon: true))
        phrases.append(RolePhrase(words: ["contributors"], role: "contributing", needsColon: true))
        return phrases.sorted { $0.words.count > $1.words.count }
    }()

    private static let phraseStarts: Set<String> = Set(phrases.map { $0.words[0] })

    struct Word {
        let range: Range<Int>
        let lower: String
    }

    /// The role phrase starting at word `w`, with the scalar index just after it (and its colon).
    private static func matchPhrase(_ s: [Unicode.Scalar], _ words: [Word], at w: Int) -> (RolePhrase, Int)? {
        guard phraseStarts.contains(words[w].lower) else { return nil }
        phraseLoop: for phrase in phrases where w + phrase.words.count <= words.count {
            for (k, word) in phrase.words.enumerated() {
                guard words[w + k].lower == word else { continue phraseLoop }
                if k > 0, !onlySpaces(s, words[w + k - 1].range.upperBound, words[w + k].range.lowerBound) {
                    continue phraseLoop
                }
            }
            var end = words[w + phrase.words.count - 1].range.upperBound
            if phrase.needsColon {
                while end < s.count, s[end].isCreditSpace { end += 1 }
                guard end < s.count, s[end] == ":" else { continue phraseLoop }
                end += 1
            } else if end < s.count, s[end] == ":" {
                end += 1 // "Reporting by: Jane Doe"
            }
            return (phrase, end)
        }
        return nil
    }

    /// Whether a role phrase at word `w` starts a new role: after `; , / | (` or a dash, after "and"
    /// or "&", or when written with a capital ("… Idrees Ali Editing by …").
    private static func isRoleBoundary(_ s: [Unicode.Scalar], _ words: [Word], at w: Int) -> Bool {
        var k = words[w].range.lowerBound - 1
        while k >= 0, s[k].isCreditSpace { k -= 1 }
        if k < 0 { return true }
        if ";,/|(–—-·•&.".unicodeScalars.contains(s[k]) { return true }
        if w > 0, words[w - 1].lower == "and", words[w - 1].range.upperBound == k + 1 { return true }
        return s[words[w].range.lowerBound].properties.isUppercase
    }

    static func startsWithRolePhrase(_ s: [Unicode.Scalar]) -> Bool {
        let cleaned = clean(s)
        guard let first = firstWord(cleaned), phraseStarts.contains(first) else { return false }
        let found = Self.words(cleaned)
        return matchPhrase(cleaned, found, at: 0) != nil
    }

    // MARK: - Names

    /// Names in `s[lo..<hi]`, or nil when the segment holds anything but names.
    private static func names(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, dropOutletNames: Bool) -> [String]? {
        // Drop parenthesised asides: "Jane Doe (Washington)", "(jane.doe@example.com)".
        var segment: [Unicode.Scalar] = []
        var depth = 0
        for k in lo..<hi {
            let c = s[k]
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = Swift.max(0, depth - 1); continue }
            if depth == 0 { segment.append(c) }
        }
        var items = splitItems(segment)
        // Empty items left by a trailing separator or "and" before the next role ("X and editing by Y").
        while let last = items.last, last.isEmpty { items.removeLast() }
        guard !items.isEmpty else { return nil }

        var result: [String] = []
        var previousHadLocation = false
        for item in items {
            var words = item.words
            if words.isEmpty { continue }
            if words.count == 1, ["jr", "jr.", "sr", "sr.", "ii", "iii"].contains(words[0].lowercased()),
               let last = result.popLast() {
                result.append(last + ", " + words[0])
                continue
            }
            // "Jane Doe in London" -> "Jane Doe".
            var hadLocation = false
            if let cut = words.indices.dropFirst().first(where: { ["in", "from", "at", "for"].contains(words[$0]) }) {
                words = Array(words[..<cut])
                hadLocation = true
            }
            // "in Washington, D.C." -> the "D.C." after a location is not a name.
            if previousHadLocation, !item.afterAnd, words.count == 1, !hadLocation {
                previousHadLocation = false
                continue
            }
            previousHadLocation = hadLocation
            if var lastWord = words.last, lastWord.hasSuffix("."), lastWord.unicodeScalars.count > 2,
               !["jr.", "sr.", "jnr.", "snr."].contains(lastWord.lowercased()) {
                lastWord.removeLast()
                words[words.count - 1] = lastWord
            }
            if dropOutletNames, isOutletName(words) { continue }
            // Photo credits: "Jane Doe/Reuters", "REUTERS/Jane Doe".
            let joined = words.joined(separator: " ")
            if joined.contains("/") {
                let parts = joined.split(separator: "/").map { $0.split(separator: " ").map(String.init) }
                let people = parts.filter { !$0.isEmpty && !isOutletName($0) && !isShoutedWord($0) }
                guard !people.isEmpty, people.allSatisfy(isPersonName) else { return nil }
                result.append(contentsOf: people.map { $0.joined(separator: " ") })
                continue
            }
            guard isPersonName(words) else { return nil }
            result.append(joined)
        }
        guard !result.isEmpty, result.count <= 20 else { return nil }
        return result
    }

    private struct Item {
        var words: [String]
        var afterAnd: Bool
        var isEmpty: Bool { words.isEmpty }
    }

    /// Splits a name list at `,`, `;`, `&` and the word "and".
    private static func splitItems(_ s: [Unicode.Scalar]) -> [Item] {
        var items: [Item] = []
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var afterAnd = false
        func endWord() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        func endItem(nextAfterAnd: Bool) {
            endWord()
            items.append(Item(words: words, afterAnd: afterAnd))
            words = []
            afterAnd = nextAfterAnd
        }
        for c in s {
            if c.isCreditSpace {
                endWord()
                if words.last == "and" {
                    words.removeLast()
                    endItem(nextAfterAnd: true)
                }
            } else if c == "," || c == ";" || c == "|" {
                endItem(nextAfterAnd: false)
            } else if c == "&" {
                endItem(nextAfterAnd: true)
            } else {
                current.append(c)
            }
        }
        endWord()
        if words.last == "and" { words.removeLast() }
        items.append(Item(words: words, afterAnd: afterAnd))
        return items
    }

    /// Lower-case words that may stand inside a name.
    private static let nameParticles: Set<String> = [
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "des", "di", "du", "la", "le", "van",
        "von", "ter", "ten", "y", "e", "al", "el", "bin", "ibn", "bint", "zu", "af", "av", "dei", "degli",
    ]

    /// Lower-case words allowed after a capitalised word in a collective credit ("Reuters staff").
    private static let collectiveWords: Set<String> = [
        "staff", "bureau", "bureaus", "reporters", "correspondents", "team", "desk", "newsroom", "writers",
        "editors", "staffers",
    ]

    private static func isPersonName(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= 6 else { return false }
        var capitalised = 0
        for (n, word) in words.enumerated() {
            let scalars = Array(word.unicodeScalars)
            guard let first = scalars.first, first.properties.isAlphabetic else { return false }
            for c in scalars where !c.properties.isAlphabetic {
                if c.properties.generalCategory == .nonspacingMark { continue }
                if !".-'’".unicodeScalars.contains(c) { return false }
            }
            if first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
                || !first.properties.isLowercase {
                capitalised += 1
                continue
            }
            let lower = word.lowercased()
            if nameParticles.contains(lower), n < words.count - 1 { continue }
            if n > 0, collectiveWords.contains(lower) { continue }
            // "al-Assad", "d'Alema": a lower-case prefix joined to a capitalised name.
            if let joint = scalars.firstIndex(where: { "-'’".unicodeScalars.contains($0) }),
               joint + 1 < scalars.count, scalars[joint + 1].properties.isUppercase, joint <= 3 {
                capitalised += 1
                continue
            }
            return false
        }
        return capitalised > 0
    }

    /// Outlets and picture agencies that follow or precede names in some credits.
    private static let outlets: Set<String> = [
        "the associated press", "associated press", "the ap", "ap", "reuters", "afp", "getty images", "getty",
        "epa", "epa-efe", "bloomberg", "xinhua", "anadolu", "sipa", "shutterstock", "pool", "ap photo",
        "reuters graphics", "usa today", "cnn", "dpa", "efe", "ansa", "kyodo", "yonhap", "pa", "pa images",
    ]

    /// "USA TODAY", "The Associated Press": outlet credits after names in "Contributing:" lines.
    private static func isOutletName(_ words: [String]) -> Bool {
        let joined = words.joined(separator: " ").lowercased()
        if outlets.contains(joined) { return true }
        guard words.count >= 2 else { return false }
        return words.allSatisfy { word in !word.unicodeScalars.contains { $0.properties.isLowercase } }
    }

    // MARK: - Scalar helpers

    private static func words(_ s: [Unicode.Scalar]) -> [Word] {
        var result: [Word] = []
        var k = 0
        while k < s.count {
            guard s[k].properties.isAlphabetic else { k += 1; continue }
            let a = k
            while k < s.count, s[k].properties.isAlphabetic || s[k].properties.generalCategory == .nonspacingMark {
                k += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[a..<k])
            result.append(Word(range: a..<k, lower: String(view).lowercased()))
        }
        return result
    }

    /// The lower-cased word at the very start of `s`, if `s` starts with a letter.
    private static func firstWord(_ s: [Unicode.Scalar]) -> String? {
        var end = 0
        while end < s.count, end < 16, s[end].properties.isAlphabetic { end += 1 }
        guard end > 0 else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[..<end])
        return String(view).lowercased()
    }

    private static func onlySpaces(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        lo < hi && (lo..<hi).allSatisfy { s[$0].isCreditSpace }
    }

    static func trim(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var a = 0, b = s.count
        while a < b, s[a].isCreditSpace || s[a].isCreditNewline || s[a] == "\u{FEFF}" { a += 1 }
        while b > a, s[b - 1].isCreditSpace || s[b - 1].isCreditNewline { b -= 1 }
        return Array(s[a..<b])
    }

    /// Normalises a candidate line: outer parentheses, leading dashes, trailing dots and known trailers
    /// ("Our Standards: …", "((email…))") are removed.
    static func clean(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var s = trim(input)
        if let cut = find(s, "((") { s = trim(Array(s[..<cut])) }
        if let cut = findCaseInsensitive(s, "our standards") { s = trim(Array(s[..<cut])) }
        while let first = s.first, "(-–—•*".unicodeScalars.contains(first) || first.isCreditSpace {
            s.removeFirst()
        }
        while let last = s.last, ").;,".unicodeScalars.contains(last) || last.isCreditSpace || last.isCreditNewline {
            if last == ".", s.count >= 3, s[s.count - 3].isCreditSpace, s[s.count - 2].properties.isUppercase {
                break // keep an initial's dot: "Reporting by John Q."
            }
            s.removeLast()
        }
        return s
    }

    private static func find(_ s: [Unicode.Scalar], _ needle: String) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard s.count >= n.count else { return nil }
        for k in 0...(s.count - n.count) where s[k] == n[0] {
            if (0..<n.count).allSatisfy({ s[k + $0] == n[$0] }) { return k }
        }
        return nil
    }

    /// ASCII case-insensitive search.
    private static func findCaseInsensitive(_ s: [Unicode.Scalar], _ needle: String) -> Int? {
        let n = Array(needle.lowercased().unicodeScalars)
        guard s.count >= n.count else { return nil }
        func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
            (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
        }
        // The first scalar is compared before the rest: this runs over every short paragraph of every article.
        let first = n[0]
        for k in 0...(s.count - n.count) where fold(s[k]) == first && (1..<n.count).allSatisfy({ fold(s[k + $0]) == n[$0] }) {
            return k
        }
        return nil
    }

    private static func string(_ s: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }
}

extension Unicode.Scalar {
    fileprivate var isCreditSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    fileprivate var isCreditNewline: Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
    }
}
