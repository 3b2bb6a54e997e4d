import Foundation

/// normalise: Unicode NFC and whitespace folding of every block (the publisher's characters are kept
/// otherwise), sentence splitting and tokens in match form.
public struct NormaliseStage: Stage {
    public static let name = StageName.normalise
    public static let version = "2"

    public var settings: NormaliseSettings
    private let splitter: SentenceSplitter
    private let tokenizer = Tokenizer()

    public init(settings: NormaliseSettings) {
        self.settings = settings
        self.splitter = SentenceSplitter(abbreviations: settings.abbreviations)
    }

    public func process(_ article: StrippedArticle) throws(PageError) -> NormalisedArticle {
        var paragraphs: [NormalisedParagraph] = []
        paragraphs.reserveCapacity(article.blocks.count)
        for block in article.blocks {
            try PageDeadline.check(.normalise)
            let text = TextFolding.foldWhitespace(TextFolding.nfc(block.text))
            guard !text.isEmpty else { continue }
            paragraphs.append(NormalisedParagraph(
                kind: block.kind, text: text, sentences: splitter.split(text), words: tokenizer.wordCount(in: text)))
        }
        var metadata = article.metadata
        metadata.title = metadata.title.map { TextFolding.foldWhitespace(TextFolding.nfc($0)) }
        metadata.authors = metadata.authors.map { TextFolding.foldWhitespace(TextFolding.nfc($0)) }
        metadata.siteName = metadata.siteName.map { TextFolding.foldWhitespace(TextFolding.nfc($0)) }
        let comments = article.comments.map { TextFolding.foldWhitespace(TextFolding.nfc($0)) }
        return NormalisedArticle(
            id: article.id, source: article.source, metadata: metadata, paragraphs: paragraphs, comments: comments, flags: article.flags)
    }
}
