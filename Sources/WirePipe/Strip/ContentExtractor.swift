import Foundation

/// Finds the article's main text in a DOM by content scoring:
/// 1. cut the page into text blocks and classify each by language-independent evidence: link density,
///    sentence-shaped runs of words, length;
/// 2. score every element by the content it holds (content blocks add their characters, link-heavy
///    blocks subtract), weighted by class/id hints;
/// 3. starting at `<body>`, descend into the child that keeps most (`container_share`) of the score:
///    the tightest element that still holds the article, leaving comments and widgets beside it out;
/// 4. inside that container, prune sub-trees that are chrome (link lists, hinted widgets) and link-heavy
///    blocks, and keep headings, lists and quotes that belong to the article.
public struct ContentExtractor: Sendable {
    public var settings: StripSettings

    public init(settings: StripSettings) {
        self.settings = settings
    }

    enum Role { case content, neutral, boilerplate }

    func role(of block: ScoredBlock) -> Role {
        // Prose may carry a long inline link; a block is navigation when links make up most of it, or, for
        // a block with a sentence in it, nearly all of it.
        let limit = block.sentences > 0 ? settings.maxProseLinkDensity : settings.maxLinkDensity
        if block.linkDensity > limit { return .boilerplate }
        if block.sentences > 0 || block.chars >= settings.minContentChars { return .content }
        return .neutral
    }

    /// The role of each block; lines of verse (a poem, song lyrics, an address list written with line
    /// breaks) are short one by one, but at least `verse_min_lines` of them in one element, without a link,
    /// that together reach `min_content_chars`, are text as much as a paragraph is.
    func roles(of blocks: [ScoredBlock]) -> [Role] {
        var roles = blocks.map(role(of:))
        var start = 0
        while start < blocks.count {
            var end = start + 1
            while end < blocks.count && blocks[end].owner == blocks[start].owner { end += 1 }
            let lines = start..<end
            if settings.verseMinLines > 0, lines.count >= settings.verseMinLines,
               lines.allSatisfy({ roles[$0] == .neutral && blocks[$0].linkChars == 0 && blocks[$0].hintWeight >= 1 }),
               lines.reduce(0, { $0 + blocks[$1].chars }) >= settings.minContentChars {
                for index in lines { roles[index] = .content }
            }
            start = end
        }
        return roles
    }

    /// Per-element sums over the blocks in its subtree.
    struct Mass {
        var score = 0.0
        var contentChars = 0
        var chars = 0
        var linkChars = 0
        var sentences = 0

        mutating func add(_ other: Mass) {
            score += other.score
            contentChars += other.contentChars
            chars += other.chars
            linkChars += other.linkChars
            sentences += other.sentences
        }
    }

