import CLibXML2
import Foundation

/// Builds a `DOMTree` from the HTML parser's SAX events, so that libxml2 never builds (and frees) a tree of
/// its own. The parser still does all of HTML's recovery (implied `html`/`body`/`p`, auto-closed elements)
/// and reports it as start and end events, so the tree has the shape libxml2's own tree would have.
///
/// Limits are checked where the tree grows (one comparison per node): past one, the builder keeps the
/// error and stops the parser, so a hostile page costs no more time or memory than the limit allows.
final class DOMTreeBuilder {
    /// All mutable state lives in one struct, reached once per event (a class's stored properties would
    /// each pay a dynamic exclusivity check on every access). Unchecked: only the parser's callbacks, one
    /// at a time on the parsing thread, and `HTMLDocument.parse` after the parse reach it (the check cost
    /// some 120 instructions an element).
    @exclusivity(unchecked) var state: TreeState

    init(context: htmlParserCtxtPtr, limits: HTMLDocument.Limits, stage: StageName, pageBytes: Int) {
        state = TreeState(context: context, limits: limits, stage: stage, pageBytes: pageBytes)
    }

    /// The handler with only the events the tree needs; errors and warnings stay unreported. (A C struct
    /// with pointers is not Sendable, so each parse makes its own: a few stores.)
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            DOMTreeBuilder.builder(context)?.state.startElement(name, attributes)
        }
        handler.endElement = { context, _ in DOMTreeBuilder.builder(context)?.state.endElement() }
        handler.characters = { context, bytes, count in
            guard let bytes else { return }
            DOMTreeBuilder.builder(context)?.state.characters(bytes, Int(count))
        }
        handler.cdataBlock = { context, bytes, count in
            guard let bytes else { return }
            DOMTreeBuilder.builder(context)?.state.characters(bytes, Int(count))
        }
        handler.comment = { context, _ in DOMTreeBuilder.builder(context)?.state.flushText() }
        return handler
    }

    /// The builder of a parse: the SAX user data is the parser context, whose `_private` holds it.
    @inline(__always)
    private static func builder(_ context: UnsafeMutableRawPointer?) -> DOMTreeBuilder? {
        guard let opaque = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<DOMTreeBuilder>.fromOpaque(opaque).takeUnretainedValue()
    }
}

/// What the builder knows about a tag or attribute name. The parser interns names in its dictionary (or
/// passes string constants for implied elements), so within one parse a name's address identifies it: the
/// builder decodes and classifies each distinct name once. (No String in it: the entry is copied out of the
/// caches for every element.)
struct ElementName {
    /// Index of the name in the tree's name table.
    var id: UInt32
    var isScript: Bool
    var tag: TagKind
    var isIndexed: Bool
    var isOpaque: Bool
    /// `script` or `style`: libxml2 reads the content as raw text up to the matching end tag.
    var isRawText: Bool
    /// The hint of the element when it has no attributes that hint (class, id, role, itemprop).
    var plainHint: ClassHint
    /// What the name says for the hint of an element that has such attributes.
    var hintFacts: ClassHint.TagFacts
    /// Bit `1 << index` for each of `HTMLDocument.attributeElements` this element keeps (`href` on `link`).
    var boundAttributes: UInt32
}

extension ElementName {
    /// The facts of a name; `id` is the tree's.
    init(name: String, id: UInt32) {
        let facts = ClassHint.TagFacts(name: name)
        let plain = DOMTree.Node(record: DOMTree.Record(nameID: id), storage: DOMTree.Storage.empty)
        self.init(
            id: id, isScript: name == "script", tag: TagKind.table[name] ?? [],
            isIndexed: HTMLDocument.indexedTags.contains(name), isOpaque: HTMLDocument.opaqueElements.contains(name),
            isRawText: name == "script" || name == "style", plainHint: ClassHint.of(plain, tag: facts), hintFacts: facts,
            boundAttributes: HTMLDocument.attributeElements.reduce(0) { $1.value == name ? $0 | 1 << UInt32($1.key) : $0 })
    }
}

