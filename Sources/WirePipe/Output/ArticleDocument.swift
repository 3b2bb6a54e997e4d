import Foundation

/// The per-article JSON document that `run` writes to `articles/<id>.json` and `extract` prints, one per
/// page. Described field by field in `schema/article.schema.json`.
public struct ArticleDocument: Codable, Equatable, Sendable {
    public struct DatelineValue: Codable, Equatable, Sendable {
        public var location: String
        public var date: String?
        public var agency: String?
    }

    public struct Metrics: Codable, Equatable, Sendable {
        public var words: Int
        public var sentences: Int
        public var paragraphs: Int
        public var characters: Int
    }

    /// ok: an article with text; empty: the page parsed but no main text was found.
    public enum Status: String, Codable, Sendable {
        case ok, empty
    }

    public var id: String
    public var status: Status
    public var source: PageSource
    public var url: String?
    public var title: String?
    public var titleSource: String?
    public var siteName: String?
    public var siteNameSource: String?
    public var authors: [String]
    public var authorsSource: String?
    public var published: String?
    public var publishedSource: String?
    public var language: String
    public var languageSource: String
    public var description: String?
    /// The main text: paragraphs separated by one blank line, NFC, whitespace folded, characters as published.
    public var text: String
    public var dateline: DatelineValue?
    /// Names by role (reporting, editing, writing, additional_reporting…), from the wire credit line.
    public var credits: [String: [String]]?
    public var creditLine: String?
    public var metrics: Metrics
    public var flags: [String]
    /// Version of each stage that made this document.
    public var versions: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, status, source, url, title, authors, published, language, description, text, dateline, credits, metrics, flags, versions
        case titleSource = "title_source"
        case siteName = "site_name"
        case siteNameSource = "site_name_source"
        case authorsSource = "authors_source"
        case publishedSource = "published_source"
        case languageSource = "language_source"
        case creditLine = "credit_line"
    }

    /// Encodes optionals as explicit nulls, so every document has every field.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(titleSource, forKey: .titleSource)
        try c.encode(siteName, forKey: .siteName)
        try c.encode(siteNameSource, forKey: .siteNameSource)
        try c.encode(authors, forKey: .authors)
        try c.encode(authorsSource, forKey: .authorsSource)
        try c.encode(published, forKey: .published)
        try c.encode(publishedSource, forKey: .publishedSource)
        try c.encode(language, forKey: .language)
        try c.encode(languageSource, forKey: .languageSource)
        try c.encode(description, forKey: .description)
        try c.encode(text, forKey: .text)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(credits, forKey: .credits)
        try c.encode(creditLine, forKey: .creditLine)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(flags, forKey: .flags)
        try c.encode(versions, forKey: .versions)
    }
}
