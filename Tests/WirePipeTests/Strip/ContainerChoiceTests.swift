import Foundation
import Testing
@testable import WirePipe

/// Rules of the container choice found by scoring real multilingual pages with `scripts/eval-snippets`; each
/// test is a small hand-made page that fails without its rule.
@Suite struct ContainerChoiceTests {
    func text(_ html: String) throws -> [String] {
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        return try StripStage(settings: StripSettings()).process(page).blocks.map(\.text)
    }

    static let intro = "Im aktuellen Test wurden achtzehn Kindersitze auf Sicherheit, Bedienung und Schadstoffe geprüft."
    static let section = "Vier Sitzmodelle fallen wegen zu hoher Schadstoffwerte im Bezugsstoff durch und werden deshalb abgewertet."
    static let tip = "Nehmen Sie das eigene Fahrzeug und das Kind mit zum Geschäft, um die Modelle vor dem Kauf auszuprobieren."

    /// A box of tips nested in wrappers that hold nothing else outweighs each section of the article: the
    /// wrappers must not use up the levels the sections beside the box are looked for in.
    @Test func wrappersAroundTheBestBoxCostNoLevel() throws {
        let tips = String(repeating: "<li>\(Self.tip)</li>", count: 6)
        let html = """
            <html><body><div class="x1"><div class="x2"><p>\(Self.intro)</p>
            <div class="x3"><h2>Ergebnisse</h2><p>\(Self.section)</p><p>\(Self.section)</p></div>
            <div class="x3"><h2>Schadstoffe</h2><p>\(Self.section)</p><p>\(Self.section)</p></div>
            <div class="x4"><div class="x5"><div class="x6"><div class="x7"><ul>\(tips)</ul></div></div></div></div>
            </div><div class="x8"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.first == Self.intro)
        #expect(blocks.filter { $0 == Self.section }.count == 4)
        #expect(blocks.filter { $0 == Self.tip }.count == 6)
        #expect(!blocks.contains("Startseite Kontakt"))
    }

    static let body = "Der Reporter hatte seine Recherche über Monate geführt, bevor die Redaktion erste Zweifel an den Angaben bekam."

    /// The lead sits in a box of its own between the headline and the body: it is the top of the article,
    /// while a byline and a caption there are not.
    @Test func theLeadBetweenHeadlineAndBodyIsKept() throws {
        let lead = "Ein Reporter hat die Redaktion mit gefälschten Artikeln in eine Krise gestürzt. Wie konnte es dazu kommen?"
        let html = """
            <html><head><title>Ein Albtraum</title></head><body><div class="k1"><h1>Ein Albtraum</h1>
            <div class="k2">Von Anna Muster</div><div class="k3">\(lead)</div>
            <div class="caption">Das Foto zeigt das Verlagsgebäude am Hafen, aufgenommen im vergangenen Winter.</div>
            <div class="k4">\(String(repeating: "<div class=\"k5\">\(Self.body)</div>", count: 8))</div></div>
            <div class="k6"><a href="/1">Mehr zum Thema</a> <a href="/2">Impressum</a></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.first == lead)
        #expect(blocks.filter { $0 == Self.body }.count == 8)
        #expect(!blocks.contains { $0.contains("Verlagsgebäude") })
        #expect(!blocks.contains("Von Anna Muster"))
    }

    /// A subheading's id is an anchor made from its words: "nav…" or "share…" there says nothing about the
    /// element, and the subheading stays with the section it opens.
    @Test func aSubheadingIdIsNoHint() throws {
        let html = """
            <html><body><div class="k1"><p>\(Self.body)</p><p>\(Self.body)</p>
            <h3 id="nav_nur_die_folie_bleibt">Nur die Folie bleibt zurück</h3><p>\(Self.body)</p><p>\(Self.body)</p></div>
            <nav><h3 class="nav-title">Rubriken</h3><a href="/a">Wissen</a></nav></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.contains("Nur die Folie bleibt zurück"))
        #expect(!blocks.contains("Rubriken"))
    }

    /// An endless-scroll page appends the next stories below the page's own, and one of them may be longer
    /// (here by half): the story whose heading repeats the page title is the page's article.
    @Test func theStoryUnderThePageTitleWinsOverALongerNextOne() throws {
        let own = "Die Partei bestreitet, vom Versand der Gratiszeitung an die Haushalte gewusst zu haben, doch Dokumente sprechen dagegen."
        let next = "In einem anderen Fall geht es um Spenden aus dem Ausland, die über Umwege an den Kreisverband geflossen sein sollen, sagen Ermittler."
        let html = """
            <html><head><title>Wir haben bereits die Zusage</title></head><body><main><div class="l1">
            <article class="i1"><h2>Wir haben bereits die Zusage</h2><div class="c1">\(String(repeating: "<p>\(own)</p>", count: 6))</div></article>
            <article class="i1"><h2>Spenden aus dem Ausland</h2><div class="c1">\(String(repeating: "<p>\(next)</p>", count: 9))</div></article>
            </div></main></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == own }.count == 6)
        #expect(!blocks.contains(next))
    }

    /// The author's sign-off is a short paragraph beside the prose paragraphs, not a label of the share bar
    /// that follows it nor page furniture after the article.
    @Test func theSignOffBesideTheProseIsKept() throws {
        let html = """
            <html><body><div class="k1"><div class="k2"><p>\(Self.body)</p><p>\(Self.body)</p><p>\(Self.body)</p><p>x Franzi</p></div>
            <div class="k7">Artikel teilen</div><div class="k8"><a href="/1">Facebook</a> <a href="/2">Pinterest</a></div>
            <div class="k9">Schlagworte</div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.last == "x Franzi")
        #expect(!blocks.contains("Artikel teilen") && !blocks.contains("Schlagworte"))
    }

    /// A recipe's ingredient lines sit in paragraphs beside the steps and hold no sentence: after the headline
    /// and before the steps they are the article's. A date line there is the dateline, and a line of links
    /// is navigation.
    @Test func shortLinesBesideTheBodyAfterTheHeadlineAreKept() throws {
        let step = "Alle Zutaten in eine Schüssel geben und mit den Knethaken zu einem glatten Teig verarbeiten."
        let html = """
            <html><head><title>Mandelplätzchen</title></head><body><div class="k1"><h1>Mandelplätzchen</h1>
            <div class="k2"><p>23.10.2018</p><p>Zubereitungszeit: 25 Minuten</p><p>Zutaten:<br>300 g Mehl<br>200 g Zucker<br>1 Prise Salz</p>
            <p><a href="/a">Rezepte</a> <a href="/b">Backen</a></p><p>Zubereitung:</p>
            <ol>\(String(repeating: "<li>\(step)</li>", count: 5))</ol></div></div>
            <div class="k3"><p>Kommentar verfassen</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.contains("200 g Zucker") && blocks.contains("Zubereitungszeit: 25 Minuten"))
        #expect(blocks.filter { $0 == step }.count == 5)
        #expect(!blocks.contains("23.10.2018"))
        #expect(!blocks.contains("Rezepte Backen"))
        #expect(!blocks.contains("Kommentar verfassen"))
    }

    /// Every section of a test report carries the same chrome-sounding class ("section--ads": ads may be put
    /// in it): the hint cannot tell the body's section from the others, and all of them are the article.
    @Test func aHintSharedByTheBodysBoxAndItsSiblingsSeparatesNothing() throws {
        let first = "Der Grill heizt in zehn Minuten auf fast achthundert Grad auf, allerdings nur in der Mitte des Rostes."
        let second = "Das Steak bekommt in zwei Minuten eine kräftige Kruste und bleibt innen saftig, so wie es sein soll."
        let html = """
            <html><body><article class="r1"><h1>Beef Maker im Test</h1>
            <section class="r-section r-section--ads"><h2>Aufheizen</h2><div class="t">\(String(repeating: "<p>\(first)</p>", count: 5))</div></section>
            <section class="r-section r-section--ads"><h2>Grillen</h2><div class="t">\(String(repeating: "<p>\(second)</p>", count: 3))</div></section>
            </article><div class="side"><a href="/1">Weitere Tests</a></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == first }.count == 5)
        #expect(blocks.filter { $0 == second }.count == 3)
    }

    /// Song lyrics are short lines, none a sentence, in one element without links: together they are the
    /// text of the page, which a note below them must not outweigh.
    @Test func linesOfVerseInOneElementAreText() throws {
        let lines = ["爱 逝去的爱 讨不回来", "Ai shi qu de ai tao bu hui lai", "我还有话想对你说", "Wo hai you hua xiang dui ni shuo",
                     "舍不得说 来不及说", "She bu de shuo lai bu ji shuo", "离别的话最难说出口", "Li bie de hua zui nan shuo chu kou",
                     "你会找到新的生活", "Ni hui zhao dao xin de sheng huo", "我会收起我的难过", "Wo hui shou qi wo de nan guo"]
        let html = """
            <html><body><div class="h"><a href="/">Lyrics</a> <a href="/a">Archive</a></div>
            <div class="post"><h3>Zhi Neng Xiang Nian Ni</h3><div class="pb">\(lines.joined(separator: "<br>"))</div></div>
            <div class="f"><p>Thank you for your support! Please leave a comment below and share this page with your friends.</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(Array(blocks.drop { !$0.hasPrefix("爱") }.prefix(lines.count)) == lines)
        #expect(!blocks.contains("Lyrics Archive"))
    }

    /// An author box after the article is prose of its own, told apart only by its class name (a weak hint,
    /// which is all there is here).
    @Test func theAuthorBoxBesideTheArticleStaysOut() throws {
        let bio = "Nach langjähriger Tätigkeit im Ausland schreibt unsere Autorin seit zehn Jahren über Medien und Technik."
        let html = """
            <html><body><div class="w"><div class="entry-content">\(String(repeating: "<p>\(Self.body)</p>", count: 6))</div>
            <section class="main-box author-box"><p>\(bio)</p><p>\(bio)</p></section></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 6)
        #expect(!blocks.contains(bio))
    }

    /// A heading with nothing kept under it labels chrome, unless it is a sentence itself: a pull quote set
    /// as a heading at the end of a magazine piece.
    @Test func aHeadingThatIsASentenceNeedsNoSectionUnderIt() throws {
        let quote = "Relotius legt auf Facebook ein Fake-Profil an. Es stützt seine Version."
        let html = """
            <html><body><div class="k1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))<h4>\(quote)</h4>
            <h3>Mehr zum Thema</h3><ul class="k2"><li><a href="/1">Die Affäre</a></li><li><a href="/2">Der Bericht</a></li></ul></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.last == quote)
        #expect(!blocks.contains("Mehr zum Thema"))
    }

    /// A paragraph that is only an address written out as its link belongs to the text beside it; a paragraph
    /// that links words ("Weiterlesen") and an address in the footer do not.
    @Test func anAddressParagraphBesideTheProseIsKept() throws {
        let url = "http://www.openpetition.de/petition/online/gegen-die-tarifreform"
        let html = """
            <html><body><div class="main"><div class="entry">\(String(repeating: "<p>\(Self.body)</p>", count: 4))
            <p><a href="\(url)">\(url)</a></p><p><a href="mailto:redaktion@example.org">redaktion@example.org</a></p>
            <p><a href="/weiter">Weiterlesen</a></p></div></div>
            <div class="footer"><p><a href="http://www.example.org">www.example.org</a></p></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 4)
        #expect(blocks.contains(url))
        #expect(blocks.contains("redaktion@example.org"))
        #expect(!blocks.contains("Weiterlesen"))
        #expect(!blocks.contains("www.example.org"))
        #expect(ContentExtractor.isAddress("info@fairkom.eu") && !ContentExtractor.isAddress("@handle") && !ContentExtractor.isAddress("Mehr lesen"))
    }

    /// The previews of the next posts under a short article hold more prose than the article: the theme's
    /// `next-post` class name is what tells them apart.
    @Test func nextPostPreviewsStayOut() throws {
        let teaser = "Die Band spielte am Wochenende vor ausverkauftem Haus, und das Publikum sang jedes Lied der neuen Platte mit."
        let previews = (1...3).map { "<div class=\"t\"><h2><a href=\"/\($0)\">Konzert \($0)</a></h2><p>\(teaser)</p><p>\(teaser)</p></div>" }.joined()
        let html = """
            <html><body><div class="wrap"><div class="story"><p>\(Self.body)</p><p>\(Self.body)</p></div>
            <div class="next-post-thumbnails">\(previews)</div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks == [Self.body, Self.body])
    }

    /// A page builder nests every paragraph in three boxes named after the same word ("widget"), beside a
    /// box of teasers hinted as chrome once: the repeated word is one piece of evidence, so the article is
    /// not weighted down three times over and buried under the teasers.
    @Test func aChromeHintRepeatedAroundAParagraphCountsOnce() throws {
        let widget = { (text: String) in
            "<div class=\"pb-widget-wrap\"><div class=\"pb-widget pb-widget-text\"><div class=\"pb-widget-container\"><p>\(text)</p></div></div></div>"
        }
        let teaser = "Die Band spielte vor ausverkauftem Haus. Das Publikum sang jedes Lied mit."
        let teasers = (1...3).map { "<li><h3><a href=\"/\($0)\">Konzert \($0)</a></h3><p>\(teaser)</p></li>" }.joined()
        let html = """
            <html><body><div class="page"><div class="pb-section">\(String(repeating: widget(Self.body), count: 5))</div>
            <div class="related"><ul>\(teasers)</ul></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks == Array(repeating: Self.body, count: 5))
    }

    /// Some editors set every paragraph as a `<div>` of text: a run of them is the article's paragraphs, and
    /// the short lines among them (a programme, a list written with dashes) belong to it as they would
    /// between `<p>`s.
    @Test func divsWrittenAsParagraphsMakeTheirParentTheBody() throws {
        let lines = ["– Rituale zur Heilung", "– Reiki und Runen", "– Astralreisen mit Reiki"]
        let html = """
            <html><body><div class="page"><div class="entry"><div>\(String(repeating: "<div>\(Self.body)</div><div></div>", count: 3))</div>
            <div>\(Self.intro)</div><div>Aus dem Inhalt:</div>\(lines.map { "<div>\($0)</div>" }.joined())
            <div>\(Self.section)</div></div>
            <div class="bar"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks == Array(repeating: Self.body, count: 3) + [Self.intro, "Aus dem Inhalt:"] + lines + [Self.section])
    }

    /// A teaser card set into the body (a linked title, a picture, a summary) announces another page: its
    /// summary is not the article's text. A linked subheading over the article's own paragraphs is no card:
    /// the box they share holds the rest of the article too.
    @Test func theSummaryUnderALinkedTitleInACardStaysOut() throws {
        let summary = "Sommerzeit ist Urlaubszeit, und die Sängerin zeigt sich auf einer griechischen Insel. Seht selbst!"
        let html = """
            <html><body><div class="page"><div class="k1"><p>\(Self.body)</p><p>\(Self.body)</p>
            <div class="k2"><div class="k3"><h3><a href="/andere-geschichte">Heiß, heißer: so zeigt sich das Model im Urlaub</a></h3></div>
            <div class="k4"><a href="/andere-geschichte"><img src="x.jpg" alt=""></a><div class="k5">\(summary)</div></div></div>
            <h2><a href="/abschnitt">Der zweite Abschnitt des Berichts</a></h2><p>\(Self.section)</p><p>\(Self.body)</p></div>
            </div></body></html>
            """
        let blocks = try text(html)
        #expect(!blocks.contains(summary))
        #expect(blocks.contains(Self.section))
        #expect(blocks.filter { $0 == Self.body }.count == 3)
    }

    /// The first paragraphs sit beside a box the rest of the article is folded into ("Read all"), and only
    /// that box is named for the body: its hint must not make the paragraphs beside it look too few to be
    /// the article's, nor leave the top of the story out.
    @Test func aBodyHintOnTheBoxDoesNotLeaveTheParagraphsBesideItOut() throws {
        let top = "Der Präsident ist am Samstag überraschend für eine Untersuchung ins Krankenhaus gefahren, hieß es."
        let html = """
            <html><body><div class="page"><div class="k1"><div>\(top)</div><div>\(Self.intro)</div>
            <div class="more"><span>Alles lesen</span></div>
            <div class="body-rest">\(String(repeating: "<p>\(Self.body)</p>", count: 8))</div></div>
            <div class="bar"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.prefix(2) == [top, Self.intro])
        #expect(blocks.filter { $0 == Self.body }.count == 8)
        #expect(!blocks.contains("Startseite Kontakt"))
    }

    /// A class name that says what a box holds ("has-image", "with-comments", "no-sidebar") states a fact
    /// about it, not what it is: a recipe card inside the body that holds a picture is no picture box.
    @Test func aClassNamingWhatTheBoxHoldsIsNoHint() throws {
        let step = "Die Birnen schälen, entkernen und in kleine Würfel schneiden, dann mit dem Zitronensaft mischen."
        let html = """
            <html><body><div class="page"><div class="k1">\(String(repeating: "<p>\(Self.body)</p>", count: 4))
            <section class="rezept card-has-image"><img src="birne.jpg" alt=""><h3>Zutaten</h3>
            <ul><li>8 reife Birnen</li><li>1 Zitrone</li><li>1 TL Zimt</li></ul><ol><li>\(step)</li></ol></section></div>
            <div class="bar"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 4)
        #expect(blocks.contains(step))
        #expect(blocks.contains("8 reife Birnen"))
    }

    /// A teaser card's title is as often a line that is all link as a heading: the summary under it, in a
    /// card that holds nothing else, announces another page, and the list's heading goes with the cards.
    @Test func theSummaryUnderALinkedTitleLineInACardStaysOut() throws {
        let names = ["Eiweißdiät", "Buchweizendiät", "Kohlsuppendiät"]
        let summary = "Eine beliebte Diät für ein aktives Leben, mit bis zu zehn Kilo weniger in zwei Wochen."
        let cards = names.map { "<div class=\"k8\"><div class=\"k9\"><a href=\"/\($0)\">\($0)</a></div><div class=\"k10\">\(summary)</div></div>" }
        let html = """
            <html><body><div class="page"><div class="k1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))
            <h2>Beliebte Diäten</h2><div class="k7">\(cards.joined())</div></div>
            <div class="bar"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks == Array(repeating: Self.body, count: 5))
    }

    /// A table inside the article after its last paragraph (a product's properties, a timetable) holds short
    /// cells only: they are its data, not furniture after the prose nor labels of dropped chrome.
    @Test func theCellsOfATableInTheArticleAreKept() throws {
        let rows = [("Region:", "Napa Valley"), ("Rebsorte:", "Zinfandel"), ("Trinktemperatur:", "8 °C"), ("Dekantieren:", "nicht notwendig")]
        let html = """
            <html><body><div class="page"><div class="k1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))
            <table>\(rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td></tr>" }.joined())</table></div>
            <div class="bar"><a href="/a">Startseite</a> <a href="/b">Kontakt</a></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks == Array(repeating: Self.body, count: 5) + rows.flatMap { [$0.0, $0.1] })
    }
}

