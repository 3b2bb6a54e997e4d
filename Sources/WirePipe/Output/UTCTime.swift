import Foundation

/// Dates as ISO text in UTC, from the C library. ISO8601DateFormatter cost more per call than reading a
/// page's manifest row; these run for every run report and once per process for the future-date limit.
enum UTCTime {
    /// `2026-11-26T05:00:46Z`, as ISO8601DateFormatter writes it with `.withInternetDateTime`.
    static func timestamp(_ date: Date) -> String {
        let parts = fields(date)
        return "\(day(parts))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
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
