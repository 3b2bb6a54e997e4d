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

    // MARK: - Appositions, affiliations and possessives

    @Test func nameBeforeTwoAppositionsSpeaks() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military operation against Islamic State in Iraq and Syria, told reporters that the claim “is patently false and has no basis.”",
        ])
        #expect(quotes.first?.speaker == "Sean Robertson")
    }

    @Test func nameInTheAppositionAfterADescriptionSpeaks() throws {
        let quotes = try AnalysisFixtures.quotes([
            "The company that produces the show, Dick Clark Productions, said: “No agreement has been reached with her team.”",
        ])
        #expect(quotes.first?.speaker == "Dick Clark Productions")
    }

    @Test func affiliationAfterASpokespersonIsNotTheSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The claim is patently false,” a spokesperson for Inherent Resolve said on Monday.",
        ])
        #expect(quotes.first?.speaker == "a spokesperson for Inherent Resolve")
    }

    @Test func possessorIsNotTheSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Taylor Swift said on Thursday that the label had blocked her performance.",
            "“She never intended to harm anyone,” Carlineo’s attorney, Sonya Zoghlin, said.",
            "“Big Machine is trying to deflect,” Swift’s representative told reporters.",
        ])
        #expect(quotes.map(\.speaker) == ["Sonya Zoghlin", "Swift’s representative"])
    }

    @Test func capitalisedNameTheRecogniserMissedSpeaks() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“It was an attempt to mislead voters,” Will Moy, chief executive of the fact-checking website Full Fact, told the BBC.",
        ])
        #expect(quotes.first?.speaker == "Will Moy")
    }

    // MARK: - Pronouns and definite descriptions

    @Test func pronounTakesTheSubjectOfTheLastSentenceNamingSomeone() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Taylor Swift accused Big Machine of blocking her performance at the awards on Thursday.",
            "“I just want to be able to perform my own music,” she said.",
        ])
        #expect(quotes.first?.speaker == "Taylor Swift")
    }

    @Test func pronounRightBeforeTheVerbIsTheSubject() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Taylor Swift’s first six albums were sold to a company owned by talent manager Scooter Braun.",
            "In a post at the time she described the sale as the “worst case scenario” for her music.",
        ])
        #expect(quotes.first?.speaker == "Taylor Swift")
        #expect(quotes.first?.kind == .partial)
    }

    @Test func sentenceAboutAPronounPassesOverItsObjects() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Patrick Carlineo faces up to ten years in prison.",
            "He was arrested in April after a call to the office of Ilhan Omar.",
            "During the call, he asked about her religion, called her a “terrorist” and said, “somebody ought to hurt her before it is too late,” prosecutors said.",
        ])
        // The cue introducing the quotation names its speaker; "prosecutors said" names who reports it.
        #expect(quotes.first?.speaker == "Patrick Carlineo")
    }

    @Test func occupationStandsForThePersonLastNamed() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Pat Simmons teased the anniversary tour during the band’s set in Nashville.",
            "After the encore, the singer and guitarist told the audience, “that’s really good, maybe we should go on the road.”",
        ])
        #expect(quotes.first?.speaker == "Pat Simmons")
    }

    @Test func theTitleStandsForThePersonWithThatTitle() throws {
        let quotes = try AnalysisFixtures.quotes([
            "President Joe Biden met the families of the victims on Tuesday with Governor Kathy Hochul.",
            "“We will not forget them, not today and not ever,” the president said.",
        ])
        #expect(quotes.first?.speaker == "Joe Biden")
    }

    @Test func theCompanyStandsForTheOrganisationLastNamed() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Dick Clark Productions denied that it had reached a deal with the label.",
            "“Any final agreement must be made with her management team,” the production company said.",
        ])
        #expect(quotes.first?.speaker == "Dick Clark Productions")
    }

    @Test func theyIsTheGroupNamedLast() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Big Machine Records has twice denied doing anything wrong.",
            "“At no point did we say she could not perform,” they said in a statement.",
        ])
        #expect(quotes.first?.speaker == "Big Machine Records")
    }

    // MARK: - Cues

    @Test func nounLikeVerbRightAfterAQuotationIsACue() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Founding member Tom Johnston announced the tour on Monday.",
            "“We’re truly excited about the tour,” comments Johnston in a statement, “as it is a celebration of the band’s history.”",
        ])
        #expect(quotes.map(\.speaker) == ["Tom Johnston", "Tom Johnston"])
        #expect(quotes.first?.cue == "comments")
    }

    @Test func participleAfterAStatementAndItForTheOrganisation() throws {
        let quotes = try AnalysisFixtures.quotes([
            "In a reflection of the confusion, the Electoral Commission issued a statement warning that “voters are entitled to transparency from campaigners.”",
            "However, it pointed out that it does not have “a role in regulating campaign content.”",
        ])
        #expect(quotes.map(\.speaker) == ["Electoral Commission", "Electoral Commission"])
    }

    @Test func capitalisedWordOpeningASentenceIsNoSpeaker() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Blood tests revealed that the man had “a severe allergic reaction to duck feathers.”",
        ])
        #expect(quotes.count == 1)
        #expect(quotes.first?.speaker == nil)
    }

    // MARK: - Titles and names in quotation marks

    @Test func titlesWithCommasInsideAreNotQuotations() throws {
        let all = try AnalysisFixtures.analyse([
            "Fans can expect hits including “Listen To The Music,” “Long Train Running,” and “What A Fool Believes.”",
        ]).quotes
        #expect(all.count == 3)
        #expect(all.allSatisfy { $0.kind == .scare && $0.speaker == nil })
    }

    @Test func quotedNamesAndTermsAreNotQuotations() throws {
        let all = try AnalysisFixtures.analyse([
            "The state’s new “Meth. We’re on it.” campaign drew mockery online.",
            "“Meth. We’re on it” is rolling out with television commercials and billboards.",
            "The patient was diagnosed with what’s called “feather duvet lung,” according to a case report.",
            "Fans of the so-called “dark academia aesthetic” flocked to the shop.",
        ]).quotes
        #expect(all.count == 4)
        #expect(all.allSatisfy { $0.kind == .scare && $0.speaker == nil })
    }

    @Test func ownerOfAPersonNamedAfterItIsNotTheSubject() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Steenburgen’s son, filmmaker Charlie McDowell, also remembers it as a trying time.",
            "“I think it’s totally fair to think that she had gone crazy,” he said.",
        ])
        #expect(quotes.first?.speaker == "Charlie McDowell")
    }

    @Test func ownerNamedAloneStaysTheSubject() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham’s manager.",
            "Talks between the London side and Mourinho’s representatives went on into Tuesday night.",
            "The 56-year-old said after his appointment: “I am excited to be joining a club with such a great heritage.”",
        ])
        #expect(quotes.first?.speaker == "Jose Mourinho")
    }

    @Test func anotherSentenceCueDoesNotTakeAQuotationEndingWithAFullStop() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Elise Matthesen found him. “He looked a little surprised,” she wrote in an email. “Sort of mildly quizzical. Not pained.” Although he had written a will, it was never witnessed.",
        ])
        #expect(quotes.map(\.speaker) == ["Elise Matthesen", "Elise Matthesen"])
    }

    @Test func hasWrittenAfterAnApposition() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The Chinese government pays nothing,” Howard Gleckman, a senior fellow at the Tax Policy Center, has written.",
        ])
        #expect(quotes.first?.speaker == "Howard Gleckman")
    }

    @Test func adverbBetweenSubjectAndVerb() throws {
        let quotes = try AnalysisFixtures.quotes([
            "Prince Andrew spoke to the BBC about his friendship with Jeffrey Epstein.",
            "He instead told the interviewer: “I had to go and see him and talk to him.”",
        ])
        #expect(quotes.first?.speaker == "Andrew")  // "Prince" is a title
    }

    @Test func afterAQuotationTheWholeClauseBeforeTheVerbIsTheSubject() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“Numerical experiments of this kind are particularly successful when you get out more than you put in,” Dylan Nelson, a postdoctoral fellow at the Max Planck Institute for Astrophysics in Munich, Germany, said.",
        ])
        #expect(quotes.first?.speaker == "Dylan Nelson")
        #expect(quotes.first?.speakerMention == "Dylan Nelson")
    }

    @Test func theStatementSpeaksForWhoeverIssuedIt() throws {
        let quotes = try AnalysisFixtures.quotes([
            "On Monday, Big Machine Records issued a statement about the awards show.",
            "The statement, which was obtained by Variety, was posted on the label’s website.",
            "“It should be noted that recording artists do not need label approval for live performances,” the statement continued.",
        ])
        #expect(quotes.first?.speaker == "Big Machine Records")
    }

    @Test func theStatementWithNoIssuerNamedStaysADescription() throws {
        let quotes = try AnalysisFixtures.quotes([
            "“The cause of the crash is under investigation,” the statement said.",
        ])
        #expect(quotes.first?.speaker == "the statement")
    }
}
