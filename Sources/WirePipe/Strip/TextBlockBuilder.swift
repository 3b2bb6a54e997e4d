import Foundation

/// A run of text between block-level boundaries, with the evidence the extractor scores it on.
struct ScoredBlock {
    /// The nearest block-level element that holds the text.
    var owner: Int
    var kind: BlockKind
    /// Whitespace-folded text.
    var text: String
    /// Characters that are not whitespace.
    var chars: Int
    /// Of those, characters inside links.
    var linkChars: Int
    /// Runs of at least `min_sentence_words` words that end in sentence punctuation.
    var sentences: Int
    /// Product of the class hints of the elements around the block.
    var hintWeight: Double

    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
}

/// Cuts a DOM into text blocks: the text between block-level element boundaries and line breaks, leaving
/// out elements that never hold article text (scripts, forms controls, media, hidden elements).
struct TextBlockBuilder {
    static let blockLevel: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul", "caption", "legend", "menu", "br",
    ]
    /// Elements whose whole subtree is never article text.
    static let excluded: Set<String> = [
        "head", "title", "style", "script", "noscript", "template", "svg", "math", "textarea", "select", "option",
        "iframe", "object", "embed", "canvas", "video", "audio", "picture", "img", "button", "input", "figure",
        "figcaption", "dialog", "map",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Sentence-ending punctuation in the scripts wirepipe reads (Latin, CJK full-width, Arabic, Devanagari).
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{061F}", "\u{0964}", "\u{2026}"]

    let tree: DOMTree
    let settings: StripSettings

    static func isHidden(_ node: DOMTree.Node) -> Bool {
        if node.attributes["hidden"] != nil { return true }
        if node.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = node.attributes["style"]?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    func hintWeight(_ hint: ClassHint) -> Double {
        switch hint {
        case .none: return 1
        case .positive: return settings.positiveHintWeight
        case .negative: return settings.negativeHintWeight
        }
    }

    /// The blocks under `root`, in document order.
    func blocks(under root: Int) -> [ScoredBlock] {
        var blocks: [ScoredBlock] = []
        // Open elements: index, whether block-level, hint weight product, link and quote context.
        struct Open {
            var index: Int
            var isBlock: Bool
            var weight: Double
            var inLink: Bool
            var inQuote: Bool
        }
        var stack: [Open] = []
        var pending = ""
        var pendingLinkChars = 0
        var pendingOwner = root
        var pendingWeight = 1.0
        var pendingQuote = false

        func flush() {
            defer {
                pending = ""
                pendingLinkChars = 0
            }
            guard !pending.isEmpty else { return }
            let folded = TextFolding.foldWhitespace(pending)
            guard !folded.isEmpty else { return }
            let ownerName = tree.nodes[pendingOwner].name
            let kind: BlockKind
            if Self.headings.contains(ownerName) { kind = .heading }
            else if ownerName == "li" || ownerName == "dd" || ownerName == "dt" { kind = .listItem }
            else if ownerName == "pre" { kind = .preformatted }
            else if pendingQuote { kind = .quote }
            else { kind = .paragraph }
            let chars = Self.nonSpaceCount(folded)
            blocks.append(ScoredBlock(
                owner: pendingOwner, kind: kind, text: folded, chars: chars, linkChars: min(chars, pendingLinkChars),
                sentences: sentenceCount(folded), hintWeight: pendingWeight))
        }

        var i = root
        let end = tree.nodes[root].subtreeEnd
        while i < end {
            while let top = stack.last, i >= tree.nodes[top.index].subtreeEnd {
                stack.removeLast()
                if top.isBlock { flush() }
            }
            let node = tree.nodes[i]
            if node.isText {
                let context = stack.last
                if pending.isEmpty {
                    pendingOwner = stack.last(where: \.isBlock)?.index ?? root
                    pendingWeight = context?.weight ?? 1
                    pendingQuote = context?.inQuote ?? false
                }
                pending += node.text
                if context?.inLink == true { pendingLinkChars += Self.nonSpaceCount(node.text) }
                i += 1
                continue
            }
            if Self.excluded.contains(node.name) || Self.isHidden(node) {
                i = node.subtreeEnd
                continue
            }
            let isBlock = Self.blockLevel.contains(node.name)
            if isBlock { flush() }
            if node.name == "br" || node.name == "hr" {
                i = node.subtreeEnd
                continue
            }
            let parent = stack.last
            stack.append(Open(
                index: i, isBlock: isBlock,
                weight: (parent?.weight ?? 1) * hintWeight(ClassHint.of(node)),
                inLink: (parent?.inLink ?? false) || node.name == "a",
                inQuote: (parent?.inQuote ?? false) || node.name == "blockquote"))
            i += 1
        }
        while let top = stack.popLast() {
            if top.isBlock { flush() }
        }
        flush()
        return blocks
    }

    static func nonSpaceCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { count += 1 }
        return count
    }

    /// Counts runs of at least `min_sentence_words` words that end in sentence punctuation. Ideographs
    /// (written without spaces) count as half a word each.
    func sentenceCount(_ text: String) -> Int {
        var sentences = 0
        var halfWords = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if Self.sentenceEnds.contains(scalar) {
                if halfWords >= settings.minSentenceWords * 2 { sentences += 1 }
                halfWords = 0
                inWord = false
            } else if scalar.properties.isWhitespace {
                inWord = false
            } else if scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) {
                halfWords += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { halfWords += 2 }
                inWord = true
            }
        }
        return sentences
    }
}
