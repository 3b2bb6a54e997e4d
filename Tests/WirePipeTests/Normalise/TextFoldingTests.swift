import Foundation
import Testing
@testable import WirePipe

@Suite("TextFolding")
struct TextFoldingTests {

    // MARK: nfc

    @Test("NFC composes e + combining acute into é")
    func nfcComposesAcute() {
        let folded = TextFolding.nfc("Caf\u{65}\u{301} in Kyiv")
        #expect(folded == "Caf\u{E9} in Kyiv")
        #expect(folded.unicodeScalars.count == 12)
        #expect(folded.unicodeScalars.map(\.value).contains(0xE9))
    }

    @Test("NFC composes decomposed names, keeps composed text and ASCII as is")
    func nfcComposesNames() {
        let decomposed = "Zu\u{308}rich and Sa\u{303}o Paulo, Ste\u{301}phane and Gu\u{308}nther"
        let folded = TextFolding.nfc(decomposed)
        #expect(Array(folded.unicodeScalars) == Array("Z\u{FC}rich and S\u{E3}o Paulo, St\u{E9}phane and G\u{FC}nther".unicodeScalars))
        // Already-composed text is unchanged scalar for scalar.
        let composed = "Z\u{FC}rich"
        #expect(Array(TextFolding.nfc(composed).unicodeScalars) == Array(composed.unicodeScalars))
        // ASCII is returned exactly as it is.
        let ascii = "WASHINGTON, May 26 (Reuters) - Officials said.  \t"
        #expect(Array(TextFolding.nfc(ascii).utf8) == Array(ascii.utf8))
    }

    @Test("NFC's fast path only passes scalars that NFC keeps as they are, alone and after a letter")
    func nfcStableRangesHoldForEveryScalar() {
        for range in TextFolding.nfcStableRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
                // Alone, and after a letter it could compose with were it a combining mark.
                for text in [String(Character(scalar)), "a" + String(Character(scalar)), "\u{1100}" + String(Character(scalar))] {
                    let normalised = text.precomposedStringWithCanonicalMapping
                    if Array(normalised.unicodeScalars) != Array(text.unicodeScalars) {
                        Issue.record("U+\(String(value, radix: 16)) changes under NFC in \(text.debugDescription)")
                    }
                }
            }
        }
        // Outside the ranges: a combining mark, a singleton and a Hangul vowel take the full path.
        #expect(!TextFolding.isStableUnderNFC("\u{301}") && !TextFolding.isStableUnderNFC("\u{2000}") && !TextFolding.isStableUnderNFC("\u{1161}"))
        #expect(TextFolding.nfc("\u{1100}\u{1161}") == "\u{AC00}")
        #expect(TextFolding.nfc("Kyiv’s “mayor” — Віталій Кличко, 東京") == "Kyiv’s “mayor” — Віталій Кличко, 東京")
    }

    // MARK: foldWhitespace

    @Test("Whitespace folding collapses NBSP, tabs and newlines and trims both ends")
    func foldWhitespaceMixed() {
        let raw = " \n\tKYIV,\u{A0}May 26\u{A0}\u{A0}(Reuters)\t–\r\nUkraine   said. \n "
        #expect(TextFolding.foldWhitespace(raw) == "KYIV, May 26 (Reuters) – Ukraine said.")
    }

    @Test("Whitespace folding handles thin, narrow no-break, ideographic and line-separator spaces")
    func foldWhitespaceUnicodeSpaces() {
        let raw = "10\u{2009}000\u{202F}km\u{3000}north\u{2028}of\u{205F}the\u{2003}line\u{85}end"
        #expect(TextFolding.foldWhitespace(raw) == "10 000 km north of the line end")
    }

    @Test("Zero width space is removed without adding a space; BOM is not whitespace")
    func foldWhitespaceZeroWidth() {
        #expect(TextFolding.foldWhitespace("Zelen\u{200B}skyy said") == "Zelenskyy said")
        #expect(TextFolding.foldWhitespace("Kyiv \u{200B} Moscow\u{200B}") == "Kyiv Moscow")
        #expect(TextFolding.foldWhitespace("\u{FEFF}Kyiv") == "\u{FEFF}Kyiv")
    }

    @Test("Whitespace folding keeps curly quotes, dashes and ellipses as written")
    func foldWhitespaceKeepsTypography() {
        let raw = "“It’s  over,”\u{A0}he said — and… left."
        #expect(TextFolding.foldWhitespace(raw) == "“It’s over,” he said — and… left.")
    }

    @Test("Whitespace folding of empty and all-space strings gives the empty string")
    func foldWhitespaceEmpty() {
        #expect(TextFolding.foldWhitespace("") == "")
        #expect(TextFolding.foldWhitespace("     ") == "")
        #expect(TextFolding.foldWhitespace(" \t\n\u{A0}\u{3000}\u{200B} ") == "")
    }

    // MARK: matchForm

    @Test("Match form folds curly quotes and apostrophes to straight ones")
    func matchFormQuotes() {
        #expect(TextFolding.matchForm("“It’s over,” he said.") == "\"It's over,\" he said.")
        #expect(TextFolding.matchForm("„Nein“, sagte er. ‚Ja‘ ‛so′ ʼok″ ‟x") == "\"Nein\", sagte er. 'Ja' 'so' 'ok\" \"x")
    }

    @Test("Match form folds guillemets, keeps case and other accented letters")
    func matchFormGuillemetsAndCase() {
        #expect(TextFolding.matchForm("L’Élysée a dit «Non»") == "L'Élysée a dit \"Non\"")
    }

    @Test("Match form folds every dash and hyphen to '-' and the ellipsis to three periods")
    func matchFormDashesAndEllipsis() {
        let raw = "2022–2023 — pro‐Kyiv non‑stop ‒ ― −5 and then…"
        #expect(TextFolding.matchForm(raw) == "2022-2023 - pro-Kyiv non-stop - - -5 and then...")
        #expect(TextFolding.matchForm("…").unicodeScalars.count == 3)
    }

    @Test("Match form of ASCII and of the empty string is the input")
    func matchFormASCII() {
        #expect(TextFolding.matchForm("He said \"no\" - twice...") == "He said \"no\" - twice...")
        #expect(TextFolding.matchForm("") == "")
    }

    @Test("The listed White_Space scalars are exactly those of the Unicode property")
    func whitespaceListMatchesTheProperty() {
        var disagreeing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextFolding.isWhitespace(scalar) != scalar.properties.isWhitespace { disagreeing.append(String(value, radix: 16)) }
            if TextFolding.isSpaceLike(scalar) != (scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF) {
                disagreeing.append("space-like " + String(value, radix: 16))
            }
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20))")
    }
}
