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
    /// Whether a followed link may lead outside the input folder. Off, a link to `/etc/passwd` or to a
    /// folder elsewhere is skipped: the input folder alone decides what is read.
    public var followSymlinksOutsideInput: Bool = false
    /// Encoding assumed for pages that declare none and are not valid UTF-8 (what browsers do for Western pages).
    public var fallbackEncoding: String = "windows-1252"
    /// How URL lists are fetched (`fetch.http`).
    public var http: HTTPSettings = HTTPSettings()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case extensions
        case maxPageBytes = "max_page_bytes"
        case followSymlinks = "follow_symlinks"
        case followSymlinksOutsideInput = "follow_symlinks_outside_input"
        case fallbackEncoding = "fallback_encoding"
        case http
    }

    /// `http` is left out: it decides how pages are downloaded, not what fetch makes of their bytes, so it is
    /// no part of the fetch fingerprint (which is made from this encoding), and changing it redoes nothing.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(extensions, forKey: .extensions)
        try c.encode(maxPageBytes, forKey: .maxPageBytes)
        try c.encode(followSymlinks, forKey: .followSymlinks)
        try c.encode(fallbackEncoding, forKey: .fallbackEncoding)
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FetchSettings()
        extensions = try c.value(.extensions, default: d.extensions) { $0.isEmpty ? "must list at least one extension" : nil }
        maxPageBytes = try c.value(.maxPageBytes, default: d.maxPageBytes, check: Allowed.atLeast(1))
        followSymlinks = try c.value(.followSymlinks, default: d.followSymlinks)
        followSymlinksOutsideInput = try c.value(.followSymlinksOutsideInput, default: d.followSymlinksOutsideInput)
        fallbackEncoding = try c.value(.fallbackEncoding, default: d.fallbackEncoding) {
            TextEncodingName.canonical($0) == nil ? "unknown encoding; use for example windows-1252, iso-8859-2, utf-8" : nil
        }
        http = try c.value(.http, default: d.http)
    }
}

