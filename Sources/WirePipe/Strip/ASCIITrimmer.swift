import Foundation

/// `trimmingCharacters(in:)` for one character set, deciding ASCII ends by a table made from the set itself
/// and leaving text with a non-ASCII end to Foundation. Foundation's trimming cost some 10,000 instructions a
/// call, and metadata extraction trims every name part and label of a byline.
struct ASCIITrimmer: Sendable {
    let set: CharacterSet
    /// Whether each ASCII scalar is in `set`.
    private let trims: [Bool]

    init(_ set: CharacterSet) {
        self.set = set
        trims = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    static let whitespaces = ASCIITrimmer(.whitespaces)

    /// `text.trimmingCharacters(in: set)`: ASCII scalars of the set are dropped from both ends on the bytes; the
    /// first kept byte from each end being ASCII (not in the set) means Foundation would stop there too.
    func trim<S: StringProtocol>(_ text: S) -> String {
        var whole = String(text)
        let range = whole.withUTF8 { bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while start < end {
                let byte = bytes[start]
                if byte >= 0x80 { return nil }
                if !trims[Int(byte)] { break }
                start += 1
            }
            while end > start {
                let byte = bytes[end - 1]
                if byte >= 0x80 { return nil }
                if !trims[Int(byte)] { break }
                end -= 1
            }
            return start..<end
        }
        guard let range else { return whole.trimmingCharacters(in: set) }
        if range.count == whole.utf8.count { return whole }
        return whole.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
