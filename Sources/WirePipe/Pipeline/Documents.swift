import Foundation

// The values that flow between stages. Each stage's stored output is one of these, so that a single
// stage can be rerun from the stored output of the stage before it.

/// Where an article came from: the file, its bytes and how they were decoded.
public struct PageSource: Codable, Equatable, Sendable {
    /// Path relative to the input root, with `/` separators.
    public var path: String
    /// sha256 of the file's bytes as stored (before decompression).
    public var sha256: String
    /// Size of the page in bytes after decompression.
    public var bytes: Int
    /// Encoding the page was decoded from (WHATWG label: utf-8, windows-1252, shift_jis…).
    public var encoding: String
    /// How the encoding was found: bom, meta, xml-declaration, utf8-valid, fallback.
    public var encodingSource: String
    /// Whether the file was gzipped.
    public var compressed: Bool
    /// Pages from a WARC file or a URL list: the WARC-Target-URI or the URL fetched (after redirects).
    /// Absent for pages of an input folder.
    public var url: String?
    /// WARC-Date, or when the page was fetched (ISO 8601); absent for pages of an input folder.
    public var date: String?
    /// The WARC-Record-ID of a page read from a WARC file.
    public var recordID: String?

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, encoding, compressed, url, date
        case recordID = "record_id"
        case encodingSource = "encoding_source"
    }
}

/// A page read by fetch: its identity and its bytes, ready for the HTML parser.
public struct FetchedPage: Sendable {
    public var id: String
    public var source: PageSource
    /// The page's bytes, transcoded to UTF-8 when `parserEncoding` is "UTF-8".
    public var html: [UInt8]
    /// The encoding name handed to libxml2.
    public var parserEncoding: String
    /// Quality flags raised while reading (for example `invalid-utf8-replaced`).
    public var flags: [String]
}

/// A value of page metadata together with where it was found, so a wrong value can be explained.
public struct ArticleMetadata: Codable, Equatable, Sendable {
    public var title: String?
    public var titleSource: String?
    public var siteName: String?
    public var siteNameSource: String?
    public var authors: [String] = []
    public var authorsSource: String?
    /// ISO 8601: a date (`2022-05-26`) or a date and time with offset.
    public var published: String?
    public var publishedSource: String?
    /// ISO 8601, like `published`.
    public var modified: String?
    public var modifiedSource: String?
    /// The section the page files the story under (article:section, JSON-LD articleSection).
    public var section: String?
    /// Keywords and tags the page gives (article:tag, news_keywords, keywords, JSON-LD keywords).
    public var tags: [String] = []
    /// The page's canonical URL when it names one.
    public var url: String?
    /// The language the page declares (`<html lang>`, content-language, og:locale), lowercased.
    public var declaredLanguage: String?
    public var description: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case title, authors, published, url, description, modified, section, tags
        case modifiedSource = "modified_source"
        case titleSource = "title_source"
        case siteName = "site_name"
        case siteNameSource = "site_name_source"
        case authorsSource = "authors_source"
        case publishedSource = "published_source"
        case declaredLanguage = "declared_language"
    }
}

/// What a block of article text is.
public enum BlockKind: String, Codable, Sendable {
    case paragraph, heading, listItem = "list_item", quote, preformatted, tableCell = "table_cell"
}

/// One block of the article's main text, as the publisher wrote it.
public struct TextBlock: Codable, Equatable, Sendable {
    public var kind: BlockKind
    public var text: String

    public init(kind: BlockKind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The output of strip: metadata and the main text with the page chrome removed.
public struct StrippedArticle: Codable, Equatable, Sendable {
    public var id: String
    public var source: PageSource
    public var metadata: ArticleMetadata
    public var blocks: [TextBlock]
    /// Reader comments found on the page, kept apart from the text.
    public var comments: [String] = []
    public var flags: [String]

    public init(id: String, source: PageSource, metadata: ArticleMetadata, blocks: [TextBlock], comments: [String] = [], flags: [String]) {
        self.id = id
        self.source = source
        self.metadata = metadata
        self.blocks = blocks
        self.comments = comments
        self.flags = flags
    }
}

/// One paragraph after normalisation: NFC and folded whitespace, its sentences and tokens.
public struct NormalisedParagraph: Codable, Equatable, Sendable {
    public var kind: BlockKind
    public var text: String
    /// Sentence ranges in Unicode scalar offsets into `text`.
    public var sentences: [Range<Int>]
    public var words: Int

    /// Tokens in match form (quotes and dashes folded), in order. Derived from `text` when asked for, not
    /// stored: they were most of the stored output's size and of the cost of writing and reading it, and no
    /// later stage reads them (analyse and aggregate tokenise for their own needs).
    public var tokens: [String] { Tokenizer().tokens(in: text).map(\.text) }

    public init(kind: BlockKind, text: String, sentences: [Range<Int>], words: Int) {
        self.kind = kind
        self.text = text
        self.sentences = sentences
        self.words = words
    }
}

/// The output of normalise.
public struct NormalisedArticle: Codable, Equatable, Sendable {
    public var id: String
    public var source: PageSource
    public var metadata: ArticleMetadata
    public var paragraphs: [NormalisedParagraph]
    public var comments: [String] = []
    public var flags: [String]

    public init(id: String, source: PageSource, metadata: ArticleMetadata, paragraphs: [NormalisedParagraph], comments: [String] = [], flags: [String]) {
        self.id = id
        self.source = source
        self.metadata = metadata
        self.paragraphs = paragraphs
        self.comments = comments
        self.flags = flags
    }
}