/// `strip`: the content-scoring thresholds of the main-text extractor.
public struct StripSettings: Codable, Equatable, Sendable {
    /// A text block whose share of characters inside links exceeds this is navigation, not prose.
    public var maxLinkDensity: Double = 0.5
    /// The same for a block that holds a sentence: prose often carries a long inline link.
    public var maxProseLinkDensity: Double = 0.8
    /// A run of at least this many words ending in sentence punctuation counts as a sentence,
    /// the strongest language-independent sign of article prose.
    public var minSentenceWords: Int = 5
    /// A block with at least this many characters and low link density counts as content even without
    /// sentence punctuation (long captions-free prose in languages without spaces, for example).
    public var minContentChars: Int = 140
    /// A sibling of the article's paragraph parent is kept as more of the article when its content score
    /// reaches this share of the parent's (a body split in two around an advertisement).
    public var siblingShare: Double = 0.2
    /// Weight of content inside elements whose class, id or role hints at chrome (share, comments, related…).
    /// Hints are weak evidence: they scale scores, they never decide alone.
    public var negativeHintWeight: Double = 0.25
    /// Weight of content inside elements whose class, id or role hints at the article body.
    public var positiveHintWeight: Double = 1.5
    /// Share of a boilerplate block's characters subtracted from the score of its containers.
    public var boilerplatePenalty: Double = 0.5
    /// An article with fewer words is flagged `very-short`.
    public var shortArticleWords: Int = 50
    /// A page with more than this share of its text inside links, and little prose, is flagged `not-an-article`.
    public var indexLinkDensity: Double = 0.6
    /// A page whose elements nest deeper than this is a per-page `too_complex` error. Browsers stop nesting
    /// at 512 (Chromium's parser); real news pages stay well under 100.
    public var maxDOMDepth: Int = 512
    /// A page with more element and text nodes than this is a per-page `too_complex` error: it bounds the
    /// memory of the page's tree (about 150 bytes a node) and the time of extraction. Large news pages have
    /// some 10-30 thousand.
    public var maxDOMNodes: Int = 500_000
    /// Corpus-learned boilerplate: a block is removed from every page of a site when it occurs on at least
    /// this many distinct pages of the site (0 turns the rule off)…
    public var boilerplateMinPages: Int = 3
    /// …and on at least this share of the site's pages.
    public var boilerplateMinShare: Double = 0.1
    /// Only blocks of at most this many words are counted: boilerplate is short, the article is not.
    public var boilerplateMaxWords: Int = 40
    /// How many levels above the article's paragraph parent the extractor looks for siblings that continue
    /// the article (bodies split into columns nest each column's paragraphs one or two levels down).
    public var siblingLevels: Int = 3
    /// A sibling whose prose sits in at least this many separate paragraph parents, each with a short
    /// non-heading line of its own (a name and time, "Reply"), is a list of items (a comment thread, a
    /// teaser grid), not the rest of the article…
    public var itemListMinHolders: Int = 3
    /// …when the largest of those holders has less than this share of the sibling's prose.
    public var itemListMaxShare: Double = 0.5
    /// A block of at most this many words right before an empty box or an embedded frame labels an ad
    /// slot ("Advertisement", "Anzeige", "Реклама") and is dropped.
    public var adLabelMaxWords: Int = 2
    /// A date in the visible text (the last source of `published`): looked for in at most this many text
    /// lines after the headline…
    public var visibleDateLines: Int = 8
    /// …and in the nodes at most this far above the headline (never the page header's "today")…
    public var visibleDateNodesAbove: Int = 40
    /// …in texts of at most this many characters, where a date is the point…
    public var visibleDateMaxChars: Int = 120
    /// …held by elements of at most this many nodes.
    public var visibleDateMaxNodes: Int = 24
    /// Prose between the headline and the article's first kept block is its lead (a standfirst, an intro
    /// in a box of its own) when at most this many blocks that are not link lists lie between them.
    public var leadMaxBlocks: Int = 6
    /// …and only blocks of at least this many sentences are kept there (one-line deks and unmarked photo
    /// captions stay out).
    public var leadMinSentences: Int = 2
    /// When the heading that repeats the page title lies outside the body found by score, the story around
    /// it replaces that body if it holds at least this share of the body's prose (endless-scroll pages).
    public var headlineStoryShare: Double = 0.5
    /// At least this many short lines in one element (line breaks between them), without links, that
    /// together reach `min_content_chars`, are text like a paragraph (poems, lyrics); 0 turns this off.
    public var verseMinLines: Int = 4
    /// The short cells of a table of at least this many rows inside the article are its data, kept like its
    /// paragraphs (not taken for labels of chrome or furniture after the prose); 0 turns this off.
    public var dataTableMinRows: Int = 3
    /// A lead (above) needs at least this many words as well: a dek of two short lines, or one whose figure
    /// ("$2.8 billion") reads as two sentences, is not the opening of the text.
    public var leadMinWords: Int = 15
    /// A block of at least this many words whose text the page shows more than once, word for word (gallery
    /// captions again in the lightbox, a teaser list in two layouts), is furniture, every copy; 0 turns this off.
    public var repeatedBlockMinWords: Int = 4
    /// A sibling of the article's box with at least this many prose blocks, at least `linked_items_min_share`
    /// of them opening with a link (teasers under linked titles, latest comments under linked names), is a
    /// list of other pages, not the rest of the article; 0 turns this off…
    public var linkedItemsMinItems: Int = 3
    /// …the share of those blocks that must open with a link.
    public var linkedItemsMinShare: Double = 0.67
    /// A sibling of the article's box that holds a form (a reply box, a sign-up) is not the rest of the article.
    public var formSiblingsOut: Bool = true
    /// At least this many like items under one element (the same tag and first class name, each with prose
    /// and a line of its own: a reader-comment thread) never hold the body when the headline lies before
    /// them; 0 turns this off.
    public var likeItemsMinItems: Int = 3
    /// A sibling of the body's box is no continuation when the siblings between it and the nearest part of
    /// the body hold more text than this share of its own (a footer after a sidebar); 0 turns this off.
    public var continuationGapShare: Double = 2
    /// A text box of at most this many words set beside a picture, the two alone in one element (a figure
    /// built of `<div>`s: the picture's box, then the caption's), is the picture's caption, whatever its
    /// class names say; 0 turns this off.
    public var captionMaxWords: Int = 50

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxLinkDensity = "max_link_density"
        case maxProseLinkDensity = "max_prose_link_density"
        case minSentenceWords = "min_sentence_words"
        case minContentChars = "min_content_chars"
        case siblingShare = "sibling_share"
        case negativeHintWeight = "negative_hint_weight"
        case positiveHintWeight = "positive_hint_weight"
        case boilerplatePenalty = "boilerplate_penalty"
        case shortArticleWords = "short_article_words"
        case indexLinkDensity = "index_link_density"
        case maxDOMDepth = "max_dom_depth"
        case maxDOMNodes = "max_dom_nodes"
        case boilerplateMinPages = "boilerplate_min_pages"
        case boilerplateMinShare = "boilerplate_min_share"
        case boilerplateMaxWords = "boilerplate_max_words"
        case siblingLevels = "sibling_levels"
        case itemListMinHolders = "item_list_min_holders"
        case itemListMaxShare = "item_list_max_share"
        case adLabelMaxWords = "ad_label_max_words"
        case visibleDateLines = "visible_date_lines"
        case visibleDateNodesAbove = "visible_date_nodes_above"
        case visibleDateMaxChars = "visible_date_max_chars"
        case visibleDateMaxNodes = "visible_date_max_nodes"
        case leadMaxBlocks = "lead_max_blocks"
        case leadMinSentences = "lead_min_sentences"
        case headlineStoryShare = "headline_story_share"
        case verseMinLines = "verse_min_lines"
        case dataTableMinRows = "data_table_min_rows"
        case leadMinWords = "lead_min_words"
        case repeatedBlockMinWords = "repeated_block_min_words"
        case linkedItemsMinItems = "linked_items_min_items"
        case linkedItemsMinShare = "linked_items_min_share"
        case formSiblingsOut = "form_siblings_out"
        case likeItemsMinItems = "like_items_min_items"
        case continuationGapShare = "continuation_gap_share"
        case captionMaxWords = "caption_max_words"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = StripSettings()
        maxLinkDensity = try c.value(.maxLinkDensity, default: d.maxLinkDensity, check: Allowed.within(0...1))
        maxProseLinkDensity = try c.value(.maxProseLinkDensity, default: d.maxProseLinkDensity, check: Allowed.within(0...1))
        minSentenceWords = try c.value(.minSentenceWords, default: d.minSentenceWords, check: Allowed.atLeast(1))
        minContentChars = try c.value(.minContentChars, default: d.minContentChars, check: Allowed.atLeast(1))
        siblingShare = try c.value(.siblingShare, default: d.siblingShare, check: Allowed.within(0...1))
        negativeHintWeight = try c.value(.negativeHintWeight, default: d.negativeHintWeight, check: Allowed.within(0...1))
        positiveHintWeight = try c.value(.positiveHintWeight, default: d.positiveHintWeight, check: Allowed.within(1...10))
        boilerplatePenalty = try c.value(.boilerplatePenalty, default: d.boilerplatePenalty, check: Allowed.within(0...10))
        shortArticleWords = try c.value(.shortArticleWords, default: d.shortArticleWords, check: Allowed.atLeast(0))
        indexLinkDensity = try c.value(.indexLinkDensity, default: d.indexLinkDensity, check: Allowed.within(0...1))
        maxDOMDepth = try c.value(.maxDOMDepth, default: d.maxDOMDepth, check: Allowed.atLeast(8))
        maxDOMNodes = try c.value(.maxDOMNodes, default: d.maxDOMNodes, check: Allowed.atLeast(16))
        boilerplateMinPages = try c.value(.boilerplateMinPages, default: d.boilerplateMinPages, check: Allowed.atLeast(0))
        boilerplateMinShare = try c.value(.boilerplateMinShare, default: d.boilerplateMinShare, check: Allowed.within(0...1))
        boilerplateMaxWords = try c.value(.boilerplateMaxWords, default: d.boilerplateMaxWords, check: Allowed.atLeast(1))
        siblingLevels = try c.value(.siblingLevels, default: d.siblingLevels, check: Allowed.atLeast(0))
        itemListMinHolders = try c.value(.itemListMinHolders, default: d.itemListMinHolders, check: Allowed.atLeast(2))
        itemListMaxShare = try c.value(.itemListMaxShare, default: d.itemListMaxShare, check: Allowed.within(0...1))
        adLabelMaxWords = try c.value(.adLabelMaxWords, default: d.adLabelMaxWords, check: Allowed.atLeast(0))
        visibleDateLines = try c.value(.visibleDateLines, default: d.visibleDateLines, check: Allowed.atLeast(0))
        visibleDateNodesAbove = try c.value(.visibleDateNodesAbove, default: d.visibleDateNodesAbove, check: Allowed.atLeast(0))
        visibleDateMaxChars = try c.value(.visibleDateMaxChars, default: d.visibleDateMaxChars, check: Allowed.atLeast(1))
        visibleDateMaxNodes = try c.value(.visibleDateMaxNodes, default: d.visibleDateMaxNodes, check: Allowed.atLeast(1))
        leadMaxBlocks = try c.value(.leadMaxBlocks, default: d.leadMaxBlocks, check: Allowed.atLeast(0))
        leadMinSentences = try c.value(.leadMinSentences, default: d.leadMinSentences, check: Allowed.atLeast(1))
        headlineStoryShare = try c.value(.headlineStoryShare, default: d.headlineStoryShare, check: Allowed.within(0...10))
        verseMinLines = try c.value(.verseMinLines, default: d.verseMinLines, check: Allowed.atLeast(0))
        dataTableMinRows = try c.value(.dataTableMinRows, default: d.dataTableMinRows, check: Allowed.atLeast(0))
        leadMinWords = try c.value(.leadMinWords, default: d.leadMinWords, check: Allowed.atLeast(0))
        repeatedBlockMinWords = try c.value(.repeatedBlockMinWords, default: d.repeatedBlockMinWords, check: Allowed.atLeast(0))
        linkedItemsMinItems = try c.value(.linkedItemsMinItems, default: d.linkedItemsMinItems, check: Allowed.atLeast(0))
        linkedItemsMinShare = try c.value(.linkedItemsMinShare, default: d.linkedItemsMinShare, check: Allowed.within(0...1))
        formSiblingsOut = try c.value(.formSiblingsOut, default: d.formSiblingsOut)
        likeItemsMinItems = try c.value(.likeItemsMinItems, default: d.likeItemsMinItems, check: Allowed.atLeast(0))
        continuationGapShare = try c.value(.continuationGapShare, default: d.continuationGapShare, check: Allowed.atLeast(0))
        captionMaxWords = try c.value(.captionMaxWords, default: d.captionMaxWords, check: Allowed.atLeast(0))
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

/// `aggregate`: corpus statistics and syndication clusters.
public struct AggregateSettings: Codable, Equatable, Sendable {
    /// Lower edges of the word-count histogram bins (ascending); the last bin is open-ended.
    public var lengthBins: [Int] = [0, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000]
    /// How many entries the terminal tables show per ranking.
    public var tableRows: Int = 10
    /// How many entries each ranking in stats.json lists (terms, entities, speakers, reporters…). The full
    /// counts stay in the file as well, so a merge never loses anything to this cut.
    public var topK: Int = 50
    /// Words per shingle for near-duplicate detection. Five words are long enough that two outlets writing
    /// up the same event in their own words share few shingles, and short enough that an edited wire copy
    /// (a paragraph cut, a headline changed) still shares most of them.
    public var shingleSize: Int = 5
    /// MinHash values per article; more hashes estimate the Jaccard similarity more precisely (standard
    /// error about 1/sqrt(hashes): 0.09 at 128).
    public var minhashHashes: Int = 128
    /// LSH bands; `minhash_hashes` must be a multiple. With b bands of r rows a pair becomes a candidate with
    /// probability 1-(1-s^r)^b; 32 bands of 4 rows put the steep part of that curve near s = 0.42, below
    /// `cluster_threshold`, so that pairs above the threshold are very rarely missed.
    public var minhashBands: Int = 32
    /// Estimated Jaccard similarity of the shingle sets at or above which two articles are copies of one
    /// text. The same wire story under different chrome scores above 0.8; different outlets' own write-ups
    /// of one event score below 0.1.
    public var clusterThreshold: Double = 0.5
    /// Articles with fewer words than this get no signature: very short texts (captions, teasers) share
    /// boilerplate sentences and would cluster for the wrong reason.
    public var clusterMinWords: Int = 50

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lengthBins = "length_bins"
        case tableRows = "table_rows"
        case topK = "top_k"
        case shingleSize = "shingle_size"
        case minhashHashes = "minhash_hashes"
        case minhashBands = "minhash_bands"
        case clusterThreshold = "cluster_threshold"
        case clusterMinWords = "cluster_min_words"
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
        topK = try c.value(.topK, default: d.topK, check: Allowed.atLeast(1))
        shingleSize = try c.value(.shingleSize, default: d.shingleSize) { (1...20).contains($0) ? nil : "must be between 1 and 20, got \($0)" }
        minhashHashes = try c.value(.minhashHashes, default: d.minhashHashes) { (8...1024).contains($0) ? nil : "must be between 8 and 1024, got \($0)" }
        let hashes = minhashHashes
        minhashBands = try c.value(.minhashBands, default: d.minhashBands) { bands in
            bands >= 1 && bands <= hashes && hashes % bands == 0 ? nil : "must divide minhash_hashes (\(hashes))"
        }
        clusterThreshold = try c.value(.clusterThreshold, default: d.clusterThreshold, check: Allowed.within(0.05...1))
        clusterMinWords = try c.value(.clusterMinWords, default: d.clusterMinWords, check: Allowed.atLeast(0))
    }

    /// The parameters that make signatures comparable, as stored with them in stats.json.
    public var syndication: SyndicationParameters {
        SyndicationParameters(shingleSize: shingleSize, hashes: minhashHashes, bands: minhashBands, threshold: clusterThreshold, minWords: clusterMinWords)
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
