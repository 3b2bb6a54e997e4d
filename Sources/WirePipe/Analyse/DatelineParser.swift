/// Finds a wire dateline at the very start of an article's first paragraph.
///
/// The shape recognised is
///
///     LOCATION[, QUALIFIER…][, DATE[, YEAR]] [(AGENCY) | /AGENCY/] SEPARATOR text
///
/// for example `WASHINGTON, May 26 (Reuters) – `, `KYIV, Ukraine (AP) — `, `BERLIN, 12. Mai (dpa) - `,
/// `SAN FRANCISCO, March 3, 2023 /PRNewswire/ -- `, `NEW YORK--(BUSINESS WIRE)--` or `MOSCOW — `.
///
/// Rules (all deliberately conservative, since a false dateline would eat story text):
/// - The separator is an en, em, horizontal-bar or figure dash, `--`, or a hyphen with whitespace on
///   both sides. A colon is never a separator (`NEW DELHI: …` is not parsed).
/// - An ALL-CAPS location stands on its own (`MOSCOW — …`). A Title-case location (`Washington`) is
///   accepted only together with an agency or a date, so ordinary sentences are not mistaken for one.
/// - A paragraph may open with the agency alone (`(Reuters) — …`) or the date and agency
///   (`Nov 19 (Reuters) - …`); the location is then empty.
/// - Without a dash, only a well-known agency in parentheses followed by a capitalised word is
///   accepted (CNN style: `Hong Kong (CNN Business) A muddled…`), and a slash agency (`/TASS/. …`).
/// - The location may hold at most 5 words (qualifiers at most 4, and at most 3 qualifiers); words
///   are letters with `. - ' ’ /` inside (`ST. LOUIS`, `WILKES-BARRE`, `WASHINGTON/LONDON`).
/// - Headline labels (`BREAKING`, `EXCLUSIVE`, `UPDATE`, …) and sentence openers (`In`, `After`, …)
///   are never locations.
public struct DatelineParser: Sendable {
    /// Longest prefix, in Unicode scalars, searched for the dateline up to and including its separator.
    let maxPrefixLength: Int

    public init(maxPrefixLength: Int = 120) {
        self.maxPrefixLength = Swift.max(0, maxPrefixLength)
    }

    /// Looks for a wire dateline at the very start of the first paragraph of an article.
    public func parse(_ firstParagraph: String) -> Dateline? {
        let limit = maxPrefixLength
        // Room after the separator for the whitespace and the first letter of the text.
        let window = limit + 16
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(Swift.min(window, 256))
        for scalar in firstParagraph.unicodeScalars {
            if s.count >= window { break }
            s.append(scalar)
        }
        var start = 0
        while start < s.count, s[start].isDatelineSpace || s[start] == "\u{FEFF}" { start += 1 }
        guard start < s.count else { return nil }

        guard let marker = findMarker(s, start: start, limit: limit) else { return nil }

        var agency: String?
        var separatorEnd: Int
        let headEnd: Int
        switch marker {
        case let .dash(at, end):
            headEnd = at
            separatorEnd = end
            // Business Wire style: `NEW YORK--(BUSINESS WIRE)--Text`.
            if end < s.count, s[end] == "(", let close = closing(s, open: end, bound: limit),
               let name = agencyName(s, end + 1, close), let dashEnd = dashEnd(s, at: close + 1) {
                agency = name
                separatorEnd = dashEnd
            }
        case let .paren(open):
            headEnd = open
            guard let close = closing(s, open: open, bound: limit),
                  let name = agencyName(s, open + 1, close) else { return nil }
            agency = name
            var k = close + 1
            if k < s.count, s[k] == "." { k += 1 } // Spanish wires: `(EFE).- `
            var m = k
            while m < s.count, s[m].isDatelineSpace { m += 1 }
            if let end = dashEnd(s, at: m, afterAgency: true) {
                separatorEnd = end
            } else if m < s.count, Self.isKnownAgency(name), s[m].startsStoryText,
                      m > k || s[m].properties.isUppercase {
                separatorEnd = m // CNN style, no dash; "(CNN)Georgia's…" as pages often render it
            } else {
                return nil
            }
        case let .slash(open):
            headEnd = open
            var close = open + 1
            while close < s.count, close - open <= 42, s[close] != "/", !s[close].isNewlineLike { close += 1 }
            guard close < s.count, s[close] == "/", let name = agencyName(s, open + 1, close) else { return nil }
            agency = name
            var k = close + 1
            if k < s.count, s[k] == "." { k += 1 } // TASS: `/TASS/. `
            var m = k
            while m < s.count, s[m].isDatelineSpace { m += 1 }
            if let end = dashEnd(s, at: m, afterAgency: true) {
                separatorEnd = end
            } else if m > close + 1, m < s.count, s[m].startsStoryText {
                separatorEnd = m
            } else {
                return nil
            }
        }
        guard separatorEnd <= limit else { return nil }

        guard let head = parseHead(s, start, headEnd) else { return nil }
        switch head.kind {
        case .none:
            guard agency != nil else { return nil }
        case .title:
            guard agency != nil || head.date != nil else { return nil }
        case .caps:
            break
        }

        var end = separatorEnd
        while end < s.count, s[end].isDatelineSpace { end += 1 }
        // Some story text must follow the dateline.
        guard end < s.count else { return nil }

        return Dateline(
            location: head.location.map { text(s, $0.lowerBound, $0.upperBound) } ?? "",
            date: head.date.map { text(s, $0.lowerBound, $0.upperBound) },
            agency: agency,
            length: end
        )
    }

