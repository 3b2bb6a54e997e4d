import Foundation

/// The analyser's word lists (speech verbs, titles, gazetteers, stop words…), read once from the plain-text
/// files in `Analyse/WordLists/` (one entry a line, `#` starts a comment). Keeping them as data lets them grow
/// without touching code.
struct WordLists: Sendable {
    /// A gazetteer entry: its canonical name and the type of thing it names.
    struct GazetteerEntry: Sendable {
        var name: String
        var type: NamedEntity.Kind
    }

    var speechVerbs: Set<String>
    /// Nouns that are speech verbs only right after a quotation ("“…,” comments Johnston").
    var invertedSpeechVerbs: Set<String>
    /// Occupations that stand for a person named earlier ("the singer told the audience").
    var roleNouns: Set<String>
    var titles: Set<String>
    var nationalities: Set<String>
    var anonymityPhrases: [[String]]
    /// The anonymity phrases by their first word, longest first.
    var anonymityPhrasesByFirstWord: [String: [[String]]]
    var sourceNouns: Set<String>
    var personNouns: Set<String>
    var organisationWords: Set<String>
    var placeWords: Set<String>
    var placeIntroducers: Set<String>
    var calendarWords: Set<String>
    var lowercaseExclusions: Set<String>
    var stopWords: Set<String>
    /// Every name and alias of the gazetteers, as written (case-sensitive), to its entry.
    var gazetteer: [String: GazetteerEntry]
    /// Longest gazetteer name in words, bounding the look-ahead when matching.
    var gazetteerMaxWords: Int
    /// The most words of a gazetteer name or alias opening with a word (as written), bounding the look-ahead there.
    var gazetteerWordsByFirstWord: [String: Int] = [:]
    /// Every canonical gazetteer name.
    var gazetteerNames: Set<String>
    /// Lowercase names and aliases to their canonical name, for matching headlines.
    var gazetteerByLowercase: [String: String]

    /// Every word of the lists above to the lists holding it, so an article looks each word up once.
    var flagsByWord: [String: WordFlags] = [:]
    /// `flagsByWord` as the hashed table the analysers look words up in.
    var flagTable = WordFlagTable([:])

    /// Loaded on first use; a missing or unreadable file is reported by `AnalyseStage` for every page.
    static let shared: Result<WordLists, WordListError> = Result { try WordLists(bundle: Bundle.module) }
        .mapError { $0 as? WordListError ?? WordListError(file: "?", reason: "\($0)") }

    init(bundle: Bundle) throws {
        func lines(_ name: String) throws -> [String] {
            guard let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: "WordLists")
                ?? bundle.url(forResource: name, withExtension: "txt")
            else { throw WordListError(file: "\(name).txt", reason: "not found in the WirePipe resource bundle") }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw WordListError(file: "\(name).txt", reason: "unreadable: \(error.localizedDescription)")
            }
            let entries = WordListText.entries(text, cutAtHash: true)
            guard !entries.isEmpty else { throw WordListError(file: "\(name).txt", reason: "has no entries") }
            return entries
        }
        func lowercaseSet(_ name: String) throws -> Set<String> { Set(try lines(name).map { $0.lowercased() }) }

        speechVerbs = try lowercaseSet("speech-verbs")
        invertedSpeechVerbs = try lowercaseSet("speech-verbs-inverted")
        roleNouns = try lowercaseSet("role-nouns")
        titles = try lowercaseSet("titles")
        nationalities = try lowercaseSet("nationalities")
        anonymityPhrases = try lines("anonymity-phrases").map { $0.lowercased().split(separator: " ").map(String.init) }
        var byFirstWord: [String: [[String]]] = [:]
        for phrase in anonymityPhrases where !phrase.isEmpty { byFirstWord[phrase[0], default: []].append(phrase) }
        // Longest first, so "on the condition of anonymity" is not also found as a shorter phrase.
        anonymityPhrasesByFirstWord = byFirstWord.mapValues { $0.sorted { $0.count > $1.count } }
        sourceNouns = try lowercaseSet("source-nouns")
        personNouns = try lowercaseSet("person-nouns")
        organisationWords = try lowercaseSet("organisation-words")
        placeWords = try lowercaseSet("place-words")
        placeIntroducers = try lowercaseSet("place-introducers")
        calendarWords = try lowercaseSet("calendar-words")
        lowercaseExclusions = try lowercaseSet("lowercase-exclusions")
        stopWords = try lowercaseSet("stopwords")

        var gazetteer: [String: GazetteerEntry] = [:]
        var longest = 1
        for (file, type) in [("countries", NamedEntity.Kind.place), ("places", .place), ("organisations", .organisation)] {
            for line in try lines(file) {
                let names = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard let canonical = names.first else { continue }
                for name in names where gazetteer[name] == nil {
                    gazetteer[name] = GazetteerEntry(name: canonical, type: type)
                    longest = max(longest, AnalysisText.words(of: name).count)
                }
            }
        }
        self.gazetteer = gazetteer
        // Keys are matched as token texts joined by single spaces, so a name's words are its space-separated parts.
        for name in gazetteer.keys {
            let parts = name.split(separator: " ", omittingEmptySubsequences: false)
            gazetteerWordsByFirstWord[String(parts[0]), default: 1] = max(gazetteerWordsByFirstWord[String(parts[0])] ?? 1, parts.count)
        }
        self.gazetteerMaxWords = longest
        self.gazetteerNames = Set(gazetteer.values.map(\.name))
        var byLowercase: [String: String] = [:]
        for (alias, entry) in gazetteer.sorted(by: { $0.key < $1.key }) { byLowercase[alias.lowercased()] = byLowercase[alias.lowercased()] ?? entry.name }
        self.gazetteerByLowercase = byLowercase

        var flags: [String: WordFlags] = [:]
        for (set, flag) in [(stopWords, WordFlags.stopWord), (speechVerbs, .speechVerb), (titles, .title), (nationalities, .nationalityOrPlural),
                            (sourceNouns, .sourceNoun), (personNouns, .personNoun), (organisationWords, .organisationWord),
                            (placeWords, .placeWord), (placeIntroducers, .placeIntroducer), (calendarWords, .calendarWord),
                            (lowercaseExclusions, .lowercaseExclusion)] {
            for word in set { flags[word, default: []].insert(flag) }
        }
        // An occupation is a noun for a person: a phrase headed by one can name a speaker.
        for role in roleNouns { flags[role, default: []].insert(.personNoun) }
        for nationality in nationalities { flags[nationality + "s", default: []].insert(.nationalityOrPlural) }
        for particle in EntityRecogniser.particles { flags[particle, default: []].insert(.particle) }
        for first in anonymityPhrasesByFirstWord.keys { flags[first, default: []].insert(.anonymityStart) }
        for name in gazetteerNames where !name.utf8.contains(0x20) { flags[name.lowercased(), default: []].insert(.lowercaseGazetteerName) }
        for first in gazetteerWordsByFirstWord.keys { flags[first.lowercased(), default: []].insert(.gazetteerFirstWord) }
        self.flagsByWord = flags
        self.flagTable = WordFlagTable(flags)
    }
}

/// A word list that could not be loaded: a packaging fault, reported with the file's name.
struct WordListError: Error, CustomStringConvertible {
    var file: String
    var reason: String
    var description: String { "word list Analyse/WordLists/\(file): \(reason)" }
}
