import Foundation
import Testing
@testable import WirePipe

/// Rules that find chrome by the page's structure rather than by its class and id names (measured with the
/// names scrambled: `scripts/scramble-hints`). Class names here are meaningless on purpose; each test is a
/// small hand-made page that fails without its rule.
@Suite struct StructuralChromeTests {
    func text(_ html: String, settings: StripSettings = StripSettings()) throws -> [String] {
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        return try StripStage(settings: settings).process(page).blocks.map(\.text)
    }

    static let body = "Die Gemeinde hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum Herbst zu sanieren."
    static let answer = "Meine Großmutter hat jeden Sonntag für die ganze Familie gekocht, und ich habe ihr dabei zugesehen."
    static let question = "Was hat Sie zu Ihrer Seite über das Kochen gebracht?"
    static let captionA = "Der Bürgermeister zeigt den Gemeinderäten am Ufer die Risse im Pfeiler der alten Brücke."
    static let captionB = "Arbeiter sperren am Montagmorgen die Zufahrt zur Brücke für den Verkehr in beide Richtungen."

    /// A gallery's captions shown in the strip and again in the lightbox, in separate boxes inside the body,
    /// go; a question put to every interviewee, between answers said once, stays.
    @Test func textShownTwiceInSeparateBoxesIsFurniture() throws {
        let slides = "<div class=\"q1\"><div class=\"q2\"><p>\(Self.captionA)</p></div><div class=\"q2\"><p>\(Self.captionB)</p></div></div>"
        let lightbox = "<div class=\"q3\"><div class=\"q4\"><p>\(Self.captionA)</p><p>\(Self.captionB)</p></div></div>"
        let interview = (1...3).map { "<div class=\"q5\"><p><b>\(Self.question)</b></p><p>\($0). \(Self.answer)</p></div>" }.joined()
        let html = """
            <html><body><div class="q0"><p>\(Self.body)</p>\(slides)<p>\(Self.body) Erst danach</p>\(lightbox)
            <p>\(Self.body) Und dann</p>\(interview)</div></body></html>
            """
        let blocks = try text(html)
        #expect(!blocks.contains(Self.captionA))
        #expect(!blocks.contains(Self.captionB))
        #expect(blocks.filter { $0 == Self.question }.count == 3)
        #expect(blocks.filter { $0.hasSuffix(Self.answer) }.count == 3)
        var off = StripSettings()
        off.repeatedBlockMinWords = 0
        #expect(try text(html, settings: off).filter { $0 == Self.captionA }.count == 2)
    }

    /// The same list under two products (features of both) is the article's: the copies sit in lists side
    /// by side in the text's flow.
    @Test func aListRepeatedInTheTextsFlowStays() throws {
        let features = ["Schaltet sich beim Herausnehmen von selbst ein", "Lädt im Etui in wenigen Minuten wieder auf",
                        "Verbindet sich mit allen Geräten des Kontos"]
        let list = "<ul>" + features.map { "<li>\($0)</li>" }.joined() + "</ul>"
        let html = """
            <html><body><div class="q0"><p>\(Self.body)</p><h2>Das erste Modell</h2>\(list)<p>\(Self.body) Dazu</p>
            <h2>Das zweite Modell</h2>\(list)<p>\(Self.body) Zuletzt</p></div></body></html>
            """
        let blocks = try text(html)
        for feature in features { #expect(blocks.filter { $0 == feature }.count == 2) }
    }

    /// A box beside the article whose text blocks each open with a link (teasers under their linked titles)
    /// is a list of other pages, not the rest of the article; a box of paragraphs there is.
    @Test func aListOfLinkedItemsBesideTheBodyIsNoContinuation() throws {
        let teasers = (1...4).map {
            "<div><a href=\"/s\($0)\">Neue Pläne für den Bahnhof Nummer \($0)</a> Der Stadtrat berät in der kommenden Woche über den Umbau des Vorplatzes.</div>"
        }.joined()
        let html = """
            <html><body><div class="q0"><div class="q1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))</div>
            <div class="q2"><p>\(Self.answer)</p><p>\(Self.answer)</p></div>
            <div class="q3"><div class="q4">Neueste Meldungen</div><div class="q5">\(teasers)</div></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 5)
        #expect(blocks.filter { $0 == Self.answer }.count == 2)
        #expect(!blocks.contains { $0.contains("Bahnhof") })
        var off = StripSettings()
        off.linkedItemsMinItems = 0
        #expect(try text(html, settings: off).contains { $0.contains("Bahnhof") })
    }

    /// A box beside the article that holds a form (a reply box, with its notes on data protection) is the
    /// page talking to its reader, not the rest of the article.
    @Test func aSiblingHoldingAFormIsNoContinuation() throws {
        let note = "Mit dem Absenden erklären Sie sich einverstanden, dass wir Ihre Angaben zur Bearbeitung speichern."
        let html = """
            <html><body><div class="q0"><div class="q1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))</div>
            <div class="q2"><h4>Antworten</h4><p>\(note)</p><p>\(note) Danke.</p>
            <form action="/c"><textarea name="c"></textarea><input type="submit"></form></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 5)
        #expect(!blocks.contains { $0.hasPrefix("Mit dem Absenden") })
        var off = StripSettings()
        off.formSiblingsOut = false
        #expect(try text(html, settings: off).contains { $0.hasPrefix("Mit dem Absenden") })
    }

