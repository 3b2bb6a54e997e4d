import Foundation
import Testing
@testable import WirePipe

/// Extraction in other languages and scripts: the 34 news pages of Fixtures/multilingual (de, fr, es, it, pt,
/// nl, ru, zh, ja, ar in six layouts made by make_pages.py there; hi, th, el, he written by hand) must keep
/// their article text and leave the chrome around it out, with no rule that knows the language. Scored like
/// ../shared/tools/extract_eval.py; `scripts/eval-multilingual` scores them with the evaluator itself.
@Suite struct MultilingualExtractionTests {
    struct Page: Decodable {
        var articleBody: String
        var url: String
        var lang: String
        var published: String
        var author: String
        var layout: String
    }

    static let truth: [String: Page] = try! JSONDecoder().decode(
        [String: Page].self, from: Data(contentsOf: Fixtures.url("multilingual/ground-truth.json")))

    /// The mean F1 over the pages may not fall below this, nor any page below `pageFloor`.
    static let meanFloor = 0.97
    static let pageFloor = 0.90

    static func text(_ article: StrippedArticle) -> String { article.blocks.map(\.text).joined(separator: "\n\n") }

    @Test(arguments: truth.keys.sorted())
    func pageKeepsItsArticleText(_ key: String) throws {
        let article = try Fixtures.stripped("multilingual/\(key).html")
        let page = try #require(Self.truth[key])
        let score = ExtractionQualityTests.f1(truth: page.articleBody, predicted: Self.text(article))
        #expect(score >= Self.pageFloor, "\(key): F1 \(score)")
    }

    @Test func meanF1StaysAboveTheFloor() throws {
        var total = 0.0
        for (key, page) in Self.truth {
            let article = try Fixtures.stripped("multilingual/\(key).html")
            total += ExtractionQualityTests.f1(truth: page.articleBody, predicted: Self.text(article))
        }
        let mean = total / Double(Self.truth.count)
        #expect(mean >= Self.meanFloor, "mean F1 \(mean)")
    }

    /// Reader comments, newsletter and cookie notices are prose too: whatever their class names and language,
    /// no long block outside the article text may be kept.
    @Test(arguments: truth.keys.sorted())
    func noLongBlockOfChromeIsKept(_ key: String) throws {
        let article = try Fixtures.stripped("multilingual/\(key).html")
        let truth = try #require(Self.truth[key]).articleBody
        for block in article.blocks where block.text.count > 40 && !truth.contains(block.text) {
            Issue.record("\(key): kept a block that is not article text: \(block.text.prefix(80))")
        }
    }

    @Test(arguments: truth.keys.sorted())
    func metadataInTheLanguageOfThePage(_ key: String) throws {
        let article = try Fixtures.stripped("multilingual/\(key).html")
        let page = try #require(Self.truth[key])
        // Every page shows its date in its own language's format; only some also declare it in markup.
        #expect(article.metadata.published?.prefix(10) == page.published.prefix(10),
                "\(key): \(article.metadata.published ?? "nil") from \(article.metadata.publishedSource ?? "nil")")
        #expect(article.metadata.authors == [page.author], "\(key): authors \(article.metadata.authors) from \(article.metadata.authorsSource ?? "nil")")
        #expect(article.metadata.title.map { !$0.contains("|") } == true)
    }

    /// The language of each page's text, long and as one short sentence: right, or `und`, never wrong.
    @Test(arguments: truth.keys.sorted())
    func languageIsIdentifiedFromTheText(_ key: String) throws {
        let page = try #require(Self.truth[key])
        let detector = LanguageDetector()
        #expect(detector.detect(page.articleBody).code == page.lang, "\(key): \(detector.detect(page.articleBody))")
        let firstSentence = String(page.articleBody.prefix { $0 != "." && $0 != "。" && $0 != "\n" })
        let short = detector.detect(firstSentence)
        #expect(short.code == page.lang || short.code == "und", "\(key): \(firstSentence) → \(short.code)")
    }
}

@Suite struct ListsOfProseUnitsTests {
    /// A thread of reader comments beside a short article, with class names that say nothing: each comment is
    /// prose, but the thread is a list of separate units, not the rest of the article.
    @Test func aThreadBesideTheArticleIsNotItsContinuation() throws {
        let paragraph = "Der Gemeinderat hat am Dienstag nach langer Debatte beschlossen, die alte Brücke über den Fluss bis zum Herbst zu sanieren und neue Radwege anzulegen."
        let comment = "Das hätte man schon vor zehn Jahren machen müssen, jetzt kostet es doppelt so viel und die Anwohner warten weiter auf eine Lösung für den Verkehr."
        let thread = (1...6).map { "<div class=\"x9\"><div class=\"x10\"><b>Leser \($0)</b> <span>\($0) h</span></div><div class=\"x11\"><p>\(comment)</p></div><a href=\"#r\($0)\">↩</a></div>" }
        let html = """
            <html><body><div class="a1"><div class="a2"><h1>Brücke wird saniert</h1><div class="a3">\(String(repeating: "<p>\(paragraph)</p>", count: 4))</div></div>
            <div class="a4">\(thread.joined())</div></div></body></html>
            """
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        let text = try StripStage(settings: StripSettings()).process(page).blocks.map(\.text)
        #expect(text == Array(repeating: paragraph, count: 4))
    }

