import Foundation
import Testing
@testable import WirePipe

@Suite struct QuotationExtractorTests {
    // MARK: - The seed story, on both pages

    @Test(arguments: Fixtures.seedPages)
    func seedQuotationsHaveTheirSpeakers(_ name: String) throws {
        let expected = try Fixtures.expected().story.quotes
        let article = try Fixtures.article(name)
        let spoken = article.quotes.filter { $0.kind != .scare }
        #expect(spoken.count == expected.count)
        for want in expected {
            let prefix = String(want.starts.prefix(40))
            let found = try #require(spoken.first { $0.text.hasPrefix(prefix) }, "no quotation starting \(prefix)")
            let speaker = found.speaker?.lowercased() ?? ""
            #expect(want.speaker_any_of.contains { $0.lowercased() == speaker }, "\(prefix): speaker \(speaker)")
            #expect(found.anonymous == want.anonymous, "\(prefix)")
        }
    }

    @Test(arguments: Fixtures.seedPages)
    func seedOffsetsPointIntoTheText(_ name: String) throws {
        let article = try Fixtures.article(name)
        let scalars = Array(article.text.unicodeScalars)
        for quote in article.quotes {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[quote.start..<quote.end])
            #expect(String(view) == quote.text)
        }
    }

    @Test func seedScareQuoteHasNoSpeaker() throws {
        let article = try Fixtures.article(Fixtures.seedPages[0])
        let understanding = try #require(article.quotes.first { $0.text == "understanding" })
        #expect(understanding.kind == .scare)
        #expect(understanding.speaker == nil)
    }

    @Test func seedSplitAcrossParagraphsContinuesTheSpeaker() throws {
        let article = try Fixtures.article(Fixtures.seedPages[0])
        let continuation = try #require(article.quotes.first { $0.text.hasPrefix("But I") })
        #expect(continuation.cue == nil)
        #expect(continuation.speaker == "Jason Crow")
    }

    @Test func oddInputsDoNotTrap() throws {
        let odd = ["“", "\"\"", "“”", "said", ", said", "“a,” said", "He said: “", "” said he", "“x” “y” “z”", "'' ‘‘ ’’",
                   "according to", "“Yes.” — said", "Mr.", ". . .", "“" + String(repeating: "word ", count: 300)]
        let analysis = try AnalysisFixtures.analyse(odd, title: "“")
        for quote in analysis.quotes {
            #expect(quote.start <= quote.end)
        }
    }

    // MARK: - Rules, on sentences written for the tests

    @Test func splitQuotationSharesGroupAndSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Union leader Maria Lopez called the strike a turning point for the company.",
            "“We are not going to back down,” Lopez said, “and we will keep fighting for every worker in this plant.”",
        ])
        #expect(quotes.count == 2)
        #expect(quotes.map(\.speaker) == ["Maria Lopez", "Maria Lopez"])
        #expect(quotes[0].group == quotes[1].group)
        #expect(quotes[0].speakerMention == "Lopez")
    }

    @Test func separateQuotationsHaveSeparateGroups() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The water is rising faster than we expected,” said Fire Chief Dan Reyes.",
            "“Everyone on the east side should leave tonight,” said Mayor Lisa Park.",
        ])
        #expect(quotes.map(\.speaker) == ["Dan Reyes", "Lisa Park"])
        #expect(quotes[0].group != quotes[1].group)
    }

    @Test func pronounResolvesToThePersonNamedBefore() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Senator Elizabeth Warren criticized the bank’s response on Tuesday.",
            "“This is a failure of leadership at the highest level,” she said.",
        ])
        #expect(quotes.first?.speaker == "Elizabeth Warren")
        #expect(quotes.first?.speakerMention == "she")
        #expect(quotes.first?.anonymous == false)
    }

    @Test func saidNameCommaSpokesmanFor() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The company is cooperating fully with investigators,” said John Miller, a spokesman for Boeing.",
        ])
        #expect(quotes.first?.speaker == "John Miller")
        #expect(quotes.first?.cue == "said")
        #expect(quotes.first?.kind == .direct)
    }

    @Test func toldReutersAfterAnApposition() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“We expect prices to keep rising through the summer,” Ahmed Hassan, an oil analyst at Capital Economics, told Reuters.",
        ])
        #expect(quotes.first?.speaker == "Ahmed Hassan")
        #expect(quotes.first?.cue == "told")
    }

    @Test func accordingToANamedSource() throws {
        let quotes = try AnalysisFixtures.quotes([
            "The evacuation “will take at least three days,” according to Mayor Karen Bass.",
        ])
        #expect(quotes.first?.speaker == "Karen Bass")
        #expect(quotes.first?.cue == "according to")
        #expect(quotes.first?.kind == .partial)
    }

    @Test func accordingToADocumentIsNotASpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "The storm caused “widespread and severe damage,” according to figures released on Monday.",
        ])
        #expect(quotes.count == 1)
        #expect(quotes.first?.speaker == nil)
    }

    @Test func nestedQuotationStaysInsideTheOuterOne() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“He told me, ‘Get out of the building now,’ and I ran,” said Teresa Gomez, who lives on the third floor.",
        ])
        #expect(quotes.count == 1)
        #expect(quotes.first?.text == "He told me, ‘Get out of the building now,’ and I ran,")
        #expect(quotes.first?.speaker == "Teresa Gomez")
    }

    @Test func scareQuotesAndTitlesAreNotQuotations() throws {
        let all = try AnalysisFixtures.analyse([
            "The company described the layoffs as a “restructuring” of its business.",
            "She appeared on “Saturday Night Live” last year.",
        ]).quotes
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.kind == .scare && $0.speaker == nil })
    }

    @Test func shortQuotationWithACueIsStillAQuotation() throws {
        let quotes = try AnalysisFixtures.quotes(["“Absolutely not,” said Governor Gavin Newsom."])
        #expect(quotes.first?.speaker == "Gavin Newsom")
        #expect(quotes.first?.kind == .direct)
    }

    @Test func paragraphOnlyQuotationContinuesThePreviousSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The water came in through the floor,” said Teresa Gomez, a retired teacher.",
            "“We had nothing left. Not even our photographs.”",
        ])
        #expect(quotes.count == 2)
        #expect(quotes[1].speaker == "Teresa Gomez")
        #expect(quotes[1].cue == nil)
    }

    @Test func quotationRunningIntoTheNextParagraphTakesItsSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Aid workers described long lines at the crossing.",
            "“The first thing we did was call our families to tell them we were alive.",
            "“Then we started walking toward the border,” said Olena Kovalenko, who fled Kharkiv in March.",
        ])
        #expect(quotes.count == 2)
        #expect(quotes.map(\.speaker) == ["Olena Kovalenko", "Olena Kovalenko"])
    }

    @Test func anonymousOfficialWhoAskedNotToBeNamed() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The talks are at a delicate stage,” said a senior administration official who asked not to be named.",
        ])
        #expect(quotes.first?.speaker == "a senior administration official")
        #expect(quotes.first?.anonymous == true)
    }

    @Test func speakerBeforeAColon() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Police Chief Mark Davis said: “We will find the person responsible for this.”",
        ])
        #expect(quotes.first?.speaker == "Mark Davis")
        #expect(quotes.first?.kind == .direct)
    }

    @Test func straightQuotationMarks() throws {
        let quotes = try AnalysisFixtures.quotes([
            "\"We're ready for whatever they throw at us,\" coach Andy Reid said after practice.",
        ])
        #expect(quotes.first?.text == "We're ready for whatever they throw at us,")
        #expect(quotes.first?.speaker == "Andy Reid")
    }

    @Test func organisationSpeakerIsNotAnonymous() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“We take these concerns seriously and are reviewing the footage,” the ministry said in a statement.",
        ])
        #expect(quotes.first?.speaker == "the ministry")
        #expect(quotes.first?.anonymous == false)
    }

    @Test func partialQuotationAttributedToTheSubjectBeforeIt() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Economist Janet Moore warned that another rate increase would be “a serious mistake for households already under strain.”",
        ])
        #expect(quotes.first?.kind == .partial)
        #expect(quotes.first?.speaker == "Janet Moore")
        #expect(quotes.first?.cue == "warned")
    }
}
