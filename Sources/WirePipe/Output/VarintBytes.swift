/// The byte encoding shared by wirepipe's two binary forms, the stored stage outputs (`StoredForm`) and the
/// statistics counters (`CounterArchive`): LEB128 varints, zigzag for signed integers (small magnitudes of
/// either sign stay short), and strings as a varint length then their UTF-8 bytes.
extension Array where Element == UInt8 {
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    mutating func appendZigzag(_ value: Int) {
        let wide = Int64(value)
        appendVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count))
            append(contentsOf: utf8)
        }
    }
}
