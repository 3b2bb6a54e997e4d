import Foundation
@testable import WirePipe

/// Article documents built in code for the aggregate tests, with the analysis fields (quotes, entities,
/// sourcing, readability) that the analyse stage does not fill yet.
enum SampleArticles {
    static func document(
        id: String, site: String?, published: String?, text: String, language: String = "en",
        agency: String? = nil, location: String? = nil, credits: [String: [String]]? = nil,
        quotes: [Quotation] = [], entities: [NamedEntity] = [], sourcing: Sourcing? = nil,
        readability: Readability? = nil, flags: [String] = [], status: ArticleDocument.Status = .ok
    ) -> ArticleDocument {
        let words = Tokenizer().wordCount(in: text)
        let paragraphs = text.components(separatedBy: "\n\n")
        var document = ArticleDocument(
            id: id, status: status,
            source: PageSource(path: id + ".html", sha256: String(repeating: "0", count: 64), bytes: text.utf8.count, encoding: "utf-8",
                               encodingSource: "utf8-valid", compressed: false),
            url: nil, title: nil, titleSource: nil, siteName: site, siteNameSource: site == nil ? nil : "og", authors: [], authorsSource: nil,
            published: published, publishedSource: published == nil ? nil : "meta", language: language, languageSource: "text",
            description: nil, text: text,
            dateline: location.map { ArticleDocument.DatelineValue(location: $0, date: nil, agency: agency) },
            credits: credits, creditLine: nil,
            metrics: ArticleDocument.Metrics(words: words, sentences: max(1, words / 15), paragraphs: paragraphs.count, characters: text.unicodeScalars.count),
            flags: flags, versions: [:])
        document.quotes = quotes
        document.entities = entities
        document.sourcing = sourcing
        document.readability = readability
        return document
    }

    static func quote(_ text: String, speaker: String?, anonymous: Bool = false, group: Int, kind: Quotation.Kind = .direct) -> Quotation {
        Quotation(text: text, kind: kind, speaker: speaker, speakerMention: speaker, cue: "said", anonymous: anonymous, group: group, paragraph: 0, start: 0, end: text.count)
    }

    static func entity(_ name: String, _ type: NamedEntity.Kind, count: Int) -> NamedEntity {
        NamedEntity(name: name, type: type, title: nil, count: count, mentions: [])
    }

    /// A varied little corpus: several sites, days, languages, agencies, quotations, entities, credits,
    /// readability scores, flags, an empty page, a page that is not an article, and two copies of one text.
    static func corpus() -> [ArticleDocument] {
        let wire = """
            LONDON, June 3 (Reuters) - Shares in European banks rose on Friday after the central bank signalled \
            that interest rates would stay on hold for the rest of the summer, easing worries about loan losses \
            and lifting lenders in Frankfurt, Paris and Milan.

            "We see no reason to move before September," the bank's chief economist Maria Lind told reporters, \
            adding that inflation had eased for a third month in a row across the euro zone economies.

            Traders had priced in a small chance of a cut, but the comments pushed bond yields higher and the \
            euro gained against the dollar in afternoon trading, analysts said.
            """
        let credits = ["reporting": ["Anna Berg", "Tom Hale"], "editing": ["Kim Ross"]]
        var docs: [ArticleDocument] = []
        docs.append(document(
            id: "wire-a", site: "City Wire", published: "2024-06-03T09:00:00Z", text: wire, agency: "Reuters", location: "LONDON", credits: credits,
            quotes: [quote("We see no reason to move before September,", speaker: "Maria Lind", group: 0)],
            entities: [entity("Maria Lind", .person, count: 2), entity("Frankfurt", .place, count: 1)],
            readability: Readability(fleschReadingEase: 48.26, fleschKincaidGrade: 11.04, readingTimeMinutes: 0.5)))
        docs.append(document(
            id: "wire-b", site: "Daily Aggregator", published: "2024-06-03T11:30:00Z", text: wire + "\n\nRead more: markets live.",
            agency: "Reuters", location: "LONDON", credits: credits,
            quotes: [quote("We see no reason to move before September,", speaker: "Maria Lind", group: 0)],
            entities: [entity("Maria Lind", .person, count: 2), entity("Frankfurt", .place, count: 1)],
            readability: Readability(fleschReadingEase: 49.0, fleschKincaidGrade: 10.9, readingTimeMinutes: 0.5)))
        docs.append(document(
            id: "own-story", site: "Morning Ledger", published: "2024-06-04T07:00:00Z",
            text: """
                European lenders had a good day. Bank stocks climbed across the continent once policymakers made clear \
                that borrowing costs were not about to fall, a message investors read as good news for margins.

                "They are buying time," said one senior official who asked not to be named, "and the market likes it."

                The rally was strongest in Italy, where two large lenders gained more than four percent each by the close.
                """,
            quotes: [quote("They are buying time,", speaker: "one senior official", anonymous: true, group: 0),
                     quote("and the market likes it.", speaker: "one senior official", anonymous: true, group: 0),
                     quote("good news", speaker: nil, group: 1, kind: .scare)],
            entities: [entity("Italy", .place, count: 1)],
            sourcing: Sourcing(anonymityPhrases: [Sourcing.Phrase(text: "who asked not to be named", paragraph: 1, start: 0, end: 10)],
                               unnamedAttributions: [], anonymousQuoteShare: 1),
            readability: Readability(fleschReadingEase: 61.2, fleschKincaidGrade: 8.3, readingTimeMinutes: 0.4)))
        docs.append(document(
            id: "de-story", site: "Zeitung", published: "2024-06-04T08:00:00Z",
            text: "Die Aktien der Banken sind am Freitag gestiegen, nachdem die Zentralbank eine Pause bei den Zinsen angedeutet hatte. Die Anleger waren erleichtert, und die Banken gewannen deutlich.",
            language: "de", location: "BERLIN", credits: ["reporting": ["Anna Berg"]]))
        docs.append(document(id: "empty-page", site: "City Wire", published: nil, text: "", flags: ["no-main-text"], status: .empty))
        docs.append(document(id: "tag-page", site: "City Wire", published: nil, text: "Markets. Banks. Rates.", flags: ["not-an-article:tag"]))
        for n in 0..<4 {
            docs.append(document(
                id: "brief-\(n)", site: n % 2 == 0 ? "City Wire" : "Morning Ledger", published: n == 3 ? nil : "2024-06-0\(5 + n)T10:00:00Z",
                text: "Brief number \(n): the harbour authority reported \(n + 2) ships delayed by fog and expected traffic to return to normal by the evening.",
                flags: n == 1 ? ["very-short"] : []))
        }
        return docs
    }
}