    /// An article in sections (a heading and its paragraphs each), wrapped apart from its opening, is the
    /// article: its units open with headings, not with a name and a time.
    @Test func sectionsOfTheArticleAreNotAList() throws {
        let paragraph = "El Ayuntamiento ha anunciado que limitará la concesión de nuevas licencias turísticas en el centro histórico a partir del próximo año."
        let sections = (1...4).map { "<section><h2>Parte \($0)</h2><p>\(paragraph)</p><p>\(paragraph)</p></section>" }
        let html = """
            <html><body><div class="a1"><div class="a2">\(String(repeating: "<p>\(paragraph)</p>", count: 5))</div>
            <div class="a3">\(sections.joined())</div></div><div class="a9"><a href="/">Inicio</a></div></body></html>
            """
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        let text = try StripStage(settings: StripSettings()).process(page).blocks.map(\.text)
        #expect(text.filter { $0 == paragraph }.count == 13)
        #expect(text.contains("Parte 4"))
    }

    /// The rest of a body split around an advertisement holds its paragraphs together and is kept.
    @Test func aBodySplitAroundAnAdvertisementIsKeptWhole() throws {
        let paragraph = "Les travaux doivent permettre de remplacer les rails usés et de moderniser la signalisation de toute la ligne avant la rentrée de septembre."
        let html = """
            <html><body><div class="a1"><div class="a3">\(String(repeating: "<p>\(paragraph)</p>", count: 4))</div><div class="a5"><span>Publicité</span><iframe src="/ad"></iframe></div>
            <div class="a3">\(String(repeating: "<p>\(paragraph)</p>", count: 3))</div></div></body></html>
            """
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        let text = try StripStage(settings: StripSettings()).process(page).blocks.map(\.text)
        #expect(text.filter { $0 == paragraph }.count == 7)
    }
}

@Suite struct MultilingualTextMeasureTests {
    func measure(_ text: String) -> BlockText { BlockText(bytes: Array(text.utf8), minWords: 5) }

    @Test func chineseAndJapaneseParagraphsAreProseNotLabels() {
        let chinese = measure("四年来，全市累计改造垃圾投放点两万余个，大部分小区实现了定时定点投放。不少小区还在投放点旁配备了洗手池、照明和除臭设备。")
        #expect(chinese.sentences == 2)
        #expect(chinese.words >= 25 && chinese.words <= 35)
        let japanese = measure("気象台は22日、市内の標本木で桜の開花を確認したと発表した。平年より9日早い開花となった。")
        #expect(japanese.sentences == 2)
        // A label stays a label.
        #expect(measure("相关新闻").sentences == 0 && measure("相关新闻").words < 5)
        #expect(measure("この記事をシェア").words < 5)
    }

    @Test func punctuationOfOtherScriptsIsNotAWord() {
        // Spaced French punctuation and guillemets, the Arabic comma, CJK enumeration commas.
        #expect(measure("« Nous avons choisi l'été » , dit-il ; c'est tout !").words == measure("Nous avons choisi l'été dit-il c'est tout").words)
        #expect(measure("قال الوزير ، في مؤتمر صحفي ، إن").words == 6)
        #expect(measure("東京、大阪、名古屋").words == 3)
    }

    @Test func thaiSentencesEndAtSpaces() {
        let thai = measure("กรุงเทพมหานครประกาศแผนพัฒนาระบบขนส่งสาธารณะใหม่ในวันนี้ โดยจะเริ่มก่อสร้างรถไฟฟ้าสายใหม่ในปีหน้า")
        #expect(thai.sentences >= 1)
        #expect(thai.words >= 15)
    }

    @Test func rightToLeftAndIndicSentencesCount() {
        #expect(measure("أعلنت الحكومة يوم الثلاثاء عن حزمة من الإجراءات الجديدة. هل تكفي هذه الإجراءات الجديدة لمواجهة الأزمة؟").sentences == 2)
        #expect(measure("सरकार ने मंगलवार को नई योजना की घोषणा की। इससे किसानों को लाभ होगा।").sentences == 2)
        #expect(measure("הממשלה הודיעה היום על תוכנית חדשה לשיפור התחבורה הציבורית בעיר.").sentences == 1)
    }
}

@Suite struct MultilingualDateTests {
    @Test func monthNamesOfEightLanguages() {
        #expect(DateNormaliser.iso("26. Mai 2022") == "2022-05-26")
        #expect(DateNormaliser.iso("1er mars 2023") == "2023-03-01")
        #expect(DateNormaliser.iso("22 août 2022") == "2022-08-22")
        #expect(DateNormaliser.iso("17 de febrero de 2023") == "2023-02-17")
        #expect(DateNormaliser.iso("3 aprile 2023") == "2023-04-03")
        #expect(DateNormaliser.iso("20 de junho de 2022") == "2022-06-20")
        #expect(DateNormaliser.iso("11 april 2022, 15:00") == "2022-04-11")
        #expect(DateNormaliser.iso("4 maart 2023") == "2023-03-04")
        #expect(DateNormaliser.iso("15 июня 2023, 12:00") == "2023-06-15")
        #expect(DateNormaliser.iso("Donnerstag, 3. März 2022") == "2022-03-03")
    }

