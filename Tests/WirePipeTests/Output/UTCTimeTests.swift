import Foundation
import Testing
@testable import WirePipe

/// `UTCTime` writes what Foundation's formatters wrote before it replaced them.
@Suite struct UTCTimeTests {
    static let instants: [Double] = [0, 0.0004, 59.999, 951_782_400.25, 1_653_566_400.5, 1_795_000_000.123, 4_102_444_799.9]

    @Test(arguments: instants) func timestampMatchesISO8601DateFormatter(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(UTCTime.timestamp(date) == ISO8601DateFormatter().string(from: date))
        #expect(UTCTime.day(date) == String(ISO8601DateFormatter().string(from: date).prefix(10)))
    }

    @Test(arguments: instants) func compactTimestampMatchesDateFormatter(seconds: Double) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        let date = Date(timeIntervalSince1970: seconds)
        #expect(UTCTime.compactTimestamp(date) == formatter.string(from: date))
    }
}
