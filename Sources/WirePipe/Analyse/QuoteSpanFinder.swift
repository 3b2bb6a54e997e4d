/// Finds the spans between pairs of double quotation marks in a paragraph (language-independent).
///
/// Curly marks pair by direction (“…”, „…“, «…», »…«); straight marks (") alternate open and close. A quotation
/// still open at the end of the paragraph runs to its end: by news convention a quotation that goes on into the
/// next paragraph has no closing mark. Single quotation marks are not looked at: inside a quotation they are
/// nested quotations, and elsewhere they are mostly apostrophes.
struct QuoteSpanFinder {
    struct Span {
        /// Token index of the opening mark.
        var open: Int
        /// Token index of the closing mark; nil when the quotation runs to the end of the paragraph.
        var close: Int?
        /// Scalar range of the words inside the marks, trimmed of spaces.
        var inner: Range<Int>
    }

    func spans(in paragraph: AnalysisText.Paragraph) -> [Span] {
        let tokens = paragraph.tokens
        var result: [Span] = []
        var openIndex: Int?
        var expectedClosers: [Unicode.Scalar] = []
        // By index, so the tokens that are not quotation marks are not copied.
        for index in tokens.indices where tokens[index].kind == .quoteMark {
            let token = tokens[index]
            let mark = token.text.unicodeScalars.first!
            if let open = openIndex {
                if expectedClosers.contains(mark) {
                    result.append(span(paragraph, open: open, close: index))
                    openIndex = nil
                    continue
                }
                if mark == "\u{201C}" || mark == "\u{201E}" || mark == "\u{AB}" {
                    // A second opening mark: the first one was never closed. Keep it up to here.
                    result.append(span(paragraph, open: open, close: nil, end: token.start))
                    openIndex = index
                    expectedClosers = Self.closers(for: mark)
                }
                continue
            }
            switch mark {
            case "\u{201D}", "\u{BB}":
                // A closing mark with nothing open: some pages use ” for both marks. It opens only when a word
                // follows directly.
                let next = token.end < paragraph.scalars.count ? paragraph.scalars[token.end] : " "
                if AnalysisText.isLetterOrDigit(next) {
                    openIndex = index
                    expectedClosers = mark == "\u{BB}" ? ["\u{AB}", "\u{BB}"] : ["\u{201D}"]
                }
            default:
                openIndex = index
                expectedClosers = Self.closers(for: mark)
            }
        }
        if let open = openIndex, tokens[open].end < paragraph.scalars.count {
            result.append(span(paragraph, open: open, close: nil, end: paragraph.scalars.count))
        }
        return result.filter { !$0.inner.isEmpty }
    }

    private static func closers(for opener: Unicode.Scalar) -> [Unicode.Scalar] {
        switch opener {
        case "\u{201E}": return ["\u{201C}", "\u{201D}"]
        case "\u{AB}": return ["\u{BB}"]
        // Pages mix straight and curly marks ("…” and “…"): either closes.
        case "\"": return ["\"", "\u{201D}"]
        default: return ["\u{201D}", "\""]
        }
    }

    private func span(_ paragraph: AnalysisText.Paragraph, open: Int, close: Int?, end: Int? = nil) -> Span {
        var lower = paragraph.tokens[open].end
        var upper = close.map { paragraph.tokens[$0].start } ?? end ?? paragraph.scalars.count
        while lower < upper, AnalysisText.isSpace(paragraph.scalars[lower]) { lower += 1 }
        while upper > lower, AnalysisText.isSpace(paragraph.scalars[upper - 1]) { upper -= 1 }
        return Span(open: open, close: close, inner: lower..<upper)
    }
}