    // MARK: - Marker search

    private enum Marker {
        case dash(Int, Int) // first scalar of the dash, index after it
        case paren(Int)     // the "(" opening the agency
        case slash(Int)     // the "/" opening a slash agency (`/PRNewswire/`)
    }

    /// Scans the head (location and date) for the first agency opener or dash; nil when a character
    /// that cannot belong to a dateline comes first.
    private func findMarker(_ s: [Unicode.Scalar], start: Int, limit: Int) -> Marker? {
        var j = start
        while j < s.count, j < limit {
            let c = s[j]
            switch c {
            case "(":
                return .paren(j)
            case "/":
                // ` /PRNewswire/`; a slash inside `WASHINGTON/LONDON` or `26/05/2022` is part of the head.
                if j > start, s[j - 1].isDatelineSpace, j + 1 < s.count, s[j + 1].properties.isAlphabetic {
                    return .slash(j)
                }
            case "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}":
                return .dash(j, j + 1)
            case "-":
                if j + 1 < s.count, s[j + 1] == "-" {
                    var e = j
                    while e < s.count, s[e] == "-" { e += 1 }
                    return .dash(j, e)
                }
                if j > start, s[j - 1].isDatelineSpace, j + 1 >= s.count || s[j + 1].isDatelineSpace {
                    return .dash(j, j + 1)
                }
            case "'", "\u{2019}":
                // An apostrophe inside a word (`COEUR D'ALENE`), never a quotation mark.
                guard j > start, s[j - 1].properties.isAlphabetic else { return nil }
            case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{2018}", "\u{00AB}", "\u{00BB}", "\u{2039}",
                 "\u{203A}", "\u{300C}", ":", ";", "!", "?", "[", "]", "{", "}", "|", "\n", "\r",
                 "\u{2028}", "\u{2029}", "\u{2026}", "*", "#", "@", "+", "=", "<", ">":
                return nil
            default:
                break
            }
            j += 1
        }
        return nil
    }

    /// Index after a dash separator starting at `m` (after any whitespace), or nil. After an agency a
    /// single hyphen may touch the text (`(Reuters) -The …`); elsewhere it needs whitespace after it.
    private func dashEnd(_ s: [Unicode.Scalar], at m: Int, afterAgency: Bool = false) -> Int? {
        guard m < s.count else { return nil }
        switch s[m] {
        case "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}":
            return m + 1
        case "-":
            var e = m
            while e < s.count, s[e] == "-" { e += 1 }
            if e - m >= 2 { return e }
            if e >= s.count || s[e].isDatelineSpace { return e }
            return afterAgency && s[e].startsStoryText ? e : nil
        default:
            return nil
        }
    }

    /// Index of the ")" closing the "(" at `open`, within a short span.
    private func closing(_ s: [Unicode.Scalar], open: Int, bound: Int) -> Int? {
        var k = open + 1
        while k < s.count, k <= bound, k - open <= 42 {
            switch s[k] {
            case ")": return k
            case "(", "\n", "\r": return nil
            default: k += 1
            }
        }
        return nil
    }

