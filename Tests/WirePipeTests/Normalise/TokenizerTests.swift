import Foundation
import Testing
@testable import WirePipe

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    private func texts(_ text: String) -> [String] {
        tokenizer.tokens(in: text).map(\.text)
    }

    /// Slices `text` by Unicode scalar offsets.
    private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<end]))
    }

    @Test("Possessives, contractions and hyphenated compounds are single word tokens")
    func apostrophesAndHyphens() {
        let tokens = tokenizer.tokens(in: "Ukraine’s anti-ship missiles, Western-supplied, don’t stop.")
        #expect(tokens.map(\.text) == ["Ukraine's", "anti-ship", "missiles", ",", "Western-supplied", ",", "don't", "stop", "."])
        #expect(tokens.map(\.isWord) == [true, true, true, false, true, false, true, true, false])
    }

    @Test("Curly and straight quotes, apostrophes and dashes give identical tokens")
    func curlyAndStraightAgree() {
        let curly = tokenizer.tokens(in: "“It’s over,” he said – don’t ‘stop’.")
        let straight = tokenizer.tokens(in: "\"It's over,\" he said - don't 'stop'.")
        #expect(curly == straight)
        #expect(curly.map(\.text) == ["\"", "It's", "over", ",", "\"", "he", "said", "-", "don't", "'", "stop", "'", "."])
    }

    @Test("Dotted acronyms keep internal and trailing periods; other periods are punctuation")
    func dottedAcronyms() {
        #expect(texts("U.S. officials, the U.K. and the U.N. met at 9 a.m., e.g. in Geneva.") == [
            "U.S.", "officials", ",", "the", "U.K.", "and", "the", "U.N.", "met", "at", "9", "a.m.", ",",
            "e.g.", "in", "Geneva", ".",
        ])
        #expect(texts("Mr.Smith and U.S.-made arms") == ["Mr", ".", "Smith", "and", "U.S.", "-", "made", "arms"])
    }

    @Test("Decimals and digit groups are single tokens; currency signs are punctuation")
    func numbers() {
        #expect(texts("$1.2 billion, 3.5 percent, 1,000 troops in 2022.") == [
            "$", "1.2", "billion", ",", "3.5", "percent", ",", "1,000", "troops", "in", "2022", ".",
        ])
    }

    @Test("Other punctuation is one token per character with folded dashes")
    func punctuationTokens() {
        let tokens = tokenizer.tokens(in: "KYIV (Reuters) — Moscow; well- known -5 F-16 COVID-19 allies’ arms")
        #expect(tokens.map(\.text) == [
            "KYIV", "(", "Reuters", ")", "-", "Moscow", ";", "well", "-", "known", "-", "5", "F-16", "COVID-19",
            "allies", "'", "arms",
        ])
        #expect(tokens.filter { !$0.isWord }.map(\.text) == ["(", ")", "-", ";", "-", "-", "'"])
    }

    @Test("The ellipsis character is one token '...'; three periods are three tokens")
    func ellipsis() {
        let tokens = tokenizer.tokens(in: "Wait… what... no")
        #expect(tokens.map(\.text) == ["Wait", "...", "what", ".", ".", ".", "no"])
        #expect(tokens[1].start == 4 && tokens[1].end == 5)
        #expect(tokens[1].isWord == false)
    }

    @Test("Offsets are Unicode scalar offsets that slice back to the token's source")
    func offsetsMapBack() {
        let text = "Ste\u{301}phane’s “U.S.-made” 👨‍👩‍👧 drones… 美国 한국어"
        let tokens = tokenizer.tokens(in: text)
        #expect(tokens.map(\.text) == [
            "Ste\u{301}phane's", "\"", "U.S.", "-", "made", "\"", "👨‍👩‍👧", "drones", "...", "美", "国", "한국어",
        ])
        #expect(tokens.map { $0.start..<$0.end } == [
            0..<11, 12..<13, 13..<17, 17..<18, 18..<22, 22..<23, 24..<29, 30..<36, 36..<37, 38..<39, 39..<40, 41..<44,
        ])
        for token in tokens {
            #expect(TextFolding.matchForm(slice(text, token.start, token.end)) == token.text)
        }
        #expect(slice(text, 0, 11) == "Ste\u{301}phane’s")
    }

    @Test("Han and kana are one token per character; Hangul forms words split by spaces")
    func cjkTokens() {
        let chinese = tokenizer.tokens(in: "美国官员。")
        #expect(chinese.map(\.text) == ["美", "国", "官", "员", "。"])
        #expect(chinese.map(\.isWord) == [true, true, true, true, false])
        #expect(texts("東京でテロ") == ["東", "京", "で", "テ", "ロ"])
        // A decomposed voiced kana keeps its combining mark.
        let voiced = tokenizer.tokens(in: "か\u{3099}")
        #expect(voiced.count == 1 && voiced[0].end == 2)
        #expect(texts("한국 정부는 밝혔다.") == ["한국", "정부는", "밝혔다", "."])
    }

    @Test("Combining marks stay inside words; invisible format characters make no tokens")
    func marksAndFormatCharacters() {
        let tokens = tokenizer.tokens(in: "Zu\u{308}rich’s \u{200F}Kyiv\u{200E} Wash\u{AD}ington")
        #expect(tokens.map(\.text) == ["Zu\u{308}rich's", "Kyiv", "Wash\u{AD}ington"])
        #expect(tokens.map { $0.start..<$0.end } == [0..<9, 11..<15, 17..<28])
    }

    @Test("Emoji sequences, skin tones and flags are single non-word tokens")
    func emojiTokens() {
        let tokens = tokenizer.tokens(in: "🇺🇦 and 👍🏽 ❤️")
        #expect(tokens.map(\.text) == ["🇺🇦", "and", "👍🏽", "❤️"])
        #expect(tokens.map(\.isWord) == [false, true, false, false])
        #expect(tokens.map { $0.end - $0.start } == [2, 3, 2, 2])
    }

    @Test("wordCount matches the word tokens")
    func wordCountMatchesTokens() {
        #expect(tokenizer.wordCount(in: "Ukraine’s U.S.-made weapons cost $1.2 billion – officials said.") == 9)
        let samples = [
            "WASHINGTON, May 26 (Reuters) – As the United States and its allies supply Ukraine with increasingly sophisticated weapons, Washington has held talks with kyiv over the danger of an escalation if it strikes deep from Russia, U.S. and diplomatic officials told Reuters.",
            "“We must reiterate, as we do in all cases, that these weapons must be used responsibly,” said Crow.",
            "美国官员周四表示。한국 정부는 밝혔다. 🇺🇦 👨‍👩‍👧 … 1,000.5",
            "   ",
        ]
        for sample in samples {
            #expect(tokenizer.wordCount(in: sample) == tokenizer.tokens(in: sample).filter(\.isWord).count)
        }
        #expect(tokenizer.wordCount(in: samples[0]) == 41)
    }

    @Test("Empty and all-space text give no tokens; tokens round-trip through JSON")
    func emptyAndCodable() throws {
        #expect(tokenizer.tokens(in: "").isEmpty)
        #expect(tokenizer.tokens(in: " \t\n\u{A0}\u{3000} ").isEmpty)
        #expect(tokenizer.wordCount(in: "") == 0)
        #expect(tokenizer.wordCount(in: "     ") == 0)

        let tokens = tokenizer.tokens(in: "Crow’s U.S. trip.")
        let data = try JSONEncoder().encode(tokens)
        #expect(try JSONDecoder().decode([Token].self, from: data) == tokens)
        #expect(tokens.first == Token(text: "Crow's", start: 0, end: 6, isWord: true))
    }

    /// The classes from the plain property tests, as the tokenizer first made them: the table look-ups and the
    /// reordered property tests of `Tokenizer.classify` must agree on every scalar.
    private static func referenceClass(_ c: Unicode.Scalar) -> Tokenizer.ScalarClass {
        let v = c.value
        if v < 0x80 { return Tokenizer.classify(c) }
        switch v {
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x200B, 0xFEFF: return .space
        case 0x1F1E6...0x1F1FF: return .regionalIndicator
        case 0x1F3FB...0x1F3FF: return .emojiModifier
        default: break
        }
        let properties = c.properties
        if properties.isWhitespace { return .space }
        let cjk: Bool
        switch v {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x1B000...0x1B16F, 0x3005...0x3007: cjk = true
        default: cjk = properties.isIdeographic
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return cjk ? .cjk : .letter
        case .letterNumber: return cjk ? .cjk : .digit
        case .decimalNumber, .otherNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .format: return .format
        default: return .other
        }
    }

    @Test("Every scalar is classified as its Unicode properties say")
    func classesAgreeWithTheProperties() {
        var disagreeing: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Tokenizer.classify(scalar) != Self.referenceClass(scalar) { disagreeing.append(String(value, radix: 16)) }
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20))")
    }
}
