import CLibXML2
import Foundation

/// Leaves out the attributes that no stage reads (`src`, `srcset`, `data-*`, `style` on SVG paths, `d`…),
/// and the content of comments, before libxml2 parses a page.
///
/// libxml2's HTML parser reads an attribute value a character at a time (`htmlParseHTMLAttribute`: decode,
/// check and copy each, through `xmlNextChar`), looks its name up and allocates a buffer for it; outside
/// scripts, attributes are about 30% of a news page's bytes. The tree keeps only the attributes in
/// `HTMLDocument.keptAttributeNames`, so most of that work was done only to be thrown away.
///
/// The tree must come out exactly as it would from the page itself. So the scan follows libxml2 2.9's HTML
/// tokenizer (`htmlParseContentInternal` and the functions it calls) wherever a byte can open or close a
/// start tag, an end tag, a comment, a processing instruction, a doctype, or script and style content. Only
/// what the parser would read as an attribute of a start tag (its name, and its value if it has one) is
/// left out, and only when:
/// - its name is not one the tree keeps (nor `charset`, which libxml2 itself reads on `<meta>`), or it is
///   one the tree keeps on one element only (`HTMLDocument.attributeElements`: `href` on `<link>`) and the
///   tag is another element's;
/// - its value is plain ASCII (an ill-formed byte inside could switch the parser's encoding for the rest
///   of the page).
/// At any construct whose reading depends on more than bytes (the element stack, a name past libxml2's
/// 100-byte buffer, a non-ASCII name), the scan stops and the rest of the page is copied as it is: the
/// parse is then slower, never different. A NUL byte anywhere ends libxml2's loops early, so such a page is
/// left alone.
enum UnreadAttributes {
    /// Whether the running libxml2 tokenizes HTML as this scan expects (2.9.x; later versions changed their
    /// comment and end-tag rules, and 2.14 replaced the tokenizer).
    static let appliesToRunningParser = HTMLDocument.parserVersion >= 20900 && HTMLDocument.parserVersion < 21000

    /// Attributes not left out (lowercase), by the length of their names, each with the one element it is kept
    /// on (lowercase), or nil when it is kept on all.
    private static let preservedNamesByLength: [[(name: [UInt8], element: [UInt8]?)]] = {
        let names = HTMLDocument.keptAttributeNames.enumerated().map { index, name in
            (name: Array(name.utf8), element: HTMLDocument.attributeElements[index].map { Array($0.utf8) })
        } + [(name: Array("charset".utf8), element: nil)]
        return (0...names.map(\.name.count).max()!).map { length in names.filter { $0.name.count == length } }
    }()

