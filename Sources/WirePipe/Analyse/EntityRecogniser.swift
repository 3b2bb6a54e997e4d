/// Finds people, places, organisations and other named things in English text, and merges their mentions
/// under one canonical name.
///
/// Rules, in order, for each run of capitalised words (joined by "of", name particles and initials):
/// - the longest gazetteer name (countries, places, organisations, with aliases: "U.S." → United States);
/// - a run with an organisation word ("Defense Ministry", "Armed Services Committee") is an organisation, one
///   with a place word ("Cook County") a place;
/// - leading titles and nationalities are stripped into `title` ("Russian Foreign Minister Sergei Lavrov" →
///   Sergei Lavrov, title Foreign Minister); two to four name-like words left are a person;
/// - a single word is a person when a title precedes it or it is the surname of a person named in full
///   (merged into that person), a place after "the city of" and the like, and otherwise another named thing
///   only when it cannot be a capitalised common word (all capitals, digits, or not at a sentence start).
/// Then lowercase spellings of single-word places and organisations ("kyiv") are merged into the
/// capitalised entity, and the title (the headline) is searched for the entities found in the text: its
/// mentions count, with paragraph -1 and offsets into the title.
struct EntityRecogniser {
    let lists: WordLists

    /// Name particles that may stand lowercase inside a name ("Ursula von der Leyen").
    static let particles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el", "del", "dos", "das"]
    /// Title words that qualify an office ("Foreign" Minister) but are not one: alone before a single word
    /// they do not make it a person.
    private static let titleModifiers: Set<String> = [
        "foreign", "defense", "defence", "interior", "finance", "treasury", "state", "health", "education", "energy",
        "trade", "economy", "homeland", "security", "national", "intelligence", "former", "acting", "interim", "then",
        "democratic", "republican", "independent", "u.s", "us", "house", "senate", "vice", "deputy", "assistant",
        "prime", "chief", "crown", "majority", "minority", "executive", "general",
    ]

    struct Candidate {
        var name: String
        var type: NamedEntity.Kind
        var title: String?
        var mention: NamedEntity.Mention
        /// Lowercase words of the mention, for surname merging.
        var isSingleWord: Bool
    }

