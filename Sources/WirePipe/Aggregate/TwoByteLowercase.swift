/// `String.lowercased()` of a word on its UTF-8 bytes, for words whose scalars all lie below U+0800 (ASCII,
/// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic: nearly every non-ASCII word of the pages we see).
///
/// `lowercased()` appends each scalar's `properties.lowercaseMapping`; here the mappings of U+0080..<U+0800
/// are looked up once, as UTF-8, in a table made from that same property. The term counter lowercases every
/// distinct non-ASCII word of every article, and the property look-ups cost some 4,000 instructions a word.
/// `TwoByteLowercaseTests` compares the two on every scalar of the range and on real words.
enum TwoByteLowercase {
    /// The lowercase of `word` (valid UTF-8), or nil when it holds a scalar from U+0800 on.
    static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let table = Self.table
        var length = 0
        var k = 0
        while k < word.count {
            let byte = word[k]
            if byte < 0x80 {
                length += 1
                k += 1
            } else if byte < 0xE0, k + 1 < word.count {
                let value = Int(byte & 0x1F) << 6 | Int(word[k + 1] & 0x3F)
                length += Int(table.starts[value - 0x80 + 1] - table.starts[value - 0x80])
                k += 2
            } else {
                return nil
            }
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var n = 0, k = 0
            while k < word.count {
                let byte = word[k]
                if byte < 0x80 {
                    out[n] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    n += 1
                    k += 1
                } else {
                    let value = Int(byte & 0x1F) << 6 | Int(word[k + 1] & 0x3F)
                    for i in Int(table.starts[value - 0x80])..<Int(table.starts[value - 0x80 + 1]) {
                        out[n] = table.mappings[i]
                        n += 1
                    }
                    k += 2
                }
            }
            return n
        }
    }

    /// The UTF-8 of the lowercase mapping of U+0080 + i is `mappings[starts[i]..<starts[i + 1]]`.
    private struct Table {
        var mappings: [UInt8] = []
        var starts: [Int32] = [0]

        init() {
            for value in UInt32(0x80)..<0x800 {
                mappings += Unicode.Scalar(value)!.properties.lowercaseMapping.utf8
                starts.append(Int32(mappings.count))
            }
        }
    }

    private static let table = Table()
}
