import Foundation
import Testing
@testable import WirePipe

/// The byte-level shortcuts of metadata extraction give what the String and Foundation definitions give,
/// on real pages: the fixtures, and the 181 pages of the benchmark where the shared folder is present.
@Suite struct MetadataFastPathTests {
    /// Fixture pages, and the benchmark pages beside the repository (`../shared/bench`, or `../../shared/bench`
    /// from a worktree) when they are there.
    static func pageTrees() throws -> [(String, DOMTree)] {
        var locations: [PageLocation] = []
        let fixtures = Fixtures.folder
        for folder in ["benchmark", "pages", "multilingual"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)
            for name in names.sorted() where name.hasSuffix(".html") || name.hasSuffix(".html.gz") {
                locations.append(PageLocation(root: fixtures, relativePath: "\(folder)/\(name)"))
            }
        }
        for name in Fixtures.seedPages { locations.append(PageLocation(root: fixtures, relativePath: name)) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for shared in ["../shared", "../../shared"] {
            let html = root.appendingPathComponent(shared).appendingPathComponent("bench/article-extraction-benchmark/html").standardized
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: html.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".html.gz") { locations.append(PageLocation(root: html, relativePath: name)) }
            break
        }
        return try locations.map { location in
            let page = try FetchStage(settings: FetchSettings()).process(location)
            return (location.relativePath, try HTMLDocument.parse(page.html, encoding: page.parserEncoding))
        }
    }

    /// `DOMTree.attribute(_:of:lowercasedIs:)` answers as `node.attribute(name)?.lowercased() == target` on
    /// every element of every page, for the attributes and targets metadata extraction asks about.
    @Test func attributeComparisonOnBytesIsTheStringOne() throws {
        let questions: [(Int, String, StaticString)] = [
            (HTMLDocument.relAttribute, "rel", "canonical"), (HTMLDocument.relAttribute, "rel", "author"),
            (HTMLDocument.propertyAttribute, "property", "article:tag"),
            (HTMLDocument.itempropAttribute, "itemprop", "datepublished"), (HTMLDocument.itempropAttribute, "itemprop", "author"),
        ]
        for (index, name, _) in questions { #expect(HTMLDocument.keptAttributeNames[index] == name) }
        var trees = try Self.pageTrees()
        #expect(trees.count >= 20)
        let made = try HTMLDocument.parse(Array("""
            <html><head><link rel="CANONICAL" href="a"><link rel="canonical " href="b"><meta property="Article:Tag" content="x">
            </head><body><span itemprop="DatePublished">d</span><span itemprop="datePublished" itemprop="author">e</span>
            <a rel="Author">f</a><a rel="aüthor">g</a><a rel="">h</a></body></html>
            """.utf8), encoding: "UTF-8")
        trees.append(("made", made))
        var matches = 0
        for (page, tree) in trees {
            for index in tree.nodes.indices {
                for (attribute, name, target) in questions {
                    let general = tree.nodes[index].attribute(name)?.lowercased() == target.description
                    let fast = tree.attribute(attribute, of: index, lowercasedIs: target)
                    #expect(fast == general, "\(page) node \(index) \(name)=\(target)")
                    if general { matches += 1 }
                }
            }
        }
        // The comparison met both answers many times.
        #expect(matches >= 50)
    }

    /// Splitting an ASCII title at a separator on its bytes gives what Foundation's backward search and
    /// trimming give, for every separator, on the titles and headings of the pages and on made-up titles.
    @Test func asciiTitleSplitIsFoundations() throws {
        var titles = [
            "Headline | Site", "Site - Headline - More", " - ", "a - b - c", "x -  - y", "\t Lead \t| Tail\t", "a|b", "||",
            "A :: B :: C", "no separator", "", " - - - ", "Ends with - ", " - starts", "a  -  b",
        ]
        for (_, tree) in try Self.pageTrees() {
            for tag in ["title", "h1"] {
                for index in tree.elements(named: tag) { titles.append(TextFolding.foldWhitespace(tree.text(of: index))) }
            }
        }
        // Every title (in any script): where the bytes rule a separator out, Foundation's search finds none.
        titles += ["Noticia \u{2013} Diario", "Α \u{0387} Β", "Kyiv\u{2019}s war \u{2014} Site", "x -\u{0301} y", "日本 | サイト"]
        for title in titles {
            for separator in MetadataExtractor.titleSeparators
            where !MetadataExtractor.containsBytes(title, separator) && !MetadataExtractor.mayBeCanonicallyEquivalent(title, separator) {
                #expect(title.range(of: separator, options: .backwards) == nil, "\(title) at \"\(separator)\"")
            }
        }
        #expect(MetadataExtractor.mayBeCanonicallyEquivalent("Α \u{0387} Β", " · "))
        var split = 0
        for title in titles where TextFolding.isASCII(title) {
            for separator in MetadataExtractor.titleSeparators {
                let general = title.range(of: separator, options: .backwards).map { range in
                    (String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces),
                     String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces))
                }
                let fast = MetadataExtractor.splitAtLastASCII(title, separator)
                #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(title) at \"\(separator)\"")
                if general != nil { split += 1 }
            }
        }
        #expect(split >= 20)
    }

    /// The byte checks in front of the date parsers rule out only text the parsers would refuse, on the
    /// short texts of every page (bylines, datelines, captions) and on made-up ones.
    @Test func datePrechecksRuleOutOnlyWhatCannotBeADate() throws {
        var texts = [" 2023 ", "\t26 May 2023\n", "\u{00A0}x\u{2003}", "", " ", "x", "２０２３年5月8日", "+1990", "ab1990cd", "12345",
                     "Mai 2023\u{0301}", "\u{0085}2023-01-02", "2023-01-02\r", "\u{1C}2023\u{1F}"]
        for (_, tree) in try Self.pageTrees() {
            for index in tree.nodes.indices where tree.nodes[index].isText {
                let text = tree.nodes[index].text
                if text.utf8.count <= 200 { texts.append(text) }
            }
        }
        var withYear = 0
        for text in texts {
            #expect(DateNormaliser.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            let hasYear = words.contains { $0.count == 4 && Int($0).map(DateNormaliser.plausibleYears.contains) == true }
            if hasYear { withYear += 1 }
            #expect(!hasYear || DateNormaliser.hasFourASCIIDigits(text), "\(text)")
            let leadingDigits = text.prefix(while: { $0.isASCII && $0.isNumber })
            #expect(leadingDigits.isEmpty || text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true, "\(text)")
            let hasMark = text.unicodeScalars.contains { $0 == "年" || $0 == "년" }
            #expect(hasMark == DateNormaliser.containsBytes(text, DateNormaliser.yearMarks), "\(text)")
        }
        #expect(withYear >= 20)
    }

    /// Trimming on the bytes gives Foundation's trimming, for the sets metadata extraction trims with, on the
    /// short texts of every page and on texts with every ASCII character and non-ASCII ends.
    @Test func asciiTrimmingIsFoundations() throws {
        var texts = ["", " ", "\t", " a ", "\u{00A0}x\u{00A0}", " x\u{301}", "x\u{301} ", "\u{2003}a b\u{3000}", "«Name»", "(Jane Doe),",
                     "¿Quién?", "— Ann —", " \r\n x \r\n "]
        let everyASCII = String(decoding: (1..<128).map { UInt8($0) }, as: UTF8.self)
        texts += [everyASCII, String(everyASCII.reversed()), "ab" + everyASCII + "cd"]
        for scalar in (1..<128).compactMap(Unicode.Scalar.init) { texts.append("\(scalar)Name\(scalar)") }
        for (_, tree) in try Self.pageTrees() {
            for index in tree.nodes.indices where tree.nodes[index].isText {
                let text = tree.nodes[index].text
                if text.utf8.count <= 120 { texts.append(text) }
            }
        }
        for trimmer in [ASCIITrimmer.whitespaces, MetadataExtractor.nameTrimmer, ASCIITrimmer(.whitespacesAndNewlines)] {
            for text in texts {
                #expect(trimmer.trim(text) == text.trimmingCharacters(in: trimmer.set), "\(text)")
                let substring = text.dropFirst()
                #expect(trimmer.trim(substring) == substring.trimmingCharacters(in: trimmer.set), "\(substring)")
            }
        }
    }

    /// The byline test on class-name bytes is its definition on strings, for every element of every page.
    @Test func bylineClassNamesOnBytesAreTheStringDefinition() throws {
        var bylines = 0
        for (page, tree) in try Self.pageTrees() {
            for index in tree.nodes.indices where tree.nodes[index].hasClassNames {
                let names = tree.nodes[index].classNames
                let general = names.split(separator: " ").contains { name in
                    name == "author" || name == "fn" || name.hasSuffix("-author") || name.contains("byline")
                }
                if general { bylines += 1 }
                #expect(tree.withClassNames(of: index, MetadataExtractor.classesNameAByline(bytes:)) == general, "\(page) \(names)")
            }
        }
        #expect(bylines >= 20)
    }

    /// Dates are written as `String(format:)` wrote them.
    @Test func isoDatesAreFormattedAsBefore() {
        for year in DateNormaliser.plausibleYears {
            for month in 1...12 {
                for day in [1, 9, 10, 28, 31] {
                    #expect(DateNormaliser.isoDay(year, month, day) == String(format: "%04d-%02d-%02d", year, month, day))
                }
            }
        }
        for value in 0...99 { #expect(DateNormaliser.twoDigits(value) == String(format: "%02d", value)) }
        #expect(DateNormaliser.iso("2022-05-26T08:04:07.123+0530") == "2022-05-26T08:04:07+05:30")
        #expect(DateNormaliser.iso("2022/5/6") == nil)
        #expect(DateNormaliser.iso("6.5.2022") == "2022-05-06")
        #expect(DateNormaliser.iso("20220506") == "2022-05-06")
        #expect(DateNormaliser.fromURL("https://x.com/2021/03/04/story") == "2021-03-04")
        #expect(DateNormaliser.iso("2023年5月8日") == "2023-05-08")
        #expect(DateNormaliser.iso("8 March 2023") == "2023-03-08")
    }
}
