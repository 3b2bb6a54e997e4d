import Foundation

/// What an element's class, id and role names hint at. Hints are weak evidence: they scale scores and
/// break ties; text and link density decide.
enum ClassHint: Equatable, Sendable {
    case none
    /// The article body (article, content, entry, story, post-body, itemprop=articleBody…).
    case positive
    /// Page chrome (share, comments, related, newsletter, cookie, sidebar…).
    case negative

    /// Words that, at the start of a class or id name or of one of its `-`/`_` separated words, point at
    /// chrome: `sharedaddy`, `social-links` and `post-comments` match.
    static let negativePrefixes = [
        "share", "sharing", "social", "comment", "respond", "disqus", "related", "recommend", "newsletter",
        "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "sponsor", "advert", "sidebar",
        "widget", "breadcrumb", "pagination", "pager", "popup", "modal", "outbrain", "taboola", "footer",
        "masthead", "navbar", "navigation", "menu", "paywall", "banner", "author-bio", "authorbio", "author-box", "authorbox", "about-author", "byline", "bio-box",
        "caption", "tags", "toolbar", "follow", "trending", "most-read", "mostread", "popular",
        "read-more", "readmore", "more-stories", "skip-link", "rating",
        "likes", "gallery", "carousel", "slideshow", "slider", "lightbox", "overlay",
        // The neighbouring posts a blog theme previews under the article (`next-post-thumbnails`).
        "next-post", "prev-post", "previous-post",
    ] + localNegativePrefixes
    /// The same in the names sites built in other languages use (de, fr, es, it, pt, nl, ru and Chinese
    /// in transliteration): comments, advertising, sharing, subscription. Hints, like the English ones.
    static let localNegativePrefixes = [
        "komment", "comentari", "reactie", "pinglun", "werbung", "anzeige", "publicidad", "publicidade", "pubblicit",
        "publicit", "reklam", "reclame", "guanggao", "compartir", "compartilh", "condivid", "partage", "partilh",
        "teilen", "abonn", "suscri", "iscriv", "fenxiang",
    ]
    /// Short words that only count as a whole word (`ad` must not match `header` or `read`).
    static let negativeWords = [
        "ad", "ads", "nav", "meta", "tag", "like", "rss", "email", "mail", "login", "aside", "sr", "tools", "photo", "image", "img",
    ]
    static let positiveWords = [
        "article", "articlebody", "articletext", "content", "entry", "story", "storybody", "post", "postbody",
        "body", "text", "main", "prose",
        "artikel", "inhalt", "contenu", "contenido", "conteudo", "contenuto", "cuerpo", "corpo", "texto", "testo",
        "tekst", "noticia", "materia", "zhengwen",
    ]
    static let negativeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar"]
    /// Semantic tags that are chrome by definition.
    static let negativeTags: Set<String> = ["nav", "aside", "footer", "form"]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static let matcher = NameMatcher(negativePrefixes: negativePrefixes, negativeWords: negativeWords, positiveWords: positiveWords)

    /// Which piece of evidence makes a negatively hinted element chrome: the matched word of its names (a
    /// node of the matcher's trie), or its role, or its tag. Boxes nested inside one another under the same
    /// word (a page builder's `widget-wrap` > `widget` > `widget-container` around every paragraph) are one
    /// piece of evidence, not three. Only asked for elements whose `hint` is negative.
    static func negativeEvidence(_ node: DOMTree.Node) -> Int {
        if let role = node.attribute("role"), negativeRoles.contains(role.lowercased()) { return -2 }
        // The tag's kind says what its name does (`TagKind.chrome`, `.heading`), without the name hashed into
        // two sets for every element a block is built under.
        if node.tag.contains(.chrome) { return -3 }
        let names = node.tag.contains(.heading) ? (node.attribute("class")?.lowercased() ?? "") : node.classNames
        // Lowercase either way (`classNames`, `lowercased()`): a plain byte search.
        if BlockText.lowercasedContains(names, "caption") { return -4 }
        return matcher.negativeTerm(names)
    }

    /// What the tag name alone says, looked up once per distinct name (the tree builder keeps it with the
    /// name) rather than hashed for every element.
    struct TagFacts: Sendable {
        var isNegative: Bool
        var isHeading: Bool
        var isSemanticArticle: Bool

        init(name: String) {
            isNegative = ClassHint.negativeTags.contains(name)
            isHeading = ClassHint.headingTags.contains(name)
            isSemanticArticle = name == "article" || name == "main"
        }
    }

    static func of(_ node: DOMTree.Node) -> ClassHint {
        of(node, tag: TagFacts(name: node.name))
    }

    static func of(_ node: DOMTree.Node, tag: TagFacts) -> ClassHint {
        of(attributes: node.attributes, classNames: node.classNames, tag: tag)
    }

    /// The hint of an element from its parts, before the tree builder makes its node.
    static func of(attributes: DOMTree.Attributes, classNames: String, tag: TagFacts) -> ClassHint {
        // Attributes found by their names' indices (`HTMLDocument.keptAttributeNames`), not by comparing
        // strings: this runs for every element with attributes.
        func attribute(_ index: Int) -> String? {
            for attribute in attributes where attribute.nameIndex == index { return attribute.value }
            return nil
        }
        if let itemprop = attribute(HTMLDocument.itempropAttribute), isArticleBody(itemprop) { return .positive }
        if let role = attribute(HTMLDocument.roleAttribute), negativeRoles.contains(role.lowercased()) { return .negative }
        if tag.isNegative { return .negative }
        let semanticArticle = tag.isSemanticArticle
        // A heading's id is an anchor made from its own words ("nav_nur_die_folie", "share-your-story"), not
        // a statement of what the element is: only its class names hint.
        let names = tag.isHeading ? (attribute(HTMLDocument.classAttribute)?.lowercased() ?? "") : classNames
        // Captions hide inside compound names (newsCaption, imgcaption) more than other chrome does.
        // `names` is lowercase either way (`classNames`, `lowercased()`): a plain byte search.
        if BlockText.lowercasedContains(names, "caption") { return .negative }
        switch matcher.match(names) {
        case .negative: return .negative
        case .positive: return .positive
        case .none: return semanticArticle ? .positive : .none
        }
    }
}

