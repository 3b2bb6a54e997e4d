/// Runs the content analysers over an article's paragraphs: quotations and speakers, sourcing, entities,
/// keyphrases and readability. They all rest on English word lists, so they run for `language == "en"`; other
/// languages get the language-independent parts of the stage (dateline, credits, counts, language) and the flag
/// `analysis-english-only`.
struct ArticleAnalyser {
    struct Analysis {
        var quotes: [Quotation] = []
        var entities: [NamedEntity] = []
        var sourcing: Sourcing?
        var keyphrases: [Keyphrase] = []
        var readability: Readability?
        var flags: [String] = []
    }

    /// Flag for articles whose language has no quotation, entity and keyphrase rules yet.
    static let englishOnlyFlag = "analysis-english-only"

    let lists: WordLists
    let settings: AnalyseSettings

    func analyse(paragraphs: [String], title: String?, language: String, wordCount: Int, sentenceCount: Int) -> Analysis {
        var analysis = Analysis()
        guard language == "en" else {
            if !paragraphs.isEmpty { analysis.flags.append(Self.englishOnlyFlag) }
            return analysis
        }
        let text = AnalysisText(paragraphs: paragraphs, title: title, lists: lists)
        analysis.entities = EntityRecogniser(lists: lists).recognise(text)

        let anonymity = AnonymityPhraseFinder(lists: lists).phrases(in: text)
        var anonymityByParagraph: [Int: [Range<Int>]] = [:]
        for phrase in anonymity { anonymityByParagraph[phrase.paragraph, default: []].append(phrase.start..<phrase.end) }
        let quotations = QuotationExtractor(lists: lists, settings: settings)
            .extract(text, entities: analysis.entities, anonymityOffsets: anonymityByParagraph)
        analysis.quotes = quotations.quotes

        let spoken = quotations.quotes.filter { $0.kind != .scare }
        let share = spoken.isEmpty ? 0 : Double(spoken.filter(\.anonymous).count) / Double(spoken.count)
        analysis.sourcing = Sourcing(anonymityPhrases: anonymity, unnamedAttributions: quotations.unnamedAttributions,
                                     anonymousQuoteShare: (share * 1000).rounded() / 1000)

        analysis.keyphrases = KeyphraseExtractor(lists: lists).keyphrases(in: text, count: settings.keyphraseCount)
        analysis.readability = ReadabilityScorer().score(text, sentences: sentenceCount,
                                                         wordsPerMinute: settings.readingWordsPerMinute)
        return analysis
    }
}