    func recognise(_ text: AnalysisText) -> [NamedEntity] {
        var candidates: [Candidate] = []
        var pendingSingles: [(word: String, lower: String, mention: NamedEntity.Mention, placeHint: Bool, onlyIfKnown: Bool)] = []
        for paragraph in text.paragraphs {
            // An all-capitals paragraph is a heading ("MILITARY TARGETS"): only gazetteer names count there.
            let words = paragraph.tokens.lazy.filter { $0.kind == .word && !$0.lower.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }
            let isHeading = !words.isEmpty && words.allSatisfy(\.isAllCaps)
            scanRuns(paragraph, headingOnly: isHeading, into: &candidates, singles: &pendingSingles)
        }

        // Merge: people by full name, everything else by canonical name.
        // Entities in order of first mention, with their keys; `index` finds a key's entity with one hash.
        var entities: [NamedEntity] = []
        var order: [String] = []
        var index: [String: Int] = [:]
        func add(_ key: String, _ name: String, _ type: NamedEntity.Kind, _ title: String?, _ mention: NamedEntity.Mention) {
            let at: Int
            if let known = index[key] {
                at = known
            } else {
                at = entities.count
                index[key] = at
                entities.append(NamedEntity(name: name, type: type, title: title, count: 0, mentions: []))
                order.append(key)
            }
            entities[at].mentions.append(mention)
            if entities[at].title == nil, let title { entities[at].title = title }
        }
        var surnames: [String: String] = [:]
        // A person is mentioned many times: each name's surname is worked out once (the last mention still wins).
        var surnameOfName: [String: String?] = [:]
        for candidate in candidates where candidate.type == .person && !candidate.isSingleWord {
            let key: String?
            if let known = surnameOfName[candidate.name] {
                key = known
            } else {
                key = Self.surname(of: candidate.name)?.lowercased()
                surnameOfName[candidate.name] = key
            }
            if let key { surnames[key] = candidate.name }
        }
        for candidate in candidates {
            if candidate.type == .person, candidate.isSingleWord, let full = surnames[candidate.name.lowercased()] {
                add(full, full, .person, candidate.title, candidate.mention)
            } else {
                add(candidate.name, candidate.name, candidate.type, candidate.title, candidate.mention)
            }
        }
        for single in pendingSingles {
            if let full = surnames[single.lower] {
                add(full, full, .person, nil, single.mention)
            } else if let known = index[single.word].map({ entities[$0] }) {
                add(known.name, known.name, known.type, nil, single.mention)
            } else if !single.onlyIfKnown {
                add(single.word, single.word, single.placeHint ? .place : .other, nil, single.mention)
            }
        }

        // Lowercase spellings and the headline.
        var byLower: [String: String] = [:]
        for (at, key) in order.enumerated() where !key.utf8.contains(0x20) && lists.gazetteerNames.contains(key) {
            let entity = entities[at]
            let lower = key.lowercased()
            if entity.type == .place || entity.type == .organisation, lower.unicodeScalars.count >= 4,
               !lists.lowercaseExclusions.contains(lower), !lists.stopWords.contains(lower) {
                byLower[lower] = key
            }
        }
        for paragraph in text.paragraphs where !byLower.isEmpty {
            let tokens = paragraph.tokens
            for k in tokens.indices where tokens[k].kind == .word && !tokens[k].isCapitalised && tokens[k].end - tokens[k].start >= 4
                && tokens[k].is(.lowercaseGazetteerName) {
                let token = tokens[k]
                if let key = byLower[token.lower] {
                    entities[index[key]!].mentions.append(mention(paragraph, token.start, token.end))
                }
            }
        }
        if let title = text.title {
            var names: [String: String] = [:]
            for key in order { names[key.lowercased()] = key }
            // In order of first mention, not dictionary order: the same page always gives the same entities.
            for (at, key) in order.enumerated() where entities[at].type == .person {
                if let last = Self.lastWord(of: key) { names[last.lowercased()] = names[last.lowercased()] ?? key }
            }
            let words = title.tokens.filter { $0.kind == .word }
            var k = 0
            while k < words.count {
                var matched = 0
                for length in stride(from: min(4, words.count - k), through: 1, by: -1) {
                    let phrase = words[k..<(k + length)].map(\.lower).joined(separator: " ")
                    // Names found in the text, then gazetteer aliases of entities found in the text ("US").
                    let known = names[phrase] ?? lists.gazetteerByLowercase[phrase].flatMap { index[$0] == nil ? nil : $0 }
                    if let key = known {
                        entities[index[key]!].mentions.append(mention(title, words[k].start, words[k + length - 1].end))
                        matched = length
                        break
                    }
                }
                k += max(matched, 1)
            }
        }

        var result = entities
        for index in result.indices {
            result[index].mentions.sort { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }
            result[index].count = result[index].mentions.count
        }
        return result.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// Generational suffixes that come after the surname ("James Kennedy Jr.").
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// The surname of a full name: its last word before any suffix.
    static func surname(of name: String) -> String? {
        if let ascii = asciiSurname(of: name) { return ascii }
        let words = name.split(separator: " ")
        return words.last { word in !nameSuffixes.contains(String(word.lowercased().filter { $0 != "." })) }.map(String.init)
    }

    /// The last space-separated word of a name (`split(separator: " ").last`), on the bytes of an ASCII name.
    static func lastWord(of name: String) -> Substring? {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.split(separator: " ").last }
        let utf8 = name.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
        return name[start..<end]
    }

