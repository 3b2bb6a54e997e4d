import Foundation

/// Dates as ISO text in UTC, from the C library. ISO8601DateFormatter cost more per call than reading a
/// page's manifest row; these run for every run report and once per process for the future-date limit.
/// Foundation's formatters also load ICU's data: at the end of a run that was the largest step in the
/// resident set.
enum UTCTime {
    /// `2026-11-26T05:00:46Z`, as ISO8601DateFormatter writes it with `.withInternetDateTime`.
    static func timestamp(_ date: Date) -> String {
        let parts = fields(date)
        return "\(day(parts))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `20261126T050046.123Z`, to the millisecond: a file name that sorts by time.
    static func compactTimestamp(_ date: Date) -> String {
        // To the nearest millisecond: a `Date` holds its seconds since 2001, and the few ulps lost converting
        // must not turn .999 into .998 (DateFormatter, which named these files before, writes .999).
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (whole, fraction) = total.quotientAndRemainder(dividingBy: 1000)
        let parts = fields(Date(timeIntervalSince1970: Double(fraction < 0 ? whole - 1 : whole)))
        let milliseconds = Int32(fraction < 0 ? fraction + 1000 : fraction)
        let day = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))"
        let millis = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return "\(day)T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec)).\(millis)Z"
    }

    /// `2026-11-26`.
    static func day(_ date: Date) -> String {
        day(fields(date))
    }

    private static func fields(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return parts
    }

    private static func day(_ parts: tm) -> String {
        "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    private static func two(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
