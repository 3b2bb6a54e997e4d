import Foundation

/// A page's DOM as plain Swift values, in document (pre-order) order, so that the subtree of a node is
/// the contiguous index range `index + 1 ..< subtreeEnd`. Built by `HTMLDocument`; everything after the
/// parser works on this, never on libxml2 pointers.
public struct DOMTree: Sendable {
    public struct Node: Sendable {
        /// Lowercased tag name for an element; empty for a text node.
        public var name: String
        /// Text of a text node (UTF-8 decoded, entities resolved); empty for elements.
        public var text: String
        /// The attributes wirepipe reads (see `HTMLDocument.keptAttributes`), names lowercased.
        public var attributes: [String: String]
        public var parent: Int
        /// One past the last index of this node's subtree.
        public var subtreeEnd: Int

        public var isText: Bool { name.isEmpty }

        public func attribute(_ name: String) -> String? { attributes[name] }
    }

    public var nodes: [Node]

    public init(nodes: [Node]) {
        self.nodes = nodes
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
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// Whether `ancestor` contains `index` (or is it).
    public func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index < nodes[ancestor].subtreeEnd
    }
}
