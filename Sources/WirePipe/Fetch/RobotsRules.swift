import Foundation

/// The rules of a robots.txt for one user agent (RFC 9309): the groups naming the agent, or else the `*`
/// groups; of the Allow and Disallow rules that match a path the longest wins, Allow on a tie; `*` matches
/// any run of characters and a final `$` anchors the end.
struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]

    static let allowAll = RobotsRules(rules: [])
    static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")])

    /// The rules for `agent` (a product token such as `wirepipe`, matched without regard to case).
    init(parsing text: String, agent: String) {
        var specific: [Rule] = []
        var general: [Rule] = []
        var matchedSpecific = false
        // The agents of the group being read, and whether rule lines have begun (a user-agent line after a
        // rule starts a new group).
        var groupAgents: [String] = []
        var inRules = false
        let token = agent.lowercased()
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if inRules {
                    groupAgents = []
                    inRules = false
                }
                groupAgents.append(value.lowercased())
            case "allow", "disallow":
                inRules = true
                // An empty Disallow allows everything: no rule.
                guard !value.isEmpty else { continue }
                let rule = Rule(allow: field == "allow", pattern: value)
                if groupAgents.contains(where: { $0 != "*" && token.hasPrefix($0) }) {
                    specific.append(rule)
                    matchedSpecific = true
                } else if groupAgents.contains("*") {
                    general.append(rule)
                }
            default:
                continue
            }
            if field == "user-agent", groupAgents.contains(where: { $0 != "*" && token.hasPrefix($0) }) { matchedSpecific = true }
        }
        rules = matchedSpecific ? specific : general
    }

    init(rules: [Rule]) {
        self.rules = rules
    }

    /// Whether `path` (path and query of a URL, starting with `/`) may be fetched.
    func allows(_ path: String) -> Bool {
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(rule.pattern, path) {
            let length = rule.pattern.count
            if best == nil || length > best!.length || (length == best!.length && rule.allow) {
                best = (length, rule.allow)
            }
        }
        return best?.allow ?? true
    }

    /// Whether `pattern` matches the start of `path` (the whole of it with a final `$`).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Array(pattern.unicodeScalars)
        let anchored = pattern.last == "$"
        if anchored { pattern.removeLast() }
        let text = Array(path.unicodeScalars)
        // Glob matching with backtracking over the last `*`.
        var p = 0, t = 0
        var star: Int?
        var starText = 0
        while true {
            if p == pattern.count {
                if !anchored || t == text.count { return true }
            } else if pattern[p] == "*" {
                star = p
                starText = t
                p += 1
                continue
            } else if t < text.count, pattern[p] == text[t] {
                p += 1
                t += 1
                continue
            }
            guard let star, starText < text.count else { return false }
            p = star + 1
            starText += 1
            t = starText
        }
    }
}
