import Foundation

/// `fetch.http`: how the pages of URL lists are downloaded. Polite by default: one request at a time per
/// host with a pause between them, robots.txt honoured, a User-Agent that says who is asking.
public struct HTTPSettings: Codable, Equatable, Sendable {
    /// Seconds between two requests to the same host.
    public var delaySeconds: Double = 1.0
    /// Seconds a request may take, from the request to the last byte of the answer.
    public var timeoutSeconds: Double = 30
    /// Further tries after a timeout or a 5xx answer.
    public var retries: Int = 2
    /// Pause before the first retry, doubled before each further one.
    public var retryBackoffSeconds: Double = 2.0
    /// Redirects followed before the URL counts as unreachable.
    public var maxRedirects: Int = 5
    /// Hosts fetched from at once (each still gets one request at a time).
    public var parallelHosts: Int = 4
    /// Whether robots.txt is fetched and obeyed (User-agent `wirepipe`, else `*`).
    public var obeyRobots: Bool = true
    /// The URL in the User-Agent (`wirepipe/<version> (+<url>)`), where a site owner learns what wirepipe is.
    public var contactURL: String = "https://github.com/wirepipe/wirepipe"

    /// wirepipe's version, as the User-Agent gives it.
    public static let toolVersion = "0.1"

    public var userAgent: String { "wirepipe/\(Self.toolVersion) (+\(contactURL))" }

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delaySeconds = "delay_seconds"
        case timeoutSeconds = "timeout_seconds"
        case retries
        case retryBackoffSeconds = "retry_backoff_seconds"
        case maxRedirects = "max_redirects"
        case parallelHosts = "parallel_hosts"
        case obeyRobots = "obey_robots"
        case contactURL = "contact_url"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HTTPSettings()
        delaySeconds = try c.value(.delaySeconds, default: d.delaySeconds, check: Allowed.within(0...3600))
        timeoutSeconds = try c.value(.timeoutSeconds, default: d.timeoutSeconds, check: Allowed.within(0.1...3600))
        retries = try c.value(.retries, default: d.retries, check: Allowed.atLeast(0))
        retryBackoffSeconds = try c.value(.retryBackoffSeconds, default: d.retryBackoffSeconds, check: Allowed.within(0...3600))
        maxRedirects = try c.value(.maxRedirects, default: d.maxRedirects, check: Allowed.atLeast(0))
        parallelHosts = try c.value(.parallelHosts, default: d.parallelHosts, check: Allowed.atLeast(1))
        obeyRobots = try c.value(.obeyRobots, default: d.obeyRobots)
        contactURL = try c.value(.contactURL, default: d.contactURL) { $0.isEmpty ? "must not be empty" : nil }
    }
}
