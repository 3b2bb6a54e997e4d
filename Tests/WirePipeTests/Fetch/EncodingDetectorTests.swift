import Foundation
import Testing
@testable import WirePipe

@Suite struct EncodingDetectorTests {
    let detector = EncodingDetector()

    @Test func seedPagesDeclareTheirEncodings() throws {
        let expected = try Fixtures.expected()
        for name in Fixtures.seedPages {
            let detection = detector.detect(try Fixtures.bytes(name))
            #expect(detection.encoding == expected.pages[name]?.encoding, "\(name)")
            #expect(detection.source == "meta")
        }
    }

    @Test func byteOrderMarksWin() {
        #expect(detector.detect([0xEF, 0xBB, 0xBF] + Array("<meta charset=latin1>".utf8)) == .init(encoding: "utf-8", source: "bom", bomLength: 3))
        #expect(detector.detect([0xFF, 0xFE, 0x3C, 0x00]).encoding == "utf-16le")
        #expect(detector.detect([0xFE, 0xFF, 0x00, 0x3C]).encoding == "utf-16be")
        #expect(detector.detect([0xFF, 0xFE, 0x00, 0x00]).encoding == "utf-32le")
    }

    @Test func httpEquivAndXMLDeclarationsAreRead() {
        let httpEquiv = Array(#"<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">"#.utf8)
        #expect(detector.detect(httpEquiv).encoding == "shift_jis")
        let xml = Array(#"<?xml version="1.0" encoding="ISO-8859-2"?><html>"#.utf8)
        #expect(detector.detect(xml) == .init(encoding: "iso-8859-2", source: "xml-declaration", bomLength: 0))
    }

    @Test func latin1LabelsReadAsWindows1252() {
        #expect(detector.detect(Array("<meta charset=\"iso-8859-1\"><p>caf\u{E9}".utf8.map { $0 }.filter { $0 < 0x80 }) + [0x93, 0x94]).encoding == "windows-1252")
    }

    @Test func undeclaredPagesAreJudgedByTheirBytes() {
        #expect(detector.detect(Array("<p>caf\u{E9} \u{201C}quoted\u{201D}</p>".utf8)) == .init(encoding: "utf-8", source: "utf8-valid", bomLength: 0))
        #expect(detector.detect([0x3C, 0x70, 0x3E, 0x93, 0x68, 0x69, 0x94]) == .init(encoding: "windows-1252", source: "fallback", bomLength: 0))
    }

    @Test func utf8BytesBeatAWrongSingleByteDeclaration() {
        let page = Array("<meta charset=\"windows-1252\"><p>\u{201C}Kyiv\u{201D}</p>".utf8)
        #expect(detector.detect(page).encoding == "utf-8")
    }

    /// The declaration search finds what a plain search over the lowercased head finds (the definition,
    /// written out here), on the carried pages and on heads with declarations, tags and case put in at random.
    @Test func declarationSearchIsThePlainSearch() throws {
        func plainFind(_ needle: [UInt8], _ hay: [UInt8], from: Int) -> Int? {
            guard needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
            return (from...(hay.count - needle.count)).first { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        func plainValue(_ name: String, _ slice: ArraySlice<UInt8>) -> String? {
            let hay = Array(slice)
            guard let at = plainFind(Array(name.utf8), hay, from: 0) else { return nil }
            var i = at + name.utf8.count
            while i < hay.count, hay[i] == 0x20 { i += 1 }
            guard i < hay.count, hay[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < hay.count, hay[i] == 0x20 || hay[i] == 0x22 || hay[i] == 0x27 { i += 1 }
            var value: [UInt8] = []
            while i < hay.count, ![0x22, 0x27, 0x20, 0x3B, 0x3E].contains(hay[i]), !(hay[i] == 0x2F && value.isEmpty) {
                value.append(hay[i])
                i += 1
            }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
        func plain(_ bytes: [UInt8]) -> EncodingDetector.Detection? {
            let head = Array(bytes.prefix(EncodingDetector.prescanBytes)).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }
            if head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")),
               let label = plainValue("encoding", head[0..<end]), let name = TextEncodingName.canonical(label) {
                return .init(encoding: name, source: "xml-declaration", bomLength: 0)
            }
            var i = 0
            while let start = plainFind(Array("<meta".utf8), head, from: i) {
                let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
                if let label = plainValue("charset", head[start..<end]), let name = TextEncodingName.canonical(label) {
                    return .init(encoding: name.hasPrefix("utf-16") || name.hasPrefix("utf-32") ? "utf-8" : name, source: "meta", bomLength: 0)
                }
                i = end
            }
            return nil
        }
        var pages = try UnreadAttributesTests.carriedPages().map(\.bytes)
        let pieces = ["<meta", "<META ", "charset", "CharSet=", "=", " ", "\"", "'", ">", "<", "utf-8", "ISO-8859-2", "shift_jis", "utf-16",
                      ";", "/", "<?xml ", "encoding=koi8-r", "<meta charset=", "<meta http-equiv=content-type content=\"text/html; charset="]
        var generator = SplitMix(seed: 0xC4A5)
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8) }
            if generator.next() % 4 == 0 { bytes = Array(repeating: 0x20, count: Int(generator.next() % 4200)) + bytes }
            pages.append(bytes)
        }
        var found = 0
        for bytes in pages {
            let detection = EncodingDetector.declaredEncoding(bytes)
            #expect(detection == plain(bytes), "\(String(decoding: bytes.prefix(200), as: UTF8.self))")
            if detection != nil { found += 1 }
        }
        // Both outcomes common: 67 of the 400-odd heads declare an encoding with this seed.
        #expect(found > 40)
    }

    @Test func utf16WithoutMarkIsRecognised() {
        let page = Array("<html><body><p>Hello there, world</p></body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(detector.detect(page).encoding == "utf-16le")
    }
}
