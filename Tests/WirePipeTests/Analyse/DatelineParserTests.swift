import Foundation
import Testing
@testable import WirePipe

@Suite("DatelineParser")
struct DatelineParserTests {
    let parser = DatelineParser()

    /// The paragraph with the dateline's `length` scalars removed.
    private func rest(_ paragraph: String, _ dateline: Dateline) -> String {
        String(String.UnicodeScalarView(paragraph.unicodeScalars.dropFirst(dateline.length)))
    }

    @Test func reutersDatelineWithEnDash() throws {
        let paragraph = "WASHINGTON, May 26 (Reuters) – As the United States and its allies supply Ukraine"
        let dateline = try #require(parser.parse(paragraph))
        #expect(dateline == Dateline(location: "WASHINGTON", date: "May 26", agency: "Reuters", length: 31))
        #expect(rest(paragraph, dateline).hasPrefix("As the United States"))
    }

    @Test func apDatelineWithoutDate() throws {
        let dateline = try #require(parser.parse("NEW YORK (AP) — Stocks fell on Tuesday."))
        #expect(dateline.location == "NEW YORK")
        #expect(dateline.date == nil)
        #expect(dateline.agency == "AP")
        #expect(dateline.length == 16)
    }

    @Test func locationWithQualifier() throws {
        let dateline = try #require(parser.parse("KYIV, Ukraine (AP) — Russian forces shelled the city."))
        #expect(dateline.location == "KYIV, Ukraine")
        #expect(dateline.agency == "AP")
        #expect(dateline.date == nil)
    }

    struct Accepted: Sendable, CustomTestStringConvertible {
        let paragraph: String
        let location: String
        let date: String?
        let agency: String?
        let rest: String
        var testDescription: String { paragraph }
    }

    @Test(arguments: [
        Accepted(paragraph: "LONDON, Jan 5 (Reuters) - Britain's economy grew.", location: "LONDON",
                 date: "Jan 5", agency: "Reuters", rest: "Britain's economy grew."),
        Accepted(paragraph: "BEIJING, Jan. 5 (Xinhua) -- China reported growth.", location: "BEIJING",
                 date: "Jan. 5", agency: "Xinhua", rest: "China reported growth."),
        Accepted(paragraph: "PARIS (AFP) - Protesters marched.", location: "PARIS", date: nil, agency: "AFP",
                 rest: "Protesters marched."),
        Accepted(paragraph: "SAN FRANCISCO, March 3, 2023 /PRNewswire/ -- Acme Corp today announced",
                 location: "SAN FRANCISCO", date: "March 3, 2023", agency: "PRNewswire",
                 rest: "Acme Corp today announced"),
        Accepted(paragraph: "MOSCOW — The Kremlin said on Monday", location: "MOSCOW", date: nil, agency: nil,
                 rest: "The Kremlin said on Monday"),
        Accepted(paragraph: "BERLIN, 12. Mai (dpa) - Die Bundesregierung will", location: "BERLIN",
                 date: "12. Mai", agency: "dpa", rest: "Die Bundesregierung will"),
        Accepted(paragraph: "Washington, May 26 (Reuters) - Officials said", location: "Washington",
                 date: "May 26", agency: "Reuters", rest: "Officials said"),
        Accepted(paragraph: "ST. LOUIS, Mo. (AP) — A jury convicted", location: "ST. LOUIS, Mo.", date: nil,
                 agency: "AP", rest: "A jury convicted"),
        Accepted(paragraph: "WILKES-BARRE, Pa. (AP) — A fire destroyed", location: "WILKES-BARRE, Pa.", date: nil,
                 agency: "AP", rest: "A fire destroyed"),
        Accepted(paragraph: "BRUSSELS/LONDON, Jan 5 (Reuters) - EU leaders", location: "BRUSSELS/LONDON",
                 date: "Jan 5", agency: "Reuters", rest: "EU leaders"),
        Accepted(paragraph: "BUFFALO, N.Y. — Hours before the game", location: "BUFFALO, N.Y.", date: nil,
                 agency: nil, rest: "Hours before the game"),
        Accepted(paragraph: "Madrid, 26 de mayo (EFE).- El Gobierno aprobó", location: "Madrid",
                 date: "26 de mayo", agency: "EFE", rest: "El Gobierno aprobó"),
    ])
    func acceptedForms(_ example: Accepted) throws {
        let dateline = try #require(parser.parse(example.paragraph))
        #expect(dateline.location == example.location)
        #expect(dateline.date == example.date)
        #expect(dateline.agency == example.agency)
        #expect(rest(example.paragraph, dateline) == example.rest)
    }

