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
    /// each pay a dynamic exclusivity check on every access).
    var state: TreeState

    init(context: htmlParserCtxtPtr, limits: HTMLDocument.Limits, stage: StageName) {
        state = TreeState(context: context, limits: limits, stage: stage)
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
/// builder decodes and classifies each distinct name once.
private struct ElementName {
    var name: String
    var tag: TagKind
    var isIndexed: Bool
    var isOpaque: Bool
    /// The hint of the element when it has no attributes that hint (class, id, role, itemprop).
    var plainHint: ClassHint
    /// What the name says for the hint of an element that has such attributes.
    var hintFacts: ClassHint.TagFacts
}

struct TreeState {
    private let context: htmlParserCtxtPtr
    private let limits: HTMLDocument.Limits
    private let stage: StageName
    private var nodes: [DOMTree.Node] = []
    private var byTag: [String: [Int]] = [:]
    /// The open elements on the path from the root, with whether text inside them is dropped.
    private var openElements: [(index: Int, dropsText: Bool)] = []
    /// Text reported in pieces (the parser splits it at entities and at its buffer size) is joined into one
    /// node, as libxml2's tree builder joins it; a comment or an element ends the piece.
    private var pendingText: [UInt8] = []
    private var pendingParent = -1
    /// Scratch for the lowercased `class` and `id` names of the element being started.
    private var classBytes: [UInt8] = []
    private var elementNames: [UnsafeRawPointer: ElementName] = [:]
    /// Attribute names by address: the kept name, or nil for one wirepipe does not read.
    private var attributeNames: [UnsafeRawPointer: String?] = [:]
    /// Direct-mapped caches in front of the two dictionaries, a slot per address bucket: a page uses a few
    /// dozen distinct names thousands of times, and comparing one address costs less than hashing it.
    private var recentElementKeys = [UInt](repeating: 0, count: TreeState.recentSlots)
    private var recentElements = [ElementName?](repeating: nil, count: TreeState.recentSlots)
    private var recentAttributeKeys = [UInt](repeating: 0, count: TreeState.recentSlots)
    private var recentAttributes = [String?](repeating: nil, count: TreeState.recentSlots)
    private static let recentSlots = 64
    private(set) var hasRoot = false
    /// Set when the root element has closed: anything after it is outside the document's tree.
    private var rootClosed = false
    private(set) var failure: PageError?

    init(context: htmlParserCtxtPtr, limits: HTMLDocument.Limits, stage: StageName) {
        self.context = context
        self.limits = limits
        self.stage = stage
        nodes.reserveCapacity(2048)
        pendingText.reserveCapacity(1024)
        classBytes.reserveCapacity(128)
    }

    mutating func finish() -> DOMTree {
        flushText()
        while let open = openElements.popLast() { nodes[open.index].subtreeEnd = nodes.count }
        return DOMTree(nodes: nodes, elementsByTag: byTag)
    }

    private mutating func stop(_ error: PageError) {
        if failure == nil { failure = error }
        xmlStopParser(context)
    }

    /// Room for one more node, and time left for the page.
    private mutating func mayGrow() -> Bool {
        guard failure == nil, !rootClosed else { return false }
        if nodes.count >= limits.maxNodes {
            stop(PageError(.tooComplex, stage: stage, "more than strip.max_dom_nodes (\(limits.maxNodes)) nodes"))
            return false
        }
        if nodes.count & 4095 == 4095 {
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
        if let known = elementNames[UnsafeRawPointer(pointer)] { return known }
        // The parser reports names lowercased.
        let name = Self.string(pointer)
        let plain = DOMTree.Node(name: name, text: "", attributes: [], parent: -1, subtreeEnd: 0, tag: [], classNames: "", hint: .none)
        let entry = ElementName(
            name: name, tag: TagKind.table[name] ?? [], isIndexed: HTMLDocument.indexedTags.contains(name),
            isOpaque: HTMLDocument.opaqueElements.contains(name), plainHint: ClassHint.of(plain),
            hintFacts: ClassHint.TagFacts(name: name))
        elementNames[UnsafeRawPointer(pointer)] = entry
        return entry
    }

    /// The kept name of an attribute, or nil for one wirepipe does not read (cached as nil too: a slot's key
    /// says whose answer it holds).
    private mutating func attributeName(_ pointer: UnsafePointer<xmlChar>) -> String? {
        let address = UInt(bitPattern: pointer)
        let slot = Self.recentSlot(address)
        if recentAttributeKeys[slot] == address { return recentAttributes[slot] }
        let kept = knownAttributeName(pointer)
        recentAttributeKeys[slot] = address
        recentAttributes[slot] = kept
        return kept
    }

    private mutating func knownAttributeName(_ pointer: UnsafePointer<xmlChar>) -> String? {
        if let known = attributeNames[UnsafeRawPointer(pointer)] { return known }
        let name = Self.string(pointer)
        let kept: String? = HTMLDocument.keptAttributes.contains(name) ? name : nil
        attributeNames[UnsafeRawPointer(pointer)] = kept
        return kept
    }

    mutating func startElement(_ namePointer: UnsafePointer<xmlChar>, _ attributePairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        guard mayGrow() else { return }
        if openElements.count >= limits.maxDepth {
            stop(PageError(.tooComplex, stage: stage, "elements nest deeper than strip.max_dom_depth (\(limits.maxDepth))"))
            return
        }
        let known = elementName(namePointer)
        let index = nodes.count
        var attributes: [DOMTree.Attribute] = []
        var hinted = false
        var isJSONLD = false
        classBytes.removeAll(keepingCapacity: true)
        if let attributePairs {
            var i = 0
            while let attributeName = attributePairs[i] {
                let valuePointer = attributePairs[i + 1]
                i += 2
                guard let key = self.attributeName(attributeName) else { continue }
                if attributes.isEmpty {
                    // Room for every attribute still to come, made once, rather than grown by doubling.
                    var pairs = i / 2
                    while attributePairs[2 * pairs] != nil { pairs += 1 }
                    attributes.reserveCapacity(pairs - i / 2 + 1)
                }
                switch key {
                case "class", "id":
                    if let valuePointer { appendLowercased(valuePointer) }
                    hinted = true
                case "role", "itemprop": hinted = true
                case "type": if let valuePointer, known.name == "script" { isJSONLD = BlockText.containsASCII(Self.string(valuePointer), "ld+json") }
                default: break
                }
                attributes.append(DOMTree.Attribute(name: key, value: valuePointer.map(Self.string) ?? ""))
            }
        }
        let classNames = classBytes.isEmpty ? "" : String(decoding: classBytes, as: UTF8.self)
        // The node is made in place in the array (a local node, copied in and destroyed, cost a retain and a
        // release of each of its strings and arrays).
        let hint = hinted ? ClassHint.of(attributes: attributes, classNames: classNames, tag: known.hintFacts) : known.plainHint
        let drops = (openElements.last?.dropsText ?? false) || (known.isOpaque && !isJSONLD)
        nodes.append(DOMTree.Node(
            name: known.name, text: "", attributes: attributes, parent: openElements.last?.index ?? -1,
            subtreeEnd: index + 1, tag: known.tag, classNames: classNames, hint: hint))
        if known.isIndexed { byTag[known.name, default: []].append(index) }
        openElements.append((index, drops))
        hasRoot = true
    }

    mutating func endElement() {
        guard failure == nil, !rootClosed else { return }
        flushText()
        guard let open = openElements.popLast() else { return }
        nodes[open.index].subtreeEnd = nodes.count
        if openElements.isEmpty { rootClosed = true }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard failure == nil, !rootClosed, let open = openElements.last, !open.dropsText, count > 0 else { return }
        if !pendingText.isEmpty, pendingParent != open.index { flushText() }
        pendingParent = open.index
        pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        defer { pendingText.removeAll(keepingCapacity: true) }
        guard mayGrow() else { return }
        let index = nodes.count
        nodes.append(DOMTree.Node(
            name: "", text: String(decoding: pendingText, as: UTF8.self), attributes: [], parent: pendingParent,
            subtreeEnd: index + 1, tag: [], classNames: "", hint: .none))
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