    /// Why the extractor chose what it chose: the containers (tag, class names, score) and every block with
    /// its role and whether it was kept. For debugging extraction rules (`wirepipe-bench explain FILE`).
    public func explain(_ tree: DOMTree, title: String?) -> String {
        var lines: [String] = []
        let root = tree.elements(named: "body").first ?? 0
        let blocks = TextBlockBuilder(tree: tree, settings: settings).blocks(under: root)
        let roles = roles(of: blocks)
        let kept = Set(extract(from: tree, title: title).map(\.text))
        let mass = masses(tree: tree, root: root, blocks: blocks, roles: roles)
        for container in containers(tree: tree, root: root, blocks: blocks, roles: roles, mass: mass, title: title) {
            let node = tree.nodes[container]
            lines.append("container #\(container) <\(node.name) \(node.classNames)> content \(mass[container].contentChars)")
        }
        let byScore = chooseContainers(tree: tree, root: root, blocks: blocks, roles: roles, mass: mass, headline: nil)
        lines.append("by score alone: \(byScore.map { "#\($0) <\(tree.nodes[$0].name) \(tree.nodes[$0].classNames.prefix(40))>" }.joined(separator: ", "))")
        // Elements with the most content, with their hint and their share of the page's content.
        let total = max(1, mass[root].contentChars)
        for index in (root..<tree.nodes.count).sorted(by: { mass[$0].contentChars > mass[$1].contentChars }).prefix(12) {
            let node = tree.nodes[index]
            lines.append("  mass #\(index) <\(node.name) \(node.classNames.prefix(40))> hint \(node.hint) content \(mass[index].contentChars) (\(100 * mass[index].contentChars / total)%) score \(Int(mass[index].score)) parent #\(node.parent)")
        }
        for (block, role) in zip(blocks, roles) {
            let node = tree.nodes[block.owner]
            lines.append("\(kept.contains(block.text) ? "KEEP" : "drop") \(role) #\(block.owner)<\(node.name) \(node.classNames.prefix(30))> ld=\(String(format: "%.2f", block.linkDensity)) s=\(block.sentences) w=\(block.words) h=\(block.hintWeight): \(block.text.prefix(70))")
        }
        return lines.joined(separator: "\n")
    }

    /// The main text, and reader comments kept apart from it.
    public struct Extraction: Sendable {
        public var blocks: [TextBlock]
        /// Text of reader comments (prose inside comment sections), never part of `blocks`.
        public var comments: [String]
        /// Share of the page's characters inside links: high on index and tag pages.
        public var pageLinkDensity: Double
        /// Words of the main text.
        public var words: Int
    }

    public func extract(from tree: DOMTree, title: String?) -> [TextBlock] {
        extraction(from: tree, title: title).blocks
    }

    public func extraction(from tree: DOMTree, title: String?) -> Extraction {
        guard !tree.nodes.isEmpty else { return Extraction(blocks: [], comments: [], pageLinkDensity: 0, words: 0) }
        let root = tree.elements(named: "body").first ?? 0
        let builder = TextBlockBuilder(tree: tree, settings: settings)
        let blocks = builder.blocks(under: root)
        guard !blocks.isEmpty else { return Extraction(blocks: [], comments: [], pageLinkDensity: 0, words: 0) }
        let roles = roles(of: blocks)

        let mass = masses(tree: tree, root: root, blocks: blocks, roles: roles)
        let containers = self.containers(tree: tree, root: root, blocks: blocks, roles: roles, mass: mass, title: title)
        var keep = [Bool](repeating: false, count: blocks.count)
        var droppedCache: [Int: Bool] = [:]
        for (index, (block, role)) in zip(blocks, roles).enumerated() {
            guard role != .boilerplate, let container = containers.first(where: { tree.contains($0, block.owner) }) else { continue }
            if insideChrome(block.owner, container: container, tree: tree, mass: mass, cache: &droppedCache) { continue }
            if block.kind == .heading, let title, Self.sameText(block.text, title) { continue }
            keep[index] = true
        }
        keepLead(tree: tree, blocks: blocks, roles: roles, title: title, keep: &keep)
        dropPictureCaptions(tree: tree, blocks: blocks, roles: roles, mass: mass, keep: &keep)
        // A heading that is all link is the title of another page: the prose right after it, in a box that
        // holds nothing else of content (a teaser card set into the body), is that page's summary. A card's
        // title is as often a line of its own that is all link, without a sentence (`<div class="title">`).
        // Done before the headings are looked at, so that a heading over a list of such cards goes with them.
        for index in blocks.indices.dropFirst() where keep[index] && roles[index] == .content && roles[index - 1] == .boilerplate
            && (blocks[index - 1].kind == .heading || (blocks[index - 1].linkChars == blocks[index - 1].chars && blocks[index - 1].sentences == 0)) {
            var card = tree.nodes[blocks[index - 1].owner].parent
            while card > root && !tree.contains(card, blocks[index].owner) { card = tree.nodes[card].parent }
            if card > root && mass[card].contentChars <= blocks[index].chars { keep[index] = false }
        }
        // A heading introduces the section under it: when nothing of that section was kept ("Share this:",
        // "More stories"), the heading goes too, unless it is prose itself (a pull quote set as a heading).
        var keptUnderNextHeading = false
        for index in stride(from: blocks.count - 1, through: 0, by: -1) {
            if blocks[index].kind == .heading {
                if !keptUnderNextHeading && roles[index] != .content { keep[index] = false }
                keptUnderNextHeading = false
            } else if keep[index] {
                keptUnderNextHeading = true
            }
        }
        // The author's sign-off ("x Franzi", "Die Redaktion"): short paragraphs after the last prose that sit
        // in the same parent as the prose paragraphs. Not a label of the chrome that follows, not furniture.
        var signOff = Set<Int>()
        if let lastProse = keep.indices.last(where: { keep[$0] && roles[$0] == .content }), tree.nodes[blocks[lastProse].owner].name == "p" {
            let proseParent = tree.nodes[blocks[lastProse].owner].parent
            for index in (lastProse + 1)..<blocks.count where keep[index] && roles[index] == .neutral {
                let owner = tree.nodes[blocks[index].owner]
                guard owner.name == "p", owner.parent == proseParent else { break }
                signOff.insert(index)
            }
        }
        // The cells of a table inside the article (a product's properties, a timetable) are short one by one,
        // but they are the article's data, neither labels of chrome nor furniture after the prose.
        let dataCells = dataTableCells(tree: tree, blocks: blocks, keep: keep, containers: containers)
        signOff.formUnion(dataCells)
        // A short label whose next block was dropped ("DON'T MISS" over a list of links) labels chrome.
        for index in blocks.indices.dropLast() where keep[index] && roles[index] == .neutral && blocks[index].kind != .heading && !signOff.contains(index) {
            if blocks[index].words < settings.minSentenceWords && !keep[index + 1] { keep[index] = false }
        }
        // A line that is nothing but a date ("23.10.2018", "Dienstag, 4. Juni 2019") is the page's dateline,
        // metadata rather than text.
        for index in blocks.indices where keep[index] && roles[index] == .neutral && blocks[index].kind != .heading
            && blocks[index].words < settings.minSentenceWords && DateNormaliser.iso(blocks[index].text) != nil {
            keep[index] = false
        }
        // The same with the author or the section beside the date, set off by a separator ("24. März 2004,
        // 19:49 | Genesis", "Politik · 3 June 2021"): a line of fields, not a sentence of the text.
        for index in blocks.indices where keep[index] && roles[index] == .neutral && blocks[index].kind != .heading
            && blocks[index].sentences == 0 && Self.isDatelineOfFields(blocks[index].text) {
            keep[index] = false
        }
        // A word or two right before an empty box or an embedded frame labels an advertising slot ("Anzeige",
        // "Publicité", "Реклама"), in whatever language.
        for index in blocks.indices where keep[index] && roles[index] == .neutral && blocks[index].kind == .paragraph
            && blocks[index].words <= settings.adLabelMaxWords && blocks[index].sentences == 0 {
            if labelsAnEmptySlot(blocks[index], tree: tree) { keep[index] = false }
        }
        // After the article's last prose, short lines are page furniture ("Advert", "comments", "Tags"), except
        // the sign-off.
        if let lastProse = keep.indices.last(where: { keep[$0] && roles[$0] == .content }) {
            for index in (lastProse + 1)..<blocks.count where keep[index] && roles[index] == .neutral && blocks[index].words < settings.minSentenceWords
                && !signOff.contains(index) {
                keep[index] = false
            }
        }
        // The last kept blocks, when their words are mostly links, are the page's notes set after the
        // text ("Our Standards: The … Principles.", "More on this: …"), not its last paragraphs.
        var tail = blocks.count - 1
        while tail >= 0 {
            if keep[tail] {
                guard blocks[tail].kind == .paragraph, blocks[tail].linkDensity > settings.maxLinkDensity, !signOff.contains(tail) else { break }
                keep[tail] = false
            }
            tail -= 1
        }
        dropRepeatedBlocks(tree: tree, blocks: blocks, keep: &keep)
        // Reader comments: prose inside comment sections, wherever they are. Never part of the text.
        var comments: [String] = []
        var inComments: [Int: Bool] = [:]
        for (index, (block, role)) in zip(blocks, roles).enumerated() where role == .content {
            if insideComments(block.owner, tree: tree, cache: &inComments) {
                keep[index] = false
                comments.append(block.text)
            }
        }
        // A paragraph that is nothing but a web or e-mail address, written out as its own link ("unterschreibt
        // bitte diese Petition:" then the URL; "Kontakt: info@…"), is all link and so taken for navigation; but
        // menus and teasers link words, not addresses. Beside the kept prose (same parent) it is the text's own.
        let proseParents = Set(keep.indices.lazy.filter { keep[$0] && roles[$0] == .content }.map { tree.nodes[blocks[$0].owner].parent })
        for index in blocks.indices where !keep[index] && roles[index] == .boilerplate && blocks[index].kind == .paragraph
            && Self.isAddress(blocks[index].text) {
            let owner = tree.nodes[blocks[index].owner]
            if owner.name == "p" && proseParents.contains(owner.parent) { keep[index] = true }
        }
        var chosen = keep.indices.filter { keep[$0] }
        if chosen.isEmpty {
            // No container held prose: keep every content block of the page rather than nothing.
            chosen = blocks.indices.filter { roles[$0] == .content && !comments.contains(blocks[$0].text) }
        }
        let allChars = blocks.reduce(0) { $0 + $1.chars }, linkChars = blocks.reduce(0) { $0 + $1.linkChars }
        return Extraction(
            blocks: chosen.map { TextBlock(kind: blocks[$0].kind, text: blocks[$0].text) }, comments: comments,
            pageLinkDensity: allChars == 0 ? 0 : Double(linkChars) / Double(allChars),
            words: chosen.reduce(0) { $0 + blocks[$1].words })
    }

    /// Text the page shows more than once, word for word, in separate boxes is the page's furniture: a
    /// gallery's captions in the strip and again in the lightbox, a teaser list in the desktop and the mobile
    /// layout, a disclaimer under every quote box. An article may repeat itself (the same question to every
    /// interviewee, the same features under two products, a meal plan's daily rows), but within its own flow:
    /// the copies then sit in paragraphs, lists or tables side by side under one element, and a line repeated
    /// stands between lines said once (a question between answers). So a kept block of at least
    /// `repeated_block_min_words` words goes when another block of the page has its text in another box
    /// (below the nearest element around both, the elements holding them are not paragraphs, lists or
    /// tables) and a kept block next to it is another text repeated so: a run of furniture (caption and
    /// credit, one teaser after the other).
    func dropRepeatedBlocks(tree: DOMTree, blocks: [ScoredBlock], keep: inout [Bool]) {
        let minWords = settings.repeatedBlockMinWords
        guard minWords > 0 else { return }
        // The blocks long enough to count, by text; only those whose length in characters and words another
        // block shares are hashed (hashing every block's text cost about 2% of a run).
        var lengths: [Int: Int] = [:]
        for block in blocks where block.words >= minWords { lengths[block.chars << 20 | block.words, default: 0] += 1 }
        var copies: [String: [Int]] = [:]
        for index in blocks.indices where blocks[index].words >= minWords && lengths[blocks[index].chars << 20 | blocks[index].words, default: 0] > 1 {
            copies[blocks[index].text, default: []].append(index)
        }
        guard !copies.isEmpty else { return }
        let kept = blocks.indices.filter { keep[$0] }
        // Whether each kept block has a copy in another box.
        let inOtherBox = kept.map { index -> Bool in
            guard blocks[index].words >= minWords, let same = copies[blocks[index].text], same.count > 1 else { return false }
            // A few copies tell: a line repeated thousands of times in one table must not cost a square.
            return same.prefix(Self.repeatedCopiesChecked).contains { $0 != index && partInBoxes(blocks[index].owner, blocks[$0].owner, tree: tree) }
        }
        var drop: [Int] = []
        for (position, index) in kept.enumerated() where inOtherBox[position] {
            // A repeated line between lines said once is a question put again, a label: the text's. Furniture
            // comes in runs of different lines so repeated (caption and credit, one teaser after another).
            let text = blocks[index].text
            let before = position > 0 && inOtherBox[position - 1] && blocks[kept[position - 1]].text != text
            let after = position + 1 < kept.count && inOtherBox[position + 1] && blocks[kept[position + 1]].text != text
            if before || after { drop.append(index) }
        }
        for index in drop { keep[index] = false }
    }

    /// Whether two elements lie in different boxes: below the nearest element holding both, the element on
    /// either side is not part of a text's flow (a paragraph, heading, list item, list or table).
    func partInBoxes(_ a: Int, _ b: Int, tree: DOMTree) -> Bool {
        var common = tree.nodes[a].parent
        while common >= 0 && !tree.contains(common, b) { common = tree.nodes[common].parent }
        guard common >= 0 else { return false }
        func below(_ index: Int) -> Int {
            var current = index
            while current != common && tree.nodes[current].parent != common { current = tree.nodes[current].parent }
            return current
        }
        func inFlow(_ index: Int) -> Bool {
            index == common || tree.nodes[index].tag.contains(.paragraph) || Self.flowContainers.contains(tree.nodes[index].name)
        }
        return !(inFlow(below(a)) && inFlow(below(b)))
    }

    /// How many copies of a repeated block are compared with it.
    static let repeatedCopiesChecked = 16

    /// Elements that hold a text's own lines: a repetition inside them is the text's.
    static let flowContainers: Set<String> = ["ul", "ol", "dl", "table", "tbody", "tr"]

    /// The kept blocks that are cells (`<td>`, `<th>`) of a table of at least `data_table_min_rows` rows that
    /// lies inside a container (a table the container itself sits in is the page's layout, not data).
    func dataTableCells(tree: DOMTree, blocks: [ScoredBlock], keep: [Bool], containers: [Int]) -> Set<Int> {
        guard settings.dataTableMinRows > 0 else { return [] }
        var cells = Set<Int>()
        var rowsOfTable: [Int: Int] = [:]
        for index in blocks.indices where keep[index] {
            let owner = blocks[index].owner
            let name = tree.nodes[owner].name
            guard name == "td" || name == "th" else { continue }
            var table = tree.nodes[owner].parent
            while table >= 0 && tree.nodes[table].name != "table" { table = tree.nodes[table].parent }
            guard table >= 0, containers.contains(where: { $0 != table && tree.contains($0, table) }) else { continue }
            let rows = rowsOfTable[table] ?? (table..<tree.nodes[table].subtreeEnd).reduce(0) { $0 + (tree.nodes[$1].name == "tr" ? 1 : 0) }
            rowsOfTable[table] = rows
            if rows >= settings.dataTableMinRows { cells.insert(index) }
        }
        return cells
    }

    /// The lead: prose between the headline and the article's first kept block, which many layouts put in a
    /// box of its own above the body (a standfirst, an intro, the teaser of a magazine piece) and which the
    /// container search therefore leaves out. The headline is the last heading before the body that repeats
    /// the page title, else the last `<h1>`; only when few blocks lie between it and the body
    /// (`lead_max_blocks`, link lists not counted) is what lies there the top of the article, and only its
    /// prose is kept: blocks of at least `lead_min_sentences` sentences and `lead_min_words` words (a one-line
    /// dek or an unmarked photo caption is not the lead), outside elements hinted as chrome (captions,
    /// bylines, share bars). Only the elements around the lead that do not also hold the body are asked: a
    /// hint on the page's wrapper (`cookies-not-set` on `<body>`) weights the body as much as the lead.
    func keepLead(tree: DOMTree, blocks: [ScoredBlock], roles: [Role], title: String?, keep: inout [Bool]) {
        guard let first = keep.firstIndex(of: true), first > 0 else { return }
        var headline: Int?
        for index in stride(from: first - 1, through: 0, by: -1) where blocks[index].kind == .heading {
            if let title, Self.sameText(blocks[index].text, title) {
                headline = index
                break
            }
        }
        if headline == nil {
            headline = (0..<first).last { blocks[$0].kind == .heading && tree.nodes[blocks[$0].owner].name == "h1" }
        }
        guard let headline else { return }
        let between = (headline + 1)..<first
        guard between.filter({ roles[$0] != .boilerplate }).count <= settings.leadMaxBlocks else { return }
        let body = blocks[first].owner
        for index in between where roles[index] == .content && blocks[index].sentences >= settings.leadMinSentences
            && !hintedAsChrome(blocks[index].owner, below: body, tree: tree) && blocks[index].words >= settings.leadMinWords {
            keep[index] = true
        }
    }

    /// Whether an element, or one around it that does not also hold `other`, is hinted as chrome. A hint on
    /// an element around both (a `cookies-not-set` state on `<body>`) says nothing about the one apart from
    /// the other.
    func hintedAsChrome(_ index: Int, below other: Int, tree: DOMTree) -> Bool {
        var current = index
        while current >= 0 && !tree.contains(current, other) {
            if tree.nodes[current].hint == .negative { return true }
            current = tree.nodes[current].parent
        }
        return false
    }

    /// Elements that embed another document (an advertisement, a player) in place.
    static let embeddingTags: Set<String> = ["iframe", "embed", "object"]
    /// Elements that show something without text: a box holding one of them is not empty.
    static let mediaTags: Set<String> = ["img", "picture", "video", "audio", "svg", "canvas", "figure"]

    /// Whether the element holding a short block's text is followed directly by an embedded frame or by an
    /// empty box (no text, no media): the place an advertisement is loaded into, which the text labels.
    func labelsAnEmptySlot(_ block: ScoredBlock, tree: DOMTree) -> Bool {
        let owner = tree.nodes[block.owner]
        // The text node of the label: the first one inside the owner that holds the label's text.
        var textNode = -1
        for index in block.owner..<owner.subtreeEnd where tree.nodes[index].isText
            && TextFolding.foldWhitespace(tree.nodes[index].text) == block.text {
            textNode = index
            break
        }
        guard textNode >= 0 else { return false }
        // The label's own element (a span or div around the text), or the text itself when it is loose.
        let labelElement = tree.nodes[textNode].parent == block.owner ? textNode : tree.nodes[textNode].parent
        var next = tree.nodes[labelElement].subtreeEnd
        let parent = tree.nodes[labelElement].parent
        // Skip whitespace between the label and the box.
        while next < tree.nodes.count, tree.nodes[next].parent == parent, tree.nodes[next].isText,
              tree.nodes[next].text.allSatisfy(\.isWhitespace) {
            next = tree.nodes[next].subtreeEnd
        }
        guard next < tree.nodes.count, tree.nodes[next].parent == parent, !tree.nodes[next].isText else { return false }
        let box = tree.nodes[next]
        if Self.embeddingTags.contains(box.name) { return true }
        guard !box.tag.contains(.lineBreak) else { return false }
        for index in next..<box.subtreeEnd {
            let node = tree.nodes[index]
            if node.isText ? !node.text.allSatisfy(\.isWhitespace) : Self.mediaTags.contains(node.name) { return false }
        }
        return true
    }

    /// Whether an element sits in a comment section (class or id naming comments, or Disqus), and not in
    /// the comment form (its notes, "Your email address will not be published", are not comments).
    func insideComments(_ index: Int, tree: DOMTree, cache: inout [Int: Bool]) -> Bool {
        if let known = cache[index] { return known }
        var current = index
        var inForm = false, inComments = false
        while current >= 0 {
            let node = tree.nodes[current]
            if node.name == "form" { inForm = true }
            if !inComments, Self.commentNames.match(node.classNames) == .negative { inComments = true }
            current = node.parent
        }
        cache[index] = inComments && !inForm
        return inComments && !inForm
    }

    /// Comment sections by name, in English and in the names of sites built in other languages.
    static let commentNames = NameMatcher(
        negativePrefixes: ["comment", "disqus", "respond", "komment", "comentari", "reactie", "pinglun"], negativeWords: [], positiveWords: [])

    /// What a block adds to the score of the elements around it: content its characters (weighted by class
    /// hints), link-heavy boilerplate a penalty, neutral lines nothing.
    func value(of block: ScoredBlock, _ role: Role) -> Double? {
        switch role {
        case .content: return Double(block.chars) * block.hintWeight
        case .boilerplate: return -settings.boilerplatePenalty * Double(block.chars)
        case .neutral: return nil
        }
    }

    /// Per element, the sums over the blocks in its subtree.
    func masses(tree: DOMTree, root: Int, blocks: [ScoredBlock], roles: [Role]) -> [Mass] {
        var mass = [Mass](repeating: Mass(), count: tree.nodes.count)
        for (block, role) in zip(blocks, roles) {
            var m = Mass(chars: block.chars, linkChars: block.linkChars, sentences: block.sentences)
            m.score = value(of: block, role) ?? 0
            if role == .content { m.contentChars = block.chars }
            mass[block.owner].add(m)
        }
        // Pre-order numbering: every child has a larger index than its parent.
        for index in stride(from: tree.nodes.count - 1, to: root, by: -1) {
            let parent = tree.nodes[index].parent
            if parent >= root { mass[parent].add(mass[index]) }
        }
        return mass
    }


    /// The containers of the page's own story. When the heading that repeats the page title lies outside the
    /// containers found, and the smallest element around it that holds prose enough to be a story
    /// (`headline_story_share` of theirs) holds none of them, the body found belongs to another story (the
    /// next article of an endless-scroll page, a featured piece): the containers are looked for around the
    /// headline. The share is high because the title can be wrong (a menu's heading taken for it).
    func containers(tree: DOMTree, root: Int, blocks: [ScoredBlock], roles: [Role], mass: [Mass], title: String?) -> [Int] {
        let titleHeading = title.flatMap { title in blocks.indices.first(where: {
            blocks[$0].kind == .heading && roles[$0] != .boilerplate && blocks[$0].hintWeight >= 1 && Self.sameText(blocks[$0].text, title)
        }) }
        let firstTopHeading = blocks.indices.first { blocks[$0].kind == .heading && tree.nodes[blocks[$0].owner].name == "h1" }
        let found = chooseContainers(tree: tree, root: root, blocks: blocks, roles: roles, mass: mass,
                                     headline: (titleHeading ?? firstTopHeading).map { blocks[$0].owner })
        guard let heading = titleHeading else { return found }
        let headline = blocks[heading].owner
        if found.contains(where: { tree.contains($0, headline) }) { return found }
        let needed = settings.headlineStoryShare * Double(found.reduce(0) { $0 + mass[$1].contentChars })
        var story = tree.nodes[headline].parent
        while story > root && Double(mass[story].contentChars) < needed { story = tree.nodes[story].parent }
        guard story > root, !found.contains(where: { tree.contains(story, $0) }) else { return found }
        return chooseContainers(tree: tree, root: story, blocks: blocks, roles: roles, mass: mass, headline: headline)
    }

    /// The article container and the siblings that continue it.
    ///
    /// An article's paragraphs are siblings under one parent; teasers of other stories each sit alone in a
    /// card of their own. So every block's score goes to the element that holds it as a paragraph (its
    /// parent when the block is a `<p>`-like element, else the element itself) and half of it one level
    /// higher; the element with the highest such score is the article's paragraph parent. Then, at each of
    /// the few levels above it, siblings that hold a paragraph parent of their own with a fair share of that
    /// score are kept too (a body split into columns, or around an advertisement); headers, bylines and
    /// teaser lists hold no such paragraph parent and stay out.
    func chooseContainers(tree: DOMTree, root: Int, blocks: [ScoredBlock], roles: [Role], mass: [Mass], headline: Int? = nil) -> [Int] {
        // direct: the score of the paragraphs an element holds itself; local adds half of its children's.
        var direct = [Double](repeating: 0, count: tree.nodes.count)
        var local = [Double](repeating: 0, count: tree.nodes.count)
        // Prose only (no penalties), per paragraph parent: how a sibling's prose is spread over its holders.
        var prose = [Double](repeating: 0, count: tree.nodes.count)
        // Short lines that are neither prose nor headings (a commenter's name and time, "Reply", a teaser's
        // date), per element: each item of a list of comments or teasers brings its own.
        var furniture = [Int](repeating: 0, count: tree.nodes.count)
        // Only the subtree of `root` (the whole body, or the story around the headline).
        let end = tree.nodes[root].subtreeEnd
        // Blocks whose own element is not paragraph-like (a <div> or <span> line: a date, a byline, a label).
        var looseLines = [Int](repeating: 0, count: tree.nodes.count)
        // Of those, the lines that are not prose (a commenter's name, a date, a rating in `<div>`s).
        var looseFurniture = [Int](repeating: 0, count: tree.nodes.count)
        // Prose blocks, and those of them that open with a link (a teaser's linked title, a commenter's name).
        var proseBlocks = [Int](repeating: 0, count: tree.nodes.count)
        var linkLedProse = [Int](repeating: 0, count: tree.nodes.count)
        var textDivOwner = -1, ownerIsTextDiv = false
        for (block, role) in zip(blocks, roles) where block.owner >= root && block.owner < end {
            if role == .content {
                proseBlocks[block.owner] += 1
                if block.startsWithLink { linkLedProse[block.owner] += 1 }
            }
            if !tree.nodes[block.owner].tag.contains(.paragraph) { looseLines[block.owner] += 1 }
            if role != .content && block.kind != .heading {
                furniture[block.owner] += 1
                if !tree.nodes[block.owner].tag.contains(.paragraph) { looseFurniture[block.owner] += 1 }
            }
            guard let value = value(of: block, role) else { continue }
            var holder = block.owner
            // The lines of one element come one after another: its children are looked at once.
            if holder != textDivOwner {
                textDivOwner = holder
                ownerIsTextDiv = Self.isTextDiv(holder, tree: tree)
            }
            if tree.nodes[holder].tag.contains(.paragraph) || ownerIsTextDiv {
                let parent = tree.nodes[holder].parent
                if parent >= root { holder = parent }
            }
            direct[holder] += value
            local[holder] += value
            if role == .content { prose[holder] += value }
            // An <article> is a story of its own: its paragraphs never add up with its neighbours' to make
            // a list of teasers look like one long article.
            let above = tree.nodes[holder].parent
            if above >= root, tree.nodes[holder].name != "article" { local[above] += value / 2 }
        }
        var best = root
        for index in root..<end where local[index] > local[best] { best = index }
        guard local[best] > 0 else { return [root] }

        // The best paragraph-parent score inside each subtree; and the prose of the subtree, its largest
        // paragraph parent's share of it and how many paragraph parents hold it.
        var bestInside = local
        var proseInside = prose, largestProse = prose
        var holders = prose.map { $0 > 0 ? 1 : 0 }
        for index in stride(from: end - 1, to: root, by: -1) {
            let parent = tree.nodes[index].parent
            guard parent >= root else { continue }
            if bestInside[index] > bestInside[parent] { bestInside[parent] = bestInside[index] }
            proseInside[parent] += proseInside[index]
            largestProse[parent] = max(largestProse[parent], largestProse[index])
            holders[parent] += holders[index]
            furniture[parent] += furniture[index]
            looseLines[parent] += looseLines[index]
            looseFurniture[parent] += looseFurniture[index]
            proseBlocks[parent] += proseBlocks[index]
            linkLedProse[parent] += linkLedProse[index]
        }
        // A list of separate prose units (a reader-comment thread, a grid of teasers with summaries): many
        // paragraph parents, none holding much of the whole, each with a line of its own that is neither
        // prose nor a heading (a name and a time, "Reply"). An article's continuation holds its paragraphs
        // together (the rest of a body split around an advertisement, a second column), and its sections
        // open with headings, not with such lines.
        func isListOfUnits(_ index: Int) -> Bool {
            holders[index] >= settings.itemListMinHolders && largestProse[index] < settings.itemListMaxShare * proseInside[index]
                && furniture[index] >= holders[index]
        }
        // A list of links with a line of text each (teasers of other stories under their linked titles, the
        // latest comments under their authors' linked names): at least `linked_items_min_items` prose blocks,
        // at least `linked_items_min_share` of them opening with a link. The article's own paragraphs open
        // with words; it goes on in paragraphs, never in such a list.
        func isListOfLinkedItems(_ index: Int) -> Bool {
            settings.linkedItemsMinItems > 0 && proseBlocks[index] >= settings.linkedItemsMinItems
                && Double(linkLedProse[index]) >= settings.linkedItemsMinShare * Double(proseBlocks[index])
        }
        // The body is not one item of a list of like items (a reader-comment thread under a short article):
        // when the best paragraph parent lies in such an item and the headline before the list, the body is
        // looked for outside the list, and the list is no continuation of it.
        var itemList = -1
        if let headline, let list = likeItemList(around: best, root: root, tree: tree, proseInside: proseInside, furniture: looseFurniture),
           headline < list {
            var outside = -1
            var index = root
            while index < end {
                if index == list { index = tree.nodes[list].subtreeEnd; continue }
                if local[index] > 0 && (outside < 0 || local[index] > local[outside]) { outside = index }
                index += 1
            }
            if outside >= 0 {
                best = outside
                itemList = list
            }
        }
        let threshold = settings.siblingShare * local[best]
        var containers = [best]
        var level = best
        var depth = 0
        // Short lines of the article's own (an ingredient list, an agenda, key points as a list) sit in
        // paragraphs and lists beside the body and hold no prose. Beside the body's box (up to its first
        // level with other prose), after the headline and before the body's last part, such paragraph-like
        // text without links is the article's too; dates and bylines sit in loose lines or in hinted
        // elements and stay out.
        var shortLines: [Int] = []
        while depth < settings.siblingLevels {
            let parent = tree.nodes[level].parent
            guard parent >= root else { break }
            if depth == 0 {
                for sibling in tree.children(of: parent) where sibling != level && !tree.nodes[sibling].isText {
                    let m = mass[sibling]
                    if m.contentChars == 0, m.chars > 0, looseLines[sibling] == 0, tree.nodes[sibling].hint != .negative,
                       Double(m.linkChars) <= settings.maxLinkDensity * 0.6 * Double(m.chars), !isLinkList(sibling, tree: tree, mass: mass) {
                        shortLines.append(sibling)
                    }
                }
            }
            // A parent that holds article paragraphs of its own is the article, and the box found first was
            // only a part of it (a fact box, a pull-out section). A body hint on the box (or a wrapper up to
            // it) weights its paragraphs only: it says which box is the body, not that the paragraphs beside
            // it are less so (the first paragraphs above a "read all" box). Counted once, as one hint.
            var inBox = best
            while inBox != parent && tree.nodes[inBox].hint != .positive { inBox = tree.nodes[inBox].parent }
            let boxWeight = inBox != parent ? settings.positiveHintWeight : 1
            if direct[parent] * boxWeight >= threshold, tree.nodes[parent].hint != .negative {
                containers = [parent]
                level = parent
                depth += 1
                continue
            }
            // A wrapper with nothing beside the box but markup is the same box again: going through it costs
            // no level, so that a body nested in several such wrappers still meets the sections beside it.
            if !tree.children(of: parent).contains(where: { $0 != level && mass[$0].contentChars > 0 }) {
                level = parent
                continue
            }
            // When the box the body sits in is itself hinted as chrome, the hint cannot tell it from its
            // siblings ("section--ads" on every section of a test report): theirs is not held against them.
            let hintSeparates = tree.nodes[level].hint != .negative
            let siblings = tree.children(of: parent)
            var continues = [Bool](repeating: false, count: siblings.count)
            for (position, sibling) in siblings.enumerated() where sibling != level {
                let node = tree.nodes[sibling]
                guard !node.isText, node.hint != .negative || !hintSeparates, mass[sibling].contentChars > 0 else { continue }
                if itemList >= 0 && tree.contains(sibling, itemList) { continue }
                // Sibling <article> elements are other stories (a list of related posts), never the rest of this one.
                if node.name == "article" && tree.nodes[level].name == "article" { continue }
                continues[position] = (bestInside[sibling] >= threshold && !isListOfUnits(sibling) && !isListOfLinkedItems(sibling)
                    && !holdsForm(sibling, tree: tree))
                    || (depth == 0 && node.tag.contains(.paragraph) && mass[sibling].sentences > 0)
            }
            dropDistantContinuations(siblings, from: level, continues: &continues, mass: mass)
            for position in siblings.indices where continues[position] { containers.append(siblings[position]) }
            level = parent
            depth += 1
        }
        if let headline, let lastPart = containers.max() {
            containers += shortLines.filter { $0 > headline && $0 < lastPart && !containers.contains($0) }
        }
        return containers.sorted()
    }

    /// A picture's caption, told by where it stands rather than by its class names: a text box right after
    /// a box that holds a picture and no text, the two alone in one element (`<div><img><p>…</p></div>`, a
    /// figure built of `<div>`s), of at most `caption_max_words` words. Sites whose names say nothing (or
    /// say it in words no hint list has) set their captions so; an article's own paragraphs come many to an
    /// element. Kept blocks in such boxes are dropped, unless that would leave no prose at all.
    func dropPictureCaptions(tree: DOMTree, blocks: [ScoredBlock], roles: [Role], mass: [Mass], keep: inout [Bool]) {
        let maxWords = settings.captionMaxWords
        guard maxWords > 0 else { return }
        var captions: [Int] = []
        for index in blocks.indices where keep[index] && blocks[index].kind != .heading && blocks[index].words <= maxWords {
            guard let box = captionBox(around: blocks[index].owner, tree: tree, mass: mass) else { continue }
            // The box's words: its blocks are the neighbours of this one in document order.
            var words = 0
            var first = index
            while first > 0 && tree.contains(box, blocks[first - 1].owner) { first -= 1 }
            var other = first
            while other < blocks.count && tree.contains(box, blocks[other].owner) {
                words += blocks[other].words
                other += 1
            }
            if words <= maxWords { captions.append(index) }
        }
        guard !captions.isEmpty else { return }
        let captionSet = Set(captions)
        guard blocks.indices.contains(where: { keep[$0] && roles[$0] == .content && !captionSet.contains($0) }) else { return }
        for index in captions { keep[index] = false }
    }

    /// The box around `index` that a picture's box precedes, the two the only children of their parent
    /// (blank text aside); climbing only through elements that hold no other text. Nil when there is none.
    /// Walks the siblings in place: this runs for every short block kept.
    func captionBox(around index: Int, tree: DOMTree, mass: [Mass]) -> Int? {
        var box = index
        while true {
            let parent = tree.nodes[box].parent
            guard parent >= 0 else { return nil }
            let picture = tree.nextFilledChild(from: parent + 1, in: parent)
            if picture != box, tree.nextFilledChild(from: tree.nodes[picture].subtreeEnd, in: parent) == box,
               tree.nextFilledChild(from: tree.nodes[box].subtreeEnd, in: parent) == tree.nodes[parent].subtreeEnd,
               !Self.notFigures.contains(tree.nodes[parent].name), showsOnlyAPicture(picture, tree: tree, mass: mass) {
                return box
            }
            guard mass[parent].chars == mass[box].chars else { return nil }
            box = parent
        }
    }

    /// Elements that pair a picture with text that is no caption: a quoted review under its screenshot, a
    /// table's cell.
    static let notFigures: Set<String> = ["blockquote", "q", "td", "th"]

    /// Pictures a caption is written for (not icons: an `<svg>` sits before many a button's label).
    static let pictureTags: Set<String> = ["img", "picture", "video"]

    /// Whether an element shows a picture and no text.
    func showsOnlyAPicture(_ index: Int, tree: DOMTree, mass: [Mass]) -> Bool {
        guard !tree.nodes[index].isText, mass[index].chars == 0 else { return false }
        return (index..<tree.nodes[index].subtreeEnd).contains { Self.pictureTags.contains(tree.nodes[$0].name) }
    }

    /// The article goes on next to itself: an advertisement's label or a "read also" line may stand between
    /// two parts of a body, but a box that comes only after more text than its own (a sidebar of teasers, a
    /// row of dialogs, the page's menus) is another part of the page (its footer, a site's rules). Walking out
    /// from the body's box to either side, a continuation is dropped when the text of the siblings between it
    /// and the nearest part kept exceeds `continuation_gap_share` of its own text.
    func dropDistantContinuations(_ siblings: [Int], from level: Int, continues: inout [Bool], mass: [Mass]) {
        let share = settings.continuationGapShare
        guard share > 0, let start = siblings.firstIndex(of: level) else { return }
        for step in [-1, 1] {
            var gap = 0
            var position = start + step
            while position >= 0 && position < siblings.count {
                let chars = mass[siblings[position]].chars
                if continues[position] && Double(gap) <= share * Double(chars) {
                    gap = 0
                } else {
                    continues[position] = false
                    gap += chars
                }
                position += step
            }
        }
    }

    /// The nearest element around `index` whose children include at least `like_items_min_items` items like
    /// the one `index` lies in: the same tag and the same first class name (a site names its comments, or
    /// its teaser cards, alike, whatever the names are), each holding prose and a line of its own that is
    /// neither prose nor a heading, in an element that is no paragraph (a name, a date, a rating in `<div>`s;
    /// an article's sections set as like boxes carry their notes, "Account: @name", in paragraphs). Nil when
    /// there is none below `root`.
    func likeItemList(around index: Int, root: Int, tree: DOMTree, proseInside: [Double], furniture: [Int]) -> Int? {
        let minItems = settings.likeItemsMinItems
        guard minItems > 0 else { return nil }
        var item = index
        while item > root {
            let list = tree.nodes[item].parent
            guard list >= root else { return nil }
            if proseInside[item] > 0 && furniture[item] > 0 {
                // Tags are compared by their interned name, and class names only of elements of the same
                // tag, on their bytes: this runs at every level above the body.
                let records = tree.nodes.records
                let name = records[item].nameID, kind = tree.firstClassName(of: item)
                var alike = 0
                for child in tree.children(of: list) where records[child].nameID == name && proseInside[child] > 0 && furniture[child] > 0
                    && tree.firstClassName(of: child) == kind {
                    alike += 1
                }
                if alike >= minItems { return list }
            }
            item = list
        }
        return nil
    }

    /// Whether an element holds a form to fill in (a reply box with its notes, a newsletter sign-up): the
    /// page talking to its reader, not the article going on.
    func holdsForm(_ index: Int, tree: DOMTree) -> Bool {
        guard settings.formSiblingsOut else { return false }
        for inner in index..<tree.nodes[index].subtreeEnd where !tree.nodes[inner].isText {
            let name = tree.nodes[inner].name
            if name == "form" || name == "textarea" { return true }
        }
        return false
    }

    /// Whether an element is a `<div>` written as a paragraph: text and inline elements only, no block-level
    /// child and no line break. Editors that set every paragraph as such a div put the article's text in a
    /// run of them under one parent, which is then the paragraph parent as it is for `<p>`s. A div of lines
    /// broken with `<br>` is a box of several paragraphs (a whole body, often), and stays a container.
    static func isTextDiv(_ index: Int, tree: DOMTree) -> Bool {
        guard tree.nodes[index].name == "div" else { return false }
        var child = index + 1
        while child < tree.nodes[index].subtreeEnd {
            let tag = tree.nodes[child].tag
            if !tree.nodes[child].isText && tag.contains(.block) && !tag.contains(.excluded) { return false }
            child = tree.nodes[child].subtreeEnd
        }
        return true
    }

    /// Whether an element between the container and a block is chrome: a hinted widget that holds little of
    /// the container's content, or a container-like element of links without any sentence.
    func insideChrome(_ owner: Int, container: Int, tree: DOMTree, mass: [Mass], cache: inout [Int: Bool]) -> Bool {
        var index = owner
        while index != container && index >= 0 {
            if let known = cache[index] {
                if known { return true }
            } else {
                let node = tree.nodes[index]
                let m = mass[index]
                var chrome = false
                if node.hint == .negative && m.contentChars * 2 < mass[container].contentChars {
                    chrome = true
                } else if !node.tag.contains(.paragraph), m.sentences == 0, m.chars > 0,
                          Double(m.linkChars) / Double(m.chars) > settings.maxLinkDensity * 0.6 {
                    chrome = true
                } else if isLinkList(index, tree: tree, mass: mass) {
                    chrome = true
                }
                cache[index] = chrome
                if chrome { return true }
            }
            index = tree.nodes[index].parent
        }
        return false
    }

    /// A list most of whose items link somewhere: related stories, not a list of the article's points.
    func isLinkList(_ index: Int, tree: DOMTree, mass: [Mass]) -> Bool {
        let node = tree.nodes[index]
        guard node.name == "ul" || node.name == "ol", mass[index].chars > 0 else { return false }
        var items = 0, linked = 0
        for child in tree.children(of: index) where tree.nodes[child].tag.contains(.listItem) {
            items += 1
            if mass[child].linkChars > 0 { linked += 1 }
        }
        let density = Double(mass[index].linkChars) / Double(mass[index].chars)
        return items >= 3 && linked * 5 >= items * 4 && density >= settings.maxLinkDensity / 2
    }

    /// Compares texts ignoring case, punctuation and spacing (a heading that repeats the title).
    /// Whether `text` is one web or e-mail address written out: no space, and a scheme, a `www.` or an `@`
    /// with a dot after it.
    static func isAddress(_ text: String) -> Bool {
        guard text.utf8.count >= 6, !text.utf8.contains(0x20) else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return true }
        guard let at = lower.firstIndex(of: "@"), at != lower.startIndex else { return false }
        return lower[lower.index(after: at)...].contains(".")
    }

