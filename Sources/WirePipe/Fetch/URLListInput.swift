import Crypto
import Dispatch
import Foundation
import Logging
import Synchronization

/// The pages of a text file of URLs (one a line; blank lines and `#` comments ignored), fetched over HTTP(S)
/// politely (`fetch.http`): one request at a time per host with a pause between them, robots.txt obeyed,
/// bounded retries with backoff on 5xx answers and timeouts, redirects followed up to a limit, bodies up to
/// `fetch.max_page_bytes`. Each page is stored as `<output>/fetched/<id>.html` with its ETag and
/// Last-Modified, and asked for again conditionally: an unchanged page costs a 304, keeps its stored bytes,
/// and so is neither parsed nor processed again. A URL that gives no page fails with a per-page error.
struct URLListInput {
    let file: URL
    let settings: FetchSettings
    let layout: OutputLayout
    let writes: Bool
    let logger: Logger
    /// Set by SIGINT/SIGTERM: the URLs not asked yet keep what the last run fetched.
    var stop: StopFlag?

    /// How one URL went; `notAsked` when the run was stopped before it.
    enum Outcome: Sendable { case downloaded, notModified, failed, notAsked }

    func collect() -> ([PageLocation], InputSummary) {
        var summary = InputSummary(path: file.path, kind: .urls)
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            summary.errors.append("cannot read the URL list: \(error.localizedDescription)")
            return ([], summary)
        }
        var urls: [String] = []
        var listed: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let url = line.trimmingCharacters(in: .whitespaces)
            guard !url.isEmpty, !url.hasPrefix("#") else { continue }
            if listed.insert(url).inserted { urls.append(url) } else { summary.skipped["duplicate", default: 0] += 1 }
        }
        let indexURL = InputIndex.url(for: file, layout: layout)
        let previous = Dictionary(
            (InputIndex.load(indexURL)?.entries ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [InputIndex.Entry]
        if writes {
            let fetcher = PoliteFetcher(settings: settings, layout: layout, logger: logger, stop: stop)
            let results = fetcher.fetch(urls, previous: previous)
            entries = results.map(\.entry)
            summary.downloaded = results.count { $0.outcome == .downloaded }
            summary.notModified = results.count { $0.outcome == .notModified }
            summary.failed = results.count { $0.outcome == .failed }
            let stat = FileStat(path: file.path) ?? FileStat(size: -1, mtime: -1)
            do {
                try InputIndex(size: stat.size, mtime: stat.mtime, entries: entries, summary: summary).save(indexURL)
            } catch {
                summary.errors.append("cannot keep what was fetched (\(error)); the next run fetches every URL again")
            }
        } else {
            // A dry run fetches nothing: the pages as last fetched, and the new URLs as pages yet to come.
            entries = urls.map { previous[$0] ?? InputIndex.Entry(key: $0, id: Self.id(for: $0), url: $0) }
        }
        let locations = InputIndex(size: 0, mtime: 0, entries: entries, summary: summary).locations(layout: layout)
        return (locations, summary)
    }

    static func id(for url: String) -> String {
        PageLocation.id(slugOf: WARCInput.slugSource(url), hashOf: url)
    }
}

/// Fetches URLs host by host: hosts in parallel (`parallel_hosts`), each host's URLs one after the other.
struct PoliteFetcher {
    let settings: FetchSettings
    let layout: OutputLayout
    let logger: Logger
    let stop: StopFlag?

    struct Result: Sendable {
        var entry: InputIndex.Entry
        var outcome: URLListInput.Outcome
    }

    private var http: HTTPSettings { settings.http }

