/// Takes the wire credit line out of the article's paragraphs: it is metadata (`credits`, `credit_line`), not
/// story text. A credit line that is a whole paragraph drops the paragraph; a parenthesised one at the end of
/// a paragraph (`… said. (Reporting by …)`) is cut out of it.
struct CreditLineRemover {
    private let tokenizer = Tokenizer()

    func remove(_ credits: Credits, from paragraphs: [NormalisedParagraph]) -> [NormalisedParagraph] {
        guard paragraphs.indices.contains(credits.paragraphIndex) else { return paragraphs }
        var result = paragraphs
        let paragraph = paragraphs[credits.paragraphIndex]
        let scalars = Array(paragraph.text.unicodeScalars)
        let line = Array(credits.line.unicodeScalars)
        guard let start = Self.find(line, in: scalars) else { return paragraphs }
        var lower = start, upper = start + line.count
        // Take the surrounding parentheses (and the space before them) with the line.
        if lower > 0, scalars[lower - 1] == "(", upper < scalars.count, scalars[upper] == ")" { lower -= 1; upper += 1 }
        while lower > 0, scalars[lower - 1] == " " { lower -= 1 }
        let rest = Array(scalars[..<lower]) + Array(scalars[upper...])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: rest)
        let text = TextFolding.foldWhitespace(String(view))
        // Nothing but punctuation left: the paragraph was the credit line.
        if !text.unicodeScalars.contains(where: AnalysisText.isLetterOrDigit) {
            result.remove(at: credits.paragraphIndex)
            return result
        }
        // The credit line was the end of the paragraph: the sentences before it are unchanged.
        var changed = paragraph
        changed.text = text
        changed.sentences = paragraph.sentences.filter { $0.upperBound <= lower }
        if changed.sentences.isEmpty { changed.sentences = [0..<text.unicodeScalars.count] }
        changed.words = tokenizer.wordCount(in: text)
        result[credits.paragraphIndex] = changed
        return result
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for k in stride(from: haystack.count - needle.count, through: 0, by: -1) where haystack[k] == needle[0] {
            if (0..<needle.count).allSatisfy({ haystack[k + $0] == needle[$0] }) { return k }
        }
        return nil
    }
}
