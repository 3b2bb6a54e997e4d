import Foundation
import Testing
@testable import WirePipe

/// The shortcuts that keep the analyse stage fast must give what the general paths give: each is checked here
/// against the slower form it stands for.
@Suite struct AnalyseFastPathTests {
    /// Credit lines the parser accepts (from its own tests and the seed) and paragraphs it must reject.
    static let creditLines = [
        "Reporting by Phil Stewart and Idrees Ali; Editing by Mary Milliken and Daniel Wallis",
        "(Reporting by Jane Doe in London; Additional reporting by John Roe in Paris; Writing by Max Mustermann)",
        "Reporting By Sarah N. Lynch, Editing by Franklin Paul",
        "  \u{2014} with additional reporting by Ana Li",
        "Associated Press writers Jill Lawless in London and Geir Moulson in Berlin contributed to this report.",
        "The talks failed, officials said. (Reporting by Jane Doe; Editing by Alex Richardson)",
        "Contributing: John Roe, USA TODAY",
        "\u{FEFF}\u{00A0}Compiled by Jane Doe",
        "WRITTEN BY JANE DOE",
    ]
    static let ordinaryParagraphs = [
        "The talks failed on Monday, officials said.",
        "Reporters without borders said the editing of the law (by parliament) was rushed.",
        "",
        "Zelenskyy in Kyiv \u{2014} \u{201C}yes\u{201D}, he said (in English).",
    ]

    @Test(arguments: creditLines + ordinaryParagraphs)
    func creditPrefilterNeverRejectsACreditLine(_ paragraph: String) {
        // The prefilter is a necessary condition: whatever the parser finds, it lets through.
        if CreditLineParser().parse(paragraphs: [paragraph]) != nil {
            #expect(CreditLineParser.mayHoldCreditLine(paragraph))
        }
    }

    @Test func creditPrefilterPassesCreditLinesAndRejectsPlainSentences() {
        for line in Self.creditLines {
            #expect(CreditLineParser.mayHoldCreditLine(line), "\(line)")
            #expect(CreditLineParser().parse(paragraphs: [line]) != nil, "\(line)")
        }
        #expect(!CreditLineParser.mayHoldCreditLine("The talks failed on Monday, officials said."))
        #expect(!CreditLineParser.mayHoldCreditLine(""))
        // A role word not at the opening (of the paragraph or a parenthesis) cannot open a credit line.
        #expect(!CreditLineParser.mayHoldCreditLine("Officials said the reporting by the paper was wrong."))
    }

    @Test func flagTableAgreesWithTheWordListDictionary() throws {
        let lists = try AnalysisFixtures.lists()
        #expect(!lists.flagsByWord.isEmpty)
        for (word, flags) in lists.flagsByWord {
            #expect(lists.flagTable.flags(of: word, hash: WordHash.of(word)) == flags, "\(word)")
        }
        for word in ["zelenskyy", "", "qwertyuiop", "said."] where lists.flagsByWord[word] == nil {
            #expect(lists.flagTable.flags(of: word, hash: WordHash.of(word)) == [], "\(word)")
        }
    }

    @Test func gazetteerFirstWordsAreFlagged() throws {
        let lists = try AnalysisFixtures.lists()
        for name in lists.gazetteer.keys {
            let first = String(name.split(separator: " ", omittingEmptySubsequences: false)[0]).lowercased()
            #expect(lists.flagsByWord[first]?.contains(.gazetteerFirstWord) == true, "\(name)")
        }
        #expect(lists.flagsByWord["said"]?.contains(.gazetteerFirstWord) != true)
    }