extension ClassHint {
    /// `value.lowercased() == "articlebody"`, on the bytes for ASCII values (nearly all); Unicode lowercasing
    /// for the rest, where a letter such as the Kelvin sign lowercases to ASCII.
    static func isArticleBody(_ value: String) -> Bool {
        var ascii = true, equal = value.utf8.count == 11
        var i = 0
        for byte in value.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if equal && BlockText.lowerASCII(byte) != Self.articleBody[i] { equal = false }
            i += 1
        }
        return ascii ? equal : value.lowercased() == "articlebody"
    }

    private static let articleBody = Array("articlebody".utf8)
}

/// Matches class and id names against the hint word lists in one pass over their bytes, with a trie
/// (these lookups run for every element of every page).
struct NameMatcher: Sendable {
    private static let alphabet = 38  // a-z, 0-9, '-', anything else
    private var next: [Int32] = []
    private var negativePrefix: [Bool] = []
    private var negativeWord: [Bool] = []
    private var positiveWord: [Bool] = []

    init(negativePrefixes: [String], negativeWords: [String], positiveWords: [String]) {
        addNode()
        for word in negativePrefixes { negativePrefix[insert(word)] = true }
        for word in negativeWords { negativeWord[insert(word)] = true }
        for word in positiveWords { positiveWord[insert(word)] = true }
    }

    private mutating func addNode() {
        next.append(contentsOf: repeatElement(-1, count: Self.alphabet))
        negativePrefix.append(false)
        negativeWord.append(false)
        positiveWord.append(false)
    }

    private mutating func insert(_ word: String) -> Int {
        var node = 0
        for byte in word.utf8 {
            let slot = node * Self.alphabet + Self.symbol(byte)
            if next[slot] < 0 {
                next[slot] = Int32(negativePrefix.count)
                addNode()
            }
            node = Int(next[slot])
        }
        return node
    }

    @inline(__always)
    private static func symbol(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: return Int(byte - 0x61)
        case 0x30...0x39: return 26 + Int(byte - 0x30)
        case 0x2D: return 36
        default: return 37
        }
    }

    /// Whether `bytes[start..<end]` is "has", "with", "no" or "without" (lowercase: names are lowercased).
    private static func isStateWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch end - start {
        case 2: return bytes[start] == 0x6E && bytes[start + 1] == 0x6F
        case 3: return bytes[start] == 0x68 && bytes[start + 1] == 0x61 && bytes[start + 2] == 0x73
        case 4: return bytes[start] == 0x77 && bytes[start + 1] == 0x69 && bytes[start + 2] == 0x74 && bytes[start + 3] == 0x68
        case 7: return Array(bytes[start..<end]) == Array("without".utf8)
        default: return false
        }
    }

    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x09 || byte == 0x0A
    }

    /// The trie node of the first negative entry that `names` matches, or -1.
    func negativeTerm(_ names: String) -> Int {
        var term = -1
        _ = match(names) { term = $0 }
        return term
    }

    /// Negative as soon as any word matches a negative entry; positive when a word is positive and none is negative.
    func match(_ names: String) -> ClassHint {
        match(names) { _ in }
    }

    private func match(_ names: String, negativeAt: (Int) -> Void) -> ClassHint {
        var positive = false
        var found = ClassHint.none
        names.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var afterStateWord = false
            while start < bytes.count {
                // Skip separators to the start of the next word.
                if Self.isSeparator(bytes[start]) {
                    start += 1
                    continue
                }
                // A word after "has", "with", "no" or "without" names what the element holds or lacks, a
                // state of a box rather than its role (`card-has-image`, `no-sidebar`, `with-comments`).
                if afterStateWord {
                    afterStateWord = false
                    var j = start
                    while j < bytes.count && !Self.isSeparator(bytes[j]) { j += 1 }
                    start = j + 1
                    continue
                }
                var node = 0
                var i = start
                var wordEnd = -1
                while i < bytes.count {
                    let slot = node * Self.alphabet + Self.symbol(bytes[i])
                    let child = next[slot]
                    if child < 0 { break }
                    node = Int(child)
                    i += 1
                    if negativePrefix[node] {
                        found = .negative
                        negativeAt(node)
                        return
                    }
                    if i == bytes.count || Self.isSeparator(bytes[i]) {
                        if wordEnd < 0 { wordEnd = i }
                        if negativeWord[node] {
                            found = .negative
                            negativeAt(node)
                            return
                        }
                        if positiveWord[node] && i == wordEnd { positive = true }
                    }
                }
                // Continue at the next word start.
                var j = start
                while j < bytes.count && !Self.isSeparator(bytes[j]) { j += 1 }
                afterStateWord = j < bytes.count && bytes[j] != 0x20 && bytes[j] != 0x09 && bytes[j] != 0x0A
                    && Self.isStateWord(bytes, start, j)
                start = j + 1
            }
        }
        if found == .negative { return .negative }
        return positive ? .positive : .none
    }
}