    @Test(arguments: [
        "The United States and its allies – as expected – agreed to send more weapons.",
        "In Washington, officials said – without giving details – that talks had stalled.",
        "“We have concerns,” said one official – speaking on condition of anonymity.",
        "NATO allies met on Tuesday – the first such meeting since the summit.",
        "NEW DELHI: Their American dream shattered, nearly 150 Indians returned home.",
        "New York, NY – With content engagement migrating to mobile devices",
        "BREAKING — Markets fall sharply at the open",
        "In Washington, Tuesday – the mood was tense.",
        "South Dakota Gov. Kristi Noem (R) — who launched the campaign — defended it.",
        "FILE - In this photo taken on Monday, workers clear debris.",
        "",
        "WASHINGTON —",
    ])
    func rejectsNonDatelines(_ paragraph: String) {
        #expect(parser.parse(paragraph) == nil)
    }

    @Test func businessWireAgencyBetweenDashes() throws {
        let paragraph = "NEW YORK--(BUSINESS WIRE)--Acme Corp. today reported results."
        let dateline = try #require(parser.parse(paragraph))
        #expect(dateline.location == "NEW YORK")
        #expect(dateline.agency == "BUSINESS WIRE")
        #expect(rest(paragraph, dateline) == "Acme Corp. today reported results.")
    }

    @Test func cnnStyleWithoutDashNeedsKnownAgency() throws {
        let cnn = try #require(parser.parse("Hong Kong (CNN Business) A muddled view of trade talks weighs on investors."))
        #expect(cnn.location == "Hong Kong")
        #expect(cnn.agency == "CNN Business")
        #expect(cnn.length == 25)
        // Pages often render CNN's opening without the space.
        let glued = try #require(parser.parse("(CNN)Georgia's governor signed the bill."))
        #expect(glued == Dateline(location: "", date: nil, agency: "CNN", length: 5))
        // An unknown parenthesised word without a dash is not a dateline.
        #expect(parser.parse("Apple Inc (Nasdaq) Shares rose on Tuesday after the results.") == nil)
    }

    @Test func agencyOnlyAndDateOnlyOpenings() throws {
        let agencyOnly = try #require(parser.parse("(Reuters) — The New York State Attorney General is investigating."))
        #expect(agencyOnly == Dateline(location: "", date: nil, agency: "Reuters", length: 12))
        let dateOnly = try #require(parser.parse("Nov 19 (Reuters) - Oil prices fell on Tuesday."))
        #expect(dateOnly == Dateline(location: "", date: "Nov 19", agency: "Reuters", length: 19))
        // A date alone, without an agency, is not enough.
        #expect(parser.parse("Tuesday — the day began quietly.") == nil)
    }

    @Test func lengthCountsUnicodeScalarsIncludingLeadingSpace() throws {
        // "É" written as E + combining acute: two scalars, one Character.
        let paragraph = "  SE\u{301}VILLE (AFP) — Thousands marched."
        let dateline = try #require(parser.parse(paragraph))
        #expect(dateline.location == "SE\u{301}VILLE")
        #expect(dateline.length == 2 + 8 + 1 + 5 + 1 + 1 + 1)
        #expect(rest(paragraph, dateline) == "Thousands marched.")
    }

    @Test func respectsMaxPrefixLength() {
        let paragraph = "SAN FRANCISCO, March 3, 2023 /PRNewswire/ -- Acme Corp today announced"
        #expect(DatelineParser(maxPrefixLength: 30).parse(paragraph) == nil)
        #expect(DatelineParser(maxPrefixLength: 60).parse(paragraph) != nil)
    }

    @Test func datelineIsCodableRoundTrip() throws {
        let dateline = try #require(parser.parse("LONDON, Jan 5 (Reuters) - Britain's economy grew."))
        let data = try JSONEncoder().encode(dateline)
        #expect(try JSONDecoder().decode(Dateline.self, from: data) == dateline)
    }
}
