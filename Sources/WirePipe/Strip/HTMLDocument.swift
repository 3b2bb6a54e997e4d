import CLibXML2
import Foundation

/// The one type that touches libxml2: parses a page with the HTML parser and copies what wirepipe needs
/// into a `DOMTree` before freeing the document.
public enum HTMLDocument {
    /// Recover from broken markup, stay quiet, never touch the network, and pack small text nodes.
    /// HUGE lifts libxml2's own limits (256 levels of nesting, 10 MB in one text node): past them libxml2
    /// stops parsing without a word, and the page would lose its text silently. The page's size is bounded
    /// by `fetch.max_page_bytes` and its tree by `strip.max_dom_depth` and `max_dom_nodes` instead, which
    /// fail the page with a message.
    static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// Attributes read by metadata and content extraction; the rest are not copied.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "itemprop", "itemtype", "rel", "property", "name", "content", "datetime", "lang",
        "type", "hidden", "aria-hidden", "style", "href", "http-equiv", "pubdate",
    ]

    /// Elements whose text is never text of the page (dropped while copying). JSON-LD scripts are kept.
    static let opaqueElements: Set<String> = ["style", "script", "noscript", "template", "svg", "math", "textarea", "select"]

    /// Tags whose elements metadata extraction looks up by name.
    static let indexedTags: Set<String> = ["meta", "link", "title", "h1", "script", "time", "body", "html"]

    /// Must run once before worker threads parse (libxml2's global initialisation is not thread-safe).
    public static func initialiseParser() {
        xmlInitParser()
    }

    /// How deep and how large a copied tree may be (`strip.max_dom_depth`, `strip.max_dom_nodes`).
    public struct Limits: Sendable {
        public var maxDepth: Int
        public var maxNodes: Int

        public init(maxDepth: Int = StripSettings().maxDOMDepth, maxNodes: Int = StripSettings().maxDOMNodes) {
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
        }

        public init(_ settings: StripSettings) {
            self.init(maxDepth: settings.maxDOMDepth, maxNodes: settings.maxDOMNodes)
        }
    }

    public static func parse(_ bytes: [UInt8], encoding: String, stage: StageName = .strip, limits: Limits = Limits()) throws(PageError) -> DOMTree {
        let options = parseOptions | (encoding == "UTF-8" ? Int32(HTML_PARSE_IGNORE_ENC.rawValue) : 0)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, encoding, options)
            }
        }
        guard let document else {
            throw PageError(.unparsable, stage: stage, "libxml2 could not parse the page as HTML (encoding \(encoding))")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw PageError(.unparsable, stage: stage, "the page has no root element")
        }
        return try copy(root, limits: limits, stage: stage)
    }

    /// Copies the tree without recursion (hostile pages nest elements tens of thousands deep). The limits
    /// are checked where the copy grows (one comparison per node), so a hostile tree stops early and costs
    /// no more memory than the limit allows; the time budget every 4096 nodes.
    private static func copy(_ root: xmlNodePtr, limits: Limits, stage: StageName) throws(PageError) -> DOMTree {
        var nodes: [DOMTree.Node] = []
        nodes.reserveCapacity(2048)
        var byTag: [String: [Int]] = [:]
        // The open elements on the path from the root, with whether text inside them is dropped.
        var openElements: [(index: Int, dropsText: Bool)] = []
        var current: xmlNodePtr? = root

        while let node = current {
            if nodes.count >= limits.maxNodes {
                throw PageError(.tooComplex, stage: stage, "more than strip.max_dom_nodes (\(limits.maxNodes)) nodes")
            }
            if nodes.count & 4095 == 4095 { try PageDeadline.check(stage) }
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = string(node.pointee.name)
                let attributes = copyAttributes(node)
                let index = nodes.count
                let tag = TagKind.table[name] ?? []
                var element = DOMTree.Node(
                    name: name, text: "", attributes: attributes, parent: openElements.last?.index ?? -1, subtreeEnd: index + 1,
                    tag: tag, classNames: "", hint: .none)
                element.classNames = classNames(attributes)
                element.hint = ClassHint.of(element)
                nodes.append(element)
                if indexedTags.contains(name) { byTag[name, default: []].append(index) }
                if node.pointee.children != nil {
                    if openElements.count >= limits.maxDepth {
                        throw PageError(.tooComplex, stage: stage, "elements nest deeper than strip.max_dom_depth (\(limits.maxDepth))")
                    }
                    let isJSONLD = name == "script" && element.attribute("type")?.lowercased().contains("ld+json") == true
                    let drops = (openElements.last?.dropsText ?? false) || (opaqueElements.contains(name) && !isJSONLD)
                    openElements.append((index, drops))
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if openElements.last?.dropsText != true, let content = node.pointee.content {
                    let index = nodes.count
                    nodes.append(DOMTree.Node(
                        name: "", text: string(content), attributes: [], parent: openElements.last?.index ?? -1,
                        subtreeEnd: index + 1, tag: [], classNames: "", hint: .none))
                }
            default:
                break  // comments, processing instructions, entity references: not text of the page
            }
            if descend, let child = node.pointee.children {
                current = child
                continue
            }
            // Next sibling; at the end of a child list, close the parent and continue after it.
            var position = node
            current = nil
            while true {
                if position == root { break }
                if let next = position.pointee.next {
                    current = next
                    break
                }
                guard let parent = position.pointee.parent, let open = openElements.popLast() else { break }
                nodes[open.index].subtreeEnd = nodes.count
                position = parent
            }
        }
        while let open = openElements.popLast() { nodes[open.index].subtreeEnd = nodes.count }
        return DOMTree(nodes: nodes, elementsByTag: byTag)
    }

    /// Decodes a libxml2 string (UTF-8, NUL-terminated) without a second validation pass for ASCII.
    @inline(__always)
    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(decoding: UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))), as: UTF8.self)
    }

    private static func copyAttributes(_ node: xmlNodePtr) -> [DOMTree.Attribute] {
        var attributes: [DOMTree.Attribute] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            let name = string(a.pointee.name).lowercased()
            if keptAttributes.contains(name) {
                // An attribute's value is the text of its children.
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += string(content) }
                    child = c.pointee.next
                }
                attributes.append(DOMTree.Attribute(name: name, value: value))
            }
            attribute = a.pointee.next
        }
        return attributes
    }

    /// `class` and `id`, lowercased (ASCII) and joined by a space.
    private static func classNames(_ attributes: [DOMTree.Attribute]) -> String {
        var bytes: [UInt8] = []
        for attribute in attributes where attribute.name == "class" || attribute.name == "id" {
            if !bytes.isEmpty { bytes.append(0x20) }
            for byte in attribute.value.utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
