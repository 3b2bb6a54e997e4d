import Foundation

// Corpus-learned boilerplate: a short text block that repeats on many pages of one site ("Join now for FREE
// unlimited access to Reuters.com", a footer line) is chrome the extractor kept. strip records the
// fingerprints of each page's short blocks (`PageBlocks`); the runner counts, over every page the manifest
// holds, on how many distinct pages of a site each fingerprint occurs (`BoilerplateIndex`) and removes the
// repeated ones before normalise (`BoilerplateIndex.remove`). Stored strip outputs stay the raw extraction,
// so a page whose set of boilerplate blocks changes is redone from normalise only.

/// What the manifest keeps per stripped page for boilerplate learning.
public struct PageBlocks: Sendable, Equatable {
    /// The site the page belongs to (`PageBlocks.site(of:)`).
    public var site: String
    /// Fingerprints of the page's candidate blocks: sorted and distinct, so a page counts once per block.
    public var hashes: [UInt64]
    /// `BoilerplateIndex.appliedKey` of the blocks removed when the page was last normalised ("" when none
    /// or not normalised yet): when the index now gives another key, the page is redone from normalise.
    public var applied: String
    /// What was removed (`BoilerplateIndex.statisticsKey`), for the page's statistics contribution.
    public var removed: [String]

    public init(site: String, hashes: [UInt64], applied: String = "", removed: [String] = []) {
        self.site = site
        self.hashes = hashes
        self.applied = applied
        self.removed = removed
    }

    /// The candidate blocks of a stripped page: every block of at most `strip.boilerplate_max_words` words
    /// (boilerplate is short; long blocks are the article and cost nothing to keep out of the count).
    public init(of article: StrippedArticle, settings: StripSettings) {
        var hashes = Set<UInt64>()
        for block in article.blocks where Self.isCandidate(block.text, maxWords: settings.boilerplateMaxWords) {
            hashes.insert(Self.fingerprint(block.text))
        }
        self.init(site: Self.site(of: article), hashes: hashes.sorted())
    }

    /// The site of a page, the unit boilerplate is learnt in. The first that exists of:
    /// 1. the host of the page's canonical URL (`<link rel=canonical>`, og:url, JSON-LD: `metadata.url`);
    /// 2. the host of the URL it was fetched from (WARC-Target-URI, URL list);
    /// 3. `name:` and the site name the page gives (og:site_name …), lowercased;
    /// 4. `folder:` and the input sub-folder the file is in (`folder:` alone for the input root).
    /// A leading `www.` is dropped, so `www.reuters.com` and `reuters.com` are one site.
    public static func site(of article: StrippedArticle) -> String {
        for candidate in [article.metadata.url, article.source.url] {
            guard let candidate, var host = URL(string: candidate)?.host?.lowercased(), !host.isEmpty else { continue }
            if host.hasPrefix("www.") { host.removeFirst(4) }
            return host
        }
        if let name = article.metadata.siteName.map({ TextFolding.foldWhitespace($0).lowercased() }), !name.isEmpty {
            return "name:" + name
        }
        let path = article.source.path
        guard let slash = path.lastIndex(of: "/") else { return "folder:" }
        return "folder:" + path[..<slash]
    }

    /// No block of `maxWords` words takes 24 bytes a word (Russian averages about 15 with its space).
    static let maxBytesPerWord = 24

    /// Words are counted as the extractor counts them (`BlockText`): a Chinese or Japanese paragraph,
    /// written without spaces, is as long in words as its translation, not one word.
    static func isCandidate(_ text: String, maxWords: Int) -> Bool {
        guard text.utf8.count <= maxWords * maxBytesPerWord else { return false }
        let words = BlockText.wordCount(text)
        return words > 0 && words <= maxWords
    }

    /// 64-bit FNV-1a of the block's folded text (lowercased, quotes and dashes folded, whitespace collapsed):
    /// stable across runs, processes and machines, unlike Swift's seeded `Hasher`.
    public static func fingerprint(_ text: String) -> UInt64 {
        if let hash = plainFingerprint(text) { return hash }
        let folded = TextFolding.foldWhitespace(TextFolding.matchForm(TextFolding.nfc(text)).lowercased())
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folded.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The same hash in one pass over the scalars, for text made of ASCII and the quotes, dashes and ellipsis
    /// the match form folds to ASCII (most blocks): NFC and lowercasing leave such text as it is but for
    /// ASCII case, so the folded bytes are known scalar by scalar. nil for any other scalar (the full path
    /// then runs): each of the four string passes cost more than the hash.
    static func plainFingerprint(_ text: String) -> UInt64? {
        var text = text
        if let hash = text.withUTF8(asciiFingerprint) { return hash }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false, hasContent = false
        func add(_ byte: UInt8) {
            if pendingSpace {
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
                pendingSpace = false
            }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            hasContent = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if hasContent { pendingSpace = true }
                } else {
                    add(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                }
            } else if value == TextFolding.ellipsis {
                for _ in 0..<3 { add(UInt8(ascii: ".")) }
            } else if let ascii = TextFolding.foldedASCII(value) {
                add(ascii)
            } else {
                return nil
            }
        }
        return hash
    }
}

