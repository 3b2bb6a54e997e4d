import Foundation

/// A page's DOM as plain Swift values, in document (pre-order) order, so that the subtree of a node is
/// the contiguous index range `index + 1 ..< subtreeEnd`. Built by `HTMLDocument`; everything after the
/// parser works on this, never on libxml2 pointers. Per-element facts that extraction asks for again and
/// again (what kind of tag, what its class names hint at) are computed once while copying.
public struct DOMTree: Sendable {
    public struct Attribute: Sendable {
        public var name: String
        public var value: String
    }

    public struct Node: Sendable {
        /// Lowercased tag name for an element; empty for a text node.
        public var name: String
        /// Text of a text node (UTF-8 decoded, entities resolved); empty for elements.
        public var text: String
        /// The attributes wirepipe reads (see `HTMLDocument.keptAttributes`), names lowercased.
        public var attributes: [Attribute]
        public var parent: Int
        /// One past the last index of this node's subtree.
        public var subtreeEnd: Int
        /// What the tag is, for block building.
        var tag: TagKind
        /// Lowercased `class` and `id`, space-separated.
        var classNames: String
        /// What the class, id and role names hint at.
        var hint: ClassHint

        public var isText: Bool { name.isEmpty }

        public func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    public var nodes: [Node]
    /// Indices of the elements whose tags metadata extraction looks up, by tag name.
    var elementsByTag: [String: [Int]]

    init(nodes: [Node], elementsByTag: [String: [Int]]) {
        self.nodes = nodes
        self.elementsByTag = elementsByTag
    }

    /// Indices of the direct children of a node.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].subtreeEnd {
            result.append(child)
            child = nodes[child].subtreeEnd
        }
        return result
    }

    /// The concatenated text of a subtree (no separators added between elements).
    public func text(of index: Int) -> String {
        var result = ""
        for i in index..<nodes[index].subtreeEnd where nodes[i].isText {
            result += nodes[i].text
        }
        return result
    }

    /// Indices of the elements with this tag name, in document order.
    public func elements(named name: String) -> [Int] {
        if let indexed = elementsByTag[name] { return indexed }
        if HTMLDocument.indexedTags.contains(name) { return [] }
        return nodes.indices.filter { nodes[$0].name == name }
    }

    /// Whether `ancestor` contains `index` (or is it).
    public func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index < nodes[ancestor].subtreeEnd
    }
}

/// What a tag is for the extractor, looked up once per element.
struct TagKind: OptionSet, Sendable {
    let rawValue: UInt16

    /// Starts and ends a text block (p, div, li, h1…, br).
    static let block = TagKind(rawValue: 1 << 0)
    /// Never holds article text: skipped with its subtree (script, form controls, media, figures).
    static let excluded = TagKind(rawValue: 1 << 1)
    static let heading = TagKind(rawValue: 1 << 2)
    /// A paragraph rather than a container: the container search does not descend into it.
    static let paragraph = TagKind(rawValue: 1 << 3)
    static let listItem = TagKind(rawValue: 1 << 4)
    static let preformatted = TagKind(rawValue: 1 << 5)
    static let quote = TagKind(rawValue: 1 << 6)
    static let link = TagKind(rawValue: 1 << 7)
    /// A line break: ends a block without being a container.
    static let lineBreak = TagKind(rawValue: 1 << 8)

    static let table: [String: TagKind] = {
        var table: [String: TagKind] = [:]
        for name in [
            "address", "article", "aside", "body", "center", "details", "dialog", "div", "dl", "fieldset", "footer",
            "form", "header", "hgroup", "html", "main", "nav", "ol", "section", "summary", "table", "tbody", "td",
            "tfoot", "thead", "tr", "ul", "caption", "legend", "menu", "figure",
        ] { table[name, default: []].insert(.block) }
        for name in ["p", "th", "dt"] { table[name] = [.block, .paragraph] }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { table[name] = [.block, .paragraph, .heading] }
        for name in ["li", "dd"] { table[name] = [.block, .paragraph, .listItem] }
        table["pre"] = [.block, .paragraph, .preformatted]
        table["blockquote"] = [.block, .paragraph, .quote]
        table["br"] = [.block, .lineBreak]
        table["hr"] = [.block, .lineBreak]
        table["a"] = [.link]
        for name in [
            "head", "title", "style", "script", "noscript", "template", "svg", "math", "textarea", "select", "option",
            "iframe", "object", "embed", "canvas", "video", "audio", "picture", "img", "button", "input", "figure",
            "figcaption", "dialog", "map", "meta", "link",
        ] { table[name, default: []].insert(.excluded) }
        return table
    }()
}
