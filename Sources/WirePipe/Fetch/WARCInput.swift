import Crypto
import Foundation

/// The pages of one WARC file: each `response` record holding a 200 HTML page becomes a page whose bytes
/// (the HTTP body, de-chunked and inflated) are stored as `<output>/fetched/<id>.html`. Other records are
/// counted by reason and left out. The file is read once per change: when its size and modification time
/// are those of the last reading, the stored pages are used without opening it.
struct WARCInput {
    let file: URL
    let settings: FetchSettings
    let layout: OutputLayout
    let writes: Bool

    /// Room for the HTTP header around a body of `max_page_bytes`.
    static let headerAllowance = 1_000_000

    func collect() -> ([PageLocation], InputSummary) {
        let indexURL = InputIndex.url(for: file, layout: layout)
        let previous = InputIndex.load(indexURL)
        let stat = FileStat(path: file.path) ?? FileStat(size: -1, mtime: -1)
        if let previous, previous.size == stat.size, previous.mtime == stat.mtime, storedPagesExist(previous) {
            var summary = previous.summary
            summary.reused = true
            return (previous.locations(layout: layout), summary)
        }
        let index = read(stat: stat, previous: previous)
        if writes {
            do {
                try index.save(indexURL)
            } catch {
                // Without the index the next run reads the file again: slower, not wrong.
            }
        }
        return (index.locations(layout: layout), index.summary)
    }

    private func storedPagesExist(_ index: InputIndex) -> Bool {
        index.entries.allSatisfy { $0.failureKind != nil || FileManager.default.fileExists(atPath: layout.fetchedPage($0.id).path) }
    }

    private func read(stat: FileStat, previous: InputIndex?) -> InputIndex {
        var summary = InputSummary(path: file.path, kind: .warc)
        summary.records = 0
        var entries: [InputIndex.Entry] = []
        let reader: WARCReader
        do {
            reader = try WARCReader(path: file.path, blockLimit: settings.maxPageBytes + Self.headerAllowance)
        } catch {
            summary.errors.append("\(error)")
            return InputIndex(size: stat.size, mtime: stat.mtime, entries: [], summary: summary)
        }
        let previousDigests = Dictionary((previous?.entries ?? []).map { ($0.id, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        var keys: Set<String> = []
        let name = file.lastPathComponent
        while true {
            let record: WARCRecord
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                summary.errors.append(entries.isEmpty ? "\(error)" : "\(error); the \(entries.count) pages read before it are kept")
                break
            }
            summary.records! += 1
            guard record.type == "response" else {
                summary.skipped["not_response", default: 0] += 1
                continue
            }
            if let type = record.fields["content-type"]?.lowercased(), !type.hasPrefix("application/http") {
                summary.skipped["not_http", default: 0] += 1
                continue
            }
            guard let uri = record.targetURI, !uri.isEmpty else {
                summary.skipped["no_target_uri", default: 0] += 1
                continue
            }
            let recordID = record.recordID?.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) ?? "record-\(summary.records!)"
            let key = "\(name)#\(recordID)"
            guard keys.insert(key).inserted else {
                summary.skipped["duplicate", default: 0] += 1
                continue
            }
            var entry = InputIndex.Entry(
                key: key, id: PageLocation.id(slugOf: Self.slugSource(uri), hashOf: uri + " " + recordID), url: uri,
                date: record.date, recordID: recordID)
            guard let block = record.block else {
                entry.failureKind = .tooLarge
                entry.failureMessage = "\(uri): record of \(record.contentLength) bytes is more than fetch.max_page_bytes (\(settings.maxPageBytes))"
                entries.append(entry)
                continue
            }
            let response: HTTPResponse
            do {
                response = try HTTPResponse(parsing: block, limit: settings.maxPageBytes)
            } catch {
                entry.failureKind = .badRecord
                entry.failureMessage = "\(uri): \(error)"
                entries.append(entry)
                continue
            }
            guard response.status == 200 else {
                summary.skipped["status_\(response.status)", default: 0] += 1
                continue
            }
            guard response.mediaType.map(HTTPResponse.isHTML) ?? Self.looksLikeHTML(response.body) else {
                summary.skipped["not_html", default: 0] += 1
                continue
            }
            entry.charset = response.charset
            let digest = SHA256.hash(data: response.body).hexString
            entry.sha256 = digest
            let stored = layout.fetchedPage(entry.id)
            if writes, previousDigests[entry.id] != digest || !FileManager.default.fileExists(atPath: stored.path) {
                do {
                    try FileManager.default.createDirectory(at: layout.fetched, withIntermediateDirectories: true)
                    try AtomicWriter.write(Data(response.body), to: stored)
                } catch {
                    entry.failureKind = .writeFailed
                    entry.failureMessage = "\(uri): \(error)"
                }
            }
            entries.append(entry)
        }
        return InputIndex(size: stat.size, mtime: stat.mtime, entries: entries, summary: summary)
    }

    /// The readable part of an id: host and path of the URI, without the scheme.
    static func slugSource(_ uri: String) -> String {
        var text = uri
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text.removeFirst(scheme.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        for suffix in [".html", ".htm"] where text.lowercased().hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }

    /// For a response without a Content-Type: whether the body starts like an HTML document.
    static func looksLikeHTML(_ body: [UInt8]) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
    }
}
