import Testing
@testable import WirePipe

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    /// Slices `text` by Unicode scalar offsets.
    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }

    // MARK: Real news sentences that must stay whole

    @Test("Reuters dateline lead with “U.S. and” and a lowercase name is one sentence")
    func reutersLeadIsOneSentence() {
        let text = "WASHINGTON, May 26 (Reuters) – As the United States and its allies supply Ukraine with increasingly sophisticated weapons, Washington has held talks with kyiv over the danger of an escalation if it strikes deep from Russia, U.S. and diplomatic officials told Reuters."
        #expect(splitter.sentences(text) == [text])
        #expect(splitter.split(text) == [0..<text.unicodeScalars.count])
    }

    @Test("Abbreviations of other languages do not end sentences; the sentence after them still splits")
    func abbreviationsOfOtherLanguages() {
        let german = "Viele Städte, z. B. Köln und Bonn, bauen neue Radwege bzw. breitere Gehwege. Der Rat stimmte zu."
        #expect(splitter.sentences(german) == [
            "Viele Städte, z. B. Köln und Bonn, bauen neue Radwege bzw. breitere Gehwege.", "Der Rat stimmte zu.",
        ])
        let spanish = "La Sra. García habló con los vecinos de EE. UU. sobre el embalse. Nadie respondió."
        #expect(splitter.sentences(spanish) == ["La Sra. García habló con los vecinos de EE. UU. sobre el embalse.", "Nadie respondió."])
        let russian = "Метро откроется в 2024 г. на юге города, т.е. рядом с ул. Ленина. Работы идут."
        #expect(splitter.sentences(russian) == ["Метро откроется в 2024 г. на юге города, т.е. рядом с ул. Ленина.", "Работы идут."])
        let french = "Mme Dupont, cf. le rapport, a parlé. Le maire a répondu."
        #expect(splitter.sentences(french) == ["Mme Dupont, cf. le rapport, a parlé.", "Le maire a répondu."])
    }

    @Test("An attribution sentence and a quote ending in a comma before “said” are one sentence each")
    func hainesAndCrowSentences() {
        let haines = "Director of National Intelligence Avril Haines said during a Senate hearing this month."
        #expect(splitter.sentences(haines) == [haines])
        let crow = "“We must reiterate, as we do in all cases, that these weapons must be used responsibly,” said Crow, an Army Ranger veteran."
        #expect(splitter.sentences(crow) == [crow])
        #expect(splitter.sentences(haines + " " + crow) == [haines, crow])
    }

    // MARK: Quotations

    @Test("A new quotation after “he said.” starts a new sentence")
    func quotationStartsNewSentence() {
        let text = "“It is over,” he said. “We go on.”"
        #expect(splitter.sentences(text) == ["“It is over,” he said.", "“We go on.”"])
    }

    @Test("A period inside a closing quote ends the sentence and keeps the quote")
    func periodInsideClosingQuote() {
        let text = "He said: “Stop.” Then he left."
        #expect(splitter.sentences(text) == ["He said: “Stop.”", "Then he left."])
        let straight = "He said: \"Stop.\" Then he left."
        #expect(splitter.sentences(straight) == ["He said: \"Stop.\"", "Then he left."])
    }

    @Test("A quoted question followed by lowercase attribution does not break")
    func quotedQuestionWithAttribution() {
        let text = "“Why now?” he asked. “Because we can,” she replied."
        #expect(splitter.sentences(text) == ["“Why now?” he asked.", "“Because we can,” she replied."])
    }

    // MARK: Abbreviations, initials, acronyms

    @Test("A paragraph with titles, months, company suffixes, initials, numbers and acronyms")
    func paragraphWithAbbreviations() {
        let text = "Gen. Mark Milley met Mr. Crow and Sen. Jack Reed on Jan. 5 in Washington. "
            + "Acme Inc. said the contract was worth $1.2 billion, up 3.5 percent from 2022. "
            + "John F. Kennedy and J. K. Rowling were cited as examples. "
            + "Was the deal over? Nobody knew! "
            + "U.S. officials declined to comment, the U.S. Embassy said."
        #expect(splitter.sentences(text) == [
            "Gen. Mark Milley met Mr. Crow and Sen. Jack Reed on Jan. 5 in Washington.",
            "Acme Inc. said the contract was worth $1.2 billion, up 3.5 percent from 2022.",
            "John F. Kennedy and J. K. Rowling were cited as examples.",
            "Was the deal over?",
            "Nobody knew!",
            "U.S. officials declined to comment, the U.S. Embassy said.",
        ])
    }

    @Test("Dotted acronyms before a capitalised word never break (documented trade-off)")
    func dottedAcronymBeforeCapital() {
        #expect(splitter.sentences("U.S. President Joe Biden spoke on Monday.").count == 1)
        #expect(splitter.sentences("She moved to Washington, D.C. Last year she left.").count == 1)
        // Accepted miss: a real sentence end after a dotted acronym.
        #expect(splitter.sentences("He lives in the U.S. He said so.") == ["He lives in the U.S. He said so."])
        // But an ordinary word before the period does break.
        #expect(splitter.sentences("He lives in Britain. He said so.") == ["He lives in Britain.", "He said so."])
    }

    @Test("A listed abbreviation before a capital does not break; behind a closing quote it does")
    func abbreviationBeforeCapitalAndQuote() {
        #expect(splitter.sentences("Shares of Acme Inc. Analysts expected more.").count == 1)
        #expect(splitter.sentences("“I work for Acme Inc.” Then he left.") == ["“I work for Acme Inc.”", "Then he left."])
    }

    @Test("Abbreviations match case-insensitively")
    func abbreviationsCaseInsensitive() {
        #expect(splitter.sentences("GEN. MILLEY and LT. COL. SMITH arrived. THEY spoke.") == [
            "GEN. MILLEY and LT. COL. SMITH arrived.", "THEY spoke.",
        ])
    }

    @Test("A custom abbreviation list replaces the default and is normalised")
    func customAbbreviations() {
        let custom = SentenceSplitter(abbreviations: ["Fig.", " Approx "])
        #expect(custom.sentences("See Fig. 3 for the data. It took Approx. 20 minutes.") == [
            "See Fig. 3 for the data.", "It took Approx. 20 minutes.",
        ])
        // "mr" is not in the custom list, so "Mr." now ends a sentence.
        #expect(custom.sentences("Mr. Crow spoke.") == ["Mr.", "Crow spoke."])
        #expect(splitter.sentences("Mr. Crow spoke.") == ["Mr. Crow spoke."])
        #expect(SentenceSplitter.defaultAbbreviations.contains("u.s.a"))
    }

    // MARK: Numbers, URLs, lowercase continuations

    @Test("Numbers, URLs and e-mail addresses do not break, but their sentence ends do")
    func numbersURLsAndEmails() {
        let text = "Shares rose 3.5 percent to $1.2 billion. See reuters.com/markets for details. Contact desk@reuters.com. More to come."
        #expect(splitter.sentences(text) == [
            "Shares rose 3.5 percent to $1.2 billion.",
            "See reuters.com/markets for details.",
            "Contact desk@reuters.com.",
            "More to come.",
        ])
    }

    @Test("No break when the next word starts lowercase")
    func lowercaseContinuation() {
        let text = "The vote was 52 to 48. analysts had expected a closer result."
        #expect(splitter.sentences(text) == [text])
    }

    @Test("Runs of terminators, ellipses and sentence-starting digits")
    func terminatorRuns() {
        let text = "Was it a deal?! Nobody knows... The talks resume… Officials would not say. 2023 was worse."
        #expect(splitter.sentences(text) == [
            "Was it a deal?!", "Nobody knows...", "The talks resume…", "Officials would not say.", "2023 was worse.",
        ])
    }

    // MARK: Scripts

    @Test("Breaks before Cyrillic capitals and before letters of caseless scripts")
    func casedAndCaselessScripts() {
        let text = "The talks ended. Переговоры завершились. انتهت المحادثات. 会谈结束了。"
        #expect(splitter.sentences(text) == [
            "The talks ended.", "Переговоры завершились.", "انتهت المحادثات.", "会谈结束了。",
        ])
    }

    @Test("CJK terminators split without spaces and keep closing quotes")
    func cjkSplitting() {
        #expect(splitter.sentences("美国官员周四表示，乌克兰将获得更多武器。谈判仍在继续！结果如何？") == [
            "美国官员周四表示，乌克兰将获得更多武器。", "谈判仍在继续！", "结果如何？",
        ])
        #expect(splitter.sentences("他说：“我们会继续。”然后离开了。") == ["他说：“我们会继续。”", "然后离开了。"])
        #expect(splitter.sentences("東京で会合が開かれた。 次は大阪だ。") == ["東京で会合が開かれた。", "次は大阪だ。"])
    }

    // MARK: Ranges

    @Test("Ranges are Unicode scalar offsets that slice back to the sentences")
    func rangesAreScalarOffsets() {
        let text = "Ste\u{301}phane said: “It’s over.” Zu\u{308}rich agreed 👍.  “We go on,” said Crow."
        let ranges = splitter.split(text)
        #expect(ranges == [0..<28, 29..<46, 48..<70])
        #expect(ranges.map { slice(text, $0) } == [
            "Ste\u{301}phane said: “It’s over.”", "Zu\u{308}rich agreed 👍.", "“We go on,” said Crow.",
        ])
        #expect(text.unicodeScalars.count == 70)
    }

    @Test("Ranges are trimmed, ordered and cover every non-space scalar")
    func rangesTrimmedAndCovering() {
        let text = "  First sentence here.   \n\n  Second one follows.\u{A0} "
        let ranges = splitter.split(text)
        #expect(ranges == [2..<22, 29..<48])
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace {
            #expect(ranges.contains { $0.contains(index) }, "scalar \(index) not covered")
        }
        for range in ranges {
            #expect(!scalars[range.lowerBound].properties.isWhitespace)
            #expect(!scalars[range.upperBound - 1].properties.isWhitespace)
        }
    }

    @Test("Empty and all-space text give no sentences")
    func emptyAndSpaces() {
        #expect(splitter.split("").isEmpty)
        #expect(splitter.sentences("").isEmpty)
        #expect(splitter.split("   \n\t\u{A0}  ").isEmpty)
        #expect(splitter.sentences("    ").isEmpty)
    }

    /// The ASCII short path of the acronym test's letter class is the alphabetic property (no ASCII digit is
    /// alphabetic); other scalars take the property itself.
    @Test func asciiLettersAreTheAlphabeticScalars() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            #expect(SentenceSplitter.isLetter(scalar) == scalar.properties.isAlphabetic, "\(value)")
        }
        #expect(SentenceSplitter.isLetter("é") && SentenceSplitter.isLetter("Ж") && !SentenceSplitter.isLetter("٣"))
        #expect(splitter.sentences("He met Ph.D. students in Washington, D.C. on Monday. Then he left.").count == 2)
    }
}