/// The tag names most pages use, with their facts worked out once per process and found by their bytes (an
/// open-addressed table keyed by FNV-1a). A name outside it takes the general path; either way it gets the
/// same facts and the same id in the tree (ids are given in order of first use).
enum CommonTagNames {
    static let names: [String] = {
        var names = Set(TagKind.table.keys).union(HTMLDocument.indexedTags).union(HTMLDocument.opaqueElements)
            .union(ClassHint.negativeTags).union(ClassHint.headingTags)
        names.formUnion([
            "span", "a", "strong", "em", "b", "i", "u", "s", "small", "sup", "sub", "time", "label", "source", "cite", "abbr",
            "code", "font", "ins", "del", "mark", "q", "wbr", "path", "g", "use", "symbol", "defs", "circle", "rect", "polygon",
            "line", "polyline", "ellipse", "lineargradient", "stop", "clippath", "mask", "track", "param", "kbd", "samp", "var",
            "bdi", "bdo", "big", "tt", "strike", "nobr", "noindex", "col", "colgroup", "area", "base", "optgroup", "output",
            "progress", "meter", "data", "slot", "frame", "frameset", "noframes",
        ])
        return names.sorted()
    }()

    /// `ElementName`s of `names` (their ids are set per tree).
    static let entries: [ElementName] = names.map { ElementName(name: $0, id: 0) }

    private static let slotCount = 1024
    /// Index into `names` + 1 per slot; 0 for an empty slot.
    private static let slots: [Int32] = {
        var slots = [Int32](repeating: 0, count: slotCount)
        for (index, name) in names.enumerated() {
            var slot = hash(Array(name.utf8))
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(index + 1)
        }
        return slots
    }()
    private static let bytes: [[UInt8]] = names.map { Array($0.utf8) }

    private static func hash<C: Collection<UInt8>>(_ name: C) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h >> 20) & (slotCount - 1)
    }

    /// The index in `names` of a name given as bytes.
    static func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = hash(name)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let candidate = bytes[entry - 1]
            if candidate.count == name.count && candidate.elementsEqual(name) { return entry - 1 }
            slot = (slot + 1) & (slotCount - 1)
        }
    }
}

struct TreeState {
    private let context: htmlParserCtxtPtr
    private let limits: HTMLDocument.Limits
    private let stage: StageName
    /// The tree as it grows: node records, and the bytes and attributes they point into (see `DOMTree`).
    private var records: [DOMTree.Record] = []
    private var bytes: [UInt8] = []
    private var attributes: [DOMTree.AttributeRecord] = []
    /// Element names by id; id 0, the empty name, marks text nodes.
    private var names: [String] = [""]
    private var nameIDs: [String: UInt32] = [:]
    private var byTag: [String: [Int]] = [:]
    /// Elements whose class, id, role or itemprop attributes decide their hint, which is worked out once
    /// the tree's storage exists (`ClassHint.of` reads the node).
    private var hintedElements: [(index: Int, facts: ClassHint.TagFacts)] = []
    /// The open elements on the path from the root, with whether text inside them is dropped.
    private var openElements: [(index: Int, dropsText: Bool)] = []
    /// Text reported in pieces (the parser splits it at entities and at its buffer size) is joined into one
    /// node, as libxml2's tree builder joins it; a comment or an element ends the piece. The pieces are
    /// appended to `bytes` as they come: the pending text is `bytes[pendingStart...]`.
    private var pendingStart = 0
    /// The page's bytes as handed to libxml2. `skipRawText` writes one byte into the parser's input, which
    /// must be the parser's own copy (libxml2 2.9 copies a memory input); were the input ever these bytes
    /// themselves (a version reading the caller's memory in place), nothing is skipped.
    var callerBytes: UnsafeRawBufferPointer?
    private var pendingParent = -1
    /// Scratch for the lowercased `class` and `id` names of the element being started.
    private var classBytes: [UInt8] = []
    private var elementNames: [UnsafeRawPointer: ElementName] = [:]
    /// The tree's name id of each of `CommonTagNames.names`, 0 until the page uses it.
    private var commonNameIDs: [UInt32]
    /// Direct-mapped caches in front of the two dictionaries, a slot per address bucket: a page uses a few
    /// dozen distinct names thousands of times, and comparing one address costs less than hashing it.
    private var recentElementKeys = [UInt](repeating: 0, count: TreeState.recentSlots)
    private var recentElements = [ElementName?](repeating: nil, count: TreeState.recentSlots)
    private var recentAttributeKeys = [UInt](repeating: 0, count: TreeState.recentSlots)
    private var recentAttributes = [Int](repeating: -1, count: TreeState.recentSlots)
    private static let recentSlots = 64
    private(set) var hasRoot = false
    /// Set when the root element has closed: anything after it is outside the document's tree.
    private var rootClosed = false
    private(set) var failure: PageError?

