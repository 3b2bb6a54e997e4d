import Foundation

/// Turns the date formats that pages use into ISO 8601: `2022-05-26`, or `2022-05-26T18:42:07+00:00` when a
/// time and offset are given. Hand-written scanning: no locale-dependent date formatters.
public enum DateNormaliser {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9,
        "october": 10, "november": 11, "december": 12,
    ]
    static let plausibleYears = 1990...2100

    public static func iso(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let value = isoLike(text) { return value }
        if let value = compactDigits(text) { return value }
        return written(text)
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
        let date = String(format: "%04d-%02d-%02d", year, month, day)
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
        let time = date + String(format: "T%02d:%02d:%02d", hour, minute, second)
        guard i < s.count else { return date }  // no offset: the local time of an unknown zone, keep the date
        if s[i] == UInt8(ascii: "Z") { return time + "+00:00" }
        if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let oh = digits(i + 1, 2) {
            var j = i + 3
            if j < s.count, s[j] == UInt8(ascii: ":") { j += 1 }
            let om = digits(j, 2) ?? 0
            return time + (s[i] == UInt8(ascii: "+") ? "+" : "-") + String(format: "%02d:%02d", oh, om)
        }
        return date
    }

    /// `20220526` and `20220526T184207Z`-like stamps.
    static func compactDigits(_ text: String) -> String? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)), valid(year, month, day)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `May 26, 2022`, `26 May 2022`, `Thu, 26 May 2022 18:42:07 GMT`, `Thu May 26, 2022 2:42pm EDT`.
    static func written(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let monthIndex = words.firstIndex(where: { months[$0] != nil }), let month = months[words[monthIndex]] else { return nil }
        var day: Int?
        var year: Int?
        for (offset, word) in words.enumerated() {
            guard let number = Int(word) else { continue }
            if year == nil, word.count == 4, plausibleYears.contains(number) {
                year = number
            } else if day == nil, word.count <= 2, (1...31).contains(number), abs(offset - monthIndex) == 1 {
                day = number
            }
        }
        guard let day, let year, valid(year, month, day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
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
                return String(format: "%04d-%02d-%02d", year, month, day)
            }
        }
        return nil
    }
}
