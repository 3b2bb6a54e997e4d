import Testing
@testable import WirePipe

@Suite("CreditLineParser")
struct CreditLineParserTests {
    let parser = CreditLineParser()

    @Test func seedCreditLine() {
        let roles = parser.parseLine("Reporting by Phil Stewart and Idrees Ali; Editing by Mary Milliken and Daniel Wallis")
        #expect(roles == ["reporting": ["Phil Stewart", "Idrees Ali"], "editing": ["Mary Milliken", "Daniel Wallis"]])
    }

    @Test func parenthesisedLineWithLocationsAndAdditionalReporting() {
        let roles = parser.parseLine(
            "(Reporting by Jane Doe in London; Additional reporting by John Roe in Paris and Ana Li in Madrid; "
                + "Writing by Max Mustermann; Editing by Alex Richardson)")
        #expect(roles == [
            "reporting": ["Jane Doe"],
            "additional_reporting": ["John Roe", "Ana Li"],
            "writing": ["Max Mustermann"],
            "editing": ["Alex Richardson"],
        ])
    }

    @Test func capitalisedByAndCommaBeforeNextRole() {
        let roles = parser.parseLine("Reporting By Sarah N. Lynch, Editing by Franklin Paul")
        #expect(roles == ["reporting": ["Sarah N. Lynch"], "editing": ["Franklin Paul"]])
    }

    @Test func lowerCaseRoleAfterSemicolon() {
        let roles = parser.parseLine("Reporting by David Shepardson; editing by Jonathan Oatis and Lisa Shumaker")
        #expect(roles == ["reporting": ["David Shepardson"], "editing": ["Jonathan Oatis", "Lisa Shumaker"]])
    }

    @Test(arguments: [
        ("Compiled by Ruth Pitchford", "compiling", ["Ruth Pitchford"]),
        ("Graphics by Ann Saphir", "graphics", ["Ann Saphir"]),
        ("Photography by Lucy Nicholson", "photography", ["Lucy Nicholson"]),
        ("Production by Jane Smith.", "production", ["Jane Smith"]),
        ("Additional reporting by Reuters staff", "additional_reporting", ["Reuters staff"]),
    ])
    func singleRoleLines(line: String, role: String, names: [String]) {
        #expect(parser.parseLine(line) == [role: names])
    }

    @Test func singleLetterNamesAndSerialLists() {
        #expect(parser.parseLine("Writing by A; Editing by B and C") == ["writing": ["A"], "editing": ["B", "C"]])
        #expect(
            parser.parseLine("Reporting by Steve Holland, Jeff Mason and Trevor Hunnicutt; Editing by Heather Timmons")
                == ["reporting": ["Steve Holland", "Jeff Mason", "Trevor Hunnicutt"], "editing": ["Heather Timmons"]])
    }

    @Test func namesWithDiacriticsHyphensApostrophesAndParticles() {
        let roles = parser.parseLine(
            "Reporting by Łukasz Kowalski and Zoë O'Neil-Brennan; Editing by Ahmed al-Khatib and Hugo de la Cruz")
        #expect(roles == [
            "reporting": ["Łukasz Kowalski", "Zoë O'Neil-Brennan"],
            "editing": ["Ahmed al-Khatib", "Hugo de la Cruz"],
        ])
    }

    @Test func apContributedLine() {
        let roles = parser.parseLine(
            "Associated Press writers Jill Lawless in London and Geir Moulson in Berlin contributed to this report.")
        #expect(roles == ["contributing": ["Jill Lawless", "Geir Moulson"]])
        #expect(parser.parseLine("Fox News’ Jessica Napoli contributed to this report.") == ["contributing": ["Jessica Napoli"]])
        #expect(parser.parseLine("Rising energy costs contributed to the slowdown.") == nil)
    }

    @Test func withReportingByJoinsTheReportingRole() {
        let roles = parser.parseLine(
            "Reporting by Greg Roumeliotis, Joshua Franklin, Koh Gui Qing, with reporting by Herb Lash and Megan Davies, "
                + "editing by Martin Howell.")
        #expect(roles == [
            "reporting": ["Greg Roumeliotis", "Joshua Franklin", "Koh Gui Qing", "Herb Lash", "Megan Davies"],
            "editing": ["Martin Howell"],
        ])
    }

    @Test func locationQualifierAndPictureAgencyAreNotNames() {
        #expect(parser.parseLine("Reporting by Jane Doe in Washington, D.C., and John Roe in London; Editing by Bill Berkrot")
            == ["reporting": ["Jane Doe", "John Roe"], "editing": ["Bill Berkrot"]])
        #expect(parser.parseLine("Photos by REUTERS/Jane Doe and John Roe/AP") == ["photography": ["Jane Doe", "John Roe"]])
    }

    @Test(arguments: [
        "The report, edited by the ministry, said the figures were preliminary.",
        "Reporting by the newspaper showed that the company had hidden losses.",
        "Edited by hand, the photos looked nothing like the originals.",
        "Compiled by officials over three years, the list names 40 companies.",
        "Reporting by",
        "",
    ])
    func rejectsOrdinarySentences(_ line: String) {
        #expect(parser.parseLine(line) == nil)
    }

    @Test func findsSeedCreditLineAmongTrailingParagraphs() throws {
        let paragraphs = [
            "WASHINGTON, May 26 (Reuters) – As the United States and its allies supply Ukraine…",
            "The report, edited by the ministry, said officials were reported by colleagues to be worried.",
            "“There could be scenarios,” the second US official said.",
            "Join now for FREE unlimited access to Reuters.com",
            "Reporting by Phil Stewart and Idrees Ali; Editing by Mary Milliken and Daniel Wallis",
            "Our standards: The Thomson Reuters Trust Principles.",
            "Leave a Reply",
        ]
        let credits = try #require(parser.parse(paragraphs: paragraphs))
        #expect(credits.paragraphIndex == 4)
        #expect(credits.line == paragraphs[4])
        #expect(credits.roles == ["reporting": ["Phil Stewart", "Idrees Ali"], "editing": ["Mary Milliken", "Daniel Wallis"]])
    }

    @Test func findsParenthesisedCreditAtEndOfLastParagraph() throws {
        let paragraphs = [
            "Shares rose 3% in early trade.",
            "The company did not comment, a spokesman said. (Reporting by Jane Doe; Editing by Mark Potter)",
        ]
        let credits = try #require(parser.parse(paragraphs: paragraphs))
        #expect(credits.paragraphIndex == 1)
        #expect(credits.line == "Reporting by Jane Doe; Editing by Mark Potter")
        #expect(credits.roles == ["reporting": ["Jane Doe"], "editing": ["Mark Potter"]])
    }

    @Test func trailerGluedToTheLineIsCutOff() {
        let roles = parser.parseLine("Reporting by Jane Doe; Editing by Mark PotterOur Standards: The Thomson Reuters Trust Principles.")
        #expect(roles == ["reporting": ["Jane Doe"], "editing": ["Mark Potter"]])
    }

    @Test func captionPhotoCreditIsOnlyAFallback() throws {
        let paragraphs = [
            "Reporting by Jane Doe; Editing by Mark Potter",
            "Photo by John Smith",
            "Related coverage",
        ]
        let credits = try #require(parser.parse(paragraphs: paragraphs))
        #expect(credits.paragraphIndex == 0)
        let photoOnly = try #require(parser.parse(paragraphs: ["Some text here.", "Photo by John Smith"]))
        #expect(photoOnly.roles == ["photography": ["John Smith"]])
    }

    @Test func noCreditLineGivesNil() {
        let paragraphs = [
            "The report, edited by the ministry, said the figures were preliminary.",
            "He was reported by colleagues to have left the country (reporting by local media suggested otherwise).",
        ]
        #expect(parser.parse(paragraphs: paragraphs) == nil)
        #expect(parser.parse(paragraphs: []) == nil)
    }
}
