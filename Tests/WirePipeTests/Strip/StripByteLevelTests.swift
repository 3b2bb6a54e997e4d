import Foundation
import Testing
@testable import WirePipe

/// The byte-level shortcuts of strip give what the string-level definitions give.
@Suite struct StripByteLevelTests {
    /// The byte search in lowercase text answers as the case-blind search, on every element's class names of
    /// the carried pages, their `lowercased()` class attributes, and made-up names.
    @Test func lowercasedSearchIsTheCaseBlindOne() throws {
        var names = ["", "c", "caption", "xcaptio", "img-caption", "newscaption x", "capt ion", "fig-capTION", "captión", "é caption"]
        for (_, tree) in try MetadataFastPathTests.pageTrees() {
            for index in tree.nodes.indices where !tree.nodes[index].isText {
                names.append(tree.nodes[index].classNames)
                if let value = tree.nodes[index].attribute("class") { names.append(value.lowercased()) }
            }
        }
        var found = 0
        for name in names where !name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            let blind = BlockText.containsASCII(name, "caption")
            #expect(BlockText.lowercasedContains(name, "caption") == blind, "\(name)")
            if blind { found += 1 }
            #expect(BlockText.lowercasedContains(name, "") && BlockText.lowercasedContains(name, "nav") == BlockText.containsASCII(name, "nav"), "\(name)")
        }
        #expect(found > 10)
    }

    @Test func bylineClassNames() {
        for yes in ["byline", "post-byline x", "x bylines", "author", "a post-author", "fn", "x  fn", "entry-byline-wrap"] {
            #expect(MetadataExtractor.classesNameAByline(yes), "\(yes)")
        }
        for no in ["", " ", "authors", "author-bio", "fna", "bylin", "by line", "author\tx", "-autho", "xauthor"] {
            #expect(!MetadataExtractor.classesNameAByline(no), "\(no)")
        }
    }

    /// The one-pass fingerprint is the hash of the folded text, and leaves text it cannot fold that way to
    /// the full path.
    @Test func plainFingerprintIsTheFoldedTextsHash() {
        func folded(_ text: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in TextFolding.foldWhitespace(TextFolding.matchForm(TextFolding.nfc(text)).lowercased()).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return hash
        }
        let plain = ["", "  ", "Don\u{2019}t  miss OUR newsletter ", "\tSign up\n\nnow\u{2026}", "\u{201C}Quoted\u{201D} \u{2013} A-B \u{2212}1",
                     "«Guillemets» ‘single’", "Read more >>"]
        for text in plain {
            #expect(PageBlocks.plainFingerprint(text) == folded(text), "\(text)")
            #expect(PageBlocks.fingerprint(text) == folded(text), "\(text)")
        }
        for text in ["Straße", "ÉCOLE", "a\u{00A0}b", "zero\u{200B}width", "日本", "e\u{301}"] {
            #expect(PageBlocks.plainFingerprint(text) == nil, "\(text)")
            #expect(PageBlocks.fingerprint(text) == folded(text), "\(text)")
        }
    }

    /// Folding writes into the string's own storage: whitespace runs become one space, ends are trimmed, an
    /// invalid byte is repaired and a sequence cut off at the end is dropped, as before.
    @Test func blockTextFoldsBytes() {
        #expect(BlockText(bytes: Array("  One two.\n\n Three\u{00A0}four!  ".utf8), minWords: 1).text == "One two. Three four!")
        #expect(BlockText(bytes: [0x61, 0x20, 0xC3, 0xA9, 0x20, 0xE2, 0x80], minWords: 1).text == "a é")
        #expect(BlockText(bytes: [0x61, 0xBF, 0x62], minWords: 1).text == "a\u{FFFD}b")
        #expect(BlockText(bytes: Array(" \t\n".utf8), minWords: 1).text.isEmpty)
        #expect(BlockText.wordCount("One two three, four-five") == 4)
        // Soft hyphens vanish: the word stays whole in the text and counts as one word.
        let hyphenated = BlockText(bytes: Array("Wäh\u{00AD}rend Sie schlen\u{00AD}dern.".utf8), minWords: 3)
        #expect(hyphenated.text == "Während Sie schlendern.")
        #expect(hyphenated.words == 3)
        #expect(hyphenated.sentences == 1)
    }

    /// The byte-level comparison key of ASCII text is the one the Unicode properties give, for every ASCII
    /// character and on the lines of a real story; other text is left to the general path.
    @Test func asciiComparisonKeyIsTheGeneralOne() throws {
        func general(_ s: String) -> String {
            String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        }
        let everyASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        // The story's lines as written (curly quotes: the general path) and in their ASCII match form.
        let story = try Fixtures.seedParagraphs()
        let lines = story + story.map(TextFolding.matchForm) + [everyASCII, "", "  ", "U.S. to send F-16s, 2,000 troops: officials"]
        for line in lines {
            let ascii = line.utf8.allSatisfy { $0 < 0x80 }
            #expect(ContentExtractor.asciiComparisonKey(line) == (ascii ? general(line) : nil), "\(line)")
            #expect(ContentExtractor.comparisonKey(line) == general(line), "\(line)")
        }
        #expect(story.map(TextFolding.matchForm).filter { $0.utf8.allSatisfy { $0 < 0x80 } }.count >= 10)
        for line in ["Ukraine\u{2019}s", "\u{212A}elvin", "Straße 5", "日本"] {
            #expect(ContentExtractor.asciiComparisonKey(line) == nil, "\(line)")
            #expect(ContentExtractor.comparisonKey(line) == general(line), "\(line)")
        }
        #expect(ContentExtractor.sameText("Ukraine's war: day 5", "UKRAINES WAR DAY 5"))
        #expect(!ContentExtractor.sameText("...", "!!!"))
    }

    /// The tag kinds `ClassHint.negativeEvidence` reads are the tag-name sets it read before.
    @Test func tagKindsMatchTheHintTagSets() {
        let names = Set(TagKind.table.keys).union(ClassHint.negativeTags).union(ClassHint.headingTags).union(["span", "div", "x-nav"])
        for name in names {
            let kind = TagKind.table[name] ?? []
            #expect(kind.contains(.chrome) == ClassHint.negativeTags.contains(name), "\(name)")
            #expect(kind.contains(.heading) == ClassHint.headingTags.contains(name), "\(name)")
        }
    }

    /// The attribute indices the hint and the hidden test compare are those of the names they stand for.
    @Test func attributeIndicesNameTheirAttributes() {
        let names = HTMLDocument.keptAttributeNames
        #expect(names[HTMLDocument.classAttribute] == "class" && names[HTMLDocument.roleAttribute] == "role")
        #expect(names[HTMLDocument.itempropAttribute] == "itemprop")
        #expect(names[HTMLDocument.hiddenAttribute] == "hidden" && names[HTMLDocument.ariaHiddenAttribute] == "aria-hidden")
        #expect(names[HTMLDocument.styleAttribute] == "style")
    }
}
