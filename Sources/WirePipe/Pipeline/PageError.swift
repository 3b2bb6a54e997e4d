import Foundation

/// Why one page could not be processed. A page error is recorded in the run report; the run goes on.
public struct PageError: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        /// The file could not be read (permissions, vanished, I/O error).
        case unreadable
        /// The file holds no bytes, or only whitespace.
        case empty
        /// The bytes are not text (binary data saved under an HTML name).
        case binary
        /// The page is larger than `fetch.max_page_bytes` (after decompression).
        case tooLarge = "too_large"
        /// The gzip stream is corrupt.
        case badCompression = "bad_compression"
        /// libxml2 could not build a document.
        case unparsable
        /// The page parsed but holds no article text.
        case noArticle = "no_article"
        /// A stored stage output that a rerun needs is missing or unreadable.
        case missingStageOutput = "missing_stage_output"
        /// Writing an output failed.
        case writeFailed = "write_failed"
        /// A WARC record that holds no usable HTTP response (bad header, bad chunked or gzip body).
        case badRecord = "bad_record"
        /// A URL that could not be fetched: no connection, timeout, too many redirects.
        case unreachable
        /// A URL answered with an HTTP status other than 200 (after the retries and redirects).
        case httpStatus = "http_status"
        /// A URL that answered with something other than an HTML page.
        case notHTML = "not_html"
        /// A URL that the site's robots.txt forbids wirepipe to fetch.
        case robotsDisallowed = "robots_disallowed"
        /// The page's DOM is deeper than `strip.max_dom_depth` or larger than `strip.max_dom_nodes`.
        case tooComplex = "too_complex"
        /// The page took longer than `run.page_time_limit` seconds.
        case timeLimit = "time_limit"

        /// Failures that may not happen again from the same bytes and settings (a file made readable, a
        /// disk with room again, a less loaded machine): the next run retries the page.
        public var isTransient: Bool {
            self == .unreadable || self == .writeFailed || self == .timeLimit
        }
    }

    public var kind: Kind
    public var stage: StageName
    public var message: String

    public init(_ kind: Kind, stage: StageName, _ message: String) {
        self.kind = kind
        self.stage = stage
        self.message = message
    }

    public var description: String { "\(stage.rawValue): \(kind.rawValue): \(message)" }
}
