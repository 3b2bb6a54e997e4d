import Foundation
import Testing
@testable import WirePipe

@Suite struct RunHistoryTests {
    @Test func keepsTheNewestReportsOnly() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = RunHistory(layout: OutputLayout(root: folder))
        let encoder = JSONEncoder()
        for seconds in 1...5 {
            let report = RunReport(
                started: "2026-01-0\(seconds)T00:00:00Z", finished: "", seconds: Double(seconds), input: "", output: "", jobs: 1,
                startStage: .fetch, htmlParsed: 0, stages: [:])
            try history.add(encoder.encode(report), started: Date(timeIntervalSince1970: Double(seconds)), keep: 3)
        }
        #expect(history.reports().map(\.seconds) == [3, 4, 5])
    }
}
