import Foundation

/// A page's DOM as plain Swift values, in document (pre-order) order, so that the subtree of a node is
/// the contiguous index range `index + 1 ..< subtreeEnd`. Built by `HTMLDocument`; everything after the
/// parser works on this, never on libxml2 pointers. Per-element facts that extraction asks for again and
/// again (what kind of tag, what its class names hint at) are computed once while copying.
///
/// Layout: a node is a fixed-size record without references; all text, attribute values and class names of
/// the page sit in one byte buffer, and all attributes in one array, which the records point into by
/// offsets. A page of thousands of nodes is then a handful of allocations instead of a few per node (a
/// String per text and value, an array per attribute list), and freeing it releases no per-node objects.
/// `Node` and `Attribute` are views that read as before (`node.text`, `node.attribute("rel")`): a String is
/// made only when a reader asks for one.
public struct DOMTree: Sendable {
    /// The nodes, in document order (a collection of `Node` views).
    public let nodes: Nodes
    /// Indices of the elements whose tags metadata extraction looks up, by tag name.
    let elementsByTag: [String: [Int]]

    init(nodes: Nodes, elementsByTag: [String: [Int]]) {
        self.nodes = nodes
        self.elementsByTag = elementsByTag
    }

    /// What a node is, without references: the bytes, attributes and names it has are ranges and
    /// indices into `Storage`.
    struct Record {
        /// Index into `Storage.names`; 0 (the empty name) for a text node.
        var nameID: UInt32
        var tag: TagKind
        var hint: ClassHint
        var parent: Int32
        var subtreeEnd: Int32
        /// A text node's text; an element's lowercased `class` and `id` names.
        var bytesStart: Int32
        var bytesEnd: Int32
        var attributesStart: Int32
        var attributesEnd: Int32

        init(nameID: UInt32, tag: TagKind = [], hint: ClassHint = .none, parent: Int32 = -1, subtreeEnd: Int32 = 0,
             bytesStart: Int32 = 0, bytesEnd: Int32 = 0, attributesStart: Int32 = 0, attributesEnd: Int32 = 0) {
            self.nameID = nameID
            self.tag = tag
            self.hint = hint
            self.parent = parent
            self.subtreeEnd = subtreeEnd
            self.bytesStart = bytesStart
            self.bytesEnd = bytesEnd
            self.attributesStart = attributesStart
            self.attributesEnd = attributesEnd
        }
    }

    /// An attribute kept by the parser: its name (an index into `HTMLDocument.keptAttributeNames`) and its
    /// value's bytes.
    struct AttributeRecord {
        var nameID: UInt8
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// What the nodes of one tree share; never changed once built.
    final class Storage: Sendable {
        /// Text, attribute values and class names, all UTF-8 (text is made valid while building).
        let bytes: [UInt8]
        let attributes: [AttributeRecord]
        /// Element names by `Record.nameID`.
        let names: [String]

        /// For views of nodes made outside a tree (a tag's hint without attributes).
        static let empty = Storage(bytes: [], attributes: [], names: [])

        init(bytes: [UInt8], attributes: [AttributeRecord], names: [String]) {
            self.bytes = bytes
            self.attributes = attributes
            self.names = names
        }

