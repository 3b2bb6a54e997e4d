import Foundation
import Testing
@testable import WirePipe

/// The byte-level reading of the word-list files gives the entries the `Character` split and Foundation's
/// trimming give.
@Suite struct WordListTextTests {
    /// Every bundled word list and stop-word list, read from the package's sources.
    static func bundledFiles() throws -> [URL] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/WirePipe")
        var files: [URL] = []
        for folder in ["Analyse/WordLists", "Aggregate/StopWordLists"] {
            let url = sources.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }
        }
        return files
    }

    @Test func bundledFilesReadAsBefore() throws {
        let files = try Self.bundledFiles()
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for cutAtHash in [true, false] {
                let entries = WordListText.entries(text, cutAtHash: cutAtHash)
                #expect(!entries.isEmpty)
                #expect(entries == WordListText.generalEntries(text, cutAtHash: cutAtHash), "\(file.lastPathComponent)")
            }
        }
    }

    @Test func lineBreaksCommentsAndSpaces() {
        let texts = [
            "a\r\nb\rc\nd\u{0B}e\u{0C}f", "  x  # note\n\t#only a comment\n\n y#z", "\u{00A0}nbsp\u{00A0}\n\u{3000}wide \u{2003}",
            "one\u{2028}two\u{0085}three\u{2029}four", "# c\n", "", "\n\n", "Zürich | Zurich\nSão Paulo", "tab\there\t",
        ]
        for text in texts {
            for cutAtHash in [true, false] {
                #expect(WordListText.entries(text, cutAtHash: cutAtHash) == WordListText.generalEntries(text, cutAtHash: cutAtHash), "\(text)")
            }
        }
    }
}