    init(context: htmlParserCtxtPtr, limits: HTMLDocument.Limits, stage: StageName, pageBytes: Int) {
        self.context = context
        self.limits = limits
        self.stage = stage
        commonNameIDs = [UInt32](repeating: 0, count: CommonTagNames.names.count)
        records.reserveCapacity(2048)
        // Text and attribute values are a fraction of the page's markup.
        bytes.reserveCapacity(max(4096, pageBytes / 4))
        attributes.reserveCapacity(1024)
        classBytes.reserveCapacity(128)
    }

    mutating func finish() -> DOMTree {
        flushText()
        while let open = openElements.popLast() { records[open.index].subtreeEnd = Int32(records.count) }
        let storage = DOMTree.Storage(bytes: bytes, attributes: attributes, names: names)
        for (index, facts) in hintedElements {
            records[index].hint = ClassHint.of(DOMTree.Node(record: records[index], storage: storage), tag: facts)
        }
        return DOMTree(nodes: DOMTree.Nodes(records: records, storage: storage), elementsByTag: byTag)
    }

    private mutating func stop(_ error: PageError) {
        if failure == nil { failure = error }
        xmlStopParser(context)
    }

    /// Room for one more node, and time left for the page.
    private mutating func mayGrow() -> Bool {
        guard failure == nil, !rootClosed else { return false }
        if records.count >= limits.maxNodes {
            stop(PageError(.tooComplex, stage: stage, "more than strip.max_dom_nodes (\(limits.maxNodes)) nodes"))
            return false
        }
        if records.count & 4095 == 4095 {
            do { try PageDeadline.check(stage) } catch { stop(error); return false }
        }
        return true
    }

    @inline(__always)
    private static func recentSlot(_ address: UInt) -> Int {
        Int(truncatingIfNeeded: (address >> 3) ^ (address >> 9)) & (recentSlots - 1)
    }

    private mutating func elementName(_ pointer: UnsafePointer<xmlChar>) -> ElementName {
        let address = UInt(bitPattern: pointer)
        let slot = Self.recentSlot(address)
        if recentElementKeys[slot] == address, let recent = recentElements[slot] { return recent }
        let entry = knownElementName(pointer)
        recentElementKeys[slot] = address
        recentElements[slot] = entry
        return entry
    }

