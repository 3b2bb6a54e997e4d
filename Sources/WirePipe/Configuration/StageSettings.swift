import Foundation

// One settings section per stage. Each default is documented here and in docs/configuration.md;
// changing an extraction threshold means rerunning scripts/eval-extraction.

/// `fetch`: which files are pages and how much of a page is read.
public struct FetchSettings: Codable, Equatable, Sendable {
    /// File extensions that are pages (each also accepted with `.gz` appended).
    public var extensions: [String] = ["html", "htm"]
    /// A page larger than this after decompression is a per-page error (guards against gzip bombs).
    public var maxPageBytes: Int = 50_000_000
    /// Whether symbolic links are followed while walking the input folder.
    public var followSymlinks: Bool = false
    /// Encoding assumed for pages that declare none and are not valid UTF-8 (what browsers do for Western pages).
    public var fallbackEncoding: String = "windows-1252"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case extensions
        case maxPageBytes = "max_page_bytes"
        case followSymlinks = "follow_symlinks"
        case fallbackEncoding = "fallback_encoding"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FetchSettings()
        extensions = try c.value(.extensions, default: d.extensions) { $0.isEmpty ? "must list at least one extension" : nil }
        maxPageBytes = try c.value(.maxPageBytes, default: d.maxPageBytes, check: Allowed.atLeast(1))
        followSymlinks = try c.value(.followSymlinks, default: d.followSymlinks)
        fallbackEncoding = try c.value(.fallbackEncoding, default: d.fallbackEncoding) {
            TextEncodingName.canonical($0) == nil ? "unknown encoding; use for example windows-1252, iso-8859-2, utf-8" : nil
        }
    }
}

/// `strip`: the content-scoring thresholds of the main-text extractor.
public struct StripSettings: Codable, Equatable, Sendable {
    /// A text block whose share of characters inside links exceeds this is navigation, not prose.
    public var maxLinkDensity: Double = 0.5
    /// A run of at least this many words ending in sentence punctuation counts as a sentence,
    /// the strongest language-independent sign of article prose.
    public var minSentenceWords: Int = 5
    /// A block with at least this many characters and low link density counts as content even without
    /// sentence punctuation (long captions-free prose in languages without spaces, for example).
    public var minContentChars: Int = 140
    /// The extractor descends from the best-scoring element into a child that keeps at least this share
    /// of its score, so that comments and widgets beside the article are left out.
    public var containerShare: Double = 0.85
    /// Weight of content inside elements whose class, id or role hints at chrome (share, comments, related…).
    /// Hints are weak evidence: they scale scores, they never decide alone.
    public var negativeHintWeight: Double = 0.25
    /// Weight of content inside elements whose class, id or role hints at the article body.
    public var positiveHintWeight: Double = 1.5
    /// Share of a boilerplate block's characters subtracted from the score of its containers.
    public var boilerplatePenalty: Double = 0.5

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxLinkDensity = "max_link_density"
        case minSentenceWords = "min_sentence_words"
        case minContentChars = "min_content_chars"
        case containerShare = "container_share"
        case negativeHintWeight = "negative_hint_weight"
        case positiveHintWeight = "positive_hint_weight"
        case boilerplatePenalty = "boilerplate_penalty"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = StripSettings()
        maxLinkDensity = try c.value(.maxLinkDensity, default: d.maxLinkDensity, check: Allowed.within(0...1))
        minSentenceWords = try c.value(.minSentenceWords, default: d.minSentenceWords, check: Allowed.atLeast(1))
        minContentChars = try c.value(.minContentChars, default: d.minContentChars, check: Allowed.atLeast(1))
        containerShare = try c.value(.containerShare, default: d.containerShare, check: Allowed.within(0.5...1))
        negativeHintWeight = try c.value(.negativeHintWeight, default: d.negativeHintWeight, check: Allowed.within(0...1))
        positiveHintWeight = try c.value(.positiveHintWeight, default: d.positiveHintWeight, check: Allowed.within(1...10))
        boilerplatePenalty = try c.value(.boilerplatePenalty, default: d.boilerplatePenalty, check: Allowed.within(0...10))
    }
}

