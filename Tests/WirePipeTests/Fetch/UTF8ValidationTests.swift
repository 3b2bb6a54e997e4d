import Testing
@testable import WirePipe

/// The fast UTF-8 check agrees with the standard library's on every kind of input.
@Suite struct UTF8ValidationTests {
    func agrees(_ bytes: [UInt8]) -> Bool {
        UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test func edgeCases() {
        let cases: [[UInt8]] = [
            [], Array("plain ASCII text that is longer than eight bytes".utf8), Array("Kyiv – “quoted” 😀 é".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x80], Array("abcdefgh".utf8) + [0xE2, 0x80],
            [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xE2, 0x80, 0x93, 0x61],
        ]
        for bytes in cases { #expect(agrees(bytes), "\(bytes)") }
        #expect(UTF8Validation.isValid(Array("Kyiv – “quoted” 😀".utf8)))
        #expect(!UTF8Validation.isValid([0x61, 0xED, 0xA0, 0x80]))
    }

    /// Random bytes biased towards UTF-8 lead and continuation bytes, so that both outcomes are common.
    @Test func randomInputs() {
        var generator = SplitMix(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 { generator.next() }
        let alphabet: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0xBF, 0x9F, 0xA0, 0x8F, 0x90, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xC0]
        var valid = 0
        for _ in 0..<20_000 {
            let length = Int(next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            #expect(agrees(bytes), "\(bytes)")
            if UTF8Validation.isValid(bytes) { valid += 1 }
        }
        #expect(valid > 100)
    }

    /// Long runs of ASCII (read thirty-two and eight bytes at a time) with a few other bytes put in at random
    /// places: every offset of a word and of the run after it is tried.
    @Test func longRunsWithBytesAtRandomPlaces() {
        var generator = SplitMix(seed: 0x2545_F491_4F6C_DD1D)
        func next() -> UInt64 { generator.next() }
        let inserts: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x80, 0x93], [0xF0, 0x9F, 0x98, 0x80], [0xD0, 0x9A, 0xD0, 0xB8], [0x80], [0xC3], [0xE2, 0x80],
                                  [0xED, 0xA0, 0x80], [0xFF], [0xC3, 0xA9, 0x80], [0xF0, 0x9F, 0x98]]
        var valid = 0, invalid = 0
        for _ in 0..<5_000 {
            var bytes = [UInt8](repeating: 0x61, count: 1 + Int(next() % 100))
            for _ in 0..<Int(next() % 3) {
                bytes.insert(contentsOf: inserts[Int(next() % UInt64(inserts.count))], at: Int(next() % UInt64(bytes.count + 1)))
            }
            #expect(agrees(bytes), "\(bytes)")
            if UTF8Validation.isValid(bytes) { valid += 1 } else { invalid += 1 }
        }
        #expect(valid > 500 && invalid > 500)
    }
}
