import Foundation

/// The entries of a bundled word-list file (`WordLists`, `StopWords`): its lines, each trimmed of spaces and
/// tabs (`CharacterSet.whitespaces`) and, where the file allows comments after an entry, cut before its first
/// `#`; empty ones left out.
///
/// Found on the UTF-8 bytes: every run reads these files at start-up, and splitting them as `Character`s
/// (grapheme breaking for every character, then Foundation's trimming of each line) cost about 40 M
/// instructions, as much as analysing ten articles. A line break or space outside ASCII sends the text (or
/// the entry) to the general path, which is kept: `WordListTextTests` compares the two on every bundled file.
enum WordListText {
    static func entries(_ text: String, cutAtHash: Bool) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            // U+0085, U+2028 and U+2029 are line breaks as well: such a file goes the general way.
            for k in bytes.indices where bytes[k] == 0xC2 || bytes[k] == 0xE2 {
                let next = k + 1 < bytes.count ? bytes[k + 1] : 0
                if bytes[k] == 0xC2 && next == 0x85 { return nil }
                if bytes[k] == 0xE2 && next == 0x80 && k + 2 < bytes.count && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9) { return nil }
            }
            var entries: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && !isLineBreak(bytes[end]) { end += 1 }
                if let entry = entry(bytes, start, end, cutAtHash: cutAtHash) { entries.append(entry) }
                start = end + 1
            }
            return entries
        } ?? generalEntries(text, cutAtHash: cutAtHash)
    }

    /// The same, as `Character`s and Foundation give it.
    static func generalEntries(_ text: String, cutAtHash: Bool) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let entry = cutAtHash ? line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" : line
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// LF, VT, FF and CR: the ASCII characters that are `isNewline` (CR LF is one `Character`, and splitting
    /// at both of its bytes leaves an empty line between them, which is left out as the split leaves it out).
    @inline(__always)
    private static func isLineBreak(_ byte: UInt8) -> Bool { byte >= 0x0A && byte <= 0x0D }

    /// One line's entry: cut at `#`, spaces and tabs trimmed; an end that is not ASCII is trimmed by
    /// Foundation (a no-break space is whitespace too).
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ lineEnd: Int, cutAtHash: Bool) -> String? {
        var end = lineEnd
        if cutAtHash, let hash = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: "#")) { end = hash }
        var start = lineStart
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard start < end else { return nil }
        let entry = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return entry }
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
