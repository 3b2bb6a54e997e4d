import Foundation

/// Per-language stop words, read once from the data files `StopWordLists/stopwords-<language>.txt` (bundled as
/// package resources, so a list is edited as data, not code). A language without a list has no stop words:
/// its rankings show function words rather than silently dropping real terms by another language's list.
public enum StopWords {
    /// Every bundled list, keyed by language code. Read on first use; a `static let` is initialised once,
    /// thread-safely, so workers can share it.
    public static let lists: [String: Set<String>] = load(from: Bundle.module.resourceURL?.appendingPathComponent("StopWordLists"))

    /// The ASCII words of each list (in NFC, as the text is) in byte tables: the term counter checks an ASCII
    /// term by the bytes and FNV-1a hash it already has, rather than making a SipHash of it. For an ASCII
    /// term this is exactly `Set.contains` (canonically equivalent to an ASCII string is having it as NFC).
    static let asciiTables: [String: ByteKeyTable<Bool>] = lists.mapValues { words in
        var table = ByteKeyTable<Bool>()
        for word in words.map(TextFolding.nfc).sorted() where word.utf8.allSatisfy({ $0 < 0x80 }) {
            var word = word
            word.withUTF8 { bytes in
                let hash = ByteKeyTable<Bool>.hash(bytes)
                let found = table.find(bytes, hash: hash)
                if found.index == nil { table.add(bytes, hash: hash, slot: found.slot, value: true) }
            }
        }
        return table
    }

    public static func contains(_ word: String, language: String) -> Bool {
        lists[language]?.contains(word) ?? false
    }

    static func load(from folder: URL?) -> [String: Set<String>] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var lists: [String: Set<String>] = [:]
        for name in names where name.hasPrefix("stopwords-") && name.hasSuffix(".txt") {
            let language = String(name.dropFirst("stopwords-".count).dropLast(".txt".count))
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            lists[language] = parse(text)
        }
        return lists
    }

    /// One word per line; blank lines and lines starting with `#` are skipped. Words are compared in the
    /// same form the term counter produces (match form, lowercased).
    static func parse(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for word in WordListText.entries(text, cutAtHash: false) where !word.hasPrefix("#") {
            words.insert(TextFolding.matchForm(word).lowercased())
        }
        return words
    }
}