    private mutating func knownElementName(_ pointer: UnsafePointer<xmlChar>) -> ElementName {
        // The common names' facts are worked out once per process, not once per page (decoding and
        // classifying a name cost some 5,000 instructions, and a page uses dozens of names).
        if let common = CommonTagNames.index(of: UnsafeBufferPointer(start: pointer, count: Self.length(pointer))) {
            var id = commonNameIDs[common]
            if id == 0 {
                id = UInt32(names.count)
                names.append(CommonTagNames.names[common])
                commonNameIDs[common] = id
            }
            var entry = CommonTagNames.entries[common]
            entry.id = id
            return entry
        }
        if let known = elementNames[UnsafeRawPointer(pointer)] { return known }
        // The parser reports names lowercased. Two addresses may carry the same name (an implied element's
        // constant and the dictionary's copy): they share an id.
        let name = Self.string(pointer)
        let id: UInt32
        if let existing = nameIDs[name] {
            id = existing
        } else {
            id = UInt32(names.count)
            nameIDs[name] = id
            names.append(name)
        }
        let entry = ElementName(name: name, id: id)
        elementNames[UnsafeRawPointer(pointer)] = entry
        return entry
    }

    /// The index of an attribute's kept name, or -1 for one wirepipe does not read (cached as -1 too: a
    /// slot's key says whose answer it holds).
    private mutating func attributeName(_ pointer: UnsafePointer<xmlChar>) -> Int {
        let address = UInt(bitPattern: pointer)
        let slot = Self.recentSlot(address)
        if recentAttributeKeys[slot] == address { return recentAttributes[slot] }
        let kept = knownAttributeName(pointer)
        recentAttributeKeys[slot] = address
        recentAttributes[slot] = kept
        return kept
    }

    /// On the name's bytes: a handful of length and byte comparisons cost less than making a String and
    /// hashing the address into a dictionary.
    private func knownAttributeName(_ pointer: UnsafePointer<xmlChar>) -> Int {
        let name = UnsafeBufferPointer(start: pointer, count: Self.length(pointer))
        for (index, kept) in HTMLDocument.keptAttributeBytes.enumerated() where kept.count == name.count && kept.elementsEqual(name) {
            return index
        }
        return -1
    }