extension ContainerChoiceTests {
    static let lead = "Der Netzbetreiber übernimmt den Sendenetz-Anbieter und steigt damit ins Fernsehgeschäft ein. Kunden sollen Sendungen in HD empfangen."

    /// A chrome hint on the element around both the lead and the body (a `cookies-not-set` state on
    /// `<body>`) weights them alike and says nothing about the lead; a caption box between the headline and
    /// the body is chrome even when hints for the article above it outweigh its own.
    @Test func aHintAroundLeadAndBodyAlikeDoesNotLeaveTheLeadOut() throws {
        let caption = "Das Foto zeigt den Sendeturm am Stadtrand, aufgenommen im vergangenen Winter von einem Hubschrauber aus. Er ist weithin sichtbar."
        let html = """
            <html><head><title>Einstieg ins Fernsehen</title></head><body class="cookies-not-set">
            <article class="post"><div class="article-main"><h1>Einstieg ins Fernsehen</h1>
            <div class="excerpt"><p>\(Self.lead)</p></div>
            <div class="photo-caption"><p>\(caption)</p></div>
            <div class="entry-content">\(String(repeating: "<p>\(Self.body)</p>", count: 6))</div></div></article>
            <div class="k6"><a href="/1">Mehr zum Thema</a> <a href="/2">Impressum</a></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.first == Self.lead)
        #expect(blocks.filter { $0 == Self.body }.count == 6)
        #expect(!blocks.contains(caption))
    }

    /// A dek of two short lines under the headline is no lead, however its lines end; a lead of two full
    /// sentences is.
    @Test func aDekOfTwoShortLinesIsNoLead() throws {
        let dek = "Der Streit um die Rechte geht weiter ... was für eine Zeit zum Leben ..."
        func page(_ top: String) -> String {
            """
            <html><head><title>Streit um Rechte</title></head><body><div class="k1"><h1>Streit um Rechte</h1>
            <div class="k2">\(top)</div>
            <div class="k4">\(String(repeating: "<p>\(Self.body)</p>", count: 6))</div></div></body></html>
            """
        }
        #expect(try text(page(dek)).first == Self.body)
        #expect(try text(page(Self.lead)).first == Self.lead)
    }

    /// A line of a date and the author (or section) set apart by a separator is the page's dateline; two
    /// dates so set are a period (an exhibition's dates), which is the text's.
    @Test func aDateAndAnAuthorSetApartAreADateline() throws {
        let html = """
            <html><body><div class="k1"><h2>Leseprobe online</h2><div>24. März 2004, 19:49 | Genesis</div>
            <p>\(Self.body)</p><p>\(Self.body)</p><p>Ausstellung</p><p>29. November 2018 | 20. Januar 2019</p><p>\(Self.body)</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 3)
        #expect(!blocks.contains("24. März 2004, 19:49 | Genesis"))
        #expect(blocks.contains("29. November 2018 | 20. Januar 2019"))
    }

    /// Paragraphs after the text whose words are mostly links are the page's notes ("Our Standards: The
    /// Trust Principles."); such a paragraph between the text's paragraphs is the text's own.
    @Test func linkedNotesAfterTheTextStayOut() throws {
        let linked = "Mehr dazu steht im <a href=\"/a\">Bericht des Rechnungshofs über die Prüfung der Behörde</a>."
        let note = "Unsere Grundsätze: <a href=\"/s\">Die Leitlinien der Redaktion für unabhängigen Journalismus</a>."
        let html = """
            <html><body><div class="k1"><p>\(Self.body)</p><p>\(linked)</p><p>\(Self.body)</p><p>\(Self.body)</p>
            <p>\(note)</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 3)
        #expect(blocks.contains { $0.hasPrefix("Mehr dazu steht im Bericht") })
        #expect(!blocks.contains { $0.hasPrefix("Unsere Grundsätze") })
    }
}

