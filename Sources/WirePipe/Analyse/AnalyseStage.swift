import Foundation

/// analyse: per-article measurements: word and sentence counts, the wire dateline, the credit line (taken out
/// of the text), the language, and for English quotations with speakers, sourcing, entities, keyphrases and
/// readability (`ArticleAnalyser`). Produces the article document.
public struct AnalyseStage: Stage {
    public static let name = StageName.analyse
    public static let version = "4"

    /// How many leading paragraphs may hold the dateline.
    static let datelineParagraphs = 3

    public var settings: AnalyseSettings
    private let datelines: DatelineParser
    private let creditLines = CreditLineParser()
    private let languages = LanguageDetector()

    public init(settings: AnalyseSettings) {
        self.settings = settings
        self.datelines = DatelineParser(maxPrefixLength: settings.datelineMaxPrefix)
    }

    public func process(_ article: NormalisedArticle) throws(PageError) -> ArticleDocument {
        let lists: WordLists
        switch WordLists.shared {
        case .success(let loaded): lists = loaded
        case .failure(let error): throw PageError(.unreadable, stage: .analyse, "\(error) (a packaging fault: rebuild wirepipe)")
        }
        var paragraphs = article.paragraphs
        let metadata = article.metadata

        // The dateline opens the story, but a photo credit or a subtitle may come before it.
        let dateline = paragraphs.prefix(Self.datelineParagraphs).lazy.compactMap { datelines.parse($0.text) }.first
        let credits = creditLines.parse(paragraphs: paragraphs.map(\.text))
        if let credits { paragraphs = CreditLineRemover().remove(credits, from: paragraphs) }
        let text = paragraphs.map(\.text).joined(separator: "\n\n")

        try PageDeadline.check(.analyse)
        let guess = languages.detect(text)
        let language: String, languageSource: String
        if guess.code != "und" && guess.confidence >= settings.languageMinConfidence {
            (language, languageSource) = (guess.code, "text")
        } else if let declared = metadata.declaredLanguage {
            (language, languageSource) = (declared, "declared")
        } else {
            (language, languageSource) = (guess.code, guess.code == "und" ? "none" : "text")
        }

        let metrics = ArticleDocument.Metrics(
            words: paragraphs.reduce(0) { $0 + $1.words },
            sentences: paragraphs.reduce(0) { $0 + $1.sentences.count },
            paragraphs: paragraphs.count,
            characters: AnalysisText.scalarCount(of: text))

        try PageDeadline.check(.analyse)
        let analysis = ArticleAnalyser(lists: lists, settings: settings).analyse(
            paragraphs: paragraphs.map(\.text), title: metadata.title, language: language,
            wordCount: metrics.words, sentenceCount: metrics.sentences)

        var document = ArticleDocument(
            id: article.id, status: paragraphs.isEmpty ? .empty : .ok, source: article.source, url: metadata.url,
            title: metadata.title, titleSource: metadata.titleSource, siteName: metadata.siteName,
            siteNameSource: metadata.siteNameSource, authors: metadata.authors, authorsSource: metadata.authorsSource,
            published: metadata.published, publishedSource: metadata.publishedSource, language: language,
            languageSource: languageSource, description: metadata.description, text: text,
            dateline: dateline.map { .init(location: $0.location, date: $0.date, agency: $0.agency) },
            credits: credits?.roles, creditLine: credits?.line, metrics: metrics, flags: article.flags + analysis.flags,
            versions: [:])
        document.modified = metadata.modified
        document.modifiedSource = metadata.modifiedSource
        document.section = metadata.section
        document.tags = metadata.tags
        document.comments = article.comments
        document.quotes = analysis.quotes
        document.entities = analysis.entities
        document.sourcing = analysis.sourcing
        document.keyphrases = analysis.keyphrases
        document.readability = analysis.readability
        return document
    }
}