    mutating func startElement(_ namePointer: UnsafePointer<xmlChar>, _ attributePairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        guard mayGrow() else { return }
        if openElements.count >= limits.maxDepth {
            stop(PageError(.tooComplex, stage: stage, "elements nest deeper than strip.max_dom_depth (\(limits.maxDepth))"))
            return
        }
        let known = elementName(namePointer)
        let index = records.count
        let attributesStart = attributes.count
        var hinted = false
        var isJSONLD = false
        classBytes.removeAll(keepingCapacity: true)
        if let attributePairs {
            var i = 0
            while let attributeName = attributePairs[i] {
                let valuePointer = attributePairs[i + 1]
                i += 2
                let key = self.attributeName(attributeName)
                guard key >= 0 else { continue }
                // `href`, `type` and `name` only on the element that has them read (`HTMLDocument.attributeElements`).
                let bit = UInt32(1) << UInt32(key)
                if HTMLDocument.elementBoundAttributes & bit != 0 && known.boundAttributes & bit == 0 { continue }
                switch key {
                case HTMLDocument.classAttribute, HTMLDocument.idAttribute:
                    if let valuePointer { appendLowercased(valuePointer) }
                    hinted = true
                case HTMLDocument.roleAttribute, HTMLDocument.itempropAttribute: hinted = true
                case HTMLDocument.typeAttribute:
                    if let valuePointer, known.isScript { isJSONLD = BlockText.containsASCII(Self.string(valuePointer), "ld+json") }
                default: break
                }
                let valueStart = Int32(truncatingIfNeeded: bytes.count)
                if let valuePointer { bytes.append(contentsOf: UnsafeBufferPointer(start: valuePointer, count: Self.length(valuePointer))) }
                attributes.append(DOMTree.AttributeRecord(
                    nameID: UInt8(truncatingIfNeeded: key), valueStart: valueStart, valueEnd: Int32(truncatingIfNeeded: bytes.count)))
            }
        }
        let classStart = Int32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: classBytes)
        if hinted { hintedElements.append((index, known.hintFacts)) }
        let drops = (openElements.last?.dropsText ?? false) || (known.isOpaque && !isJSONLD)
        records.append(DOMTree.Record(
            nameID: known.id, tag: known.tag, hint: known.plainHint, parent: Int32(truncatingIfNeeded: openElements.last?.index ?? -1),
            subtreeEnd: Int32(truncatingIfNeeded: index + 1), bytesStart: classStart, bytesEnd: Int32(truncatingIfNeeded: bytes.count),
            attributesStart: Int32(truncatingIfNeeded: attributesStart), attributesEnd: Int32(truncatingIfNeeded: attributes.count)))
        if known.isIndexed { byTag[names[Int(known.id)], default: []].append(index) }
        openElements.append((index, drops))
        hasRoot = true
        pendingStart = bytes.count
        if drops && known.isRawText && Self.skipsRawText { skipRawText(names[Int(known.id)]) }
    }

    /// Whether the running libxml2 reads script and style content as `skipRawText` expects: the HTML parser
    /// of 2.9 to 2.13 (2.14 replaced it with an HTML5 tokenizer, whose end-tag rule differs).
    static let skipsRawText = HTMLDocument.parserVersion >= 20900 && HTMLDocument.parserVersion < 21400

    /// Moves the parser past the content of a script or style element whose text the tree drops.
    ///
    /// libxml2 reads such content character by character (decoding, checking and copying each, about 80
    /// instructions a byte) only to hand it to a tree that throws it away; inline scripts make up half the
    /// bytes of many news pages, so this was a third of the whole parse. In recovery mode the content ends
    /// at the first `</` followed by the element's name in any case (`htmlParseScript`), which a byte
    /// search finds just as well. The parser is called back here with its input at the start tag's `>`; the
    /// `>` is moved to just before the end tag and the input pointed at it, so the parser consumes it and
    /// goes on at the end tag as it would have after reading the content.
    ///
    /// Only content the character loop would have read through without any effect beyond the dropped text
    /// is skipped: well-formed UTF-8 with no control characters or non-characters (an ill-formed byte can
    /// switch the parser's encoding for the rest of the page; older versions stop at a control character),
    /// not starting with `<` (a tag there may close the element first), and whose end tag is already in the
    /// parser's buffer. Anything else is left to the parser.
    private func skipRawText(_ name: String) {
        guard context.pointee.recovery != 0, context.pointee.charset == Int32(XML_CHAR_ENCODING_UTF8.rawValue),
              let input = context.pointee.input, let cursor = input.pointee.cur, let end = input.pointee.end,
              cursor < end, cursor.pointee == UInt8(ascii: ">")
        else { return }
        if let callerBytes, let first = callerBytes.baseAddress,
           UnsafeRawPointer(cursor) >= first && UnsafeRawPointer(cursor) < first + callerBytes.count {
            return
        }
        let content = cursor + 1
        let length = end - content
        guard length > 2, content.pointee != UInt8(ascii: "<") else { return }
        let region = UnsafeBufferPointer(start: content, count: length)
        guard let contentEnd = Self.endTag(of: name, in: region), contentEnd > 0,
              Self.isPlainText(UnsafeBufferPointer(rebasing: region[..<contentEnd]))
        else { return }
        UnsafeMutablePointer(mutating: content + contentEnd - 1).pointee = UInt8(ascii: ">")
        input.pointee.cur = content + contentEnd - 1
    }

    /// The offset of the first `</name` (name in any ASCII case) in `bytes`.
    private static func endTag(of name: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let name = Array(name.utf8)
        guard let base = bytes.baseAddress, bytes.count >= name.count + 2 else { return nil }
        var from = 0
        let last = bytes.count - name.count - 2
        while from <= last {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "<")), last - from + 1) else { return nil }
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if bytes[at + 1] == UInt8(ascii: "/") {
                var k = 0
                while k < name.count && BlockText.lowerASCII(bytes[at + 2 + k]) == name[k] { k += 1 }
                if k == name.count { return at }
            }
            from = at + 1
        }
        return nil
    }

    /// Well-formed UTF-8 of XML characters only: no control characters but tab, line feed and carriage
    /// return (so no NUL), no U+FFFE or U+FFFF. Words of eight bytes at a time while they are printable ASCII (a
    /// byte-by-byte loop cost nine instructions a byte of script).
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var nonASCII = false
        var i = 0
        while i < count {
            // Thirty-two bytes at a time while all are printable ASCII (scripts mostly are), then eight.
            while i + 32 <= count {
                let raw = UnsafeRawPointer(base + i)
                let w0 = raw.loadUnaligned(as: UInt64.self), w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let w2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), w3 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                let low: UInt64 = 0x2020_2020_2020_2020
                let outside = ((w0 &- low) | w0) | ((w1 &- low) | w1) | ((w2 &- low) | w2) | ((w3 &- low) | w3)
                guard outside & 0x8080_8080_8080_8080 == 0 else { break }
                i += 32
            }
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // No byte has its high bit set, and none borrows when 0x20 is taken from it: all in 0x20...0x7F.
                if ((word &- 0x2020_2020_2020_2020) | word) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let byte = base[i]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            } else if byte >= 0x80 {
                nonASCII = true
                if byte == 0xEF, i + 2 < count, base[i + 1] == 0xBF, base[i + 2] >= 0xBE { return false }
            }
            i += 1
        }
        return !nonASCII || UTF8Validation.isValid(buffer: bytes)
    }

    mutating func endElement() {
        guard failure == nil, !rootClosed else { return }
        flushText()
        guard let open = openElements.popLast() else { return }
        records[open.index].subtreeEnd = Int32(truncatingIfNeeded: records.count)
        if openElements.isEmpty { rootClosed = true }
    }

    mutating func characters(_ text: UnsafePointer<xmlChar>, _ count: Int) {
        guard failure == nil, !rootClosed, let open = openElements.last, !open.dropsText, count > 0 else { return }
        if bytes.count > pendingStart, pendingParent != open.index { flushText() }
        pendingParent = open.index
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
    }

    mutating func flushText() {
        guard bytes.count > pendingStart else { return }
        defer { pendingStart = bytes.count }
        guard mayGrow() else {
            bytes.removeSubrange(pendingStart...)
            return
        }
        // Readers take text as bytes (`DOMTree.appendText`) as well as Strings: the bytes are made what the
        // String would hold, ill-formed UTF-8 (rare: the parser converts to UTF-8) repaired as `String(decoding:)`
        // repairs it.
        let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid(buffer: UnsafeBufferPointer(rebasing: $0[pendingStart...])) }
        if !valid {
            let repaired = String(decoding: bytes[pendingStart...], as: UTF8.self)
            bytes.removeSubrange(pendingStart...)
            bytes.append(contentsOf: repaired.utf8)
        }
        let index = records.count
        records.append(DOMTree.Record(
            nameID: 0, tag: [], hint: .none, parent: Int32(truncatingIfNeeded: pendingParent), subtreeEnd: Int32(truncatingIfNeeded: index + 1),
            bytesStart: Int32(truncatingIfNeeded: pendingStart), bytesEnd: Int32(truncatingIfNeeded: bytes.count),
            attributesStart: 0, attributesEnd: 0))
    }

    /// `class` and `id` joined by a space, ASCII-lowercased, into `classBytes`.
    private mutating func appendLowercased(_ pointer: UnsafePointer<xmlChar>) {
        if !classBytes.isEmpty { classBytes.append(0x20) }
        let start = classBytes.count
        classBytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Self.length(pointer)))
        classBytes.withUnsafeMutableBufferPointer { bytes in
            for i in start..<bytes.count where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 32 }
        }
    }

    @inline(__always)
    private static func length(_ pointer: UnsafePointer<xmlChar>) -> Int {
        strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Decodes a libxml2 string (UTF-8, NUL-terminated).
    @inline(__always)
    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(decoding: UnsafeBufferPointer(start: pointer, count: length(pointer)), as: UTF8.self)
    }
}
