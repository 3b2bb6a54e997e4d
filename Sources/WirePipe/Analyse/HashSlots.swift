/// The slot arithmetic shared by the open-addressing tables keyed by a 64-bit word hash (`ArticleWords`,
/// `WordFlagTable`, `ByteKeyTable`): a power-of-two array of entry numbers (-1 free), linear probing, kept at
/// most half full. One definition, so that every table spreads its hashes the same way.
enum HashSlots {
    /// Where probing for `hash` starts in a table of `mask + 1` slots. The high bits are folded in because
    /// FNV's low bits alone spread short words poorly.
    @inline(__always)
    static func home(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// A table of `size` slots (a power of two) holding entries `0..<hashes.count` at their probed places.
    static func rebuilt(_ hashes: [UInt64], size: Int) -> [Int32] {
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = home(hash, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
        return slots
    }
}