    @Test func numericDatesAreDayFirstUnlessTheLocaleSaysOtherwise() {
        #expect(DateNormaliser.iso("26.05.2022, 09:30 Uhr") == "2022-05-26")
        #expect(DateNormaliser.iso("26/05/2022") == "2022-05-26")
        #expect(DateNormaliser.iso("5/26/2022") == "2022-05-26")
        // Ambiguous: the page's locale decides, and without one there is no date rather than a guess.
        #expect(DateNormaliser.iso("05/10/2022", dayFirst: true) == "2022-10-05")
        #expect(DateNormaliser.iso("05/10/2022", dayFirst: false) == "2022-05-10")
        #expect(DateNormaliser.iso("05/10/2022") == nil)
        #expect(MetadataExtractor.dayFirst(locale: "de-DE") == true)
        #expect(MetadataExtractor.dayFirst(locale: "en_US") == false)
        #expect(MetadataExtractor.dayFirst(locale: "en-GB") == true)
        #expect(MetadataExtractor.dayFirst(locale: "en") == nil)
    }

    @Test func chineseJapaneseAndKoreanDates() {
        #expect(DateNormaliser.iso("2023年07月01日 08:00") == "2023-07-01")
        #expect(DateNormaliser.iso("2023年5月18日 18時30分") == "2023-05-18")
        #expect(DateNormaliser.iso("2023년 5월 18일") == "2023-05-18")
    }

    @Test func aDateInsideABylineIsFound() {
        #expect(DateNormaliser.find(in: "Von Katrin Hoffmann · 26.05.2022, 09:30 Uhr", dayFirst: true) == "2022-05-26")
        #expect(DateNormaliser.find(in: "Par Claire Dubois, le 14 mars 2023 à 11h15", dayFirst: true) == "2023-03-14")
        #expect(DateNormaliser.find(in: "Posted 3 days ago", dayFirst: nil) == nil)
    }

    func metadata(_ html: String) throws -> ArticleMetadata {
        MetadataExtractor().extract(from: try HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8"))
    }

    /// The page header's "today" is not the story's date; the line under the headline is.
    @Test func theVisibleDateIsTheOneUnderTheHeadline() throws {
        let header = "<div class=\"kopf\"><span class=\"heute-datum\">Donnerstag, 24. November 2022</span><a href=\"/\">Rundschau</a></div>"
        let withLine = try metadata("<html lang=\"de\"><body>\(header)<h1>Stadtrat beschließt Radwege</h1><div class=\"zeile\">Von Katrin Hoffmann · 26.05.2022, 09:30 Uhr</div><p>Text.</p></body></html>")
        #expect(withLine.published == "2022-05-26" && withLine.publishedSource == "visible")
        #expect(withLine.authors == ["Katrin Hoffmann"] && withLine.authorsSource == "byline-text")
        let headerOnly = try metadata("<html lang=\"de\"><body>\(header)\(String(repeating: "<p><a href=\"/x\">Rubrik</a></p>", count: 30))<h1>Stadtrat beschließt Radwege</h1><p>Text ohne Datum.</p></body></html>")
        #expect(headerOnly.published == nil)
    }

    @Test func bylinesInOtherLanguages() {
        #expect(MetadataExtractor.splitNames("Par Claire Dubois et Antoine Moreau") == ["Claire Dubois", "Antoine Moreau"])
        #expect(MetadataExtractor.splitNames("Por Javier Morales y Lucía Fernández") == ["Javier Morales", "Lucía Fernández"])
        #expect(MetadataExtractor.splitNames("Di Marco Bianchi e Francesca Ferrari") == ["Marco Bianchi", "Francesca Ferrari"])
        #expect(MetadataExtractor.splitNames("Door Pieter de Vries en Sanne Bakker") == ["Pieter de Vries", "Sanne Bakker"])
        #expect(MetadataExtractor.splitNames("Автор: Анна Смирнова") == ["Анна Смирнова"])
        #expect(MetadataExtractor.splitNames("От Дмитрий Козлов, корреспондент") == ["Дмитрий Козлов"])
        #expect(MetadataExtractor.splitNames("记者：李明") == ["李明"])
        #expect(MetadataExtractor.splitNames("Von Katrin Hoffmann, Redakteurin") == ["Katrin Hoffmann"])
        #expect(MetadataExtractor.splitNames("by ライトハウス国際特許事務所 ／ 2016.12.01") == ["ライトハウス国際特許事務所"])
        #expect(MetadataExtractor.splitNames("Jane Doe / Reuters") == ["Jane Doe"])
    }
}
