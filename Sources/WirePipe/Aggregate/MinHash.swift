/// MinHash signatures over word shingles with fixed, documented hash functions (FNV-1a for words, the
/// SplitMix64 finaliser for mixing), never Swift's `Hasher`, which is seeded per process: a signature
/// computed today must equal the one computed by another run, on another machine, that a merge meets.
public struct MinHash: Sendable {
    public let shingleSize: Int
    public let hashes: Int
    private let seeds: [UInt64]

    public init(shingleSize: Int, hashes: Int) {
        self.shingleSize = max(1, shingleSize)
        self.hashes = hashes
        seeds = (0..<hashes).map { Self.mix(UInt64($0 + 1) &* 0x9E37_79B9_7F4A_7C15) }
    }

    /// The signature of a text given as its words: for each of the `hashes` hash functions, the smallest
    /// value over the text's shingles (runs of `shingleSize` consecutive words). A text shorter than one
    /// shingle is one shingle.
    public func signature(words: [String]) -> [UInt32] {
        signature(wordHashes: words.map(Self.fnv1a))
    }

    /// The same from the words' `fnv1a` hashes.
    public func signature(wordHashes: [UInt64]) -> [UInt32] {
        let count = max(1, wordHashes.count - shingleSize + 1)
        // Every shingle, repeats included: a repeated shingle cannot change a minimum, so no set is needed to
        // make them distinct (hashing each shingle into a set cost more than a tenth of the signature).
        var shingles: [UInt64] = []
        shingles.reserveCapacity(count)
        for start in 0..<count {
            var h: UInt64 = 0x51_7CC1_B727_220A
            for k in start..<min(start + shingleSize, wordHashes.count) { h = Self.mix(h ^ wordHashes[k]) }
            shingles.append(h)
        }
        var signature = [UInt32](repeating: .max, count: hashes)
        // This loop runs shingles x hashes times (about 90,000 a page): unchecked buffers, and one hash
        // function at a time so that its minimum stays in a register.
        seeds.withUnsafeBufferPointer { seeds in
            shingles.withUnsafeBufferPointer { shingles in
                signature.withUnsafeMutableBufferPointer { signature in
                    for i in 0..<seeds.count {
                        let seed = seeds[i]
                        var smallest = UInt32.max
                        for shingle in shingles {
                            smallest = min(smallest, UInt32(truncatingIfNeeded: Self.mix(shingle ^ seed) >> 32))
                        }
                        signature[i] = smallest
                    }
                }
            }
        }
        return signature
    }

    /// Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity of
    /// the two shingle sets.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var same = 0
        for i in a.indices where a[i] == b[i] { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes.
    static func fnv1a(_ word: String) -> UInt64 {
        var h = fnvOffset
        for byte in word.utf8 { h = fnvStep(h, byte) }
        return h
    }

    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// SplitMix64's finaliser: a fast bijective mixer with good avalanche.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
