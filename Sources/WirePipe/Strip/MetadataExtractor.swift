import Foundation

/// Reads title, site name, authors, published date, URL and declared language from a page, each with the
/// place it was found (`*_source`). Sources are tried from the most to the least reliable: JSON-LD and
/// OpenGraph/article meta tags, then the visible page (`<h1>`, `<time>`, bylines), then `<title>` and the URL.
public struct MetadataExtractor: Sendable {
    public var settings: StripSettings

    public init(settings: StripSettings = StripSettings()) {
        self.settings = settings
    }

    /// Title separators that put a site name before or after the headline.
    static let titleSeparators = [" | ", " – ", " — ", " - ", " :: ", " » ", " · ", " • "]

    /// `urlHint`: the URL the page was captured from (WARC-Target-URI, a fetched URL), used when the page
    /// names no canonical URL of its own.
    public func extract(from tree: DOMTree, urlHint: String? = nil) -> ArticleMetadata {
        let meta = metaTags(tree)
        let jsonLD = JSONLDReader(tree: tree)
        var result = ArticleMetadata()

        result.url = tree.elements(named: "link").first { tree.attribute(HTMLDocument.relAttribute, of: $0, lowercasedIs: "canonical") }
            .flatMap { tree.nodes[$0].attribute("href") } ?? meta["og:url"] ?? urlHint

        // Site name first: the title is cleaned of it.
        if let (name, source) = first([
            (meta["og:site_name"], "og:site_name"), (jsonLD.publisherName, "json-ld:publisher"),
            (jsonLD.websiteName, "json-ld:website"), (meta["application-name"], "meta:application-name"),
        ]) {
            result.siteName = name
            result.siteNameSource = source
        }

        let documentTitle = tree.elements(named: "title").first.map { TextFolding.foldWhitespace(tree.text(of: $0)) }
        let h1 = headline(tree, documentTitle: documentTitle)
        if let (title, source) = first([
            (meta["og:title"], "og:title"), (jsonLD.headline, "json-ld:headline"), (meta["twitter:title"], "twitter:title"),
            (h1, "h1"), (documentTitle, "title"),
        ]) {
            let (clean, suffixSite) = stripSiteName(from: title, siteName: result.siteName)
            result.title = clean
            result.titleSource = source
            if result.siteName == nil, let suffixSite {
                result.siteName = suffixSite
                result.siteNameSource = "title-suffix"
            }
        }
        if result.siteName == nil, let documentTitle, let title = result.title,
           let site = stripSiteName(from: documentTitle, siteName: nil).site, !Self.similar(site, title) {
            result.siteName = site
            result.siteNameSource = "title-suffix"
        }
        if result.siteName == nil, let host = result.url.flatMap({ URL(string: $0)?.host }) {
            result.siteName = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            result.siteNameSource = "url-host"
        }

        if let (authors, source) = authors(tree: tree, meta: meta, jsonLD: jsonLD) {
            result.authors = authors
            result.authorsSource = source
        }

        // How to read 05/10/2022: from the language the page declares (month first only in US English).
        let declared = tree.nodes.first?.attribute("lang") ?? meta["content-language"] ?? meta["og:locale"]
        let dayFirst = declared.flatMap(Self.dayFirst(locale:))
        for (raw, source) in [
            (jsonLD.datePublished, "json-ld:datePublished"), (meta["article:published_time"], "article:published_time"),
            (meta["og:published_time"], "og:published_time"), (meta["datepublished"], "itemprop:datePublished"),
            (meta["pubdate"], "meta:pubdate"), (meta["publishdate"], "meta:publishdate"), (meta["publish-date"], "meta:publish-date"),
            (meta["parsely-pub-date"], "meta:parsely-pub-date"), (meta["sailthru.date"], "meta:sailthru.date"),
            (meta["dc.date.issued"], "meta:dc.date.issued"), (meta["dcterms.created"], "meta:dcterms.created"),
            (meta["dc.date"], "meta:dc.date"), (meta["date"], "meta:date"), (timeElement(tree), "time"),
            (result.url.flatMap(DateNormaliser.fromURL), "url"),
        ] {
            if let raw, let iso = DateNormaliser.iso(raw, dayFirst: dayFirst) {
                result.published = iso
                result.publishedSource = source
                break
            }
        }
        if result.published == nil, let iso = visibleDate(tree, dayFirst: dayFirst) {
            result.published = iso
            result.publishedSource = "visible"
        }

        for (raw, source) in [
            (jsonLD.dateModified, "json-ld:dateModified"), (meta["article:modified_time"], "article:modified_time"),
            (meta["og:updated_time"], "og:updated_time"), (meta["datemodified"], "itemprop:dateModified"),
            (meta["last-modified"], "meta:last-modified"),
        ] {
            if let raw, let iso = DateNormaliser.iso(raw, dayFirst: dayFirst) {
                result.modified = iso
                result.modifiedSource = source
                break
            }
        }
        // A publication date after the page was last modified, or in the future, is a wrong date.
        if let published = result.published, let modified = result.modified, published.prefix(10) > modified.prefix(10) {
            result.published = nil
            result.publishedSource = nil
        }
        if let published = result.published, published.prefix(10) > Self.tomorrow {
            result.published = nil
            result.publishedSource = nil
        }
        result.section = (meta["article:section"] ?? jsonLD.section).map(TextFolding.foldWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        var tags: [String] = []
        for index in tree.elements(named: "meta") where tree.attribute(HTMLDocument.propertyAttribute, of: index, lowercasedIs: "article:tag") {
            if let tag = tree.nodes[index].attribute("content") { tags.append(tag) }
        }
        if tags.isEmpty, let keywords = meta["news_keywords"] ?? meta["keywords"] ?? jsonLD.keywords {
            tags = keywords.split(separator: ",").map(String.init)
        }
        var seenTags: Set<String> = []
        result.tags = tags.map { TextFolding.foldWhitespace($0) }.filter { !$0.isEmpty && seenTags.insert($0.lowercased()).inserted }

        let htmlLang = tree.nodes.first?.attribute("lang")
        for candidate in [htmlLang, meta["content-language"], meta["og:locale"], meta["language"]] {
            if let code = candidate.flatMap(Self.languageCode) {
                result.declaredLanguage = code
                break
            }
        }
        result.description = meta["og:description"] ?? meta["description"]
        return result
    }

    /// The `<h1>` that is the headline: the one that shares most words with `<title>` (pages often put the
    /// site's logo in an `<h1>` too), or without a `<title>` the first one not marked as the site's.
    func headline(_ tree: DOMTree, documentTitle: String?) -> String? {
        let candidates = tree.elements(named: "h1").compactMap { index -> (String, Bool)? in
            let text = TextFolding.foldWhitespace(tree.text(of: index))
            guard !text.isEmpty, text.count <= 300 else { return nil }
            let names = tree.nodes[index].classNames
            return (text, names.contains("logo") || names.contains("site"))
        }
        guard let documentTitle else { return candidates.first { !$0.1 }?.0 }
        let titleWords = Set(Self.words(documentTitle))
        // The headline shares most of its words with <title>, and more of them than a logo does.
        var best: (text: String, shared: Int)?
        for (text, isSiteMark) in candidates where !isSiteMark {
            let words = Self.words(text)
            let shared = words.filter(titleWords.contains).count
            guard !words.isEmpty, shared * 2 >= words.count else { continue }
            if shared > (best?.shared ?? 0) { best = (text, shared) }
        }
        return best?.text
    }

    static func words(_ text: String) -> [String] {
        // ASCII text on its bytes: there a letter or number is [A-Za-z0-9], and lowercasing is ASCII's (the
        // Character properties cost some 50,000 instructions a headline).
        if TextFolding.isASCII(text) {
            var words: [String] = []
            var word: [UInt8] = []
            for byte in text.utf8 {
                let lower = BlockText.lowerASCII(byte)
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    word.append(lower)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The day after the process started (UTC), as ISO text: no page was published later than that.
    static let tomorrow = UTCTime.day(Date().addingTimeInterval(86_400))

    /// `en-US`, `en_GB`, `EN` → `en`.
    static func languageCode(_ raw: String) -> String? {
        let code = ASCIITrimmer.whitespaces.trim(raw).lowercased().prefix { $0.isLetter }
        return (2...3).contains(code.count) ? String(code) : nil
    }

    private func first(_ candidates: [(String?, String)]) -> (String, String)? {
        for (value, source) in candidates {
            if let value = value.map(TextFolding.foldWhitespace), !value.isEmpty { return (value, source) }
        }
        return nil
    }

    /// Indices in `HTMLDocument.keptAttributeNames` of property, name, itemprop and http-equiv, in that order.
    static let metaNameAttributes = ["property", "name", "itemprop", "http-equiv"].map { HTMLDocument.keptAttributeNames.firstIndex(of: $0)! }

    /// Meta tags by lowercased name, property, itemprop or http-equiv; the first of each wins.
    func metaTags(_ tree: DOMTree) -> [String: String] {
        let metas = tree.elements(named: "meta")
        // Room for every name at once (growing by doubling rehashed the table several times a page); the
        // table is only looked up by key, so its layout shows nowhere.
        var tags: [String: String] = [:]
        tags.reserveCapacity(metas.count * 2)
        for index in metas {
            let node = tree.nodes[index]
            guard let content = node.attribute("content") ?? node.attribute("datetime") else { continue }
            // The names by index (`HTMLDocument.keptAttributeNames`): property, name, itemprop, http-equiv.
            for key in Self.metaNameAttributes {
                if let name = node.attributes.first(where: { $0.nameIndex == key })?.value.lowercased(), tags[name] == nil { tags[name] = content }
            }
        }
        // itemprop=datePublished on any element (often <time> or <span content=…>). The nodes are read in
        // place: a copy of each node retained and released its strings and arrays, for every node of the page.
        if tags["datepublished"] == nil {
            for index in tree.nodes.indices where tree.attribute(HTMLDocument.itempropAttribute, of: index, lowercasedIs: "datepublished") {
                let node = tree.nodes[index]
                tags["datepublished"] = node.attribute("content") ?? node.attribute("datetime") ?? tree.text(of: index)
                break
            }
        }
        return tags
    }

    /// The `datetime` of the first `<time>` that marks publication, else of the first `<time>` with one.
    func timeElement(_ tree: DOMTree) -> String? {
        let times = tree.elements(named: "time").map { tree.nodes[$0] }
        let published = times.first { node in
            node.attribute("pubdate") != nil || (node.attribute("class") ?? "").lowercased().contains("publish")
        }
        return (published ?? times.first { $0.attribute("datetime") != nil })?.attribute("datetime")
    }

    /// Whether a page in `locale` (`de`, `en-US`, `en_GB`) writes numeric dates day first: false for US
    /// English, nil for English without a region (either is common), true for every other language.
    static func dayFirst(locale raw: String) -> Bool? {
        let parts = raw.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first, !language.isEmpty else { return nil }
        guard language == "en" else { return true }
        guard parts.count > 1 else { return nil }
        return parts[1] != "us"
    }

    /// Class and id name parts of elements that show when a story was published: `date`, `time`, `datum`,
    /// `fecha`, `data`, `publi(shed|cado)`, `posted`, and the meta, info and byline lines that carry it.
    static let dateHolderNames: [StaticString] = ["date", "time", "datum", "fecha", "data", "publi", "posted", "meta", "info", "byline", "firma", "autor", "author", "dateline"]

    /// The publication date shown on the page, the last source, looked for in this order:
    /// 1. the first short lines after the headline `<h1>` (bylines and datelines sit there in most layouts);
    /// 2. an element whose class names say it holds a date (`story-meta`, `datum`, `fecha`) just above the
    ///    headline (a date line over the title), not as far up as the page header, whose date is often the
    ///    site's "today";
    /// 3. such an element anywhere after the headline (or anywhere, on a page without `<h1>`).
    /// Only short texts (at most `visibleDateMaxChars`), where a date is the point.
    func visibleDate(_ tree: DOMTree, dayFirst: Bool?) -> String? {
        let body = tree.elements(named: "body").first ?? 0
        func dateHolder(in range: Range<Int>) -> String? {
            for index in range {
                let node = tree.nodes[index]
                // Small elements only: a date line, not a wrapper whose class happens to say "info".
                guard node.hasClassNames, node.subtreeEnd - index <= settings.visibleDateMaxNodes, !node.tag.contains(.link) else { continue }
                let names = node.classNames
                guard Self.dateHolderNames.contains(where: { BlockText.containsASCII(names, $0) }) else { continue }
                let text = tree.text(of: index)
                guard text.utf8.count <= settings.visibleDateMaxChars * 4 else { continue }
                if let date = DateNormaliser.find(in: TextFolding.foldWhitespace(text), dayFirst: dayFirst) { return date }
            }
            return nil
        }
        guard let h1 = tree.elements(named: "h1").first, h1 > body else { return dateHolder(in: body..<tree.nodes.count) }
        let headlineEnd = tree.nodes[h1].subtreeEnd
        var seen = 0
        for index in headlineEnd..<tree.nodes.count where tree.nodes[index].isText {
            let text = TextFolding.foldWhitespace(tree.nodes[index].text)
            guard !text.isEmpty else { continue }
            seen += 1
            if seen > settings.visibleDateLines { break }
            guard text.count <= settings.visibleDateMaxChars else { continue }
            if let date = DateNormaliser.find(in: text, dayFirst: dayFirst) { return date }
        }
        return dateHolder(in: max(body, h1 - settings.visibleDateNodesAbove)..<h1) ?? dateHolder(in: headlineEnd..<tree.nodes.count)
    }


    /// Removes a site name before or after the headline (`Headline | Site`, `Site - Headline`).
    func stripSiteName(from title: String, siteName: String?) -> (title: String, site: String?) {
        let ascii = TextFolding.isASCII(title)
        for separator in Self.titleSeparators {
            // A separator absent from the bytes is absent: Foundation's search then need not run (some 60,000
            // instructions). Its search matches canonical equivalents, and the only text canonically
            // equivalent to a separator but not byte-equal to it is U+0387 GREEK ANO TELEIA for the middle dot.
            if !Self.containsBytes(title, separator) && (ascii || !Self.mayBeCanonicallyEquivalent(title, separator)) { continue }
            let head: String, tail: String
            if ascii {
                // ASCII text: Foundation's backward search finds the last occurrence of the bytes, and its
                // whitespace set holds only space and tab there (some 60,000 instructions a search).
                guard let (headText, tailText) = Self.splitAtLastASCII(title, separator) else { continue }
                (head, tail) = (headText, tailText)
            } else {
                guard let range = title.range(of: separator, options: .backwards) else { continue }
                head = ASCIITrimmer.whitespaces.trim(title[..<range.lowerBound])
                tail = ASCIITrimmer.whitespaces.trim(title[range.upperBound...])
            }
            if let siteName {
                if Self.similar(tail, siteName) { return (head, tail) }
                if Self.similar(head, siteName) { return (tail, head) }
                continue
            }
            // Without a known site name, a short tail after a long head is the site.
            let headWords = head.split(separator: " ").count, tailWords = tail.split(separator: " ").count
            if tailWords <= 4 && headWords >= 3 && headWords > tailWords { return (head, tail) }
        }
        return (title, nil)
    }

    /// Whether non-ASCII `text` may hold a canonical equivalent of a title separator without its bytes.
    static func mayBeCanonicallyEquivalent(_ text: String, _ separator: String) -> Bool {
        separator.unicodeScalars.contains("\u{00B7}") && containsBytes(text, "\u{0387}")
    }

    /// For ASCII `text`: the text before and after the last occurrence of `separator`, each trimmed of
    /// spaces and tabs, as `range(of: separator, options: .backwards)` and `trimmingCharacters(in:
    /// .whitespaces)` make them; nil where the separator does not occur.
    static func splitAtLastASCII(_ text: String, _ separator: String) -> (String, String)? {
        let pattern = Array(separator.utf8)
        var text = text
        return text.withUTF8 { bytes -> (String, String)? in
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var start = bytes.count - pattern.count
            while true {
                var k = 0
                while k < pattern.count, bytes[start + k] == pattern[k] { k += 1 }
                if k == pattern.count { break }
                if start == 0 { return nil }
                start -= 1
            }
            func trimmed(_ from: Int, _ to: Int) -> String {
                var from = from, to = to
                while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
                while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            return (trimmed(0, start), trimmed(start + pattern.count, bytes.count))
        }
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        ContentExtractor.sameText(a, b)
    }

    // MARK: authors

    /// Words that open a byline before the names, in en, de, fr, es, it, pt, nl and ru ("Par Claire
    /// Dubois"). A label with a colon ("Автор:", "Text:", "记者：") is removed whatever its language.
    static let bylineStart = ["by ", "von ", "par ", "por ", "di ", "door ", "от ", "av ", "af "]
    /// Words that join two names ("Phil Stewart and Idrees Ali") in the same languages.
    static let nameJoiners = [" and ", " & ", " und ", " et ", " y ", " e ", " en ", " и ", "、", "，", "；", ";"]
    /// Job titles that bylines put after a name ("Jane Doe, Senior Writer"): such a part is not a name.
    static let roleWords: Set<String> = [
        "writer", "editor", "correspondent", "reporter", "staff", "contributor", "columnist", "journalist",
        "producer", "editors", "writers", "reporters", "contributors", "author", "bureau", "desk",
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "redaktion", "autor", "autorin",
        "rédaction", "journaliste", "correspondant", "correspondante", "rédacteur", "rédactrice",
        "redacción", "redactor", "redactora", "corresponsal", "periodista", "redazione", "redattore", "corrispondente",
        "redação", "redacção", "repórter", "correspondente", "jornalista", "redactie", "verslaggever", "correspondent",
        "корреспондент", "редакция", "редактор", "обозреватель", "журналист",
    ]
    /// Organisations that bylines name beside the people ("By Meg Kinnard, Associated Press"): not authors.
    static let organisations: Set<String> = [
        "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp", "agence france-presse",
        "bloomberg", "bloomberg news", "dpa", "xinhua", "upi", "efe", "ansa", "kyodo", "yonhap", "pti", "ians", "tass",
        "staff", "staff writer", "staff reports", "wire reports", "news desk",
        "anp", "belga", "apa", "sda", "lusa", "europa press", "ria novosti", "риа новости", "тасс", "интерфакс", "新华社", "共同通信",
    ]

    func authors(tree: DOMTree, meta: [String: String], jsonLD: JSONLDReader) -> ([String], String)? {
        if !jsonLD.authors.isEmpty { return (jsonLD.authors, "json-ld:author") }
        for key in ["author", "article:author", "byline", "dc.creator", "parsely-author", "sailthru.author", "byl"] {
            guard let raw = meta[key], !raw.hasPrefix("http") else { continue }
            let names = Self.splitNames(raw)
            if !names.isEmpty { return (names, "meta:\(key)") }
        }
        // Visible byline: rel=author, itemprop=author, or a short element whose class names a byline.
        for index in tree.nodes.indices where tree.nodes.records[index].attributesEnd > tree.nodes.records[index].attributesStart {
            let isByline = tree.attribute(HTMLDocument.relAttribute, of: index, lowercasedIs: "author")
                || tree.attribute(HTMLDocument.itempropAttribute, of: index, lowercasedIs: "author")
                || (tree.nodes.records[index].bytesEnd > tree.nodes.records[index].bytesStart
                    && tree.withClassNames(of: index, Self.classesNameAByline(bytes:)))
            guard isByline else { continue }
            let text = TextFolding.foldWhitespace(tree.text(of: index))
            guard !text.isEmpty, text.count <= 120 else { continue }
            let names = Self.splitNames(text)
            if !names.isEmpty { return (names, "byline") }
        }
        return visibleByline(tree).map { ($0, "byline-text") }
    }

    /// Labels that put a byline before a colon or a space ("Автор: Анна Смирнова", "记者：李明", "كتب: سارة حسن",
    /// "מאת: נועה לוי", "रिपोर्ट: राहुल वर्मा").
    static let bylineLabels: Set<String> = [
        "author", "authors", "text", "autor", "autorin", "auteur", "autore", "autora", "texto", "testo", "tekst",
        "автор", "авторы", "текст", "记者", "作者", "文", "記者", "文・写真", "كتب", "بقلم", "كتبت",
        "מאת", "लेखक", "रिपोर्ट", "संवाददाता", "συντάκτης",
    ]

    /// A byline without class names to find it by: one of the first short lines after the headline that
    /// opens with a byline word ("Von", "Par", "Por", "Di", "Door", "By") or label ("Автор:"), and whose
    /// rest reads as names. Both must hold: the word alone is not enough ("Di" is also a surname).
    func visibleByline(_ tree: DOMTree) -> [String]? {
        guard let h1 = tree.elements(named: "h1").first else { return nil }
        var lines = 0
        for index in tree.nodes[h1].subtreeEnd..<tree.nodes.count {
            let node = tree.nodes[index]
            if node.isText {
                if !TextFolding.foldWhitespace(node.text).isEmpty { lines += 1 }
                if lines > settings.visibleDateLines { break }
                continue
            }
            guard node.subtreeEnd - index <= settings.visibleDateMaxNodes, !node.tag.contains(.excluded) else { continue }
            let text = TextFolding.foldWhitespace(tree.text(of: index))
            if !text.isEmpty, text.count <= settings.visibleDateMaxChars, Self.opensWithBylineWord(text) {
                let names = Self.splitNames(text)
                if !names.isEmpty, names.allSatisfy(Self.looksLikeAName) { return names }
            }
        }
        return nil
    }

    static func opensWithBylineWord(_ text: String) -> Bool {
        let lower = text.lowercased()
        if bylineStart.contains(where: { lower.hasPrefix($0) }) { return true }
        if let space = lower.firstIndex(of: " "), bylineLabels.contains(String(lower[..<space])) { return true }
        guard let colon = lower.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        return bylineLabels.contains(ASCIITrimmer.whitespaces.trim(lower[..<colon]))
    }

    /// One to five words, each starting with a capital in scripts that have capitals.
    static func looksLikeAName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || !first.isLowercase  // CJK, Arabic: no case
        } || words.count > 1 && words.filter { $0.first?.isUppercase == true }.count >= 2
    }

    /// Whether class names mark a byline: one containing `byline`, or one that is `author`, ends in
    /// `-author`, or is `fn` (hCard). On the bytes: this runs for every element of every page.
    static func classesNameAByline(_ classes: String) -> Bool {
        var classes = classes
        return classes.withUTF8(classesNameAByline(bytes:))
    }

    /// `classesNameAByline` on the UTF-8 of the class names.
    static func classesNameAByline(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass over contiguous bytes, no array per name: splitting into arrays cost thousands of
        // instructions an element.
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if end > start && nameIsAByline(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
            start = end + 1
        }
        return false
    }

    private static func nameIsAByline(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.count == 6 && bytes(name, at: 0, are: "author") || name.count == 2 && bytes(name, at: 0, are: "fn") { return true }
        if name.count >= 7, bytes(name, at: name.count - 7, are: "-author") { return true }
        if name.count >= 6 {
            for start in 0...(name.count - 6) where name[start] == UInt8(ascii: "b") && bytes(name, at: start, are: "byline") {
                return true
            }
        }
        return false
    }

    /// Whether `bytes[start...]` begins with `literal`'s bytes (the caller checked there is room), without the
    /// generic sequence comparison of `String.UTF8View` (hundreds of instructions a name).
    @inline(__always)
    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, are literal: StaticString) -> Bool {
        let wanted = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount where bytes[start + k] != wanted[k] { return false }
        return true
    }

    /// `By Phil Stewart and Idrees Ali | May 26` → [Phil Stewart, Idrees Ali].
    /// Whether `needle`'s UTF-8 bytes occur in `text`'s, case-sensitively (the name joiners are not all
    /// ASCII; `BlockText.containsASCII` serves ASCII needles in any case).
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        // Both strings' own UTF-8 in place (an array of the needle cost an allocation a call).
        var text = text, needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            return text.withUTF8 { bytes in
                guard bytes.count >= pattern.count else { return false }
                for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                    var k = 1
                    while k < pattern.count, bytes[start + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return true }
                }
                return false
            }
        }
    }

    /// What a name part is trimmed of, made once rather than for every part.
    static let nameTrimmed = CharacterSet.whitespaces.union(.punctuationCharacters)
    static let nameTrimmer = ASCIITrimmer(nameTrimmed)

    static func splitNames(_ raw: String) -> [String] {
        var text = TextFolding.foldWhitespace(raw)
        let ascii = TextFolding.isASCII(text)
        for cut in ["|", "•", "·", "／", " / ", "\n"] {
            // As in `stripSiteName`: Foundation's search only where the bytes do not already rule the cut out.
            if ascii && !Self.containsBytes(text, cut) { continue }
            if let range = text.range(of: cut) { text = String(text[..<range.lowerBound]) }
        }
        text = ASCIITrimmer.whitespaces.trim(text)
        // "Автор: Анна Смирнова", "Text: Jane Doe", "记者：李明": a label of one or two words before a colon.
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = text[..<colon]
            if label.split(separator: " ").count <= 2, label.count <= 20, !label.contains(where: \.isNumber) {
                text = ASCIITrimmer.whitespaces.trim(text[text.index(after: colon)...])
            }
        }
        // "记者 王芳": a byline label before the names without a colon.
        if let space = text.firstIndex(of: " "), bylineLabels.contains(text[..<space].lowercased()) {
            text = String(text[text.index(after: space)...])
        }
        let lower = text.lowercased()
        if let start = bylineStart.first(where: { lower.hasPrefix($0) }) { text = String(text.dropFirst(start.count)) }
        // "Jane Doe, Senior Writer" and "Email the author": roles and prompts are not names.
        // Foundation's searches cost some 10,000 instructions each, so each runs only where a byte search
        // (cheap) found its needle.
        let prompts: [StaticString] = ["email the author", "follow on twitter", "view all posts", "posts by", "more by", "updated", "published"]
        for prompt in prompts where BlockText.containsASCII(text, prompt) {
            if let range = text.range(of: prompt.description, options: .caseInsensitive) { text = String(text[..<range.lowerBound]) }
        }
        var names: [String] = []
        for joiner in nameJoiners where Self.containsBytes(text, joiner) { text = text.replacingOccurrences(of: joiner, with: ",") }
        for part in text.split(separator: ",") {
            let name = Self.nameTrimmer.trim(part)
            // A name has letters, is short, and is not a date or a role.
            guard !name.isEmpty, name.count <= 60, name.contains(where: \.isLetter),
                  name.split(separator: " ").count <= 5, DateNormaliser.iso(name) == nil
            else { continue }
            let lowered = name.lowercased()
            let isRole = lowered.split(separator: " ").contains { roleWords.contains(String($0)) }
            if !names.contains(name), !organisations.contains(lowered), !isRole, !name.contains("@") { names.append(name) }
        }
        return names
    }
}