    /// Separators between the fields of a dateline.
    static let fieldSeparators: Set<Character> = ["|", "·", "•"]

    /// Whether a line is a few fields set apart by a separator, exactly one of which is a date and nothing
    /// else. Two dates make a period ("29 November 2018 | 20 January 2019": an exhibition's), which is text.
    static func isDatelineOfFields(_ text: String) -> Bool {
        let fields = text.split(whereSeparator: { fieldSeparators.contains($0) })
        guard fields.count >= 2, fields.count <= 4 else { return false }
        return fields.filter { DateNormaliser.iso(String($0)) != nil }.count == 1
    }

    static func sameText(_ a: String, _ b: String) -> Bool {
        let ka = comparisonKey(a)
        return !ka.isEmpty && ka == comparisonKey(b)
    }

    /// What `sameText` compares: the text lowercased, letters and digits only.
    static func comparisonKey(_ s: String) -> String {
        if let key = asciiComparisonKey(s) { return key }
        return String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// `comparisonKey` of ASCII text on its bytes (nil for any other text): in ASCII the alphabetic characters
    /// are the letters and the numeric ones the digits. The title is compared with every heading of a page,
    /// and the property look-ups cost about 40,000 instructions a comparison.
    static func asciiComparisonKey(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case 0x41...0x5A: key[count] = byte + 32
                    case 0x61...0x7A, 0x30...0x39: key[count] = byte
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
    }
}