    /// A short article under a long reader-comment thread: the thread's items are alike (same tag and first
    /// class name, each a name and date line in a `<div>` and then prose), so the longest comment, which
    /// scores best, is not the body: the article before the list is, and the list is not its continuation.
    @Test func aThreadOfLikeItemsDoesNotHoldTheBody() throws {
        let comment = "Ich wohne seit zwanzig Jahren an der Brücke und habe die Risse im Pfeiler schon vor Jahren gemeldet."
        let items = (1...4).map { number in
            "<div class=\"k1 k\(number)\"><div class=\"k2\"><a href=\"/u\(number)\">Leser \(number)</a></div><div class=\"k5\">12.03.2024</div>"
                + "<div class=\"k3\">" + String(repeating: "<p>\(comment)</p>", count: number == 2 ? 4 : 1) + "</div></div>"
        }.joined()
        let html = """
            <html><head><title>Die alte Brücke wird saniert</title></head><body><div class="q0"><div class="q1">
            <h1>Die alte Brücke wird saniert</h1><div class="q2"><p>\(Self.body)</p><p>\(Self.answer)</p></div></div>
            <div class="q3"><h3>4 Kommentare</h3><div class="q4">\(items)</div></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.contains(Self.body))
        #expect(blocks.contains(Self.answer))
        #expect(!blocks.contains(comment))
        var off = StripSettings()
        off.likeItemsMinItems = 0
        #expect(try text(html, settings: off).contains(comment))
    }

    /// A box of paragraphs that comes only after a sidebar holding more than twice its text (the site's
    /// "about us" footer) is another part of the page, not the article going on; a second part of the body
    /// after a short "read also" line is.
    @Test func aBoxFarBehindASidebarIsNoContinuation() throws {
        let about = "Das Stadtblatt ist seit dem Jahr 1950 die führende Zeitung für alle Nachrichten aus der Region."
        let teasers = (1...12).map { "<li><a href=\"/t\($0)\">Weitere Meldung aus dem Rathaus Nummer \($0)</a></li>" }.joined()
        let html = """
            <html><body><div class="q0"><div class="q1">\(String(repeating: "<p>\(Self.body)</p>", count: 5))</div>
            <div class="q2"><a href="/x">Lesen Sie auch: Neue Pläne</a></div>
            <div class="q3"><p>\(Self.answer)</p><p>\(Self.answer) Danach</p></div>
            <div class="q5"><ul>\(teasers)</ul></div>
            <div class="q9"><p>\(about)</p><p>\(about) Seit 1990</p></div></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.filter { $0 == Self.body }.count == 5)
        #expect(blocks.contains(Self.answer))
        #expect(!blocks.contains(about))
        var off = StripSettings()
        off.continuationGapShare = 0
        #expect(try text(html, settings: off).contains(about))
    }

    /// A text box right after a picture's box, the two alone in one element (a figure built of `<div>`s, a
    /// `<p>` after an `<img>`), is the picture's caption; a review quoted under its screenshot in a
    /// `<blockquote>` is text, and so is a paragraph after a picture among the body's paragraphs.
    @Test func aTextBoxBesideAPictureAloneInItsElementIsACaption() throws {
        let review = "Die Aufführung war wunderbar, und nach der Vorstellung durften wir mit den Schauspielern sprechen."
        let html = """
            <html><body><div class="q0"><p>\(Self.body)</p>
            <div class="q1"><div class="q2"><picture><img src="a.jpg"></picture></div><div class="q3"><p>\(Self.captionA)</p></div></div>
            <p>\(Self.body) Danach</p>
            <div class="q4"><img src="b.jpg"><p>\(Self.captionB)</p></div>
            <p><img src="c.jpg"></p><p>\(Self.answer)</p>
            <blockquote><p><img src="d.jpg"></p><p>\(review)</p></blockquote>
            <p>\(Self.body) Zuletzt</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(!blocks.contains(Self.captionA))
        #expect(!blocks.contains(Self.captionB))
        #expect(blocks.contains(Self.answer))
        #expect(blocks.contains(review))
        var off = StripSettings()
        off.captionMaxWords = 0
        let all = try text(html, settings: off)
        #expect(all.contains(Self.captionA) && all.contains(Self.captionB))
        // Longer than a caption: the text box is the article's own.
        var short = StripSettings()
        short.captionMaxWords = 5
        #expect(try text(html, settings: short).contains(Self.captionA))
    }
}
