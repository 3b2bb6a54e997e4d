import Foundation
@testable import WirePipe

/// Runs the English analysers over paragraphs written in a test.
enum AnalysisFixtures {
    static func lists() throws -> WordLists { try WordLists.shared.get() }

    static func analyse(_ paragraphs: [String], title: String? = nil, settings: AnalyseSettings = AnalyseSettings()) throws -> ArticleAnalyser.Analysis {
        let sentences = paragraphs.reduce(0) { $0 + SentenceSplitter().split($1).count }
        return ArticleAnalyser(lists: try lists(), settings: settings)
            .analyse(paragraphs: paragraphs, title: title, language: "en", wordCount: 0, sentenceCount: sentences)
    }

    static func quotes(_ paragraphs: [String]) throws -> [Quotation] {
        try analyse(paragraphs).quotes.filter { $0.kind != .scare }
    }
}
