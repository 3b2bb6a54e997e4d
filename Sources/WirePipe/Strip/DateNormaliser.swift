import Foundation

/// Turns the date formats that pages use into ISO 8601: `2022-05-26`, or `2022-05-26T18:42:07+00:00` when a
/// time and offset are given. Hand-written scanning: no locale-dependent date formatters.
public enum DateNormaliser {
    /// Month names and their common abbreviations in en, de, fr, es, it, pt, nl and ru (nominative and the
    /// genitive that Russian dates use), and Arabic (the names used in Egypt and the Gulf, and the
    /// one-word Levantine ones), lowercased. Data, not rules: a name only counts next to a day
    /// number and with a year (`written`). Abbreviations that are ordinary words in another of these
    /// languages ("set", "out", "ago") are left out; their full names are here.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "januar", "jän", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari",
             "январь", "января", "янв", "يناير"],
            ["feb", "february", "februar", "février", "fevrier", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev", "februari",
             "февраль", "февраля", "фев", "فبراير", "شباط"],
            ["mar", "march", "märz", "maerz", "mars", "marzo", "março", "maart", "mrt", "март", "марта", "мар", "مارس", "آذار"],
            ["apr", "april", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр", "أبريل", "ابريل", "إبريل", "نيسان"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая", "مايو", "أيار"],
            ["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн", "يونيو", "يونيه", "حزيران"],
            ["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июль", "июля", "июл", "يوليو", "يوليه", "تموز"],
            ["aug", "august", "août", "aout", "agosto", "augustus", "август", "августа", "авг", "أغسطس", "آب"],
            ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "сентябрь", "сентября", "сен", "сент", "سبتمبر", "أيلول"],
            ["oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "октябрь", "октября", "окт", "أكتوبر"],
            ["nov", "november", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя", "نوفمبر"],
            ["dec", "december", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro",
             "декабрь", "декабря", "дек", "ديسمبر"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()
    /// Words that stand between a day and its month ("17 de febrero de 2023", "1er mars").
    static let dayMonthLinks: Set<String> = ["de", "del", "di", "of", "le"]
    static let plausibleYears = 1990...2100

    /// `dayFirst`: how to read a numeric date whose day and month could be either (`05/10/2022`): true for
    /// day first (most of the world), false for month first (the United States), nil to give no date
    /// rather than guess. Dates with dots (`26.05.2022`) are always day first; a first number above 12 is
    /// always a day and a second one above 12 always makes it month first.
    public static func iso(_ raw: String, dayFirst: Bool? = nil) -> String? {
        let text = trimmed(raw)
        guard !text.isEmpty else { return nil }
        if let value = isoLike(text) { return value }
        if let value = compactDigits(text) { return value }
        if let value = yearMonthDayMarks(text) { return value }
        if let value = numericDayMonth(text, dayFirst: dayFirst) { return value }
        return written(text)
    }

    /// The first date written anywhere in a short text ("Von Katrin Hoffmann · 26.05.2022, 09:30 Uhr",
    /// "Par Claire Dubois, le 14 mars 2023"): numeric forms from each word start, else a written month.
    public static func find(in text: String, dayFirst: Bool?) -> String? {
        var previousIsWordCharacter = false
        for index in text.indices {
            let c = text[index]
            let isWordCharacter = c.isLetter || c.isNumber
            if c.isNumber && !previousIsWordCharacter {
                let rest = String(text[index...])
                if let value = isoLike(rest) ?? yearMonthDayMarks(rest) ?? numericDayMonth(rest, dayFirst: dayFirst) { return value }
            }
            previousIsWordCharacter = isWordCharacter
        }
        return written(text)
    }

    /// `2023年5月18日` (Chinese, Japanese) and `2023년 5월 18일` (Korean): year, month and day each followed by
    /// its mark.
    static func yearMonthDayMarks(_ text: String) -> String? {
        // The first mark must be a year's: text without one has no such date (its bytes are checked first,
        // as the scalar properties cost some 5,000 instructions a text).
        guard containsBytes(text, Self.yearMarks) else { return nil }
        var numbers: [Int] = []
        var current: Int?
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue {
                current = (current ?? 0) * 10 + Int(digit)
                continue
            }
            if scalar == " " && current == nil { continue }
            let mark: Int? = switch scalar {
            case "年", "년": 0
            case "月", "월": 1
            case "日", "일": 2
            default: nil
            }
            if let mark, let value = current, mark == numbers.count {
                numbers.append(value)
                current = nil
                if numbers.count == 3 { break }
                continue
            }
            // Past the first mark, anything else ends the date.
            if !numbers.isEmpty { break }
            current = nil
        }
        guard numbers.count == 3, valid(numbers[0], numbers[1], numbers[2]) else { return nil }
        return isoDay(numbers[0], numbers[1], numbers[2])
    }

    /// `26.05.2022`, `26/05/2022`, `26-05-2022`, `5/26/2022` at the start of the text (a time may follow).
    static func numericDayMonth(_ text: String, dayFirst: Bool?) -> String? {
        let s = Array(text.utf8)
        var parts: [Int] = [], lengths: [Int] = []
        var separator: UInt8?
        var i = 0
        while i < s.count && parts.count < 3 {
            var value = 0, length = 0
            while i < s.count, s[i] >= 48 && s[i] <= 57, length < 5 {
                value = value * 10 + Int(s[i] - 48)
                length += 1
                i += 1
            }
            guard length > 0 else { return nil }
            parts.append(value)
            lengths.append(length)
            if parts.count == 3 { break }
            guard i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: "/") || s[i] == UInt8(ascii: "-") else { return nil }
            if let separator, separator != s[i] { return nil }
            separator = s[i]
            i += 1
        }
        // Nothing but a time or a space may follow: "26.05.2022, 09:30 Uhr", not "26.05.2022.3".
        if i < s.count, s[i] >= 48 && s[i] <= 57 { return nil }
        guard parts.count == 3, lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 || lengths[2] == 2, let separator else { return nil }
        let year = lengths[2] == 4 ? parts[2] : 2000 + parts[2]
        let (a, b) = (parts[0], parts[1])
        let dayComesFirst: Bool
        if separator == UInt8(ascii: ".") || a > 12 { dayComesFirst = true }
        else if b > 12 { dayComesFirst = false }
        else if a == b { dayComesFirst = true }
        else if let dayFirst { dayComesFirst = dayFirst }
        else { return nil }
        let (day, month) = dayComesFirst ? (a, b) : (b, a)
        guard valid(year, month, day) else { return nil }
        return isoDay(year, month, day)
    }

    /// `2022-05-26`, `2022-05-26T18:42:07Z`, `2022-05-26 18:42:07.123+0000`, `2022/05/26`.
    static func isoLike(_ text: String) -> String? {
        let s = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                guard s[i] >= 48 && s[i] <= 57 else { return nil }
                value = value * 10 + Int(s[i] - 48)
            }
            return value
        }
        guard let year = digits(0, 4), s.count >= 10, s[4] == s[7], s[4] == UInt8(ascii: "-") || s[4] == UInt8(ascii: "/"),
              let month = digits(5, 2), let day = digits(8, 2), valid(year, month, day)
        else { return nil }
        let date = isoDay(year, month, day)
        guard s.count >= 16, s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "),
              let hour = digits(11, 2), s[13] == UInt8(ascii: ":"), let minute = digits(14, 2), hour < 24, minute < 60
        else { return date }
        var i = 16
        var second = 0
        if i + 2 < s.count + 1, i < s.count, s[i] == UInt8(ascii: ":"), let sec = digits(i + 1, 2) {
            second = sec
            i += 3
        }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 }
        }
        let time = date + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second)
        guard i < s.count else { return date }  // no offset: the local time of an unknown zone, keep the date
        if s[i] == UInt8(ascii: "Z") { return time + "+00:00" }
        if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let oh = digits(i + 1, 2) {
            var j = i + 3
            if j < s.count, s[j] == UInt8(ascii: ":") { j += 1 }
            let om = digits(j, 2) ?? 0
            return time + (s[i] == UInt8(ascii: "+") ? "+" : "-") + twoDigits(oh) + ":" + twoDigits(om)
        }
        return date
    }

    /// `20220526` and `20220526T184207Z`-like stamps.
    static func compactDigits(_ text: String) -> String? {
        guard let first = text.utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)), valid(year, month, day)
        else { return nil }
        return isoDay(year, month, day)
    }

    /// `May 26, 2022`, `26 May 2022`, `Thu, 26 May 2022 18:42:07 GMT`, `Thu May 26, 2022 2:42pm EDT`, and the
    /// same in other languages: `26. Mai 2022`, `1er mars 2023`, `17 de febrero de 2023`, `15 июня 2023`.
    static func written(_ text: String) -> String? {
        // A date needs a year: a word of four characters that `Int` reads as 1990...2100, so four ASCII digits
        // in a row. Text without them (most bylines and names) skips the lowercasing and Character split.
        guard hasFourASCIIDigits(text) else { return nil }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        // Every month word is tried: a name can look like one ("Di Marco Bianchi | 3 aprile 2023").
        for (monthIndex, word) in words.enumerated() {
            guard let month = months[word] else { continue }
            var day: Int?
            var year: Int?
            for (offset, word) in words.enumerated() {
                if year == nil, word.count == 4, let number = Int(word), plausibleYears.contains(number) {
                    year = number
                } else if day == nil, let number = dayNumber(word), (1...31).contains(number) {
                    let distance = offset - monthIndex
                    let linked = distance == -2 && dayMonthLinks.contains(words[monthIndex - 1])
                    if abs(distance) == 1 || linked { day = number }
                }
            }
            if let day, let year, valid(year, month, day) { return isoDay(year, month, day) }
        }
        return nil
    }

    /// A day of the month: one or two digits, with an ordinal ending (`1st`, `2nd`, `1er`, `1º`) allowed.
    static func dayNumber(_ word: String) -> Int? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
        let rest = word.dropFirst(digits.count)
        guard rest.isEmpty || ["st", "nd", "rd", "th", "er", "e", "o", "º", "ª"].contains(String(rest)) else { return nil }
        return value
    }

    /// `raw.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation (some 10,000 instructions)
    /// when neither end can be trimmed: an ASCII byte other than tab, line feeds and space is in neither set.
    static func trimmed(_ raw: String) -> String {
        func kept(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) }
        if let first = raw.utf8.first, let last = raw.utf8.last, kept(first), kept(last) { return raw }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The UTF-8 of 年 and 년, the year marks.
    static let yearMarks: [[UInt8]] = [Array("年".utf8), Array("년".utf8)]

    static func containsBytes(_ text: String, _ needles: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            needles.contains { needle in
                guard bytes.count >= needle.count else { return false }
                for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                    if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
                }
                return false
            }
        }
    }

    static func hasFourASCIIDigits(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// `String(format: "%04d-%02d-%02d", year, month, day)` for a date that passed `valid` (a four-digit
    /// year, month and day below 100), written by hand: Foundation's formatting cost some 20,000
    /// instructions a date, and metadata extraction tries several dates a page.
    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `String(format: "%02d", value)` for 0...99.
    static func twoDigits(_ value: Int) -> String {
        var bytes: [UInt8] = []
        appendDigits(value, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The decimal digits of a non-negative `value`, zero-padded to at least `width` digits (as `%0<width>d`).
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0)
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: digits.reversed())
    }

    static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        plausibleYears.contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// A date in a URL path: `/2022/05/26/`.
    public static func fromURL(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        for i in 0..<max(0, parts.count - 2) {
            if parts[i].count == 4, let year = Int(parts[i]), let month = Int(parts[i + 1]), parts[i + 1].count == 2,
               let day = Int(parts[i + 2].prefix(2)), parts[i + 2].prefix(2).allSatisfy(\.isNumber), valid(year, month, day) {
                return isoDay(year, month, day)
            }
        }
        return nil
    }
}
