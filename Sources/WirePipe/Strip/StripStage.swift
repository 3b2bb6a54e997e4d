import Foundation

/// strip: parses the page with libxml2's HTML parser and keeps only the article: its metadata and its
/// main text as blocks, with the page chrome removed.
public struct StripStage: Stage {
    public static let name = StageName.strip
    public static let version = "1"

    public var settings: StripSettings

    public init(settings: StripSettings) {
        self.settings = settings
    }

    public func process(_ page: FetchedPage) throws(PageError) -> StrippedArticle {
        let tree = try HTMLDocument.parse(page.html, encoding: page.parserEncoding)
        let metadata = MetadataExtractor().extract(from: tree)
        let blocks = ContentExtractor(settings: settings).extract(from: tree, title: metadata.title)
        var flags = page.flags
        if blocks.isEmpty { flags.append("no-main-text") }
        return StrippedArticle(id: page.id, source: page.source, metadata: metadata, blocks: blocks, flags: flags)
    }
}
