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
    /// Words (ideographs count as half a word).
    var words: Int
    /// Product of the class hints of the elements around the block (a chrome hint that repeats one around it
    /// counted once).
    var hintWeight: Double
    /// Whether the block's first characters are inside a link (a teaser's linked title, a commenter's linked
    /// name before the text).
    var startsWithLink = false

    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
}

/// Cuts a DOM into text blocks: the text between block-level element boundaries and line breaks, leaving
/// out elements that never hold article text (scripts, form controls, media, figures, hidden elements).
struct TextBlockBuilder {
    let tree: DOMTree
    let settings: StripSettings

    static func isHidden(_ node: DOMTree.Node) -> Bool {
        isHidden(attributes: node.attributes)
    }

    static func isHidden(attributes: DOMTree.Attributes) -> Bool {
        // By the names' indices: this runs for every element with attributes, and a `switch` over the name
        // strings compared each with all three.
        for attribute in attributes {
            switch attribute.nameIndex {
            case HTMLDocument.hiddenAttribute: return true
            case HTMLDocument.ariaHiddenAttribute: if attribute.value.lowercased() == "true" { return true }
            case HTMLDocument.styleAttribute:
                if BlockText.containsASCII(attribute.value, "display:none", ignoringSpaces: true)
                    || BlockText.containsASCII(attribute.value, "visibility:hidden", ignoringSpaces: true) {
                    return true
                }
            default: break
            }
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

    /// The text gathered for the block being built, and what is known of it. A struct with its own `flush`
    /// rather than variables captured by a local function: captured variables are boxed, and every access
    /// to them was checked for exclusivity at run time (about 400,000 checks on 100 pages).
    private struct PendingBlock {
        var bytes: [UInt8] = []
        var linkChars = 0
        var owner: Int
        var weight = 1.0
        var quote = false
        /// Whether the first text with characters was seen yet, and whether it sat in a link.
        var started = false
        var startsWithLink = false

        init(owner: Int) {
            self.owner = owner
            bytes.reserveCapacity(4096)
        }

        /// Ends the block: appends it to `blocks` when it has characters, and starts an empty one.
        mutating func flush(into blocks: inout [ScoredBlock], tree: DOMTree, minSentenceWords: Int) {
            defer {
                bytes.removeAll(keepingCapacity: true)
                linkChars = 0
                started = false
                startsWithLink = false
            }
            guard !bytes.isEmpty else { return }
            let measured = BlockText(bytes: bytes, minWords: minSentenceWords)
            guard measured.chars > 0 else { return }
            let ownerTag = tree.nodes[owner].tag
            let kind: BlockKind
            if ownerTag.contains(.heading) { kind = .heading }
            else if ownerTag.contains(.listItem) { kind = .listItem }
            else if ownerTag.contains(.preformatted) { kind = .preformatted }
            else if quote { kind = .quote }
            else { kind = .paragraph }
            blocks.append(ScoredBlock(
                owner: owner, kind: kind, text: measured.text, chars: measured.chars,
                linkChars: min(measured.chars, linkChars), sentences: measured.sentences, words: measured.words,
                hintWeight: weight, startsWithLink: startsWithLink))
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
            /// For an element hinted as chrome, the evidence (`ClassHint.negativeEvidence`), else `Int.min`.
            var negativeEvidence: Int
        }
        var stack: [Open] = []
        var pending = PendingBlock(owner: root)
        let minWords = settings.minSentenceWords

        var i = root
        let end = tree.nodes[root].subtreeEnd
        while i < end {
            while let top = stack.last, i >= tree.nodes[top.index].subtreeEnd {
                stack.removeLast()
                if top.isBlock { pending.flush(into: &blocks, tree: tree, minSentenceWords: minWords) }
            }
            // Fields are read in place (`tree.nodes[i].field`): a copy of the whole node retained and
            // released its four strings and arrays for every node of the page.
            if tree.nodes[i].isText {
                let context = stack.last
                if pending.bytes.isEmpty {
                    pending.owner = stack.last(where: \.isBlock)?.index ?? root
                    pending.weight = context?.weight ?? 1
                    pending.quote = context?.inQuote ?? false
                }
                // The node's characters are counted on the bytes just appended (a String of each text node
                // cost as much as the rest of the block building).
                let appendedFrom = pending.bytes.count
                tree.appendText(of: i, to: &pending.bytes)
                if context?.inLink == true {
                    let count = BlockText.nonSpaceCount(pending.bytes[appendedFrom...])
                    pending.linkChars += count
                    if !pending.started && count > 0 {
                        pending.started = true
                        pending.startsWithLink = true
                    }
                } else if !pending.started && BlockText.hasNonSpace(pending.bytes[appendedFrom...]) {
                    pending.started = true
                }
                i += 1
                continue
            }
            let tag = tree.nodes[i].tag
            if tag.contains(.excluded) || (!tree.nodes[i].attributes.isEmpty && Self.isHidden(attributes: tree.nodes[i].attributes)) {
                i = tree.nodes[i].subtreeEnd
                continue
            }
            let isBlock = tag.contains(.block)
            if isBlock { pending.flush(into: &blocks, tree: tree, minSentenceWords: minWords) }
            if tag.contains(.lineBreak) {
                i = tree.nodes[i].subtreeEnd
                continue
            }
            let parent = stack.last
            var hint = tree.nodes[i].hint
            var evidence = Int.min
            if hint == .negative {
                // A chrome hint already counted by an element around this one (the same word, the same
                // role) is no new evidence.
                evidence = ClassHint.negativeEvidence(tree.nodes[i])
                if stack.contains(where: { $0.negativeEvidence == evidence }) { hint = .none }
            }
            stack.append(Open(
                index: i, isBlock: isBlock,
                weight: (parent?.weight ?? 1) * hintWeight(hint),
                inLink: (parent?.inLink ?? false) || tag.contains(.link),
                inQuote: (parent?.inQuote ?? false) || tag.contains(.quote),
                negativeEvidence: evidence))
            i += 1
        }
        while let top = stack.popLast() {
            if top.isBlock { pending.flush(into: &blocks, tree: tree, minSentenceWords: minWords) }
        }
        pending.flush(into: &blocks, tree: tree, minSentenceWords: minWords)
        return blocks
    }
}
