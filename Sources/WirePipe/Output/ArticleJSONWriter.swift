/// Writes an `ArticleDocument` as the bytes `SortedJSONEncoder` (and so `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes`) writes for it, field by field, without `Encodable`. Every page writes one article,
/// and the generic path (a tree of boxed values built through keyed containers, with a dynamic type check per
/// value, then sorted and written) cost more than analysing the quotations of the page.
///
/// The fields of each type are written in their keys' UTF-8 byte order, by hand: a field added to a document
/// type must be added here too. `ArticleJSONWriterTests` compares the bytes with `SortedJSONEncoder`'s on real
/// articles and on documents with every optional field set, so a missing or misplaced field fails there.
struct ArticleJSONWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    /// No member written yet in the innermost open object or array (no separator before the next).
    private var fresh = true

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(16_384)
    }

    /// The document's JSON text.
    static func bytes(of document: ArticleDocument, pretty: Bool) throws -> [UInt8] {
        var writer = ArticleJSONWriter(pretty: pretty)
        try writer.write(document)
        return writer.bytes
    }

    mutating func write(_ d: ArticleDocument) throws {
        open(UInt8(ascii: "{"))
        key("authors"); strings(d.authors)
        key("authors_source"); string(d.authorsSource)
        key("comments"); strings(d.comments)
        key("credit_line"); string(d.creditLine)
        key("credits")
        if let credits = d.credits {
            open(UInt8(ascii: "{"))
            for name in Self.sortedKeys(credits) {
                dictionaryKey(name)
                strings(credits[name]!)
            }
            close(UInt8(ascii: "}"))
        } else {
            null()
        }
        key("dateline")
        if let dateline = d.dateline {
            // Synthesised coding: absent optionals are left out, not written as null.
            open(UInt8(ascii: "{"))
            if let agency = dateline.agency { key("agency"); string(agency) }
            if let date = dateline.date { key("date"); string(date) }
            key("location"); string(dateline.location)
            close(UInt8(ascii: "}"))
        } else {
            null()
        }
        key("description"); string(d.description)
        key("entities")
        open(UInt8(ascii: "["))
        for entity in d.entities {
            element()
            open(UInt8(ascii: "{"))
            key("count"); integer(entity.count)
            key("mentions")
            open(UInt8(ascii: "["))
            for mention in entity.mentions {
                element()
                span(text: mention.text, paragraph: mention.paragraph, start: mention.start, end: mention.end)
            }
            close(UInt8(ascii: "]"))
            key("name"); string(entity.name)
            key("title"); string(entity.title)
            key("type"); string(entity.type.rawValue)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "]"))
        key("flags"); strings(d.flags)
        key("id"); string(d.id)
        key("keyphrases")
        open(UInt8(ascii: "["))
        for keyphrase in d.keyphrases {
            element()
            open(UInt8(ascii: "{"))
            key("phrase"); string(keyphrase.phrase)
            key("score"); try number(keyphrase.score)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "]"))
        key("language"); string(d.language)
        key("language_source"); string(d.languageSource)
        key("metrics")
        open(UInt8(ascii: "{"))
        key("characters"); integer(d.metrics.characters)
        key("paragraphs"); integer(d.metrics.paragraphs)
        key("sentences"); integer(d.metrics.sentences)
        key("words"); integer(d.metrics.words)
        close(UInt8(ascii: "}"))
        key("modified"); string(d.modified)
        key("modified_source"); string(d.modifiedSource)
        key("published"); string(d.published)
        key("published_source"); string(d.publishedSource)
        key("quotes")
        open(UInt8(ascii: "["))
        for quote in d.quotes {
            element()
            open(UInt8(ascii: "{"))
            key("anonymous"); boolean(quote.anonymous)
            key("cue"); string(quote.cue)
            key("end"); integer(quote.end)
            key("group"); integer(quote.group)
            key("kind"); string(quote.kind.rawValue)
            key("paragraph"); integer(quote.paragraph)
            key("speaker"); string(quote.speaker)
            key("speaker_mention"); string(quote.speakerMention)
            key("start"); integer(quote.start)
            key("text"); string(quote.text)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "]"))
        key("readability")
        if let readability = d.readability {
            open(UInt8(ascii: "{"))
            key("flesch_kincaid_grade"); try number(readability.fleschKincaidGrade)
            key("flesch_reading_ease"); try number(readability.fleschReadingEase)
            key("reading_time_minutes"); try number(readability.readingTimeMinutes)
            close(UInt8(ascii: "}"))
        } else {
            null()
        }
        key("section"); string(d.section)
        key("site_name"); string(d.siteName)
        key("site_name_source"); string(d.siteNameSource)
        key("source"); write(d.source)
        key("sourcing")
        if let sourcing = d.sourcing {
            open(UInt8(ascii: "{"))
            key("anonymity_phrases"); phrases(sourcing.anonymityPhrases)
            key("anonymous_quote_share"); try number(sourcing.anonymousQuoteShare)
            key("unnamed_attributions"); phrases(sourcing.unnamedAttributions)
            close(UInt8(ascii: "}"))
        } else {
            null()
        }
        key("status"); string(d.status.rawValue)
        key("tags"); strings(d.tags)
        key("text"); string(d.text)
        key("title"); string(d.title)
        key("title_source"); string(d.titleSource)
        key("url"); string(d.url)
        key("versions")
        open(UInt8(ascii: "{"))
        for name in Self.sortedKeys(d.versions) {
            dictionaryKey(name)
            string(d.versions[name]!)
        }
        close(UInt8(ascii: "}"))
        close(UInt8(ascii: "}"))
    }

    /// Synthesised coding: absent optionals are left out.
    private mutating func write(_ source: PageSource) {
        open(UInt8(ascii: "{"))
        key("bytes"); integer(source.bytes)
        key("compressed"); boolean(source.compressed)
        if let date = source.date { key("date"); string(date) }
        key("encoding"); string(source.encoding)
        key("encoding_source"); string(source.encodingSource)
        key("path"); string(source.path)
        if let recordID = source.recordID { key("record_id"); string(recordID) }
        key("sha256"); string(source.sha256)
        if let url = source.url { key("url"); string(url) }
        close(UInt8(ascii: "}"))
    }

    private mutating func phrases(_ phrases: [Sourcing.Phrase]) {
        open(UInt8(ascii: "["))
        for phrase in phrases {
            element()
            span(text: phrase.text, paragraph: phrase.paragraph, start: phrase.start, end: phrase.end)
        }
        close(UInt8(ascii: "]"))
    }

    /// An entity mention or a sourcing phrase: the same four fields.
    private mutating func span(text: String, paragraph: Int, start: Int, end: Int) {
        open(UInt8(ascii: "{"))
        key("end"); integer(end)
        key("paragraph"); integer(paragraph)
        key("start"); integer(start)
        key("text"); string(text)
        close(UInt8(ascii: "}"))
    }

    /// A dictionary's keys in the writer's order (UTF-8 byte order, as `JSONTextWriter` sorts them).
    private static func sortedKeys<Value>(_ dictionary: [String: Value]) -> [String] {
        let keys = Array(dictionary.keys)
        return JSONTextWriter.sortedOrder(keys).map { keys[$0] }
    }

    // MARK: - Layout, as `JSONTextWriter` lays it out

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        depth += 1
        fresh = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(bracket)
        fresh = false
    }

    /// Before each element of an array.
    private mutating func element() {
        if !fresh {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        fresh = false
        indent()
    }

    /// Before each value of an object. Keys are literals that need no escaping: their bytes are copied as
    /// they are, without the string scan (a document has hundreds of keys).
    /// The indent, the quoted key and the colon are written as one run of spaces that is then filled in:
    /// one append instead of a handful (appending byte by byte cost some 500 instructions a key).
    private mutating func key(_ name: StaticString) {
        if !fresh {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        fresh = false
        let indent = pretty ? 2 * depth : 0
        let count = name.utf8CodeUnitCount
        let start = bytes.count
        let total = indent + count + (pretty ? 5 : 3)
        if total <= Self.blanks.count {
            Self.blanks.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<total])) }
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: total))
        }
        bytes.withUnsafeMutableBufferPointer { buffer in
            var i = start + indent
            buffer[i] = UInt8(ascii: "\"")
            UnsafeMutableRawPointer(buffer.baseAddress! + i + 1).copyMemory(from: name.utf8Start, byteCount: count)
            i += count + 1
            buffer[i] = UInt8(ascii: "\"")
            // Pretty: " : " (the spaces are already there); compact: ":".
            buffer[pretty ? i + 2 : i + 1] = UInt8(ascii: ":")
        }
    }

    /// A dictionary's key, which may need escaping.
    private mutating func dictionaryKey(_ name: String) {
        element()
        JSONTextWriter.appendString(name, to: &bytes)
        if pretty {
            bytes.append(contentsOf: " : ".utf8)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)
    /// Spaces a key's run is made from (copied at once; a repeated element is appended byte by byte).
    private static let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private mutating func indent() {
        guard pretty else { return }
        let count = 2 * depth
        if count <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[..<count])
        } else {
            for _ in 0..<count { bytes.append(UInt8(ascii: " ")) }
        }
    }

    // MARK: - Values

    private mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func string(_ text: String) {
        JSONTextWriter.appendString(text, to: &bytes)
    }

    private mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    private mutating func strings(_ texts: [String]) {
        open(UInt8(ascii: "["))
        for text in texts {
            element()
            string(text)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func boolean(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    private mutating func integer(_ value: Int) {
        JSONTextWriter.appendInteger(value, to: &bytes)
    }

    private mutating func number(_ value: Double) throws {
        guard case .number(let text) = try JSONTreeEncoder.number(value) else { return }
        bytes.append(contentsOf: text.utf8)
    }
}
