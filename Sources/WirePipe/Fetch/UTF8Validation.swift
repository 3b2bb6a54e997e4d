/// Checks UTF-8 well-formedness (no overlong forms, no surrogates, nothing above U+10FFFF), as
/// `String(validating:as:)` does, but skipping ASCII eight bytes at a time: every page is checked at
/// least once, and the generic standard-library check cost about nine instructions a byte.
enum UTF8Validation {
    /// The scalar of the multi-byte sequence at `k` in bytes known to be valid UTF-8 (a Swift String's), and
    /// `k` moved past it. For hand-written loops over a text's bytes that take ASCII bytes themselves.
    @inline(__always)
    static func multiByteScalar(_ bytes: UnsafeBufferPointer<UInt8>, at k: inout Int) -> Unicode.Scalar {
        let b0 = bytes[k]
        var value: UInt32
        if b0 < 0xE0 {
            value = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
            k += 2
        } else if b0 < 0xF0 {
            value = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
            k += 3
        } else {
            value = UInt32(b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12
            value |= UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F)
            k += 4
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isValid(buffer:))
    }

    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer(isValid(buffer:))
    }

    static func isValid(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let count = buffer.count
        var index = 0
        while index < count {
            // Thirty-two bytes at a time while all are ASCII (most of a page's markup), then eight: a page is
            // checked in fetch, and eight at a time cost about one instruction a byte.
            while index + 32 <= count {
                let raw = UnsafeRawPointer(base + index)
                let any = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                guard any & 0x8080_8080_8080_8080 == 0 else { break }
                index += 32
            }
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            // A run of multi-byte sequences (a word of Cyrillic, Greek, CJK…) is checked one sequence after
            // another, without trying words of ASCII between them.
            repeat {
                let lead = base[index]
                if lead < 0x80 { break }
                // The allowed range of the second byte depends on the lead byte (Unicode 15, table 3-7).
                let length: Int
                var lowest: UInt8 = 0x80
                var highest: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lowest = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; highest = 0x9F
                case 0xF0: length = 4; lowest = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; highest = 0x8F
                default: return false
                }
                guard index + length <= count else { return false }
                let second = base[index + 1]
                guard second >= lowest, second <= highest else { return false }
                var next = index + 2
                while next < index + length {
                    guard base[next] & 0xC0 == 0x80 else { return false }
                    next += 1
                }
                index += length
            } while index < count
        }
        return true
    }
}