        @inline(__always)
        func string(_ start: Int32, _ end: Int32) -> String {
            guard start < end else { return "" }
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(end)]), as: UTF8.self)
            }
        }
    }

    /// The nodes of a tree, indexed from 0 in document order.
    public struct Nodes: RandomAccessCollection, Sendable {
        var records: [Record]
        let storage: Storage

        public var startIndex: Int { 0 }
        public var endIndex: Int { records.count }

        public subscript(index: Int) -> Node {
            Node(record: records[index], storage: storage)
        }
    }

    /// One node: an element or a text node.
    public struct Node: Sendable {
        let record: Record
        let storage: Storage

        /// Lowercased tag name for an element; empty for a text node.
        public var name: String { record.nameID == 0 ? "" : storage.names[Int(record.nameID)] }
        /// Text of a text node (UTF-8 decoded, entities resolved); empty for elements.
        public var text: String { isText ? storage.string(record.bytesStart, record.bytesEnd) : "" }
        /// The attributes wirepipe reads (see `HTMLDocument.keptAttributes`), names lowercased.
        public var attributes: Attributes {
            Attributes(storage: storage, range: Int(record.attributesStart)..<Int(record.attributesEnd))
        }
        public var parent: Int { Int(record.parent) }
        /// One past the last index of this node's subtree.
        public var subtreeEnd: Int { Int(record.subtreeEnd) }
        /// What the tag is, for block building.
        var tag: TagKind { record.tag }
        /// Lowercased `class` and `id`, space-separated.
        var classNames: String { isText ? "" : storage.string(record.bytesStart, record.bytesEnd) }
        /// What the class, id and role names hint at.
        var hint: ClassHint { record.hint }
        /// `!classNames.isEmpty`, without making the String.
        var hasClassNames: Bool { !isText && record.bytesEnd > record.bytesStart }

        public var isText: Bool { record.nameID == 0 }

        public func attribute(_ name: String) -> String? {
            attributes.value(of: name)
        }
    }

    /// The kept attributes of one element.
    public struct Attributes: RandomAccessCollection, Sendable {
        let storage: Storage
        let range: Range<Int>

        public var startIndex: Int { range.lowerBound }
        public var endIndex: Int { range.upperBound }

        public subscript(index: Int) -> Attribute {
            Attribute(record: storage.attributes[index], storage: storage)
        }

        /// The value of the first attribute with this (lowercase) name.
        func value(of name: String) -> String? {
            for index in range {
                let record = storage.attributes[index]
                if HTMLDocument.keptAttributeNames[Int(record.nameID)] == name { return storage.string(record.valueStart, record.valueEnd) }
            }
            return nil
        }
    }

    public struct Attribute: Sendable {
        let record: AttributeRecord
        let storage: Storage

        public var name: String { HTMLDocument.keptAttributeNames[Int(record.nameID)] }
        /// The index of `name` in `HTMLDocument.keptAttributeNames`: comparing it costs no string.
        var nameIndex: Int { Int(record.nameID) }
        public var value: String { storage.string(record.valueStart, record.valueEnd) }
    }

    /// Indices of the direct children of a node.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = Int(nodes.records[index].subtreeEnd)
        while child < end {
            result.append(child)
            child = Int(nodes.records[child].subtreeEnd)
        }
        return result
    }

    /// The concatenated text of a subtree (no separators added between elements).
    public func text(of index: Int) -> String {
        var bytes: [UInt8] = []
        appendText(of: index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of a subtree's text (`text(of:)`) to `bytes`, without making Strings.
    func appendText(of index: Int, to bytes: inout [UInt8]) {
        let records = nodes.records
        nodes.storage.bytes.withUnsafeBufferPointer { buffer in
            for i in index..<Int(records[index].subtreeEnd) where records[i].nameID == 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[Int(records[i].bytesStart)..<Int(records[i].bytesEnd)]))
            }
        }
    }

    /// Calls `body` with the UTF-8 of an element's class names (`Node.classNames`), without making a String.
    func withClassNames<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let record = nodes.records[index]
        let range = record.nameID == 0 ? 0..<0 : Int(record.bytesStart)..<Int(record.bytesEnd)
        return nodes.storage.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The UTF-8 of the first name in an element's `class` attribute (empty without one), without making a
    /// String.
    func firstClassName(of index: Int) -> ArraySlice<UInt8> {
        let record = nodes.records[index]
        let storage = nodes.storage
        for attribute in Int(record.attributesStart)..<Int(record.attributesEnd)
        where Int(storage.attributes[attribute].nameID) == HTMLDocument.classAttribute {
            let value = storage.attributes[attribute]
            var start = Int(value.valueStart)
            let end = Int(value.valueEnd)
            while start < end && Self.isSpace(storage.bytes[start]) { start += 1 }
            var stop = start
            while stop < end && !Self.isSpace(storage.bytes[stop]) { stop += 1 }
            return storage.bytes[start..<stop]
        }
        return []
    }

    /// Whether a node is text of HTML whitespace only (the line breaks between tags), read on its bytes.
    func isBlankText(_ index: Int) -> Bool {
        let record = nodes.records[index]
        guard record.nameID == 0 else { return false }
        let bytes = nodes.storage.bytes
        return (Int(record.bytesStart)..<Int(record.bytesEnd)).allSatisfy { Self.isSpace(bytes[$0]) }
    }

    /// The next child of `parent` at or after `index` that is not blank text (`parent`'s subtree end when
    /// there is none).
    func nextFilledChild(from index: Int, in parent: Int) -> Int {
        let end = Int(nodes.records[parent].subtreeEnd)
        var child = index
        while child < end && isBlankText(child) { child = Int(nodes.records[child].subtreeEnd) }
        return child
    }

    /// HTML's whitespace between class names (space, tab, line feed, form feed, carriage return).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D && byte != 0x0B) }

    /// Indices of the elements with this tag name, in document order.
    public func elements(named name: String) -> [Int] {
        if let indexed = elementsByTag[name] { return indexed }
        if HTMLDocument.indexedTags.contains(name) { return [] }
        return nodes.indices.filter { nodes[$0].name == name }
    }

    /// Whether `ancestor` contains `index` (or is it).
    public func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index < Int(nodes.records[ancestor].subtreeEnd)
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
    /// Chrome by definition (`ClassHint.negativeTags`: nav, aside, footer, form).
    static let chrome = TagKind(rawValue: 1 << 9)

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
        for name in ClassHint.negativeTags { table[name, default: []].insert(.chrome) }
        return table
    }()
}
