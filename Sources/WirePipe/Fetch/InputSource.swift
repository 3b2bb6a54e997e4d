import Foundation
import Logging

/// What kind of thing an input is: a folder of saved pages, a WARC file, or a text file of URLs.
public enum InputKind: String, Codable, Sendable {
    case folder, warc, urls
}

/// One input of a run (`input` in pipeline.json, `--input` on the command line), classified by what it is
/// on disk: a folder; a file named `.warc` or `.warc.gz`; a file named `.txt` (one URL a line).
public struct InputSource: Sendable, Equatable {
    public var kind: InputKind
    public var url: URL

    public init(kind: InputKind, url: URL) {
        self.kind = kind
        self.url = url
    }

    public static func classify(_ url: URL) throws(InputError) -> InputSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputError(message: "input \(url.path) does not exist")
        }
        if isDirectory.boolValue { return InputSource(kind: .folder, url: url) }
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".warc") || name.hasSuffix(".warc.gz") { return InputSource(kind: .warc, url: url) }
        if name.hasSuffix(".txt") { return InputSource(kind: .urls, url: url) }
        throw InputError(message: "input \(url.path) is neither a folder, a .warc/.warc.gz file nor a .txt list of URLs")
    }
}

/// What one input gave in a run, in the run report: pages, skipped records and what went wrong with the
/// input as a whole (a truncated WARC, for example; the pages read before the damage are kept).
public struct InputSummary: Codable, Sendable, Equatable {
    public var path: String
    public var kind: InputKind
    /// Pages this input gave (failed records and URLs included: they are listed in `failures`).
    public var pages = 0
    /// A WARC file unchanged since the last run (size and modification time): its records were taken from
    /// the last reading, the file was not read again.
    public var reused = false
    /// WARC records read (all types).
    public var records: Int?
    /// Records or URLs left out, by reason: not_response, not_http, not_html, status_<code>, duplicate…
    public var skipped: [String: Int] = [:]
    /// URL lists: pages downloaded (200), pages unchanged on the server (304), URLs that failed.
    public var downloaded: Int?
    public var notModified: Int?
    public var failed: Int?
    /// Problems with the input as a whole.
    public var errors: [String] = []

    public init(path: String, kind: InputKind) {
        self.path = path
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case path, kind, pages, reused, records, skipped, downloaded, failed, errors
        case notModified = "not_modified"
    }
}

/// Gathers the pages of every input: a folder is walked; a WARC file is read record by record and a URL
/// list is fetched, their pages stored under `<output>/fetched/`, so that the planner and the stages treat
/// them like files. Paths already given by an earlier input are left out (counted as `duplicate`).
struct InputCollector {
    let settings: FetchSettings
    let layout: OutputLayout
    /// False for a dry run: nothing is fetched or written; stored pages and indexes are used as they are.
    let writes: Bool
    let logger: Logger
    /// Stops the fetching of URL lists early (SIGINT/SIGTERM).
    var stop: StopFlag? = nil

    func collect(_ inputs: [URL]) throws(InputError) -> (locations: [PageLocation], summaries: [InputSummary]) {
        let sources = try inputs.map { (url) throws(InputError) in try InputSource.classify(url) }
        var locations: [PageLocation] = []
        var summaries: [InputSummary] = []
        var seen: Set<String> = []
        for source in sources {
            var found: [PageLocation]
            var summary: InputSummary
            switch source.kind {
            case .folder:
                do {
                    found = try InputWalker(settings: settings).pages(under: source.url)
                } catch {
                    throw InputError(message: "\(error)")
                }
                summary = InputSummary(path: source.url.path, kind: .folder)
            case .warc:
                (found, summary) = WARCInput(file: source.url, settings: settings, layout: layout, writes: writes).collect()
            case .urls:
                (found, summary) = URLListInput(
                    file: source.url, settings: settings, layout: layout, writes: writes, logger: logger, stop: stop
                ).collect()
            }
            let before = found.count
            found = found.filter { seen.insert($0.relativePath).inserted }
            if found.count < before { summary.skipped["duplicate", default: 0] += before - found.count }
            summary.pages = found.count
            locations += found
            summaries.append(summary)
        }
        return (locations, summaries)
    }
}

/// What is kept of a WARC file or URL list between runs (`<output>/fetched/inputs/<name>.json`): the
/// pages it gave and, for URLs, the validators of the conditional GET.
struct InputIndex: Codable {
    struct Entry: Codable {
        var key: String
        var id: String
        var url: String?
        var date: String?
        var recordID: String?
        var charset: String?
        var sha256: String?
        var failureKind: PageError.Kind?
        var failureMessage: String?
        var etag: String?
        var lastModified: String?
    }

    var size: Int64
    var mtime: Int64
    var entries: [Entry]
    var summary: InputSummary

    static func url(for input: URL, layout: OutputLayout) -> URL {
        let name = PageLocation.id(slugOf: input.lastPathComponent, hashOf: input.standardizedFileURL.path)
        return layout.inputIndexes.appendingPathComponent(name + ".json")
    }

    static func load(_ url: URL) -> InputIndex? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(InputIndex.self, from: data)
    }

    func save(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicWriter.write(try encoder.encode(self), to: url)
    }

    /// The pages of the entries, as the planner and fetch see them.
    func locations(layout: OutputLayout) -> [PageLocation] {
        entries.map { entry in
            PageLocation(
                root: layout.fetched, relativePath: entry.key,
                origin: PageOrigin(
                    id: entry.id, file: layout.fetchedPage(entry.id), url: entry.url, date: entry.date, recordID: entry.recordID,
                    charset: entry.charset, failureKind: entry.failureKind, failureMessage: entry.failureMessage))
        }
    }
}
