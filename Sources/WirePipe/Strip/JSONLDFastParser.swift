/// A strict reader for the plain JSON that JSON-LD blocks almost always are, so that `JSONLDReader` need not
/// go through `JSONSerialization` (whose boxed values and dynamic casts cost some 300,000 instructions a
/// block). It accepts only a conservative subset of JSON, which `JSONSerialization` reads to the same
/// values: an object or array at the top, numbers in JSON's own grammar of at most 18 digits, string escapes
/// with surrogates in pairs and no U+0000, no raw control characters, no duplicate keys in an object,
/// nesting of at most 64 levels. On anything else it gives nil, and the reader hands the block to
/// `JSONSerialization` as before, which decides what an unusual block means.
struct JSONLDFastParser {
    /// A parsed value. Strings are ranges of `Document.bytes` (unescaped), made into Strings only when read.
    indirect enum Value {
        case string(Range<Int>)
        /// A number, `true`, `false` or `null`: none is a String or a container to the reader.
        case scalar
        case array([Value])
        case object([(key: Range<Int>, value: Value)])
    }

    /// A parsed block: its top value and the unescaped bytes of its strings.
    struct Document {
        let root: Value
        let bytes: [UInt8]

        func string(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }

        /// The member `key` of an object value (keys are unique: the parser refuses duplicates).
        func member(_ value: Value, _ key: StaticString) -> Value? {
            guard case .object(let members) = value else { return nil }
            let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            return bytes.withUnsafeBufferPointer { bytes in
                for member in members where member.key.count == wanted.count
                    && UnsafeBufferPointer(rebasing: bytes[member.key]).elementsEqual(wanted) {
                    return member.value
                }
                return nil
            }
        }

        /// `value as? String`.
        func asString(_ value: Value?) -> String? {
            guard case .string(let range)? = value else { return nil }
            return string(range)
        }

        /// `value as? [String]`: an array all of whose elements are strings.
        func asStrings(_ value: Value?) -> [String]? {
            guard case .array(let items)? = value else { return nil }
            var strings: [String] = []
            for item in items {
                guard case .string(let range) = item else { return nil }
                strings.append(string(range))
            }
            return strings
        }
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var output: [UInt8] = []

    static let maxDepth = 64
    static let maxNumberDigits = 18

    /// The block's value, or nil where the block is outside the subset (or not JSON at all).
    static func parse(_ text: [UInt8]) -> Document? {
        text.withUnsafeBufferPointer { buffer in
            var parser = JSONLDFastParser(input: buffer)
            parser.output.reserveCapacity(buffer.count)
            parser.skipSpace()
            guard parser.position < buffer.count, buffer[parser.position] == UInt8(ascii: "{") || buffer[parser.position] == UInt8(ascii: "[")
            else { return nil }
            guard let root = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            guard parser.position == buffer.count else { return nil }
            return Document(root: root, bytes: parser.output)
        }
    }

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    private mutating func skipSpace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) -> Value? {
        guard depth < Self.maxDepth, position < input.count else { return nil }
        switch input[position] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(Value.string)
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Value? {
        let count = word.utf8CodeUnitCount
        guard position + count <= input.count,
              UnsafeBufferPointer(rebasing: input[position..<position + count]).elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return nil }
        position += count
        return .scalar
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() -> Value? {
        var digits = 0
        if position < input.count, input[position] == UInt8(ascii: "-") { position += 1 }
        guard position < input.count, isDigit(input[position]) else { return nil }
        if input[position] == UInt8(ascii: "0") {
            position += 1
            digits = 1
            if position < input.count, isDigit(input[position]) { return nil }
        } else {
            while position < input.count, isDigit(input[position]) { position += 1; digits += 1 }
        }
        if position < input.count, input[position] == UInt8(ascii: ".") {
            position += 1
            guard position < input.count, isDigit(input[position]) else { return nil }
            while position < input.count, isDigit(input[position]) { position += 1; digits += 1 }
        }
        if position < input.count, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") { position += 1 }
            guard position < input.count, isDigit(input[position]) else { return nil }
            var exponentDigits = 0
            while position < input.count, isDigit(input[position]) { position += 1; exponentDigits += 1 }
            guard exponentDigits <= 2 else { return nil }
        }
        return digits <= Self.maxNumberDigits ? .scalar : nil
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func array(depth: Int) -> Value? {
        position += 1
        var items: [Value] = []
        skipSpace()
        if position < input.count, input[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipSpace()
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipSpace()
            guard position < input.count else { return nil }
            if input[position] == UInt8(ascii: ",") { position += 1; continue }
            guard input[position] == UInt8(ascii: "]") else { return nil }
            position += 1
            return .array(items)
        }
    }

    private mutating func object(depth: Int) -> Value? {
        position += 1
        var members: [(key: Range<Int>, value: Value)] = []
        skipSpace()
        if position < input.count, input[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard position < input.count, input[position] == UInt8(ascii: "\""), let key = string() else { return nil }
            // A repeated key: which value JSONSerialization keeps is its business.
            for member in members where isSame(member.key, key) { return nil }
            skipSpace()
            guard position < input.count, input[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipSpace()
            guard let item = value(depth: depth + 1) else { return nil }
            members.append((key, item))
            skipSpace()
            guard position < input.count else { return nil }
            if input[position] == UInt8(ascii: ",") { position += 1; continue }
            guard input[position] == UInt8(ascii: "}") else { return nil }
            position += 1
            return .object(members)
        }
    }

    private func isSame(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where output[a.lowerBound + k] != output[b.lowerBound + k] { return false }
        return true
    }

    /// A string at `position` (its opening quote), unescaped into `output`.
    private mutating func string() -> Range<Int>? {
        position += 1
        let start = output.count
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<output.count
            }
            if byte < 0x20 { return nil }
            if byte != UInt8(ascii: "\\") {
                // A run of plain bytes at once.
                var end = position + 1
                while end < input.count, input[end] != UInt8(ascii: "\""), input[end] != UInt8(ascii: "\\"), input[end] >= 0x20 { end += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[position..<end]))
                position = end
                continue
            }
            position += 1
            guard position < input.count else { return nil }
            let escaped = input[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard position + 1 < input.count, input[position] == UInt8(ascii: "\\"), input[position + 1] == UInt8(ascii: "u") else { return nil }
                    position += 2
                    guard let low = hex4(), low >= 0xDC00 && low <= 0xDFFF else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF || scalar == 0 {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                output.append(contentsOf: UTF8.encode(unicode)!)
            default:
                return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = input[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
