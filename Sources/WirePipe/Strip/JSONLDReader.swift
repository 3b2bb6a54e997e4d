import Foundation

/// The article facts found in a page's JSON-LD blocks (schema.org NewsArticle, Article, BlogPosting…).
/// Blocks that are not valid JSON are skipped: they never fail the page.
struct JSONLDReader {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var section: String?
    var keywords: String?
    var authors: [String] = []
    var publisherName: String?
    var websiteName: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
        "socialmediaposting", "webpage",
    ]

    /// `strictParser`: read plain JSON with `JSONLDFastParser` (false only to compare it with the general path).
    init(tree: DOMTree, strictParser: Bool = true) {
        // The byte search first (Foundation's costs some 6,000 instructions a script, and most scripts are not
        // JSON-LD): no text is canonically equivalent to these ASCII letters unless its bytes hold them.
        for index in tree.elements(named: "script") {
            guard let type = tree.nodes[index].attribute("type"), BlockText.containsASCII(type, "ld+json"),
                  type.lowercased().contains("ld+json") else { continue }
            var text: [UInt8] = []
            tree.appendText(of: index, to: &text)
            // Plain JSON is read by the strict parser, the rest as before.
            if strictParser, let document = JSONLDFastParser.parse(text) {
                visit(document.root, in: document, depth: 0)
                continue
            }
            guard let json = try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed]) else { continue }
            visit(json, depth: 0)
        }
    }

    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 8 else { return }
        if let list = value as? [Any] {
            for item in list { visit(item, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let types = Self.types(object["@type"])
        if types.contains("website"), websiteName == nil { websiteName = object["name"] as? String }
        // WebPage only counts when nothing better was seen; articles override it.
        if !types.isDisjoint(with: Self.articleTypes) {
            let isPage = types == ["webpage"]
            if headline == nil || !isPage, let value = (object["headline"] as? String) ?? (isPage ? nil : object["name"] as? String) {
                if headline == nil { headline = value }
            }
            if datePublished == nil { datePublished = object["datePublished"] as? String ?? object["dateCreated"] as? String }
            if dateModified == nil { dateModified = object["dateModified"] as? String }
            if section == nil { section = (object["articleSection"] as? String) ?? (object["articleSection"] as? [String])?.first }
            if keywords == nil { keywords = (object["keywords"] as? String) ?? (object["keywords"] as? [String])?.joined(separator: ",") }
            if authors.isEmpty { authors = Self.names(object["author"] ?? object["creator"]) }
            if publisherName == nil, let publisher = object["publisher"] {
                publisherName = Self.names(publisher).first
            }
        }
        if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
        if let main = object["mainEntity"] { visit(main, depth: depth + 1) }
    }

    /// `visit` for a block read by `JSONLDFastParser`: the same steps, with its values in place of
    /// `JSONSerialization`'s (`JSONLDFastParserTests` compares the two readers on real pages).
    private mutating func visit(_ value: JSONLDFastParser.Value, in document: JSONLDFastParser.Document, depth: Int) {
        guard depth < 8 else { return }
        if case .array(let list) = value {
            for item in list { visit(item, in: document, depth: depth + 1) }
            return
        }
        guard case .object = value else { return }
        func member(_ key: StaticString) -> JSONLDFastParser.Value? { document.member(value, key) }
        let types = Self.types(member("@type"), in: document)
        if types.contains("website"), websiteName == nil { websiteName = document.asString(member("name")) }
        if !types.isDisjoint(with: Self.articleTypes) {
            let isPage = types == ["webpage"]
            if headline == nil || !isPage, let value = document.asString(member("headline")) ?? (isPage ? nil : document.asString(member("name"))) {
                if headline == nil { headline = value }
            }
            if datePublished == nil { datePublished = document.asString(member("datePublished")) ?? document.asString(member("dateCreated")) }
            if dateModified == nil { dateModified = document.asString(member("dateModified")) }
            if section == nil { section = document.asString(member("articleSection")) ?? document.asStrings(member("articleSection"))?.first }
            if keywords == nil {
                keywords = document.asString(member("keywords")) ?? document.asStrings(member("keywords"))?.joined(separator: ",")
            }
            if authors.isEmpty { authors = Self.names(member("author") ?? member("creator"), in: document) }
            if publisherName == nil, let publisher = member("publisher") {
                publisherName = Self.names(publisher, in: document).first
            }
        }
        if let graph = member("@graph") { visit(graph, in: document, depth: depth + 1) }
        if let main = member("mainEntity") { visit(main, in: document, depth: depth + 1) }
    }

    static func types(_ raw: JSONLDFastParser.Value?, in document: JSONLDFastParser.Document) -> Set<String> {
        if let single = document.asString(raw) { return [single.lowercased()] }
        if let list = document.asStrings(raw) { return Set(list.map { $0.lowercased() }) }
        return []
    }

    static func names(_ raw: JSONLDFastParser.Value?, in document: JSONLDFastParser.Document) -> [String] {
        if let name = document.asString(raw) { return MetadataExtractor.splitNames(name) }
        if let raw, case .object = raw, let name = document.asString(document.member(raw, "name")) {
            return name.hasPrefix("http") ? [] : MetadataExtractor.splitNames(name)
        }
        if case .array(let list)? = raw { return list.flatMap { names($0, in: document) } }
        return []
    }

    static func types(_ raw: Any?) -> Set<String> {
        if let single = raw as? String { return [single.lowercased()] }
        if let list = raw as? [String] { return Set(list.map { $0.lowercased() }) }
        return []
    }

    static func names(_ raw: Any?) -> [String] {
        if let name = raw as? String { return MetadataExtractor.splitNames(name) }
        if let object = raw as? [String: Any], let name = object["name"] as? String {
            return name.hasPrefix("http") ? [] : MetadataExtractor.splitNames(name)
        }
        if let list = raw as? [Any] { return list.flatMap { names($0) } }
        return []
    }
}
