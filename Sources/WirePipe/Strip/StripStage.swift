import Foundation

/// strip: parses the page with libxml2's HTML parser and keeps only the article: its metadata and its
/// main text as blocks, with the page chrome removed.
public struct StripStage: Stage {
    public static let name = StageName.strip
    public static let version = "12"

    public var settings: StripSettings

    public init(settings: StripSettings) {
        self.settings = settings
    }

    public func process(_ page: FetchedPage) throws(PageError) -> StrippedArticle {
        let tree = try HTMLDocument.parse(page.html, encoding: page.parserEncoding, limits: HTMLDocument.Limits(settings))
        try PageDeadline.check(.strip)
        let metadata = MetadataExtractor(settings: settings).extract(from: tree, urlHint: page.source.url)
        try PageDeadline.check(.strip)
        let extraction = ContentExtractor(settings: settings).extraction(from: tree, title: metadata.title)
        let flags = page.flags + qualityFlags(extraction, metadata: metadata)
        return StrippedArticle(
            id: page.id, source: page.source, metadata: metadata, blocks: extraction.blocks, comments: extraction.comments, flags: flags)
    }

    /// Flags that tell a reader of the statistics what kind of extraction this was:
    /// - `empty`: no main text at all;
    /// - `very-short`: fewer words than `strip.short_article_words`;
    /// - `suspected-truncation`: the text breaks off in an ellipsis (teasers, paywalls);
    /// - `not-an-article`: an index, tag, category or author page (by its URL, or by a page made mostly of
    ///   links with little prose on it).
    /// URL path segments of index pages (tags, categories, topics, authors, search, pagination), in the
    /// languages the extractor is tested in.
    static let indexPathSegments = [
        "/tag/", "/tags/", "/category/", "/categories/", "/author/", "/topic/", "/topics/", "/search", "/page/",
        "/thema/", "/themen/", "/schlagwort/", "/stichwort/", "/autor/", "/suche",  // de
        "/sujet/", "/sujets/", "/rubrique/", "/auteur/", "/mot-cle/", "/recherche",  // fr
        "/etiqueta/", "/etiquetas/", "/tema/", "/temas/", "/categoria/", "/busca",  // es, pt (and "/buscar")
        "/argomento/", "/argomenti/", "/autore/", "/cerca",  // it
        "/onderwerp/", "/categorie/", "/zoeken",  // nl
        "/rubric/", "/avtor/",  // ru (transliterated paths)
    ]

    func qualityFlags(_ extraction: ContentExtractor.Extraction, metadata: ArticleMetadata) -> [String] {
        var flags: [String] = []
        let words = extraction.words
        if extraction.blocks.isEmpty { flags.append("empty") }
        else if words < settings.shortArticleWords { flags.append("very-short") }
        if let last = extraction.blocks.last(where: { $0.kind == .paragraph })?.text,
           last.hasSuffix("...") || last.hasSuffix("\u{2026}") || last.hasSuffix("[\u{2026}]") {
            flags.append("suspected-truncation")
        }
        let path = (metadata.url.flatMap { URL(string: $0)?.path } ?? "").lowercased()
        // Foundation's search (some 15,000 instructions a segment) runs only where the bytes hold the segment:
        // no other text is canonically equivalent to these lowercase ASCII segments, so it could not match.
        let indexPath = Self.indexPathSegments.contains { MetadataExtractor.containsBytes(path, $0) && path.contains($0) }
        if indexPath || (extraction.pageLinkDensity > settings.indexLinkDensity && words < settings.shortArticleWords) {
            flags.append("not-an-article")
        }
        return flags
    }
}