    // MARK: - Agency

    /// Lower-cased names accepted as an agency even without a following dash.
    private static let knownAgencies: Set<String> = [
        "cnn", "cnn business", "cnn money", "cnn politics", "cnn español", "cnn brasil", "cnn philippines",
        "cnn indonesia", "reuters", "ap", "afp", "dpa", "xinhua", "upi", "efe", "ansa", "ians", "pti", "ani",
        "aap", "cp", "tass", "kyodo", "yonhap", "bernama", "pa", "apa", "sda", "anadolu", "bloomberg",
    ]

    /// Parenthesised words that are not agencies.
    private static let notAgencies: Set<String> = [
        "updated", "update", "updates", "video", "videos", "photo", "photos", "file", "audio", "live",
        "opinion", "analysis", "corrected", "correction", "sponsored", "advertisement", "ad", "pictured",
        "left", "right", "above", "below", "center", "centre", "top", "bottom", "watch", "listen", "map",
    ]

    static func isKnownAgency(_ name: String) -> Bool {
        knownAgencies.contains(name.lowercased())
    }

    /// The agency name in `s[lo..<hi]`, trimmed, or nil when it does not look like one: 1-5 words of
    /// at most 40 scalars, capitalised unless a single word (`dpa`, `dpa/lno`), no sentence punctuation.
    private func agencyName(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> String? {
        var a = lo, b = hi
        while a < b, s[a].isDatelineSpace { a += 1 }
        while b > a, s[b - 1].isDatelineSpace { b -= 1 }
        guard b > a, b - a <= 40 else { return nil }
        var letters = 0
        var words = 1
        var atWordStart = true
        for k in a..<b {
            let c = s[k]
            if c.isDatelineSpace {
                if !atWordStart { words += 1 }
                atWordStart = true
                continue
            }
            if c.properties.isAlphabetic {
                letters += 1
            } else if c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark {
                // digits and marks are fine
            } else if !"-./&'’!+".unicodeScalars.contains(c) {
                return nil
            }
            if atWordStart, words > 1 {
                // In a multi-word agency every word is capitalised: "CNN Business", "GLOBE NEWSWIRE".
                let ok = c.properties.isUppercase || c.properties.numericType != nil || c == "&" || c == "-"
                if !ok { return nil }
            }
            atWordStart = false
        }
        guard words <= 5, letters >= 2 else { return nil }
        if words > 1, !s[a].properties.isUppercase, s[a].properties.numericType == nil { return nil }
        // Party labels after a politician's name: (R), (D-Minn.), (R-Texas).
        if b - a >= 2, "RDI".unicodeScalars.contains(s[a]), s[a + 1] == "-" { return nil }
        let name = text(s, a, b)
        if Self.notAgencies.contains(name.lowercased()) { return nil }
        return name
    }

    // MARK: - Head: location and date

    private enum HeadKind { case none, caps, title }

    private struct Head {
        var kind: HeadKind
        var location: Range<Int>?
        var date: Range<Int>?
    }

    /// Splits `s[lo..<hi]` at commas into location, qualifiers and date.
    private func parseHead(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Head? {
        var segments: [Range<Int>] = []
        var segStart = lo
        var k = lo
        while k <= hi {
            if k == hi || s[k] == "," {
                var a = segStart, b = k
                while a < b, s[a].isDatelineSpace { a += 1 }
                while b > a, s[b - 1].isDatelineSpace { b -= 1 }
                segments.append(a..<b)
                segStart = k + 1
            }
            k += 1
        }
        if segments.count == 1, segments[0].isEmpty {
            return Head(kind: .none, location: nil, date: nil) // `(Reuters) - …`
        }
        guard segments.count <= 6, !segments.contains(where: \.isEmpty) else { return nil }

        var head = Head(kind: .none, location: nil, date: nil)
        var index = 0
        if !isDateLike(s, segments[0]) {
            guard let kind = locationKind(s, segments[0], main: true) else { return nil }
            head.kind = kind
            head.location = segments[0]
            index = 1
            var qualifiers = 0
            while index < segments.count, !isDateLike(s, segments[index]) {
                qualifiers += 1
                guard qualifiers <= 3, locationKind(s, segments[index], main: false) != nil else { return nil }
                head.location = segments[0].lowerBound..<segments[index].upperBound
                index += 1
            }
        }
        if index < segments.count {
            let first = segments[index]
            var last = first
            for next in segments[(index + 1)...] {
                guard isDateLike(s, next) || isYearLike(s, next) else { return nil }
                last = next
            }
            var end = last.upperBound
            // "26 мая." — drop a sentence dot, but keep the dot of an abbreviation ("5 Jan.").
            if s[end - 1] == ".", !endsWithMonthAbbreviation(s, first.lowerBound, end - 1) { end -= 1 }
            head.date = first.lowerBound..<end
        }
        return head
    }

    /// Words that open sentences or label headlines, never a location's first word.
    private static let notLocationStarts: Set<String> = [
        "in", "on", "at", "a", "an", "as", "but", "and", "or", "if", "when", "while", "after", "before",
        "for", "from", "with", "by", "of", "to", "this", "that", "these", "those", "it", "he", "she",
        "they", "we", "i", "you", "our", "his", "her", "their", "its", "there", "here", "last", "next",
        "earlier", "later", "since", "until", "despite", "during", "according", "meanwhile", "however",
        "also", "yet", "so", "then", "now", "today", "yesterday", "tomorrow", "tonight", "what", "why",
        "how", "who", "where", "some", "many", "most", "all", "one", "two", "three", "not", "no",
        "breaking", "update", "updated", "updates", "exclusive", "analysis", "opinion", "editorial",
        "commentary", "factbox", "explainer", "refile", "corrected", "correction", "insight", "watch",
        "live", "video", "photos", "photo", "note", "editor", "editors", "advisory", "urgent", "flash",
        "bulletin", "news", "review", "interview", "feature", "sponsored", "advertisement", "developing",
        "warning", "spoiler", "spoilers", "preview", "recap", "poll", "quiz", "obituary", "notice",
        "disclaimer", "exclusives", "column", "letters", "letter", "podcast", "listen", "read", "more",
        "see", "click", "subscribe", "sign", "join", "follow", "share", "related", "top", "latest",
        "file", "caption", "graphic", "image", "images", "credit", "source", "sources", "reuters", "ap",
        "afp", "bloomberg", "cnn", "upi", "dpa", "xinhua", "tass",
    ]

    /// Lower-case words allowed between capitalised words of a place name ("Rio de Janeiro").
    private static let particles: Set<String> = [
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "des", "di", "du", "el", "la", "le",
        "les", "van", "von", "y", "al", "am", "an", "upon", "on", "of", "sur", "en", "op", "aan", "bin",
        "ibn", "zu", "im", "bei", "sul", "sous", "lès", "au", "aux", "ob", "pod", "nad",
    ]

    /// Classifies a location segment as ALL CAPS or Title case, or nil when it is neither.
    private func locationKind(_ s: [Unicode.Scalar], _ seg: Range<Int>, main: Bool) -> HeadKind? {
        guard seg.count <= 50 else { return nil }
        let words = splitWords(s, seg)
        guard !words.isEmpty, words.count <= (main ? 5 : 4) else { return nil }
        var allCaps = true
        var allTitle = true
        var letters = 0
        for (n, w) in words.enumerated() {
            guard s[w.lowerBound].properties.isAlphabetic else { return nil }
            var hasLower = false
            for k in w {
                let c = s[k]
                if c.properties.isAlphabetic {
                    letters += 1
                    if c.properties.isLowercase { hasLower = true }
                } else if c.properties.generalCategory == .nonspacingMark {
                    continue
                } else if !".-'’/".unicodeScalars.contains(c) {
                    return nil
                }
            }
            let lower = text(s, w.lowerBound, w.upperBound).lowercased()
            if n == 0, main, Self.notLocationStarts.contains(lower) { return nil }
            let isParticle = n > 0 && n < words.count - 1 && Self.particles.contains(lower)
            let first = s[w.lowerBound]
            let titleWord = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
            var capsWord = !hasLower
            if !capsWord, w.count > 3, first == "M", s[w.lowerBound + 1] == "c" {
                // McALLEN
                capsWord = !(w.lowerBound + 2..<w.upperBound).contains { s[$0].properties.isLowercase }
            }
            if !capsWord, !isParticle { allCaps = false }
            if !titleWord, !isParticle { allTitle = false }
        }
        guard letters >= 2 else { return nil }
        if allCaps { return .caps }
        if allTitle { return .title }
        return nil
    }

    private static let months: Set<String> = [
        // English
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
        // German
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        // French
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
        // Spanish
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "setiembre", "octubre", "noviembre", "diciembre",
        // Italian
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        // Portuguese
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
        "dezembro",
        // Dutch
        "januari", "februari", "maart", "mei", "augustus",
        // Russian and Ukrainian (genitive, as used in dates)
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря", "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
        "вересня", "жовтня", "листопада", "грудня",
    ]

    private static let monthAbbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "févr",
        "fév", "avr", "juil", "déc", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "ott", "set",
        "okt", "dez", "mär", "mrz", "fev", "out", "mrt",
    ]

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    ]

