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
    public var modified: String?
    public var modifiedSource: String?
    public var section: String?
    public var tags: [String] = []
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
    /// Reader comments found on the page, never part of `text`.
    public var comments: [String] = []
    /// Direct quotations with their speakers (English articles).
    public var quotes: [Quotation] = []
    /// People, places, organisations and other named things.
    public var entities: [NamedEntity] = []
    public var sourcing: Sourcing?
    public var keyphrases: [Keyphrase] = []
    public var readability: Readability?
    public var flags: [String]
    /// Version of each stage that made this document.
    public var versions: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, status, source, url, title, authors, published, language, description, text, dateline, credits, metrics, flags, versions
        case quotes, entities, sourcing, keyphrases, readability, modified, section, tags, comments
        case modifiedSource = "modified_source"
        case titleSource = "title_source"
        case siteName = "site_name"
        case siteNameSource = "site_name_source"
        case authorsSource = "authors_source"
        case publishedSource = "published_source"
        case languageSource = "language_source"
        case creditLine = "credit_line"
    }

    public init(
        id: String, status: Status, source: PageSource, url: String?, title: String?, titleSource: String?, siteName: String?,
        siteNameSource: String?, authors: [String], authorsSource: String?, published: String?, publishedSource: String?,
        language: String, languageSource: String, description: String?, text: String, dateline: DatelineValue?,
        credits: [String: [String]]?, creditLine: String?, metrics: Metrics, flags: [String], versions: [String: String]
    ) {
        self.id = id
        self.status = status
        self.source = source
        self.url = url
        self.title = title
        self.titleSource = titleSource
        self.siteName = siteName
        self.siteNameSource = siteNameSource
        self.authors = authors
        self.authorsSource = authorsSource
        self.published = published
        self.publishedSource = publishedSource
        self.language = language
        self.languageSource = languageSource
        self.description = description
        self.text = text
        self.dateline = dateline
        self.credits = credits
        self.creditLine = creditLine
        self.metrics = metrics
        self.flags = flags
        self.versions = versions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decode(Status.self, forKey: .status)
        source = try c.decode(PageSource.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        titleSource = try c.decodeIfPresent(String.self, forKey: .titleSource)
        siteName = try c.decodeIfPresent(String.self, forKey: .siteName)
        siteNameSource = try c.decodeIfPresent(String.self, forKey: .siteNameSource)
        authors = try c.decode([String].self, forKey: .authors)
        authorsSource = try c.decodeIfPresent(String.self, forKey: .authorsSource)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        publishedSource = try c.decodeIfPresent(String.self, forKey: .publishedSource)
        modified = try c.decodeIfPresent(String.self, forKey: .modified)
        modifiedSource = try c.decodeIfPresent(String.self, forKey: .modifiedSource)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        comments = try c.decodeIfPresent([String].self, forKey: .comments) ?? []
        language = try c.decode(String.self, forKey: .language)
        languageSource = try c.decode(String.self, forKey: .languageSource)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        text = try c.decode(String.self, forKey: .text)
        dateline = try c.decodeIfPresent(DatelineValue.self, forKey: .dateline)
        credits = try c.decodeIfPresent([String: [String]].self, forKey: .credits)
        creditLine = try c.decodeIfPresent(String.self, forKey: .creditLine)
        metrics = try c.decode(Metrics.self, forKey: .metrics)
        quotes = try c.decodeIfPresent([Quotation].self, forKey: .quotes) ?? []
        entities = try c.decodeIfPresent([NamedEntity].self, forKey: .entities) ?? []
        sourcing = try c.decodeIfPresent(Sourcing.self, forKey: .sourcing)
        keyphrases = try c.decodeIfPresent([Keyphrase].self, forKey: .keyphrases) ?? []
        readability = try c.decodeIfPresent(Readability.self, forKey: .readability)
        flags = try c.decode([String].self, forKey: .flags)
        versions = try c.decode([String: String].self, forKey: .versions)
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
        try c.encode(modified, forKey: .modified)
        try c.encode(modifiedSource, forKey: .modifiedSource)
        try c.encode(section, forKey: .section)
        try c.encode(tags, forKey: .tags)
        try c.encode(language, forKey: .language)
        try c.encode(languageSource, forKey: .languageSource)
        try c.encode(description, forKey: .description)
        try c.encode(text, forKey: .text)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(credits, forKey: .credits)
        try c.encode(creditLine, forKey: .creditLine)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(comments, forKey: .comments)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(entities, forKey: .entities)
        try c.encode(sourcing, forKey: .sourcing)
        try c.encode(keyphrases, forKey: .keyphrases)
        try c.encode(readability, forKey: .readability)
        try c.encode(flags, forKey: .flags)
        try c.encode(versions, forKey: .versions)
    }
}
