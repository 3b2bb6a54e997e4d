import Foundation
import Testing
@testable import WirePipe

/// The table lowercasing of the term counter gives what `String.lowercased()` gives.
@Suite struct TwoByteLowercaseTests {
    static func lowercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { TwoByteLowercase.lowercased($0) }
    }

    @Test func everyScalarBelowU0800() {
        var all = ""
        for value in UInt32(0)..<0x800 {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect(Self.lowercased(text) == text.lowercased(), "U+\(String(value, radix: 16))")
            all.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        #expect(Self.lowercased(all) == all.lowercased())
        for text in ["日本", "Straße\u{4E00}", "\u{1F600}", "a\u{0800}"] { #expect(Self.lowercased(text) == nil, "\(text)") }
    }

    /// Every word of the multilingual fixture pages (Latin, Greek, Cyrillic, Arabic, Hebrew… and scripts the
    /// table leaves to `lowercased()`), as the term counter's tokenizer cuts them.
    @Test func wordsOfRealPages() throws {
        let folder = Fixtures.url("multilingual")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 20)
        var compared = 0
        for page in pages {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(page)), as: UTF8.self)
            Tokenizer().forEachWord(in: text) { form in
                guard let fast = TwoByteLowercase.lowercased(form) else { return }
                #expect(fast == String(decoding: form, as: UTF8.self).lowercased(), "\(page)")
                if form.contains(where: { $0 >= 0x80 }) { compared += 1 }
            }
        }
        #expect(compared >= 1000)
    }
}