    /// `surname(of:)` for an ASCII name, on its bytes (nil for any other name, which takes the general path):
    /// names are mostly ASCII, and a person's name is looked at once per article.
    private static func asciiSurname(of name: String) -> String?? {
        var name = name
        return name.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0 {
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                guard end > 0 else { break }
                var start = end
                while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
                // The word lowercased without its dots, compared with the suffixes.
                var folded: [UInt8] = []
                for k in start..<end where bytes[k] != 0x2E {
                    folded.append(bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] + 32 : bytes[k])
                }
                if !nameSuffixes.contains(String(decoding: folded, as: UTF8.self)) {
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                end = start
            }
            return .some(nil)
        }
    }

    private func mention(_ paragraph: AnalysisText.Paragraph, _ start: Int, _ end: Int) -> NamedEntity.Mention {
        let base = paragraph.index < 0 ? 0 : paragraph.offset
        return NamedEntity.Mention(text: paragraph.string(start..<end), paragraph: paragraph.index, start: base + start, end: base + end)
    }

    // MARK: - Runs of capitalised words

    private func isNameWord(_ token: AnalysisText.Token) -> Bool {
        token.kind == .word && (token.isCapitalised || token.isAllCaps)
    }

    private func scanRuns(
        _ paragraph: AnalysisText.Paragraph, headingOnly: Bool, into candidates: inout [Candidate],
        singles: inout [(word: String, lower: String, mention: NamedEntity.Mention, placeHint: Bool, onlyIfKnown: Bool)]
    ) {
        let tokens = paragraph.tokens
        var i = 0
        // One buffer for every run's token indices; tokens are read in place, not copied, while runs are extended.
        var run: [Int] = []
        run.reserveCapacity(8)
        while i < tokens.count {
            // Fields read in place: the tokens between names are not copied.
            guard tokens[i].kind == .word, tokens[i].isCapitalised || tokens[i].isAllCaps else { i += 1; continue }
            // Extend the run: capitalised words, "of"/particles before a capitalised word, the dot of an initial.
            run.removeAll(keepingCapacity: true)
            run.append(i)
            var j = i + 1
            while j < tokens.count {
                if isNameWord(tokens[j]), !tokens[j].startsSentence { run.append(j); j += 1; continue }
                let isWord = tokens[j].kind == .word
                // "Securities and Exchange Commission": "and" inside an organisation's name.
                if isWord, tokens[j].lower == "and", let end = organisationNameEnd(tokens, from: j + 1) {
                    while j < end { run.append(j); j += 1 }
                    continue
                }
                if isWord, tokens[j].lower == "of" || tokens[j].is(.particle), j + 1 < tokens.count,
                   isNameWord(tokens[j + 1]), !tokens[j + 1].startsSentence {
                    run.append(j); j += 1; continue
                }
                if tokens[j].isPunctuation("."), let last = run.last, tokens[last].end == tokens[j].start,
                   tokens[last].text.unicodeScalars.count == 1 || AnalysisText.abbreviations.contains(tokens[last].lower),
                   j + 1 < tokens.count, isNameWord(tokens[j + 1]) {
                    j += 1; continue  // "John F. Kennedy", "Sen. Jane Doe": the dot is skipped, the words stay one run
                }
                break
            }
            // "the city of Kherson": a place; "in Kherson", "from Kherson", "near Kherson": perhaps one.
            let placeHint = i > 1 && tokens[i - 1].lower == "of" && tokens[i - 2].is(.placeIntroducer)
            let locativeHint = i > 0 && (tokens[i - 1].lower == "in" || tokens[i - 1].lower == "from" || tokens[i - 1].lower == "near")
            classify(run.map { tokens[$0] }, paragraph: paragraph, headingOnly: headingOnly, placeHint: placeHint,
                     locativeHint: locativeHint, into: &candidates, singles: &singles)
            i = j
        }
    }

    /// End of a run of capitalised words starting at `start` when its last word is an organisation word.
    private func organisationNameEnd(_ tokens: [AnalysisText.Token], from start: Int) -> Int? {
        var k = start
        while k < tokens.count, isNameWord(tokens[k]), !tokens[k].startsSentence { k += 1 }
        return k > start && tokens[k - 1].is(.organisationWord) ? k : nil
    }

    private func classify(
        _ input: [AnalysisText.Token], paragraph: AnalysisText.Paragraph, headingOnly: Bool, placeHint: Bool,
        locativeHint: Bool, into candidates: inout [Candidate],
        singles: inout [(word: String, lower: String, mention: NamedEntity.Mention, placeHint: Bool, onlyIfKnown: Bool)]
    ) {
        var run = input
        // A function word opening the run is capitalised by its place (a sentence or a quotation starts there):
        // drop it, unless the whole run is a known name ("The Hague").
        // (A run longer than every gazetteer name opening with its first word is no gazetteer name.)
        // (A word not flagged `gazetteerFirstWord` opens no gazetteer name: no look-up needed.)
        if !run[0].is(.gazetteerFirstWord) || run.count > lists.gazetteerWordsByFirstWord[run[0].text] ?? 1
            || lists.gazetteer[run.map(\.text).joined(separator: " ")] == nil {
            while let first = run.first, first.is(.stopWord) || (first.startsSentence && first.is(.calendarWord)) {
                run.removeFirst()
            }
        }
        while let first = run.first, first.lower == "of" { run.removeFirst() }
        while let last = run.last, last.lower == "of" || last.is(.particle) { run.removeLast() }
        guard !run.isEmpty else { return }

        // Gazetteer names anywhere in the run, longest first; the parts between are classified on their own.
        var k = 0
        var rest: [AnalysisText.Token] = []
        func flushRest() {
            if !rest.isEmpty { classifyUnknown(rest, paragraph: paragraph, headingOnly: headingOnly, placeHint: placeHint, locativeHint: locativeHint, into: &candidates, singles: &singles) }
            rest = []
        }
        while k < run.count {
            var matched = 0
            guard run[k].is(.gazetteerFirstWord) else { rest.append(run[k]); k += 1; continue }
            // Only as many words as the longest gazetteer name opening with this word (one for the all-caps look-up).
            let longest = min(lists.gazetteerMaxWords, lists.gazetteerWordsByFirstWord[run[k].text] ?? 1)
            for length in stride(from: min(longest, run.count - k), through: 1, by: -1) {
                var key = length == 1 ? run[k].text : run[k..<(k + length)].map(\.text).joined(separator: " ")
                var entry = lists.gazetteer[key]
                if entry == nil, length == 1, run[k].isAllCaps, run[k].text.unicodeScalars.count >= 3 {
                    key = String(run[k].text.prefix(1)) + String(run[k].lower.dropFirst())
                    entry = lists.gazetteer[key]
                }
                if let entry {
                    flushRest()
                    candidates.append(Candidate(name: entry.name, type: entry.type, title: nil,
                                                mention: mention(paragraph, run[k].start, run[k + length - 1].end), isSingleWord: length == 1))
                    matched = length
                    break
                }
            }
            if matched == 0 { rest.append(run[k]); k += 1 } else { k += matched }
        }
        flushRest()
    }

    private func classifyUnknown(
        _ input: [AnalysisText.Token], paragraph: AnalysisText.Paragraph, headingOnly: Bool, placeHint: Bool,
        locativeHint: Bool, into candidates: inout [Candidate],
        singles: inout [(word: String, lower: String, mention: NamedEntity.Mention, placeHint: Bool, onlyIfKnown: Bool)]
    ) {
        var run = input
        while let first = run.first, first.lower == "of" || first.is(.particle) { run.removeFirst() }
        while let last = run.last, last.lower == "of" || last.is(.particle) { run.removeLast() }
        guard !run.isEmpty, !headingOnly else { return }
        let lowers = run.map(\.lower)
        func isNationality(_ token: AnalysisText.Token) -> Bool {
            // "Ukrainians", "Western-supplied", "US-made": adjectives and peoples, not names.
            token.is(.nationalityOrPlural)
        }
        // "Western-supplied", "US-made": a compound adjective (its last part lowercase), not a name.
        func isCompoundAdjective(_ text: String) -> Bool {
            // Without a hyphen byte there is no hyphen character: most words end here, before the Character scan.
            guard text.utf8.contains(0x2D), let hyphen = text.lastIndex(of: "-") else { return false }
            let last = text[text.index(after: hyphen)...]
            return !last.isEmpty && last.allSatisfy { $0.isLowercase }
        }
        if run.count == 1, isNationality(run[0]) || isCompoundAdjective(run[0].text) || run[0].is(.calendarWord) || run[0].is(.title)
            || (lowers[0].utf8.first == 0x69 && (lowers[0].hasPrefix("i'") || lowers[0].hasPrefix("i\u{2019}"))) {
            return
        }
        // "Defense Ministry", "Department of Defense": an organisation word last, or before "of". ("Police Chief
        // Mark Davis" is a person with a title.)
        let organisationBeforeOf = lowers.indices.contains { k in
            k + 1 < lowers.count && lowers[k + 1] == "of" && run[k].is(.organisationWord)
        }
        if run.count == 1, run[0].is(.organisationWord) { return }  // "Office", "Party" alone name nothing
        if let last = run.last, last.is(.organisationWord) || organisationBeforeOf {
            let words = run.drop { isNationality($0) && run.count > 2 }
            candidates.append(Candidate(name: words.map(\.text).joined(separator: " "), type: .organisation, title: nil,
                                        mention: mention(paragraph, words.first!.start, words.last!.end), isSingleWord: words.count == 1))
            return
        }
        if run.count > 1, let last = run.last, last.is(.placeWord) {
            candidates.append(Candidate(name: run.map(\.text).joined(separator: " "), type: .place, title: nil,
                                        mention: mention(paragraph, run[0].start, run[run.count - 1].end), isSingleWord: false))
            return
        }
        // Titles and nationalities before the name.
        var lastTitle = -1
        for (index, lower) in lowers.enumerated() where run[index].is(.title) || isNationality(run[index]) || lower == "of" {
            lastTitle = index
        }
        let nameTokens = Array(run[(lastTitle + 1)...])
        let titleTokens = run[..<(lastTitle + 1)].drop { isNationality($0) }
        let title = titleTokens.isEmpty ? nil : titleTokens.map(\.text).joined(separator: " ")
        guard !nameTokens.isEmpty else { return }
        let looksLikeName = nameTokens.allSatisfy { token in
            !token.isAllCaps && token.text.unicodeScalars.allSatisfy { !($0.value >= 0x30 && $0.value <= 0x39) }
                && !token.is(.calendarWord)
        }
        if nameTokens.count >= 2, nameTokens.count <= 4, looksLikeName {
            // The name as written, initials' dots included ("James P. Kennedy Jr").
            let kept = nameTokens
            candidates.append(Candidate(name: paragraph.string(kept.first!.start..<kept.last!.end), type: .person, title: title,
                                        mention: mention(paragraph, kept.first!.start, kept.last!.end), isSingleWord: false))
            return
        }
        if nameTokens.count == 1 {
            let token = nameTokens[0]
            let single = mention(paragraph, token.start, token.end)
            // "President Biden" is a person; "Foreign Affairs" (a modifier, not an office) is not.
            if title != nil, looksLikeName, let office = titleTokens.last?.lower, !Self.titleModifiers.contains(office) {
                candidates.append(Candidate(name: token.text, type: .person, title: title, mention: single, isSingleWord: true))
            } else if placeHint {
                candidates.append(Candidate(name: token.text, type: .place, title: nil, mention: single, isSingleWord: true))
            } else if token.isAllCaps || !looksLikeName {
                candidates.append(Candidate(name: token.text, type: .other, title: nil, mention: single, isSingleWord: true))
            } else if !token.is(.stopWord) {
                // A capitalised word opening a sentence is a name only when the article names it elsewhere.
                singles.append((token.text, token.lower, single, locativeHint, token.startsSentence))
            }
            return
        }
        candidates.append(Candidate(name: run.map(\.text).joined(separator: " "), type: .other, title: nil,
                                    mention: mention(paragraph, run[0].start, run[run.count - 1].end), isSingleWord: false))
    }
}
