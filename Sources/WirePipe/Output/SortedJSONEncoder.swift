import Foundation

/// Writes the bytes Foundation's `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`
/// (plus `.prettyPrinted` when asked), at a fraction of its cost. Every page writes three JSON files (its
/// strip and normalise outputs and its article), and `JSONEncoder`'s boxing of every value cost about as
/// much as extracting the article. Same output is the contract (`SortedJSONEncoderTests` compares the two
/// byte for byte), so files written by either read back the same and reruns stay byte-identical.
///
/// Like `JSONEncoder` with its default strategies: URLs as their absolute string, `Data` as base64,
/// `Decimal` as a number, dates through `Date`'s own encoding, non-finite numbers rejected. Coding paths
/// are not tracked (no type of wirepipe reads them while encoding).
public struct SortedJSONEncoder {
    public var prettyPrinted: Bool
    public var userInfo: [CodingUserInfoKey: Any] = [:]

    public init(prettyPrinted: Bool = false) {
        self.prettyPrinted = prettyPrinted
    }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try encodedBytes(value))
    }

    /// The JSON text as bytes, without the copy into `Data`; the tree is gone when it returns. For stats.json
    /// of a large corpus, tree, text and copy alive at once were the run's peak memory.
    public func encodedBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let tree = try JSONTreeEncoder.value(of: value, userInfo: userInfo)
        var writer = JSONTextWriter(pretty: prettyPrinted)
        try writer.write(tree, depth: 0)
        return writer.bytes
    }

    /// The same bytes written to a file atomically as they are made, a chunk at a time: neither the whole
    /// text nor the trees of `JSONDeferredArray` elements are ever held at once. For stats.json, whose
    /// per-article sections grow with the corpus.
    public func write<T: Encodable>(_ value: T, to url: URL, durable: Bool) throws {
        let tree = try JSONTreeEncoder.value(of: value, userInfo: userInfo)
        try AtomicWriter.write(to: url, durable: durable) { append in
            var writer = JSONTextWriter(pretty: prettyPrinted, flushingTo: append)
            try writer.write(tree, depth: 0)
            try writer.flush()
        }
    }
}

/// An array encoded as a JSON array whose elements become JSON one at a time while `SortedJSONEncoder`
/// writes the text, instead of all being turned into a tree first: a long list of records (one per article
/// in stats.json) then costs the records alone, not the records and their trees. Other encoders see a
/// plain array.
public struct JSONDeferredArray<Element: Encodable>: Encodable {
    public var elements: [Element]

    public init(_ elements: [Element]) {
        self.elements = elements
    }

    public func encode(to encoder: Encoder) throws {
        if let tree = encoder as? JSONTreeEncoder {
            let (elements, userInfo) = (self.elements, tree.userInfo)
            tree.value = .deferred(JSONDeferredElements(count: elements.count) { index in
                try JSONTreeEncoder.value(of: elements[index], userInfo: userInfo)
            })
            return
        }
        var c = encoder.unkeyedContainer()
        for element in elements { try c.encode(element) }
    }
}

/// The elements of a `JSONDeferredArray`, each made into a tree only when the writer reaches it.
final class JSONDeferredElements {
    let count: Int
    let element: (Int) throws -> JSONTreeValue

    init(count: Int, element: @escaping (Int) throws -> JSONTreeValue) {
        self.count = count
        self.element = element
    }
}

/// A value on its way to JSON text. Objects and arrays are boxes because `Encodable` fills a container
/// after handing it out.
enum JSONTreeValue {
    case null
    case bool(Bool)
    /// A number, already in its JSON form.
    case number(String)
    case string(String)
    case object(JSONObjectBox)
    case array(JSONArrayBox)
    /// A `superEncoder`, whose value is known only once its caller is done with it.
    case encoder(JSONTreeEncoder)
    /// A two-number array (`DocumentCount`), unboxed: stats.json holds one per term, entity and speaker.
    case pair(Int, Int)
    /// An array whose elements are made when written (`JSONDeferredArray`).
    case deferred(JSONDeferredElements)
}

final class JSONObjectBox {
    var keys: [String] = []
    var values: [JSONTreeValue] = []

    /// Room for a struct's few fields made at once, rather than grown from one field by doubling.
    init(capacity: Int = 8) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    func append(_ key: String, _ value: JSONTreeValue) {
        keys.append(key)
        values.append(value)
    }
}

final class JSONArrayBox {
    var values: [JSONTreeValue] = []
}

