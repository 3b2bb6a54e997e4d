import Foundation

/// Empties `<noscript>` elements before libxml2 parses a page, as a browser that runs scripts reads them: as
/// text up to the first `</noscript`, never as markup.
///
/// The tree leaves a noscript's content out anyway (its text is never the article's). But libxml2 parses that
/// content as markup, and an element left open inside (`<noscript><div id="nojs"></noscript>`, a common
/// "JavaScript is off" wrapper) makes it ignore the `</noscript>`: a `<div>` outranks a `<noscript>`, so a
/// misplaced end tag cannot close it (`htmlAutoCloseOnClose`). Everything after then lies inside the
/// noscript, and the page came out empty. Without its content the element cannot swallow the page.
///
/// The scan skips comments and script and style content, where `<noscript>` may be written as a string;
/// start tags are read with their quoted attribute values, which may hold a `>`.
enum NoscriptContent {
    /// `bytes` with the content of every noscript element removed, or nil when there is none to remove.
    static func emptied(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            let count = buffer.count
            func find(_ target: UInt8, from offset: Int) -> Int? {
                guard offset < count, let found = memchr(base + offset, Int32(target), count - offset) else { return nil }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            func isNamed(_ name: [UInt8], at offset: Int) -> Bool {
                guard offset + name.count <= count else { return false }
                for (k, expected) in name.enumerated() where BlockText.lowerASCII(base[offset + k]) != expected { return false }
                // The name ends there: a blank, `>` or `/` follows (`<noscripts>` is another element).
                let next = offset + name.count < count ? base[offset + name.count] : UInt8(ascii: ">")
                return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || DOMTree.isSpace(next)
            }
            /// The offset just past the `>` that ends the start tag opened at `open`, quoted values skipped.
            func startTagEnd(_ open: Int) -> Int? {
                var offset = open + 1
                while offset < count {
                    switch base[offset] {
                    case UInt8(ascii: ">"): return offset + 1
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        guard let close = find(base[offset], from: offset + 1) else { return nil }
                        offset = close + 1
                    default: offset += 1
                    }
                }
                return nil
            }
            /// The `<` of the first end tag `</name` at or after `offset`.
            func endTag(_ name: [UInt8], from offset: Int) -> Int? {
                var from = offset
                while let open = find(UInt8(ascii: "<"), from: from) {
                    if open + 1 < count && base[open + 1] == UInt8(ascii: "/") && isNamed(name, at: open + 2) { return open }
                    from = open + 1
                }
                return nil
            }
            func finish(_ cuts: [Range<Int>]) -> [UInt8]? {
                guard !cuts.isEmpty else { return nil }
                var output: [UInt8] = []
                output.reserveCapacity(count)
                var from = 0
                for cut in cuts {
                    output.append(contentsOf: buffer[from..<cut.lowerBound])
                    from = cut.upperBound
                }
                output.append(contentsOf: buffer[from..<count])
                return output
            }
            var cuts: [Range<Int>] = []
            var offset = 0
            while let open = find(UInt8(ascii: "<"), from: offset) {
                offset = open + 1
                // Most `<` open other tags: one byte tells (a letter's case folded with `| 0x20`).
                let next = open + 1 < count ? base[open + 1] | 0x20 : 0
                if next == UInt8(ascii: "!") {
                    guard open + 3 < count, base[open + 2] == UInt8(ascii: "-"), base[open + 3] == UInt8(ascii: "-") else { continue }
                    // To the first `-->`; a comment never closed runs to the end of the page.
                    var dash = open + 4
                    var close: Int?
                    while let found = find(UInt8(ascii: "-"), from: dash), found + 2 < count {
                        if base[found + 1] == UInt8(ascii: "-") && base[found + 2] == UInt8(ascii: ">") { close = found + 2; break }
                        dash = found + 1
                    }
                    guard let close else { break }
                    offset = close + 1
                } else if next == UInt8(ascii: "s") {
                    guard let rawText = isNamed(Self.script, at: open + 1) ? Self.script : isNamed(Self.style, at: open + 1) ? Self.style : nil else { continue }
                    guard let end = startTagEnd(open), let close = endTag(rawText, from: end) else { break }
                    offset = close + 2
                } else if next == UInt8(ascii: "n"), isNamed(Self.noscript, at: open + 1) {
                    guard let contentStart = startTagEnd(open) else { break }
                    // `<noscript/>` in HTML is an open tag all the same; its content runs to `</noscript`.
                    guard let close = endTag(Self.noscript, from: contentStart) else { break }
                    if close > contentStart { cuts.append(contentStart..<close) }
                    offset = close + 2
                }
            }
            return finish(cuts)
        }
    }

    static let noscript = Array("noscript".utf8), script = Array("script".utf8), style = Array("style".utf8)
}
