import Foundation

/// What an element's class, id and role names hint at. Hints are weak evidence: they scale scores and
/// break ties; text and link density decide.
enum ClassHint: Equatable {
    case none
    /// The article body (article, content, entry, story, post-body, itemprop=articleBody…).
    case positive
    /// Page chrome (share, comments, related, newsletter, cookie, sidebar…).
    case negative

    /// Words that, as a part of a class or id name, point at chrome. Matched as a prefix of a name part,
    /// so `sharedaddy` and `social-links` match; short words must match a whole part.
    static let negativePrefixes = [
        "share", "sharing", "social", "comment", "respond", "disqus", "related", "recommend", "newsletter",
        "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "sponsor", "advert", "sidebar",
        "widget", "breadcrumb", "pagination", "pager", "popup", "modal", "outbrain", "taboola", "footer",
        "masthead", "navbar", "navigation", "menu", "paywall", "banner", "author-bio", "authorbio", "byline", "bio-box",
        "caption", "tags", "toolbar", "follow", "trending", "most-read", "mostread", "popular",
        "read-more", "readmore", "more-stories", "skip-link", "rating",
        "likes", "gallery", "carousel", "slideshow", "slider", "lightbox", "overlay",
    ]
    /// Short words that only count as a whole name part (`ad` must not match `header` or `read`).
    static let negativeWords: Set<String> = [
        "ad", "ads", "nav", "meta", "tag", "like", "rss", "email", "mail", "login", "aside", "sr", "tools",
    ]
    static let positiveWords: Set<String> = [
        "article", "articlebody", "article-body", "article-content", "articletext", "content", "entry",
        "entry-content", "story", "story-body", "storybody", "post", "post-content", "post-body", "postbody",
        "body", "text", "main", "blog-post", "news-text", "prose",
    ]
    static let negativeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar"]
    /// Semantic tags that are chrome by definition.
    static let negativeTags: Set<String> = ["nav", "aside", "footer", "form"]

    static func of(_ node: DOMTree.Node) -> ClassHint {
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return .positive }
        if let role = node.attribute("role")?.lowercased(), negativeRoles.contains(role) { return .negative }
        if negativeTags.contains(node.name) { return .negative }
        let names = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        if names.count <= 1 { return node.name == "article" || node.name == "main" ? .positive : .none }
        var positive = node.name == "article" || node.name == "main"
        for part in names.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let name = String(part)
            let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            if words.contains(where: negativeWords.contains) { return .negative }
            if negativePrefixes.contains(where: { prefix in
                name.hasPrefix(prefix) || words.contains { $0.hasPrefix(prefix) }
            }) { return .negative }
            if positiveWords.contains(name) || words.contains(where: { positiveWords.contains($0) }) { positive = true }
        }
        return positive ? .positive : .none
    }
}