final class JSONTreeEncoder: Encoder {
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any]
    var value: JSONTreeValue?

    init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
    }

    /// The tree of one value, with `JSONEncoder`'s special cases.
    static func value<T: Encodable>(of value: T, userInfo: [CodingUserInfoKey: Any]) throws -> JSONTreeValue {
        if let direct = directValue(of: value) { return direct }
        if T.self == URL.self, let url = value as? URL { return .string(url.absoluteString) }
        if T.self == Data.self, let data = value as? Data { return .string(data.base64EncodedString()) }
        if T.self == Decimal.self, let decimal = value as? Decimal { return .number(decimal.description) }
        let encoder = JSONTreeEncoder(userInfo: userInfo)
        try value.encode(to: encoder)
        // A value that encoded nothing is an empty object, as with JSONEncoder.
        return encoder.value ?? .object(JSONObjectBox())
    }

    /// The values that make up most of wirepipe's documents (strings, numbers, string arrays, count maps),
    /// built without `Encodable`: its generic path costs an encoder object, a container and a dynamic cast
    /// per element (most of the time spent writing stats.json). The trees are those the `Encodable` path
    /// builds (`Array` and `Dictionary` with `String` keys encode as unkeyed and keyed containers).
    /// Matched on the exact type, so a cast is a reinterpretation.
    private static func directValue<T>(of value: T) -> JSONTreeValue? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == DocumentCount.self {
            let count = unsafeBitCast(value, to: DocumentCount.self)
            return .pair(count.occurrences, count.documents)
        }
        if T.self == String?.self { return unsafeBitCast(value, to: String?.self).map { .string($0) } ?? .null }
        if T.self == Int?.self { return unsafeBitCast(value, to: Int?.self).map { .number(String($0)) } ?? .null }
        // Enums written as their raw string by the standard `RawRepresentable` coding (none has its own), found
        // on every block, paragraph, entity and quotation.
        if T.self == BlockKind.self { return .string(unsafeBitCast(value, to: BlockKind.self).rawValue) }
        if T.self == NamedEntity.Kind.self { return .string(unsafeBitCast(value, to: NamedEntity.Kind.self).rawValue) }
        if T.self == Quotation.Kind.self { return .string(unsafeBitCast(value, to: Quotation.Kind.self).rawValue) }
        if T.self == [String].self { return array(unsafeBitCast(value, to: [String].self)) { .string($0) } }
        if T.self == [Int].self { return array(unsafeBitCast(value, to: [Int].self)) { .number(String($0)) } }
        if T.self == [[Int]].self {
            return array(unsafeBitCast(value, to: [[Int]].self)) { pair in
                pair.count == 2 ? .pair(pair[0], pair[1]) : array(pair) { .number(String($0)) }
            }
        }
        if T.self == [String: Int].self { return object(unsafeBitCast(value, to: [String: Int].self)) { .number(String($0)) } }
        if T.self == [String: String].self { return object(unsafeBitCast(value, to: [String: String].self)) { .string($0) } }
        if T.self == [String: DocumentCount].self { return object(unsafeBitCast(value, to: [String: DocumentCount].self), pair) }
        if T.self == [String: [String: Int]].self {
            return object(unsafeBitCast(value, to: [String: [String: Int]].self)) { object($0) { .number(String($0)) } }
        }
        if T.self == [String: [String: DocumentCount]].self {
            return object(unsafeBitCast(value, to: [String: [String: DocumentCount]].self)) { object($0, pair) }
        }
        return nil
    }

    private static func pair(_ count: DocumentCount) -> JSONTreeValue { .pair(count.occurrences, count.documents) }

    private static func object<Value>(_ dictionary: [String: Value], _ tree: (Value) -> JSONTreeValue) -> JSONTreeValue {
        let box = JSONObjectBox(capacity: dictionary.count)
        for (key, value) in dictionary { box.append(key, tree(value)) }
        return .object(box)
    }

    private static func array<Element>(_ elements: [Element], _ tree: (Element) -> JSONTreeValue) -> JSONTreeValue {
        let box = JSONArrayBox()
        box.values = elements.map(tree)
        return .array(box)
    }

    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws -> JSONTreeValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = value { return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, userInfo: userInfo)) }
        let box = JSONObjectBox()
        value = .object(box)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, userInfo: userInfo))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box) = value { return JSONUnkeyedContainer(box: box, userInfo: userInfo) }
        let box = JSONArrayBox()
        value = .array(box)
        return JSONUnkeyedContainer(box: box, userInfo: userInfo)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { box.append(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.append(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.append(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.append(key.stringValue, try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { box.append(key.stringValue, try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.append(key.stringValue, .number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.append(key.stringValue, try JSONTreeEncoder.value(of: value, userInfo: userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.append(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, userInfo: userInfo))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.append(key.stringValue, .array(nested))
        return JSONUnkeyedContainer(box: nested, userInfo: userInfo)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = JSONTreeEncoder(userInfo: userInfo)
        box.append("super", .encoder(encoder))
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = JSONTreeEncoder(userInfo: userInfo)
        box.append(key.stringValue, .encoder(encoder))
        return encoder
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.values.count }

    mutating func encodeNil() throws { box.values.append(.null) }
    mutating func encode(_ value: Bool) throws { box.values.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.values.append(try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { box.values.append(try JSONTreeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.values.append(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.values.append(try JSONTreeEncoder.value(of: value, userInfo: userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.values.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, userInfo: userInfo))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.values.append(.array(nested))
        return JSONUnkeyedContainer(box: nested, userInfo: userInfo)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = JSONTreeEncoder(userInfo: userInfo)
        box.values.append(.encoder(encoder))
        return encoder
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.value = try JSONTreeEncoder.number(value) }
    mutating func encode(_ value: Float) throws { encoder.value = try JSONTreeEncoder.number(value) }
    mutating func encode(_ value: Int) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.value = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.value = try JSONTreeEncoder.value(of: value, userInfo: encoder.userInfo)
    }
}

/// The tree as JSON text: keys in UTF-8 byte order (Unicode scalar order, which is `JSONEncoder`'s order);
/// pretty output indents by two spaces and writes `"key" : value`, and an empty container over two lines.
struct JSONTextWriter {
    var bytes: [UInt8] = []
    let pretty: Bool
    /// Where full chunks of text go when the writer streams; nil to keep all of it in `bytes`.
    private let output: ((UnsafeRawBufferPointer) throws -> Void)?

    /// Text kept before it is handed to `output`: large enough that writes are few, small beside the files
    /// that stream.
    static let chunkSize = 1 << 16

    init(pretty: Bool) {
        self.pretty = pretty
        output = nil
        bytes.reserveCapacity(16_384)
    }

    init(pretty: Bool, flushingTo output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.pretty = pretty
        self.output = output
        bytes.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Hands the text so far to `output` (when streaming).
    mutating func flush() throws {
        guard let output, !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try output($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Called between the elements of arrays and objects: a chunk is full.
    private mutating func flushIfFull() throws {
        if output != nil && bytes.count >= Self.chunkSize { try flush() }
    }

    mutating func write(_ value: JSONTreeValue, depth: Int) throws {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): writeString(text)
        case .encoder(let encoder): try write(encoder.value ?? .object(JSONObjectBox()), depth: depth)
        case .pair(let first, let second):
            bytes.append(UInt8(ascii: "["))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
            indent(depth + 1)
            writeInteger(first)
            separate()
            indent(depth + 1)
            writeInteger(second)
            close(UInt8(ascii: "]"), depth: depth)
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
            for (i, element) in box.values.enumerated() {
                if i > 0 { separate() }
                indent(depth + 1)
                try write(element, depth: depth + 1)
                try flushIfFull()
            }
            close(UInt8(ascii: "]"), depth: depth)
        case .deferred(let elements):
            // Written as `.array` writes its box; each element's tree lives only while it is written.
            bytes.append(UInt8(ascii: "["))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
            for i in 0..<elements.count {
                if i > 0 { separate() }
                indent(depth + 1)
                try write(elements.element(i), depth: depth + 1)
                try flushIfFull()
            }
            close(UInt8(ascii: "]"), depth: depth)
        case .object(let box):
            bytes.append(UInt8(ascii: "{"))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
            for (n, i) in Self.sortedOrder(box.keys).enumerated() {
                if n > 0 { separate() }
                indent(depth + 1)
                writeString(box.keys[i])
                append(pretty ? " : " : ":")
                try write(box.values[i], depth: depth + 1)
                try flushIfFull()
            }
            close(UInt8(ascii: "}"), depth: depth)
        }
    }

    /// Indices of `keys` in UTF-8 byte order (stable for equal keys). Each key's first eight bytes, as one
    /// big-endian integer padded with zeros, decide most comparisons: comparing `utf8` views byte by byte
    /// was most of the writer's time on the term maps of stats.json.
    static func sortedOrder(_ keys: [String]) -> [Int] {
        guard keys.count > 1 else { return Array(keys.indices) }
        if keys.count <= 16 {
            // A struct's few keys: an insertion sort (stable) without the prefix table.
            var order = Array(keys.indices)
            for i in 1..<order.count {
                let moving = order[i]
                var j = i
                while j > 0 && keys[moving].utf8.lexicographicallyPrecedes(keys[order[j - 1]].utf8) {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = moving
            }
            return order
        }
        var prefixes: [UInt64] = []
        prefixes.reserveCapacity(keys.count)
        for key in keys {
            var prefix: UInt64 = 0, taken = 0
            for byte in key.utf8.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                taken += 1
            }
            prefixes.append(taken == 8 ? prefix : prefix << UInt64(8 * (8 - taken)))
        }
        return keys.indices.sorted { a, b in
            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
            return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
        }
    }

    private mutating func writeInteger(_ value: Int) {
        Self.appendInteger(value, to: &bytes)
    }

    /// `String(value)`'s bytes, written from the digits without making the String (some 300 instructions a
    /// number; an article holds hundreds of offsets and counts).
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private mutating func separate() {
        bytes.append(UInt8(ascii: ","))
        if pretty { bytes.append(UInt8(ascii: "\n")) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func indent(_ depth: Int) {
        guard pretty else { return }
        var left = depth * 2
        while left > 0 {
            let run = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<run])
            left -= run
        }
    }

    private mutating func close(_ bracket: UInt8, depth: Int) {
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
        }
        bytes.append(bracket)
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        Self.appendString(text, to: &bytes)
    }

    /// Quotes and escapes: `"` and `\`, the named control escapes, `\u00XX` for the other control bytes;
    /// everything else (slashes, non-ASCII) as it is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
