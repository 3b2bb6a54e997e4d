import Foundation

/// The reports of past runs, one file each under `<output>/runs/`, named so that names sort by time;
/// only the newest `keep` are kept.
public struct RunHistory: Sendable {
    public let folder: URL

    public init(layout: OutputLayout) {
        folder = layout.runs
    }

    /// Stores a report and removes the oldest beyond `keep`.
    public func add(_ report: Data, started: Date, keep: Int) throws {
        // The pid keeps two runs started within the same millisecond apart.
        let name = "\(UTCTime.compactTimestamp(started))-\(getpid()).json"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicWriter.write(report, to: folder.appendingPathComponent(name))
        let names = reportNames()
        for old in names.dropLast(keep) {
            unlink(folder.appendingPathComponent(old).path)
        }
    }

    /// The kept reports, oldest first; files that do not decode are skipped.
    public func reports() -> [RunReport] {
        let decoder = JSONDecoder()
        return reportNames().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return try? decoder.decode(RunReport.self, from: data)
        }
    }

    private func reportNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }
}