    /// One result per URL, in list order; a URL not asked because the run was stopped keeps its last entry,
    /// and is left out when it has none.
    func fetch(_ urls: [String], previous: [String: InputIndex.Entry]) -> [Result] {
        var hosts: [String: [Int]] = [:]
        var order: [String] = []
        for (index, url) in urls.enumerated() {
            let host = URL(string: url)?.host?.lowercased() ?? ""
            if hosts[host] == nil { order.append(host) }
            hosts[host, default: []].append(index)
        }
        let shared = Shared()
        let client = HTTPClient(timeout: http.timeoutSeconds)
        let robots = RobotsCache()
        let groups = order.map { hosts[$0]! }
        let workers = max(1, min(http.parallelHosts, groups.count))
        // Threads of their own rather than Dispatch's pool: the workers mostly wait for the network, and
        // the pool would run no more of them at once than there are cores.
        let finished = DispatchGroup()
        for _ in 0..<(groups.isEmpty ? 0 : workers) {
            finished.enter()
            let fetcher = self
            Thread {
                defer { finished.leave() }
                while true {
                    let group = shared.next.add(1, ordering: .relaxed).oldValue
                    guard group < groups.count else { break }
                    for (position, index) in groups[group].enumerated() {
                        let url = urls[index]
                        if fetcher.stop?.isStopped == true {
                            if let kept = previous[url] { shared.results.withLock { $0[index] = Result(entry: kept, outcome: .notAsked) } }
                            continue
                        }
                        if position > 0 { Self.pause(fetcher.http.delaySeconds) }
                        let result = fetcher.fetchOne(url, previous: previous[url], client: client, robots: robots)
                        shared.results.withLock { $0[index] = result }
                    }
                }
            }.start()
        }
        finished.wait()
        return shared.results.withLock { stored in urls.indices.compactMap { stored[$0] } }
    }

    /// What the fetching threads share: the next host group to take and the results so far.
    private final class Shared: Sendable {
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: Result]>([:])
    }

    static func pause(_ seconds: Double) {
        guard seconds > 0 else { return }
        usleep(useconds_t(min(seconds, 3600) * 1_000_000))
    }

    private func failed(_ entry: InputIndex.Entry, _ kind: PageError.Kind, _ message: String) -> Result {
        var entry = entry
        entry.failureKind = kind
        entry.failureMessage = "\(entry.key): \(message)"
        entry.sha256 = nil
        entry.etag = nil
        entry.lastModified = nil
        logger.warning("\(entry.key): \(message)")
        return Result(entry: entry, outcome: .failed)
    }

    func fetchOne(_ listed: String, previous: InputIndex.Entry?, client: HTTPClient, robots: RobotsCache) -> Result {
        let entry = InputIndex.Entry(key: listed, id: URLListInput.id(for: listed), url: listed)
        guard var current = URL(string: listed), let scheme = current.scheme?.lowercased(), scheme == "http" || scheme == "https",
              current.host != nil else {
            return failed(entry, .unreachable, "not an http or https URL")
        }
        // Validators only when the page they describe is still stored.
        var conditional: [String: String] = [:]
        if let previous, previous.failureKind == nil, FileManager.default.fileExists(atPath: layout.fetchedPage(previous.id).path) {
            if let etag = previous.etag { conditional["If-None-Match"] = etag }
            if let lastModified = previous.lastModified { conditional["If-Modified-Since"] = lastModified }
        }
        var redirects = 0
        while true {
            if http.obeyRobots, !robots.rules(for: current, client: client, settings: settings).allows(Self.pathAndQuery(current)) {
                return failed(entry, .robotsDisallowed, "robots.txt of \(current.host ?? "") disallows \(current.absoluteString)")
            }
            var headers = ["User-Agent": http.userAgent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"]
            // The validators belong to the URL the stored page came from (the end of the redirects).
            if let previous, previous.url == current.absoluteString { headers.merge(conditional) { a, _ in a } }
            let answer: HTTPClient.Response
            switch get(current, headers: headers, client: client) {
            case .success(let response): answer = response
            case .failure(.timeout): return failed(entry, .unreachable, "timed out after \(http.retries + 1) tries of \(http.timeoutSeconds)s")
            case .failure(.tooLarge): return failed(entry, .tooLarge, "the page is more than fetch.max_page_bytes (\(settings.maxPageBytes) bytes)")
            case .failure(.transport(let why)): return failed(entry, .unreachable, why)
            }
            if answer.status == 304, let previous {
                return Result(entry: previous, outcome: .notModified)
            }
            if (300...399).contains(answer.status), answer.status != 304 {
                guard let location = answer.headers["location"], let target = URL(string: location, relativeTo: current)?.absoluteURL else {
                    return failed(entry, .httpStatus, "HTTP \(answer.status) without a usable Location")
                }
                redirects += 1
                guard redirects <= http.maxRedirects else {
                    return failed(entry, .unreachable, "more than fetch.http.max_redirects (\(http.maxRedirects)) redirects")
                }
                if target.host == current.host { Self.pause(http.delaySeconds) }
                current = target
                continue
            }
            guard answer.status == 200 else { return failed(entry, .httpStatus, "HTTP \(answer.status)") }
            let mediaType = answer.headers["content-type"].map(HTTPResponse.mediaType(of:))
            guard mediaType.map(HTTPResponse.isHTML) ?? WARCInput.looksLikeHTML(answer.body) else {
                return failed(entry, .notHTML, "the answer is \(mediaType ?? "not HTML"), not an HTML page")
            }
            var stored = entry
            stored.url = current.absoluteString
            stored.date = UTCTime.timestamp(Date())
            stored.charset = answer.headers["content-type"].flatMap(HTTPResponse.charset(of:))
            stored.etag = answer.headers["etag"]
            stored.lastModified = answer.headers["last-modified"]
            let digest = SHA256.hash(data: answer.body).hexString
            stored.sha256 = digest
            let file = layout.fetchedPage(entry.id)
            // Unchanged bytes are not rewritten, so the page's stored copy keeps its stat and is not redone.
            if previous?.sha256 != digest || !FileManager.default.fileExists(atPath: file.path) {
                do {
                    try FileManager.default.createDirectory(at: layout.fetched, withIntermediateDirectories: true)
                    try AtomicWriter.write(Data(answer.body), to: file)
                } catch {
                    return failed(entry, .writeFailed, "\(error)")
                }
            }
            return Result(entry: stored, outcome: .downloaded)
        }
    }

    /// One request with the retries: a timeout, a 5xx or a 429 answer is tried again after a pause that doubles.
    private func get(_ url: URL, headers: [String: String], client: HTTPClient) -> Swift.Result<HTTPClient.Response, HTTPClient.Failure> {
        var attempt = 0
        while true {
            let result = client.get(url, headers: headers, limit: settings.maxPageBytes)
            let retry: Bool
            switch result {
            case .failure(.timeout): retry = true
            // 429 Too Many Requests is the server asking for the same patience as a 5xx.
            case .success(let response): retry = response.status >= 500 || response.status == 429
            default: retry = false
            }
            guard retry, attempt < http.retries else { return result }
            // Never sooner than the host's delay: a retry is a request to the same host.
            Self.pause(max(http.retryBackoffSeconds * Double(1 << min(attempt, 16)), http.delaySeconds))
            attempt += 1
            logger.info("\(url.absoluteString): retry \(attempt) of \(http.retries)")
        }
    }

    static func pathAndQuery(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? "/"
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }
}