    private static let dateConnectors: Set<String> = ["de", "del", "of", "the", "le"]

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "º", "ª"]

    /// True for "May 26", "Jan. 5", "12. Mai", "26 de mayo", "Tuesday", "26.05.2022".
    private func isDateLike(_ s: [Unicode.Scalar], _ seg: Range<Int>) -> Bool {
        guard seg.count <= 32 else { return false }
        let words = splitWords(s, seg)
        guard !words.isEmpty, words.count <= 5 else { return false }
        var month = false, number = false, weekday = false, numericDate = false
        for w in words {
            var b = w.upperBound
            while b > w.lowerBound, s[b - 1] == "." { b -= 1 }
            guard b > w.lowerBound else { return false }
            let token = text(s, w.lowerBound, b).lowercased()
            let digitCount = token.unicodeScalars.prefix { $0.properties.numericType == .decimal }.count
            if digitCount > 0 {
                let rest = String(token.unicodeScalars.dropFirst(digitCount))
                if rest.isEmpty {
                    guard digitCount <= 4 else { return false }
                    number = true
                } else if Self.ordinalSuffixes.contains(rest), digitCount <= 2 {
                    number = true
                } else if rest.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal || "/.-".unicodeScalars.contains($0) }),
                          rest.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) {
                    numericDate = true
                } else {
                    return false
                }
            } else if Self.months.contains(token) || Self.monthAbbreviations.contains(token) {
                month = true
            } else if Self.weekdays.contains(token) {
                weekday = true
            } else if !Self.dateConnectors.contains(token) {
                return false
            }
        }
        return (month && number) || weekday || numericDate
    }

    /// A bare year after a date ("March 3, 2023").
    private func isYearLike(_ s: [Unicode.Scalar], _ seg: Range<Int>) -> Bool {
        var b = seg.upperBound
        if b > seg.lowerBound, s[b - 1] == "." { b -= 1 }
        let n = b - seg.lowerBound
        return (2...4).contains(n) && (seg.lowerBound..<b).allSatisfy { s[$0].properties.numericType == .decimal }
    }

    private func endsWithMonthAbbreviation(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        var a = hi
        while a > lo, s[a - 1].properties.isAlphabetic { a -= 1 }
        guard a < hi else { return false }
        return Self.monthAbbreviations.contains(text(s, a, hi).lowercased())
    }

    // MARK: - Small helpers

    private func splitWords(_ s: [Unicode.Scalar], _ seg: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var k = seg.lowerBound
        while k < seg.upperBound {
            while k < seg.upperBound, s[k].isDatelineSpace { k += 1 }
            let a = k
            while k < seg.upperBound, !s[k].isDatelineSpace { k += 1 }
            if k > a { words.append(a..<k) }
        }
        return words
    }

    private func text(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[lo..<hi])
        return String(view)
    }
}

extension Unicode.Scalar {
    /// Horizontal whitespace (including no-break and thin spaces); line breaks are handled apart.
    fileprivate var isDatelineSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    fileprivate var isNewlineLike: Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
    }

    /// First scalar of story text after a dash-less dateline: a capital, a digit or an opening quote.
    fileprivate var startsStoryText: Bool {
        properties.isUppercase || properties.numericType == .decimal
            || "\"“‘«„'".unicodeScalars.contains(self)
    }
}