    /// `bytes` (UTF-8) without the unread attributes, or nil when there is none to leave out.
    static func removed(from bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
            guard let base = buffer.baseAddress, !buffer.isEmpty, memchr(base, 0, buffer.count) == nil else { return nil }
            var scanner = Scanner(bytes: buffer)
            scanner.scan()
            guard !scanner.cuts.isEmpty else { return nil }
            let removed = scanner.cuts.reduce(0) { $0 + $1.count }
            // The pieces between the cuts copied straight into the new array (appending each cost some 350
            // instructions of bookkeeping).
            return [UInt8](unsafeUninitializedCapacity: buffer.count - removed) { output, initialized in
                var from = 0, to = 0
                for cut in scanner.cuts + [buffer.count..<buffer.count] {
                    let length = cut.lowerBound - from
                    if length > 0 { (output.baseAddress! + to).initialize(from: base + from, count: length) }
                    to += length
                    from = cut.upperBound
                }
                initialized = to
            }
        }
    }

    /// The attributes to leave out, found in one pass. Each `…End` function takes the offset just past an opening
    /// and returns where the scan goes on, or nil when the rest of the page is left as it is.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let base: UnsafePointer<UInt8>
        let count: Int
        /// Byte ranges (an attribute's name to the end of its value) to leave out, in order.
        var cuts: [Range<Int>] = []
        /// `UnreadAttributes.preservedNamesByLength`, read once per page rather than through its global accessor.
        let preserved = UnreadAttributes.preservedNamesByLength

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.base = bytes.baseAddress!
            self.count = bytes.count
        }

        /// The byte at `offset`, or 0 past the end (where libxml2 reads the terminating NUL).
        @inline(__always)
        func byte(_ offset: Int) -> UInt8 { offset < count ? base[offset] : 0 }

        func find(_ target: UInt8, from offset: Int) -> Int? {
            guard offset < count, let found = memchr(base + offset, Int32(target), count - offset) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        /// Blanks as libxml2 skips them (`IS_BLANK_CH`: no form feed).
        @inline(__always)
        static func isBlank(_ byte: UInt8) -> Bool { byte <= 0x20 && (blanks >> UInt64(byte)) & 1 != 0 }
        /// Bit `b` set for each blank byte `b` (all below 64).
        static let blanks: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D

        @inline(__always)
        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

        /// A character of a tag or attribute name (`htmlParseHTMLName`): letters, digits, `: - _ .`. One shift
        /// of a mask per byte (a chain of range tests cost about ten instructions a byte of every name).
        @inline(__always)
        static func isNameCharacter(_ byte: UInt8) -> Bool {
            byte < 0x40 ? (nameBelow64 >> UInt64(byte)) & 1 != 0 : byte < 0x80 && (nameFrom64 >> UInt64(byte - 0x40)) & 1 != 0
        }
        /// Bit `b` set for the name bytes `b` below 64 (digits, `:`, `-`, `.`), and bit `b - 64` for those from
        /// 64 to 127 (letters, `_`).
        static let nameBelow64: UInt64 = 0x03FF_0000_0000_0000 | 1 << 0x3A | 1 << 0x2D | 1 << 0x2E
        static let nameFrom64: UInt64 = 0x07FF_FFFE_07FF_FFFE | 1 << (0x5F - 0x40)

        func skipBlanks(_ offset: Int) -> Int {
            var offset = offset
            while Self.isBlank(byte(offset)) { offset += 1 }
            return offset
        }

        /// The end of the name starting at `offset` (letters, digits, `: - _ .`).
        func nameEnd(_ offset: Int) -> Int {
            var offset = offset
            while Self.isNameCharacter(byte(offset)) { offset += 1 }
            return offset
        }

        /// Whether the bytes at `offset` are `name` (lowercase) in any ASCII case.
        func matches(_ name: [UInt8], at offset: Int) -> Bool {
            offset + name.count <= count && equals(offset..<offset + name.count, name)
        }

        /// Whether `bytes[range]` equals `name` (lowercase) in any ASCII case.
        func equals(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
            guard range.count == name.count else { return false }
            for (k, expected) in name.enumerated() where BlockText.lowerASCII(base[range.lowerBound + k]) != expected { return false }
            return true
        }

        mutating func scan() {
            var offset = 0
            while let open = find(UInt8(ascii: "<"), from: offset) {
                guard let next = afterMarkup(at: open) else { return }
                offset = next
            }
        }

        /// The `<` at `open`, as `htmlParseContentInternal` dispatches on it.
        mutating func afterMarkup(at open: Int) -> Int? {
            let next = byte(open + 1)
            switch next {
            case UInt8(ascii: "/"):
                // An end tag when a name follows (`htmlParseEndTag` then skips to `>`, quotes or not);
                // otherwise the `</` is consumed and what follows is text.
                guard Self.isNameStart(byte(open + 2)) else { return open + 2 }
                return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 }
            case UInt8(ascii: "!"):
                if byte(open + 2) == UInt8(ascii: "-") && byte(open + 3) == UInt8(ascii: "-") {
                    guard let end = commentEnd(from: open + 4) else { return nil }
                    // The content goes, the comment stays (`<!---->`, `<!----!>`): libxml2 reads a comment's
                    // content a character at a time and copies it, and the tree only notes where the comment
                    // was (it ends a text node). Kept when not well-formed UTF-8 (an ill-formed byte could switch
                    // the parser's encoding).
                    let closing = base[end - 2] == UInt8(ascii: "!") ? end - 4 : end - 3
                    if closing > open + 4 && isWellFormed(open + 4..<closing) { cuts.append(open + 4..<closing) }
                    return end
                }
                if isDoctype(at: open) { return doctypeEnd(from: open + 9) }
                return open + 1  // a lone `<` of text
            case UInt8(ascii: "?"):
                // A processing instruction ends at the first `>` after its target; without a target the `<?`
                // is consumed and what follows is text. A non-ASCII target is read by rules not followed here.
                let first = byte(open + 2)
                if Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") {
                    return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 }
                }
                return first >= 0x80 ? nil : open + 2
            default:
                return Self.isLetter(next) ? startTagEnd(at: open) : open + 1
            }
        }

        /// A name may start here (`htmlParseHTMLName`): a letter, `_`, `:` or `.`.
        static func isNameStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }

        /// `htmlParseComment`: the first `-->` or `--!>` whose dashes come after the `<!--`.
        func commentEnd(from offset: Int) -> Int? {
            var offset = offset
            while let dash = find(UInt8(ascii: "-"), from: offset) {
                if byte(dash + 1) == UInt8(ascii: "-") {
                    if byte(dash + 2) == UInt8(ascii: ">") { return dash + 3 }
                    if byte(dash + 2) == UInt8(ascii: "!") && byte(dash + 3) == UInt8(ascii: ">") { return dash + 4 }
                }
                offset = dash + 1
            }
            return nil
        }

        func isDoctype(at open: Int) -> Bool {
            matches(Self.doctype, at: open + 2)
        }

        /// `htmlParseDocTypeDecl`: a name, an optional external id with quoted literals, then everything to
        /// the next `>`.
        func doctypeEnd(from offset: Int) -> Int? {
            var offset = skipBlanks(offset)
            let first = byte(offset)
            if first >= 0x80 { return nil }
            if Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") {
                offset = nameEnd(offset + 1)
                if byte(offset) >= 0x80 { return nil }
            }
            offset = skipBlanks(offset)
            if matches(Self.system, at: offset) {
                guard let end = literalEnd(skipBlanks(offset + 6)) else { return nil }
                offset = end
            } else if matches(Self.public, at: offset) {
                guard let publicEnd = literalEnd(skipBlanks(offset + 6)), let systemEnd = literalEnd(skipBlanks(publicEnd)) else { return nil }
                offset = systemEnd
            }
            guard let close = find(UInt8(ascii: ">"), from: offset) else { return nil }
            // In the middle of a page libxml2 reads a `</` right after a doctype as text, at its start as an
            // end tag: which one applies depends on what came before.
            if byte(close + 1) == UInt8(ascii: "<") && byte(close + 2) == UInt8(ascii: "/") { return nil }
            return close + 1
        }

        /// A quoted literal at `offset` read to its closing quote; `offset` itself when none starts there; nil
        /// when it never closes.
        func literalEnd(_ offset: Int) -> Int? {
            let quote = byte(offset)
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return offset }
            return find(quote, from: offset + 1).map { $0 + 1 }
        }

        /// `htmlParseStartTag` and `htmlParseElementInternal`: the tag's name, its attributes, and the content
        /// of a script or style element after it.
        mutating func startTagEnd(at open: Int) -> Int? {
            let nameStart = open + 1
            let nameStop = nameEnd(nameStart)
            // libxml2 cuts names at 100 bytes and reads the rest again as an attribute.
            guard nameStop - nameStart < 100 else { return nil }
            let rawText = equals(nameStart..<nameStop, Self.script) ? Self.script : equals(nameStart..<nameStop, Self.style) ? Self.style : nil
            var offset = skipBlanks(nameStop)
            while offset < count && base[offset] != UInt8(ascii: ">") && !(base[offset] == UInt8(ascii: "/") && byte(offset + 1) == UInt8(ascii: ">")) {
                let first = base[offset]
                if Self.isNameStart(first) {
                    let attributeStart = offset
                    offset = nameEnd(offset)
                    guard offset - attributeStart < 100 else { return nil }
                    let attributeName = attributeStart..<offset
                    var attributeEnd = offset
                    var plain = true
                    offset = skipBlanks(offset)
                    if byte(offset) == UInt8(ascii: "=") {
                        offset = skipBlanks(offset + 1)
                        let quote = byte(offset)
                        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                            // A value runs to its closing quote, across `>` and lines; unclosed, to the end.
                            guard let close = find(quote, from: offset + 1) else { return nil }
                            plain = isASCII(offset + 1..<close)
                            offset = close + 1
                        } else {
                            // Unquoted: to a blank or `>`.
                            let valueStart = offset
                            while offset < count && !Self.isBlank(base[offset]) && base[offset] != UInt8(ascii: ">") { offset += 1 }
                            plain = isASCII(valueStart..<offset)
                        }
                        attributeEnd = offset
                    }
                    if plain && !isPreserved(attributeName, on: nameStart..<nameStop) { cuts.append(attributeStart..<attributeEnd) }
                } else {
                    // Not a name: libxml2 drops everything to the next blank, `>` or `/>`, quotes or not.
                    while offset < count && !Self.isBlank(base[offset]) && base[offset] != UInt8(ascii: ">")
                        && !(base[offset] == UInt8(ascii: "/") && byte(offset + 1) == UInt8(ascii: ">")) {
                        offset += 1
                    }
                }
                offset = skipBlanks(offset)
            }
            guard offset < count else { return nil }
            // `/>` closes the element at once (no content, even for a script).
            if base[offset] == UInt8(ascii: "/") { return offset + 2 }
            guard let rawText else { return offset + 1 }
            return rawTextEnd(from: offset + 1, name: rawText)
        }

        static let script = Array("script".utf8), style = Array("style".utf8)
        static let doctype = Array("doctype".utf8), system = Array("system".utf8), `public` = Array("public".utf8)

        /// Script or style content (`htmlParseScript` in recovery mode): it ends at the first `</` followed by
        /// the element's name in any case, and the end tag there must be the element's own.
        func rawTextEnd(from offset: Int, name: [UInt8]) -> Int? {
            if byte(offset) == UInt8(ascii: "<") {
                let next = byte(offset + 1)
                if next == UInt8(ascii: "/") {
                    // Looked at as an end tag before any content is read.
                    guard endTagIs(name, at: offset) else { return nil }
                    return find(UInt8(ascii: ">"), from: offset + 2).map { $0 + 1 }
                }
                // A start tag here may close the element first (`htmlCheckAutoClose`).
                if Self.isLetter(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") { return nil }
            }
            var from = offset
            while let open = find(UInt8(ascii: "<"), from: from) {
                if byte(open + 1) == UInt8(ascii: "/") && matches(name, at: open + 2) {
                    guard endTagIs(name, at: open) else { return nil }
                    return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 }
                }
                from = open + 1
            }
            return nil
        }

        /// Whether the end tag at `open` (`</…`) is named exactly `name`.
        func endTagIs(_ name: [UInt8], at open: Int) -> Bool {
            equals(open + 2..<nameEnd(open + 2), name)
        }

        /// Whether the attribute named by the bytes at `range` is kept on the element named by those at `element`
        /// (libxml2 lowercases both names).
        func isPreserved(_ range: Range<Int>, on element: Range<Int>) -> Bool {
            guard range.count < preserved.count else { return false }
            let candidates = preserved[range.count]
            for k in candidates.indices where equals(range, candidates[k].name) {
                guard let only = candidates[k].element else { return true }
                return equals(element, only)
            }
            return false
        }

        /// `bytes[range]` is well-formed UTF-8.
        func isWellFormed(_ range: Range<Int>) -> Bool {
            isASCII(range) || UTF8Validation.isValid(buffer: UnsafeBufferPointer(rebasing: bytes[range]))
        }

        /// No byte of `range` has its high bit set; eight at a time.
        func isASCII(_ range: Range<Int>) -> Bool {
            var offset = range.lowerBound
            while offset + 8 <= range.upperBound {
                if UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            while offset < range.upperBound {
                if base[offset] >= 0x80 { return false }
                offset += 1
            }
            return true
        }
    }
}
