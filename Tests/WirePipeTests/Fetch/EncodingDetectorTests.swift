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

    @Test func utf16WithoutMarkIsRecognised() {
        let page = Array("<html><body><p>Hello there, world</p></body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(detector.detect(page).encoding == "utf-16le")
    }
}