/// robots.txt per scheme, host and port, fetched once a run. A missing robots.txt (4xx) allows everything;
/// one that cannot be read (5xx, no answer) allows nothing, as RFC 9309 asks.
final class RobotsCache: Sendable {
    private let rules = Mutex<[String: RobotsRules]>([:])

    func rules(for url: URL, client: HTTPClient, settings: FetchSettings) -> RobotsRules {
        let origin = "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")"
        // Hosts are fetched one worker each, so two workers rarely ask for the same robots.txt at once; if
        // they do, both fetch it and the answers agree.
        if let known = rules.withLock({ $0[origin] }) { return known }
        var found = RobotsRules.disallowAll
        var next = URL(string: origin + "/robots.txt")
        // Up to five redirects, as RFC 9309 asks (http to https, a www host…).
        for _ in 0..<6 {
            guard let robotsURL = next else { break }
            next = nil
            switch client.get(robotsURL, headers: ["User-Agent": settings.http.userAgent], limit: 512 * 1024) {
            case .success(let response) where response.status == 200:
                found = RobotsRules(parsing: String(decoding: response.body, as: UTF8.self), agent: "wirepipe")
            case .success(let response) where (300...399).contains(response.status):
                next = response.headers["location"].flatMap { URL(string: $0, relativeTo: robotsURL)?.absoluteURL }
            case .success(let response) where (400...499).contains(response.status):
                found = .allowAll
            default:
                found = .disallowAll
            }
        }
        rules.withLock { $0[origin] = found }
        return found
    }
}