extension DOMTree {
    /// Whether the element's first attribute named `keptAttributeNames[nameIndex]` has a value whose
    /// `lowercased()` equals `target`, on the bytes: metadata extraction asks this of every element of
    /// the page, and making, lowercasing and comparing a String cost hundreds of instructions each time.
    ///
    /// Exact for a `target` of lowercase ASCII without `k`, `;` or `` ` ``: a value that lowercases to such
    /// text, or to text canonically equivalent to it, is that text in any ASCII case (the only non-ASCII
    /// scalars that lowercase or decompose to ASCII are U+212A KELVIN SIGN, to `k`, U+037E, to `;`, and
    /// U+1FEF, to `` ` ``).
    func attribute(_ nameIndex: Int, of index: Int, lowercasedIs target: StaticString) -> Bool {
        let record = nodes.records[index]
        guard record.attributesEnd > record.attributesStart else { return false }
        let storage = nodes.storage
        for slot in Int(record.attributesStart)..<Int(record.attributesEnd) {
            let attribute = storage.attributes[slot]
            guard Int(attribute.nameID) == nameIndex else { continue }
            let count = Int(attribute.valueEnd - attribute.valueStart)
            guard count == target.utf8CodeUnitCount else { return false }
            return storage.bytes.withUnsafeBufferPointer { bytes in
                let wanted = target.utf8Start
                let start = Int(attribute.valueStart)
                for k in 0..<count where BlockText.lowerASCII(bytes[start + k]) != wanted[k] { return false }
                return true
            }
        }
        return false
    }
}