/// `normalise`: sentence splitting.
public struct NormaliseSettings: Codable, Equatable, Sendable {
    /// Words that end with a period without ending the sentence (lowercase, without the final period).
    public var abbreviations: [String] = SentenceSplitter.defaultAbbreviations

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case abbreviations
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        abbreviations = try c.value(.abbreviations, default: NormaliseSettings().abbreviations)
    }
}

/// `analyse`: datelines, credit lines, language, quotations, entities, keyphrases and readability.
public struct AnalyseSettings: Codable, Equatable, Sendable {
    /// How far into the first paragraph a dateline may reach (Unicode scalars).
    public var datelineMaxPrefix: Int = 120
    /// Below this confidence the detected language gives way to the page's declared language.
    public var languageMinConfidence: Double = 0.5
    /// A quotation of at most this many words with no speech cue is a scare quote ("understanding"), not a
    /// quotation of a speaker.
    public var scareQuoteMaxWords: Int = 2
    /// How many paragraphs back a pronoun ("he said"), "the official" or a quotation without a cue may reach
    /// for its speaker; news copy names a speaker again after a few paragraphs.
    public var speakerLookBackParagraphs: Int = 4
    /// Keyphrases kept per article.
    public var keyphraseCount: Int = 10
    /// Reading speed for the reading time: 238 words a minute is the average silent reading rate of adults
    /// for non-fiction (Brysbaert, 2019).
    public var readingWordsPerMinute: Double = 238

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case datelineMaxPrefix = "dateline_max_prefix"
        case languageMinConfidence = "language_min_confidence"
        case scareQuoteMaxWords = "scare_quote_max_words"
        case speakerLookBackParagraphs = "speaker_look_back_paragraphs"
        case keyphraseCount = "keyphrase_count"
        case readingWordsPerMinute = "reading_words_per_minute"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AnalyseSettings()
        datelineMaxPrefix = try c.value(.datelineMaxPrefix, default: d.datelineMaxPrefix, check: Allowed.atLeast(10))
        languageMinConfidence = try c.value(.languageMinConfidence, default: d.languageMinConfidence, check: Allowed.within(0...1))
        scareQuoteMaxWords = try c.value(.scareQuoteMaxWords, default: d.scareQuoteMaxWords, check: Allowed.atLeast(0))
        speakerLookBackParagraphs = try c.value(.speakerLookBackParagraphs, default: d.speakerLookBackParagraphs, check: Allowed.atLeast(0))
        keyphraseCount = try c.value(.keyphraseCount, default: d.keyphraseCount, check: Allowed.atLeast(0))
        readingWordsPerMinute = try c.value(.readingWordsPerMinute, default: d.readingWordsPerMinute, check: Allowed.within(50...2000))
    }
}

/// `aggregate`: corpus statistics.
public struct AggregateSettings: Codable, Equatable, Sendable {
    /// Lower edges of the word-count histogram bins (ascending); the last bin is open-ended.
    public var lengthBins: [Int] = [0, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000]
    /// How many entries the terminal tables show per ranking.
    public var tableRows: Int = 10

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lengthBins = "length_bins"
        case tableRows = "table_rows"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AggregateSettings()
        lengthBins = try c.value(.lengthBins, default: d.lengthBins) { bins in
            guard !bins.isEmpty, bins[0] == 0 else { return "must start with 0" }
            return zip(bins, bins.dropFirst()).allSatisfy { $0 < $1 } ? nil : "must be strictly ascending"
        }
        tableRows = try c.value(.tableRows, default: d.tableRows, check: Allowed.atLeast(1))
    }
}

/// `output_format`: how articles are written.
public struct OutputSettings: Codable, Equatable, Sendable {
    /// Pretty-printed article JSON is easier to read; compact JSON is smaller and faster.
    public var prettyArticles: Bool = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case prettyArticles = "pretty_articles"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        prettyArticles = try c.value(.prettyArticles, default: OutputSettings().prettyArticles)
    }
}