    @Test(arguments: ["", "plain ASCII", "Zelenskyy in Kyiv \u{2014} \u{201C}yes\u{201D}, he said", "e\u{301}clair 東京 😀 ﬁ ß"])
    func scalarRangesBecomeTheSameString(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for lower in 0...scalars.count {
            for upper in lower...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[lower..<upper])
                #expect(AnalysisText.string(scalars, lower..<upper) == String(view))
            }
        }
    }

    @Test func wordTokensKeepTheirTextAndLowercaseForm() {
        let text = AnalysisText(paragraphs: ["the NATO chief, Jens Stoltenberg, said Zoë's e\u{301}lan was O'Brien-like."], title: nil)
        let words = text.paragraphs[0].tokens.filter { $0.kind == .word }
        #expect(words.map(\.text) == ["the", "NATO", "chief", "Jens", "Stoltenberg", "said", "Zoë", "e\u{301}lan", "was", "O'Brien-like"])
        for word in words {
            #expect(word.lower == word.text.lowercased(), "\(word.text)")
        }
        #expect(words[1].isAllCaps && words[1].isCapitalised)
        #expect(!words[0].isCapitalised && !words[0].isAllCaps)
        let punctuation = text.paragraphs[0].tokens.filter { $0.kind == .punctuation }.map(\.text)
        #expect(punctuation == [",", ",", "."])
    }

    @Test(arguments: [
        ("Jane Doe", "Doe"), ("James P. Kennedy Jr.", "Kennedy"), ("James Kennedy JR", "Kennedy"), ("Jr.", nil),
        ("Ursula von der Leyen", "Leyen"), ("  Jane   Doe  ", "Doe"), ("Henry VIII", "VIII"), ("Carl Gustaf III", "Gustaf"),
        ("José Álvarez", "Álvarez"), ("Zoë Saldaña Jr", "Saldaña"),
    ] as [(String, String?)])
    func surnameOfAName(_ name: String, _ expected: String?) {
        #expect(EntityRecogniser.surname(of: name) == expected)
    }

    @Test(arguments: ["Jane Doe", "Jane  Doe ", "Doe", "", "   ", "Ursula von der Leyen", "José Álvarez", "Jane Doe\u{301}"])
    func lastWordOfAName(_ name: String) {
        #expect(EntityRecogniser.lastWord(of: name).map(String.init) == name.split(separator: " ").last.map(String.init))
    }

    @Test func keyphrasesCountRepeatedAndLongerPhrases() throws {
        let lists = try AnalysisFixtures.lists()
        let text = AnalysisText(paragraphs: ["Air defense systems and the air defense systems.", "The air defense systems of the city."], title: nil)
        let phrases = KeyphraseExtractor(lists: lists).keyphrases(in: text, count: 3)
        // RAKE: each word of the three-word phrase has degree 9 (three phrases of three words) over frequency 3, so
        // the phrase scores 3 + 3 + 3; "city", a single word seen once, is left out.
        #expect(phrases.map(\.phrase) == ["air defense systems"])
        #expect(phrases.first?.score == 9)
    }

    @Test func normalisedParagraphStoresSentencesAsPairs() throws {
        let paragraph = NormalisedParagraph(kind: .paragraph, text: "One. Two.", sentences: [0..<4, 5..<9], words: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(paragraph), as: UTF8.self)
        #expect(json == #"{"kind":"paragraph","sentences":[[0,4],[5,9]],"text":"One. Two.","words":2}"#)
        #expect(try JSONDecoder().decode(NormalisedParagraph.self, from: Data(json.utf8)) == paragraph)
        let reversed = #"{"kind":"paragraph","sentences":[[4,0]],"text":"One.","words":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NormalisedParagraph.self, from: Data(reversed.utf8)) }
        let short = #"{"kind":"paragraph","sentences":[[4]],"text":"One.","words":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NormalisedParagraph.self, from: Data(short.utf8)) }
        let long = #"{"kind":"paragraph","sentences":[[0,4,9]],"text":"One.","words":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NormalisedParagraph.self, from: Data(long.utf8)) }
        let kind = #"{"kind":"footnote","sentences":[],"text":"One.","words":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NormalisedParagraph.self, from: Data(kind.utf8)) }
        let empty = #"{"kind":"heading","sentences":[],"text":"","words":0}"#
        #expect(try JSONDecoder().decode(NormalisedParagraph.self, from: Data(empty.utf8)).kind == .heading)
    }
}