extension PageBlocks {
    /// `plainFingerprint` of ASCII text on its bytes, the common case (the scalar loop cost some 40
    /// instructions a byte); nil at the first byte that is not ASCII.
    static func asciiFingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false, hasContent = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if hasContent { pendingSpace = true }
                continue
            }
            if pendingSpace {
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
                pendingSpace = false
            }
            hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)) &* 0x100_0000_01b3
            hasContent = true
        }
        return hash
    }
}

/// The blocks that are boilerplate, per site, learnt from every page the manifest holds: a fingerprint
/// is boilerplate for a site when it occurs on at least `strip.boilerplate_min_pages` distinct pages of the
/// site and on at least `strip.boilerplate_min_share` of the site's stripped pages. Counting distinct pages
/// over the whole manifest makes the result independent of page order and of how pages were split over runs.
public struct BoilerplateIndex: Sendable {
    public private(set) var boilerplate: [String: Set<UInt64>] = [:]

    public init() {}

    public init<Pages: Sequence>(pages: Pages, settings: StripSettings) where Pages.Element == PageBlocks {
        guard settings.boilerplateMinPages > 0 else { return }
        var sitePages: [String: Int] = [:]
        var occurrences: [String: [UInt64: Int]] = [:]
        for page in pages {
            sitePages[page.site, default: 0] += 1
            // `hashes` is distinct, so no page counts twice for a block.
            for hash in page.hashes { occurrences[page.site, default: [:]][hash, default: 0] += 1 }
        }
        for (site, counts) in occurrences {
            let needed = max(Double(settings.boilerplateMinPages), settings.boilerplateMinShare * Double(sitePages[site] ?? 0))
            let repeated = Set(counts.lazy.filter { Double($0.value) >= needed }.map(\.key))
            if !repeated.isEmpty { boilerplate[site] = repeated }
        }
    }

    /// Which of the page's blocks are boilerplate, as a key: a page's normalised text depends only on this
    /// subset, so a changed key (new pages made one of its blocks repeated) means its text must be redone.
    public func appliedKey(_ page: PageBlocks) -> String {
        guard let repeated = boilerplate[page.site] else { return "" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false
        for block in page.hashes where repeated.contains(block) {
            any = true
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (block >> UInt64(shift)) & 0xff
                hash = hash &* 0x100_0000_01b3
            }
        }
        return any ? String(hash, radix: 16) : ""
    }

    /// The article without the site's boilerplate blocks, and what was removed (statistics keys, each once).
    /// A rule of this kind never empties an article: when every block would go, the page keeps them all
    /// (a page made only of site-wide text is for the quality flags to describe, not for this rule to erase).
    public func remove(from article: StrippedArticle, page: PageBlocks, settings: StripSettings) -> (StrippedArticle, [String]) {
        guard let repeated = boilerplate[page.site], page.hashes.contains(where: repeated.contains) else { return (article, []) }
        var kept: [TextBlock] = []
        var removed = Set<String>()
        for block in article.blocks {
            // The fingerprint first, the word count only for a repeated one: a block is removed when both hold,
            // and few blocks are repeated. The byte-length bound of `isCandidate` skips long blocks cheaply.
            if block.text.utf8.count <= settings.boilerplateMaxWords * PageBlocks.maxBytesPerWord, repeated.contains(PageBlocks.fingerprint(block.text)),
               PageBlocks.isCandidate(block.text, maxWords: settings.boilerplateMaxWords) {
                removed.insert(Self.statisticsKey(site: page.site, text: block.text))
            } else {
                kept.append(block)
            }
        }
        guard !kept.isEmpty else { return (article, []) }
        var result = article
        result.blocks = kept
        return (result, removed.sorted())
    }

    /// How a removed block is named in `boilerplate_removed`: the site, ` | `, and the block's text
    /// (whitespace folded) cut to 80 characters.
    public static func statisticsKey(site: String, text: String) -> String {
        let folded = TextFolding.foldWhitespace(text)
        // No more bytes than 80 means no more characters than 80: counting characters (grapheme breaking) is
        // left to the longer texts.
        let prefix = folded.utf8.count > 80 && folded.count > 80 ? String(folded.prefix(80)) + "\u{2026}" : folded
        return site + " | " + prefix
    }
}
