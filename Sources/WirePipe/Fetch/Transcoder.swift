import Foundation

/// Turns page bytes in the encodings we decode ourselves into UTF-8. Invalid sequences never crash:
/// they become U+FFFD and the page is flagged. Other encodings are left to libxml2 (iconv).
enum Transcoder {
    struct Result {
        var utf8: [UInt8]
        var replacedInvalid: Bool
    }

    /// Whether wirepipe decodes this encoding itself.
    static func handles(_ encoding: String) -> Bool {
        ["utf-8", "windows-1252", "utf-16le", "utf-16be", "utf-32le", "utf-32be"].contains(encoding)
    }

    /// `knownValid`: the bytes were found to be well-formed UTF-8 already (the encoding detector checks a page
    /// without a declaration), so they are not checked again.
    static func toUTF8(_ bytes: ArraySlice<UInt8>, from encoding: String, knownValid: Bool = false) -> Result {
        switch encoding {
        case "utf-8":
            if knownValid || UTF8Validation.isValid(bytes) { return Result(utf8: Array(bytes), replacedInvalid: false) }
            return Result(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), replacedInvalid: true)
        case "windows-1252":
            return Result(utf8: windows1252(bytes), replacedInvalid: false)
        case "utf-16le", "utf-16be":
            let bigEndian = encoding == "utf-16be"
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = bytes.startIndex
            while i + 1 < bytes.endIndex {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
                i += 2
            }
            let valid = String(validating: units, as: UTF16.self) != nil
            return Result(utf8: Array(String(decoding: units, as: UTF16.self).utf8), replacedInvalid: !valid || bytes.count % 2 == 1)
        default:  // utf-32
            let bigEndian = encoding == "utf-32be"
            var scalars = String.UnicodeScalarView()
            var replaced = bytes.count % 4 != 0
            var i = bytes.startIndex
            while i + 3 < bytes.endIndex {
                let b = (0..<4).map { UInt32(bytes[i + $0]) }
                let value = bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } else {
                    scalars.append("\u{FFFD}")
                    replaced = true
                }
                i += 4
            }
            return Result(utf8: Array(String(scalars).utf8), replacedInvalid: replaced)
        }
    }

    /// windows-1252: Latin-1 except for 0x80–0x9F, where it has curly quotes, dashes, the euro sign…
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar: UInt32 = (0x80...0x9F).contains(byte) ? high1252[Int(byte) - 0x80] : UInt32(byte)
            // Encode the scalar as UTF-8 (all of these are below U+FFFF).
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// 0x80–0x9F of windows-1252; the five undefined bytes map to their C1 control code points, as browsers do.
    private static let high1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
