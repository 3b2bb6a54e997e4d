import Foundation

/// analyse: per-article measurements: word and sentence counts, the wire dateline, the credit line and
/// the language. Produces the article document.
public struct AnalyseStage: Stage {
    public static let name = StageName.analyse
    public static let version = "2"

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
        let paragraphs = article.paragraphs
        let text = paragraphs.map(\.text).joined(separator: "\n\n")
        let metadata = article.metadata

        // The dateline opens the story, but a photo credit or a subtitle may come before it.
        let dateline = paragraphs.prefix(Self.datelineParagraphs).lazy.compactMap { datelines.parse($0.text) }.first
        let credits = creditLines.parse(paragraphs: paragraphs.map(\.text))

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
            characters: text.unicodeScalars.count)

        var document = ArticleDocument(
            id: article.id, status: paragraphs.isEmpty ? .empty : .ok, source: article.source, url: metadata.url,
            title: metadata.title, titleSource: metadata.titleSource, siteName: metadata.siteName,
            siteNameSource: metadata.siteNameSource, authors: metadata.authors, authorsSource: metadata.authorsSource,
            published: metadata.published, publishedSource: metadata.publishedSource, language: language,
            languageSource: languageSource, description: metadata.description, text: text,
            dateline: dateline.map { .init(location: $0.location, date: $0.date, agency: $0.agency) },
            credits: credits?.roles, creditLine: credits?.line, metrics: metrics, flags: article.flags,
            versions: [:])
        document.modified = metadata.modified
        document.modifiedSource = metadata.modifiedSource
        document.section = metadata.section
        document.tags = metadata.tags
        document.comments = article.comments
        return document
    }
}
