import CLibXML2
import Foundation

/// Parses a page with libxml2's HTML parser into a `DOMTree` (through `DOMTreeBuilder`); with the builder,
/// the only code that touches libxml2.
public enum HTMLDocument {
    /// Recover from broken markup, stay quiet, never touch the network, and pack small text nodes.
    /// HUGE lifts libxml2's own limits (256 levels of nesting, 10 MB in one text node): past them libxml2
    /// stops parsing without a word, and the page would lose its text silently. The page's size is bounded
    /// by `fetch.max_page_bytes` and its tree by `strip.max_dom_depth` and `max_dom_nodes` instead, which
    /// fail the page with a message.
    static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// Attributes read by metadata and content extraction; the rest are not copied. A kept attribute's name
    /// is stored as its index here.
    static let keptAttributeNames: [String] = [
        "class", "id", "role", "itemprop", "itemtype", "rel", "property", "name", "content", "datetime", "lang",
        "type", "hidden", "aria-hidden", "style", "href", "http-equiv", "pubdate",
    ]
    /// The UTF-8 of `keptAttributeNames`, for the tree builder's comparisons.
    static let keptAttributeBytes: [[UInt8]] = keptAttributeNames.map { Array($0.utf8) }
    /// Indices in `keptAttributeNames` of the attributes the tree builder looks at itself.
    static let classAttribute = 0, idAttribute = 1, roleAttribute = 2, itempropAttribute = 3, typeAttribute = 11
    /// Indices of the attributes that hide an element (`TextBlockBuilder.isHidden`).
    static let hiddenAttribute = 12, ariaHiddenAttribute = 13, styleAttribute = 14
    /// Indices of attributes metadata extraction compares on their bytes (`DOMTree.attribute(_:of:lowercasedIs:)`).
    static let relAttribute = 5, propertyAttribute = 6
    static let nameAttribute = 7, hrefAttribute = 15

    /// Kept attributes that are read on one element only, by their index: on any other element they are left
    /// out like the unread ones (by `UnreadAttributes` before the parse and by the tree builder). `href` is read
    /// on `<link rel=canonical>` alone, yet a page has hundreds of `<a href>`, whose URLs libxml2 read a
    /// character at a time only for the tree to hold them; `type` is read on scripts (JSON-LD), `name` on
    /// `<meta>`.
    static let attributeElements: [Int: String] = [hrefAttribute: "link", typeAttribute: "script", nameAttribute: "meta"]
    /// Bit `1 << index` set for each attribute of `attributeElements`.
    static let elementBoundAttributes: UInt32 = attributeElements.keys.reduce(0) { $0 | 1 << UInt32($1) }

    /// Whether the tree keeps the attribute `keptAttributeNames[index]` on an element named `element`.
    static func keepsAttribute(_ index: Int, on element: String) -> Bool {
        attributeElements[index].map { $0 == element } ?? true
    }

    /// Elements whose text is never text of the page (dropped while copying). JSON-LD scripts are kept.
    static let opaqueElements: Set<String> = ["style", "script", "noscript", "template", "svg", "math", "textarea", "select"]

    /// Tags whose elements metadata extraction looks up by name.
    static let indexedTags: Set<String> = ["meta", "link", "title", "h1", "script", "time", "body", "html"]

    /// The running libxml2's version as a number (20914 for 2.9.14), or 0 when it cannot be read: the byte-level
    /// shortcuts around the parser follow one version's tokenizer and check this first.
    static let parserVersion: Int = __xmlParserVersion()?.pointee.flatMap { Int(String(cString: $0)) } ?? 0

    /// Must run once before worker threads parse (libxml2's global initialisation is not thread-safe).
    public static func initialiseParser() {
        xmlInitParser()
    }

    /// How deep and how large a page's tree may be (`strip.max_dom_depth`, `strip.max_dom_nodes`).
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
        try parse(bytes, encoding: encoding, stage: stage, limits: limits, leavingOutUnreadAttributes: true)
    }

    /// `leavingOutUnreadAttributes`: whether libxml2 is given the page without the attributes the tree drops
    /// (`UnreadAttributes`; the tree is the same either way, which the tests check).
    static func parse(
        _ page: [UInt8], encoding: String, stage: StageName, limits: Limits, leavingOutUnreadAttributes: Bool
    ) throws(PageError) -> DOMTree {
        // The tree addresses its text and nodes with 32-bit offsets (`DOMTree.Record`): text, values and class
        // names take at most about twice the page's bytes.
        guard page.count < Int(Int32.max) / 4 else {
            throw PageError(.tooComplex, stage: stage, "the page is too large to parse (\(page.count) bytes)")
        }
        // Noscript content goes first (`NoscriptContent`): it is never text, and markup left open inside it
        // can swallow the rest of the page. The unread attributes are then left out of what remains.
        let visible = encoding == "UTF-8" ? NoscriptContent.emptied(page) ?? page : page
        let bytes = leavingOutUnreadAttributes && encoding == "UTF-8" && UnreadAttributes.appliesToRunningParser
            ? UnreadAttributes.removed(from: visible) ?? visible : visible
        let options = parseOptions | (encoding == "UTF-8" ? Int32(HTML_PARSE_IGNORE_ENC.rawValue) : 0)
        guard let context = htmlNewParserCtxt() else {
            throw PageError(.unparsable, stage: stage, "libxml2 could not make a parser context")
        }
        defer { htmlFreeParserCtxt(context) }
        // libxml2 builds no tree of its own: the parser's events go straight into the DOMTree (building
        // libxml2's tree, copying it and freeing it cost a third of the parse). The HTML parser's recovery
        // (implied and auto-closed elements) happens before the events, so the shape is the same.
        context.pointee.sax.pointee = DOMTreeBuilder.handler()
        let builder = DOMTreeBuilder(context: context, limits: limits, stage: stage, pageBytes: page.count)
        withExtendedLifetime(builder) {
            context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
            bytes.withUnsafeBufferPointer { buffer in
                builder.state.callerBytes = UnsafeRawBufferPointer(buffer)
                defer { builder.state.callerBytes = nil }
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    // Returns libxml2's own document, which stays nil without its tree builder.
                    _ = htmlCtxtReadMemory(context, base, Int32(buffer.count), nil, encoding, options)
                }
            }
            context.pointee._private = nil
        }
        if let failure = builder.state.failure { throw failure }
        guard builder.state.hasRoot else {
            throw PageError(.unparsable, stage: stage, "the page has no root element")
        }
        return builder.state.finish()
    }
}
