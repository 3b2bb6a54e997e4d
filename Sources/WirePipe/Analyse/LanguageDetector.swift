/// Guesses the language of an article body.
///
/// One pass over the Unicode scalars (no regular expressions, no Foundation) counts letters per script
/// and scores words and letters against small per-language profiles:
/// - The dominant script is the one with the most letters; Han, kana and Hangul count 2.5 each, as one
///   such character carries about as much text as two or three alphabetic letters.
/// - Scripts used by one language map straight to it (Greek `el`, Hebrew `he`, Thai `th`, Georgian
///   `ka`, Armenian `hy`, …). Devanagari is `hi`, or `mr` when the Marathi letter ळ is frequent.
/// - Han, kana and Hangul: enough Hangul gives `ko`, enough kana (≥ 10% of Han+kana) `ja`, else `zh`.
/// - Arabic script: Urdu-only letters (ٹ ڈ ڑ ں ے) give `ur`; Persian letters (پ چ ژ گ ی ک) outnumbering
///   the Arabic-only ones (ي ك ة ى) give `fa`; otherwise `ar`.
/// - Cyrillic (`ru`, `uk`, `bg`, `sr`, `mk`, `be`, `kk`) and Latin (18 languages) are scored by frequent
///   function words (each word shared by k languages adds 1/k to each) plus distinctive letters
///   (ї є ґ for Ukrainian, ы э ё for Russian, ß for German, ł ą ę for Polish, ı ğ for Turkish, …).
///
/// Text with too little evidence (fewer than 5 words, 8 CJK characters or 15 Thai-like letters, or
/// Latin text without recognisable function words) is "und" with confidence 0. Only the first
/// `maxScalars` scalars are read, so time is bounded on very long texts. The result is deterministic.
public struct LanguageDetector: Sendable {
    public init() {}

    /// Scalars read at most; an article's first 20,000 scalars decide its language.
    static let maxScalars = 20_000
    /// Fewest words (of a script that separates words) needed for a guess.
    static let minWords = 5
    /// Fewest Han, kana or Hangul characters needed for a guess.
    static let minCJKCharacters = 8
    /// Fewest letters needed in Thai, Lao, Khmer, Myanmar or Tibetan, which do not separate words.
    static let minUnspacedLetters = 15
    /// Least Latin function-word score needed for a guess (about two distinctive function words).
    static let minLatinScore = 0.75
    /// Fewest Latin words found in a function-word list needed for a guess; one hit ("pro" in a product
    /// headline) is chance.
    static let minLatinHits = 2
    /// Least distinctive-letter score that on its own allows a Latin guess (about four letters such as ı, ğ).
    static let minLatinLetterScore = 1.0
    /// Weight of one Han, kana or Hangul character against one alphabetic letter.
    static let cjkWeight = 2.5

    /// Guesses the language of a text (article body).
    public func detect(_ text: String) -> LanguageGuess {
        var tally = Tally()
        tally.read(text)
        return tally.decide()
    }

    // MARK: - Scripts

    fileprivate enum Script: Int, CaseIterable {
        case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, gurmukhi, gujarati,
             oriya, tamil, telugu, kannada, malayalam, sinhala, thai, lao, tibetan, myanmar, georgian,
             ethiopic, khmer, hangul, kana, han

        /// The language of a script that (for news) is written in one language only.
        var soleLanguage: String? {
            switch self {
            case .greek: "el"
            case .armenian: "hy"
            case .hebrew: "he"
            case .devanagari: "hi"
            case .bengali: "bn"
            case .gurmukhi: "pa"
            case .gujarati: "gu"
            case .oriya: "or"
            case .tamil: "ta"
            case .telugu: "te"
            case .kannada: "kn"
            case .malayalam: "ml"
            case .sinhala: "si"
            case .thai: "th"
            case .lao: "lo"
            case .tibetan: "bo"
            case .myanmar: "my"
            case .georgian: "ka"
            case .ethiopic: "am"
            case .khmer: "km"
            default: nil
            }
        }

        var isCJK: Bool { self == .hangul || self == .kana || self == .han }

        var isUnspaced: Bool {
            self == .thai || self == .lao || self == .khmer || self == .myanmar || self == .tibetan
        }

        /// The script of a letter, or nil for anything else (digits, punctuation, symbols, marks).
        static func of(_ c: Unicode.Scalar) -> Script? {
            let v = c.value
            if v < 0x80 {
                return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : nil
            }
            // Blocks made only of letters need no property lookup.
            switch v {
            case 0xC0...0x24F: return v == 0xD7 || v == 0xF7 ? nil : .latin
            case 0x410...0x44F: return .cyrillic
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
            case 0xAC00...0xD7A3: return .hangul
            case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FF: return .kana
            case 0x2000...0x206F, 0x3000...0x303F, 0xFF01...0xFF20: return nil // punctuation, spaces
            default: break
            }
            guard c.properties.isAlphabetic else { return nil }
            switch v {
            case 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                return .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
            case 0x530...0x58F: return .armenian
            case 0x590...0x5FF, 0xFB1D...0xFB4F: return .hebrew
            case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
            case 0x900...0x97F: return .devanagari
            case 0x980...0x9FF: return .bengali
            case 0xA00...0xA7F: return .gurmukhi
            case 0xA80...0xAFF: return .gujarati
            case 0xB00...0xB7F: return .oriya
            case 0xB80...0xBFF: return .tamil
            case 0xC00...0xC7F: return .telugu
            case 0xC80...0xCFF: return .kannada
            case 0xD00...0xD7F: return .malayalam
            case 0xD80...0xDFF: return .sinhala
            case 0xE00...0xE7F: return .thai
            case 0xE80...0xEFF: return .lao
            case 0xF00...0xFFF: return .tibetan
            case 0x1000...0x109F: return .myanmar
            case 0x10A0...0x10FF, 0x2D00...0x2D2F, 0x1C90...0x1CBF: return .georgian
            case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xD7B0...0xD7FF: return .hangul
            case 0x1200...0x139F: return .ethiopic
            case 0x1780...0x17FF: return .khmer
            case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return .han
            default: return nil
            }
        }
    }

    // MARK: - Tally

    /// Counts gathered in one pass over the text.
    fileprivate struct Tally {
        var letters = [Int](repeating: 0, count: Script.allCases.count)
        var words = [Int](repeating: 0, count: Script.allCases.count)
        var latin = [Double](repeating: 0, count: Profiles.latinCodes.count)
        /// The part of `latin` that comes from distinctive letters.
        var latinLetterScore = [Double](repeating: 0, count: Profiles.latinCodes.count)
        var cyrillic = [Double](repeating: 0, count: Profiles.cyrillicCodes.count)
        var arabicOnly = 0, persian = 0, urdu = 0, marathiLLA = 0
        /// Latin tokens found in some function-word list.
        var latinHits = 0

        /// The current token's first scalars (lowercased): only tokens of at most 14 scalars are scored, so at
        /// most 15 are kept, in a buffer `read` owns; `tokenCount` counts them all.
        private var token = UnsafeMutableBufferPointer<Unicode.Scalar>(start: nil, count: 0)
        private var tokenCount = 0
        /// The function-word tables, held here so that the hot loop does not go through a global's lazy
        /// initialiser for every token.
        private let latinHashed = Profiles.latinHashed
        private let cyrillicHashed = Profiles.cyrillicHashed
        private var tokenScript: Script?
        private var skipToken = false
        private var tokenHasMark = false
        private var previousWasLetter = false

        /// Keeps a scalar of the current token (only the first 15 are kept: a longer token is not scored).
        @inline(__always)
        private mutating func append(_ c: Unicode.Scalar) {
            if tokenCount < Self.keptScalars { token[tokenCount] = c }
            tokenCount += 1
        }

        private static let keptScalars = 15

        mutating func read(_ text: String) {
            token = .allocate(capacity: Self.keptScalars)
            defer {
                token.deallocate()
                token = UnsafeMutableBufferPointer(start: nil, count: 0)
            }
            var latinLetters = 0  // added to `letters` at the end: the hot loop keeps it in a register
            var text = text
            // The UTF-8 bytes, decoded by hand: most of the text is ASCII, which then costs a byte compare, not a
            // scalar iterator's decoding step.
            text.withUTF8 { bytes in
                let n = bytes.count
                var k = 0
                var seen = 0
                while k < n {
                    seen += 1
                    if seen > LanguageDetector.maxScalars { break }
                    let b0 = bytes[k]
                    // ASCII, most of the text, without the general path's look-ups: a letter is Latin, its
                    // lowercase is one bit away, and it has no distinctive-letter features.
                    if b0 < 0x80 {
                        k += 1
                        let lower = b0 | 0x20
                        if lower >= 0x61 && lower <= 0x7A {
                            if tokenScript != .latin { endToken(elided: false) }
                            tokenScript = .latin
                            latinLetters += 1
                            append(Unicode.Scalar(lower))
                            previousWasLetter = true
                        } else if previousWasLetter, b0 == 0x27 {
                            endToken(elided: true)
                            skipToken = true
                            previousWasLetter = false
                        } else {
                            endToken(elided: false)
                            previousWasLetter = false
                        }
                        continue
                    }
                    read(UTF8Validation.multiByteScalar(bytes, at: &k))
                }
            }
            endToken(elided: false)
            letters[Script.latin.rawValue] += latinLetters
        }

        /// One scalar outside ASCII.
        private mutating func read(_ raw: Unicode.Scalar) {
            if let script = Script.of(raw) {
                let c = Self.lower(raw, script)
                if script != tokenScript { endToken(elided: false) }
                tokenScript = script
                letters[script.rawValue] += 1
                append(c)
                previousWasLetter = true
                letterFeatures(c, script)
            } else if previousWasLetter, raw.value >= 0x300, raw.properties.generalCategory == .nonspacingMark
                        || raw.properties.generalCategory == .spacingMark {
                append(raw) // combining accents, Indic vowel signs
                tokenHasMark = true
            } else if previousWasLetter, raw == "\u{2019}" || raw == "\u{02BC}" {
                endToken(elided: true)
                skipToken = true // the word after the apostrophe ("Biden's" -> "s") is not scored
                previousWasLetter = false
            } else {
                endToken(elided: false)
                previousWasLetter = false
            }
        }

        private static func lower(_ c: Unicode.Scalar, _ script: Script) -> Unicode.Scalar {
            let v = c.value
            switch v {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F, 0x391...0x3A1, 0x3A3...0x3AB:
                return Unicode.Scalar(v + 0x20)!
            case 0x400...0x40F:
                return Unicode.Scalar(v + 0x50)!
            case 0...0x7F, 0xDF...0xFF, 0x430...0x45F:
                return c
            default:
                break
            }
            guard script == .latin || script == .cyrillic || script == .greek || script == .armenian
                    || script == .georgian, c.properties.isUppercase else { return c }
            return c.properties.lowercaseMapping.unicodeScalars.first ?? c
        }

        private mutating func letterFeatures(_ c: Unicode.Scalar, _ script: Script) {
            switch script {
            case .latin:
                if c.value >= 0x80 {
                    if c.value >= 0x1EA0 && c.value <= 0x1EF9 {
                        latin[Profiles.vietnamese] += Profiles.letterWeight
                        latinLetterScore[Profiles.vietnamese] += Profiles.letterWeight
                    } else if let features = Profiles.latinLetters[c.value] {
                        for (language, weight) in features {
                            latin[language] += weight
                            latinLetterScore[language] += weight
                        }
                    }
                }
            case .cyrillic:
                if c.value >= 0x449, let features = Profiles.cyrillicLetters[c.value] {
                    for (language, weight) in features { cyrillic[language] += weight }
                }
            case .arabic:
                switch c.value {
                case 0x064A, 0x0643, 0x0629, 0x0649: arabicOnly += 1
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: persian += 1
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2: urdu += 1
                default: break
                }
            case .devanagari:
                if c.value == 0x0933 { marathiLLA += 1 }
            default:
                break
            }
        }

        private mutating func endToken(elided: Bool) {
            // Between words (spaces, punctuation) there is no token: nothing to reset but the skip mark.
            guard tokenCount > 0 else {
                tokenScript = nil
                if !elided { skipToken = false }
                return
            }
            defer {
                tokenCount = 0
                tokenScript = nil
                tokenHasMark = false
                if !elided { skipToken = false }
            }
            guard let script = tokenScript else { return }
            if !script.isCJK && !script.isUnspaced { words[script.rawValue] += 1 }
            guard !skipToken, tokenCount <= 14, script == .latin || script == .cyrillic else { return }
            let scalars = UnsafeBufferPointer(rebasing: token[..<tokenCount])
            let languages: [Int]?
            if tokenHasMark {
                // Decomposed accents: String comparison is canonical, so "e\u{301}" finds "é".
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                if elided { view.append("'") }
                let word = String(view)
                languages = script == .latin ? Profiles.latinWords[word] : Profiles.cyrillicWords[word]
            } else {
                var hash = Profiles.hashSeed
                for c in scalars { hash = Profiles.hash(hash, c.value) }
                if elided { hash = Profiles.hash(hash, 0x27) }
                languages = script == .latin ? latinHashed.languages(hash) : cyrillicHashed.languages(hash)
            }
            guard let languages else { return }
            let weight = 1.0 / Double(languages.count)
            if script == .latin {
                latinHits += 1
                for language in languages { latin[language] += weight }
            } else {
                for language in languages { cyrillic[language] += weight }
            }
        }

        func decide() -> LanguageGuess {
            var weights = [Double](repeating: 0, count: Script.allCases.count)
            var total = 0.0
            for script in Script.allCases {
                let n = Double(letters[script.rawValue])
                weights[script.rawValue] = script.isCJK ? n * LanguageDetector.cjkWeight : n
                total += weights[script.rawValue]
            }
            guard total > 0 else { return .undetermined }
            let cjk = weights[Script.hangul.rawValue] + weights[Script.kana.rawValue] + weights[Script.han.rawValue]
            var best: Script?
            var bestWeight = 0.0
            for script in Script.allCases where !script.isCJK && weights[script.rawValue] > bestWeight {
                best = script
                bestWeight = weights[script.rawValue]
            }
            if cjk > bestWeight {
                return decideCJK(dominance: cjk / total)
            }
            guard let script = best else { return .undetermined }
            let dominance = bestWeight / total

            if script.isUnspaced {
                guard letters[script.rawValue] >= LanguageDetector.minUnspacedLetters else { return .undetermined }
                let evidence = Swift.min(1, Double(letters[script.rawValue]) / 100)
                return guess(script.soleLanguage ?? "und", dominance * (0.5 + 0.5 * evidence))
            }
            let wordCount = words[script.rawValue]
            guard wordCount >= LanguageDetector.minWords else { return .undetermined }
            let evidence = Swift.min(1, Double(wordCount) / 20)
            let base = dominance * (0.5 + 0.5 * evidence)
            switch script {
            case .latin:
                guard let picked = Self.pick(latin) else { return .undetermined }
                let enoughWords = latinHits >= LanguageDetector.minLatinHits
                    && latin[picked.index] >= LanguageDetector.minLatinScore
                // Agglutinative languages (Turkish, Finnish, Hungarian) may show few function words in a
                // short text but many distinctive letters.
                let enoughLetters = latinLetterScore[picked.index] >= LanguageDetector.minLatinLetterScore
                guard enoughWords || enoughLetters else { return .undetermined }
                return guess(Profiles.latinCodes[picked.index], base * picked.share)
            case .cyrillic:
                guard let picked = Self.pick(cyrillic) else { return guess("ru", base * 0.5) }
                return guess(Profiles.cyrillicCodes[picked.index], base * picked.share)
            case .arabic:
                let n = letters[script.rawValue]
                if urdu >= 2, urdu * 100 >= n { return guess("ur", base) }
                if persian >= 2, persian > arabicOnly { return guess("fa", base) }
                return guess("ar", base)
            case .devanagari:
                let n = letters[script.rawValue]
                if marathiLLA >= 2, marathiLLA * 200 >= n { return guess("mr", base) }
                return guess("hi", base)
            default:
                return guess(script.soleLanguage ?? "und", base)
            }
        }

        private func decideCJK(dominance: Double) -> LanguageGuess {
            let hangul = letters[Script.hangul.rawValue]
            let kana = letters[Script.kana.rawValue]
            let han = letters[Script.han.rawValue]
            let all = hangul + kana + han
            guard all >= LanguageDetector.minCJKCharacters else { return .undetermined }
            let evidence = Swift.min(1, Double(all) / 40)
            let base = dominance * (0.5 + 0.5 * evidence)
            if hangul * 10 >= all * 3 { return guess("ko", base) }
            if kana >= 2, kana * 10 >= kana + han { return guess("ja", base) }
            return guess("zh", base)
        }

        private func guess(_ code: String, _ confidence: Double) -> LanguageGuess {
            LanguageGuess(code: code, confidence: Swift.max(0, Swift.min(1, confidence)))
        }

        /// The best-scoring index (lowest index on ties) and its share of the best two scores.
        private static func pick(_ scores: [Double]) -> (index: Int, share: Double)? {
            var first = -1, second = -1
            for k in scores.indices {
                if first < 0 || scores[k] > scores[first] {
                    second = first
                    first = k
                } else if second < 0 || scores[k] > scores[second] {
                    second = k
                }
            }
            guard first >= 0, scores[first] > 0 else { return nil }
            let runnerUp = second >= 0 ? scores[second] : 0
            return (first, scores[first] / (scores[first] + runnerUp))
        }
    }

    // MARK: - Profiles

    enum Profiles {
        static let latinCodes = [
            "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "tr", "ro", "hu", "id", "vi",
            "ca", "hr", "sk",
        ]
        static let vietnamese = latinCodes.firstIndex(of: "vi")!
        /// Weight of one distinctive letter, shared among the languages that use it.
        static let letterWeight = 0.3

        /// Frequent function words, in the order of `latinCodes`.
        static let latinLists: [String] = [
            // en
            """
            the of and to a in is that for it was with as on be by at this are from or his her but have an had
            they you were their has been would will said its who which not there more than after about also
            when what we he she can could into them these those other some over while such our because should
            says being before between against during under where does did then only just very most any if
            """,
            // de
            """
            der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden
            aus er hat dass daß sie nach wird bei einer um am sind noch wie einem über einen so zum war haben
            nur oder aber vor zur bis mehr durch man sein wurde sei ich wir ihr ihre seine seiner diese dieser
            dieses kann können schon wenn hatte gegen unter soll sowie wurden worden jedoch zwischen seit damit
            weil nun dann hier denn etwa sehr was wo ob uns jahr jahren sagte laut
            """,
            // fr
            """
            de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont avec
            ont été aux son sa ses mais elle nous vous ils elles leur leurs cette comme ou où selon fait aussi
            entre depuis très sans lors être avait était peut même ces dont tout tous après avant encore contre
            chez ainsi y on lui déjà l' d' qu' n' s' c' j' m' jusqu' lorsqu' puisqu'
            """,
            // es
            """
            de la que el en y a los del se las por un para con no una su al es lo como más pero sus le ha me
            si sin sobre este ya entre cuando todo esta ser son dos también fue había era muy años hasta desde
            está según donde les esto ese esa están sido porque tiene han hay estos otros otra puede durante ni
            nos tras aunque mientras cual quien él ella ellos así hace dijo
            """,
            // it
            """
            di e il la che a per un in è del non della una le i si con da al dei sono più gli lo alla ha anche
            come ma nel delle questo suo nella essere stato era tra fra dalla degli ci ai sul cui loro se o
            quando hanno fatto dopo molto questa sua già però ancora quale dal tutti sulla negli nei alle agli
            dello allo nello sulle ad ed perché secondo anni l' un' d' dell' all' nell' dall' sull' c'
            """,
            // pt
            """
            de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das
            tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre depois
            sem mesmo aos ter seus suas quem nas esse essa eles estão você foram nem às num numa pelos pelas
            será nós lhe dele dela são sobre ainda onde disse segundo além este esta
            """,
            // nl
            """
            de het een en van in is dat op te zijn voor met die niet aan er om ook als bij maar of door naar
            uit wordt werd nog dan heeft hebben zo over tot wel kan meer worden deze al geen hij ze we wat nu
            was waren zou zich hun haar onder na tegen tussen omdat want jaar volgens zegt waar wie dit mijn
            ik wij zij veel toch alleen nieuwe
            """,
            // sv
            """
            och i att det som en på är av för med till den har de inte om ett var men så jag kan vid sig från
            han hon vi man ska skulle efter också eller när nu mycket sina sin sitt hade blev under över än
            utan dem honom henne bara många mellan då här där vad enligt sedan ut upp år säger sade alla detta
            denna dessa vara varit kommer får måste redan
            """,
            // da
            """
            og i at det som en på er af for med til den har de ikke om et var men så jeg kan ved sig fra han
            hun vi man skal skulle efter også eller når nu meget sine sin sit havde blev under over end uden
            dem ham hende bare mange mellem da her der hvad ifølge siden ud op år siger sagde alle dette denne
            disse være været kommer får mig dig hvor hvis nogen noget kun deres hos selv blive bliver nogle næste
            lidt ske mod blevet hvordan sådan derfor dog
            """,
            // no
            """
            og i at det som en på er av for med til den har de ikke om et var men så jeg kan ved seg fra han
            hun vi man skal skulle etter også eller når nå mye sine sin sitt hadde ble under over enn uten dem
            ham henne bare mange mellom da her der hva ifølge siden ut opp år sier sa alle dette denne disse
            være vært kommer får meg deg hvor hvis noen noe deres hos selv blir bli å hennes fikk kunne neste
            lite skje mot blitt hvordan slik derfor likevel
            """,
            // fi
            """
            ja on ei että se oli hän ovat mutta kun myös tai joka jotka sen ole kuin jo vain nyt niin tämä
            mukaan vuonna sekä olla ollut hänen he me minä sitä siitä tässä jos kanssa koska jälkeen kaikki voi
            mitä missä sanoi vuoden vielä yli noin eikä olisi tulee kertoo ne nämä jonka joiden sitten aikana
            """,
            // pl
            """
            i w z na nie się to że do jest o jak ale po co od za przez oraz tak jego już dla czy tym był była
            było były może być także również które który która których są ze we jej ich go jako tylko gdy
            bardzo tego tej ten ta te pod przed między według roku lat został została zostały można jednak
            więc gdzie kiedy bo mnie nas ma mają powiedział
            """,
            // cs
            """
            a v se na je že s z o do to i k jako pro by ale jsou jeho podle už také který která které bylo
            byl byla byly po od za při jak tak jen než mezi když není může však ve ze si jsem jsme jejich
            této tento tato toto před pod nebo aby kde proto bude budou řekl let roce již tedy ani či
            """,
            // tr
            """
            ve bir bu da de için ile olarak çok daha gibi olan ne ama sonra kadar en her o ise değil var yok
            ancak göre şekilde tarafından ki mi olduğunu bunu şu büyük yeni ilk iki oldu olduğu yapılan dedi
            etti ediyor eden üzerinde arasında karşı sadece hem veya ya çünkü bile diye şey onun bunun biz
            ben sen siz onlar
            """,
            // ro
            """
            și în de la a cu pe că care nu să din este un o mai pentru au fost sunt ce al ale prin dar după
            sau şi cel cea cei acest această lui ei lor fi fie va vor ar am foarte doar încă până între
            despre când unde cum dacă către spus anul fără asupra sa său sale acum totuși
            """,
            // hu
            """
            a az és hogy nem is egy meg van de el ez azt már csak mint még volt kell vagy pedig szerint után
            között lesz amely akkor ki fel be sem minden nagy lehet vannak voltak így úgy mert amit aki ami
            ezt azonban illetve valamint alatt óta elleni számára mondta évben nincs új most itt ott
            """,
            // id
            """
            yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena atau saya kami
            mereka sudah telah bisa lebih seperti kata tersebut adalah bahwa kita ia dia tahun para namun
            hanya sebagai antara masih harus dapat belum setelah saat hingga bagi secara menjadi sangat lagi
            jika kalau serta agar sebuah satu banyak
            """,
            // vi
            """
            và của là có không được trong cho người những các một này với đã để khi cũng như đến từ theo về
            năm ra sẽ nhưng bị đó nhiều vào thì sau tại lại còn nói phải nên mà rằng đang chúng tôi họ ông
            bà việc nước hơn trên rất làm
            """,
            // ca
            """
            el la i de que a en per amb els les un una es del al va no més ha dels seu seva però com també
            hi ho aquest aquesta molt són sobre entre perquè quan fins després ja han ser està pel als l' d'
            s' n' van aquests seus seves mateix any anys segons ara encara
            """,
            // hr (also Bosnian and Serbian in Latin script)
            """
            je i u da se na za od su s sa iz koji koja koje kao ali ili bi bio bila bilo će što to po nakon
            još samo kada gdje jer oni ona on mi smo sam ima nema godine rekao također prema kako ne o do te
            već biti može tijekom između
            """,
            // sk
            """
            a v sa na je že s z o do to i k ako pre by ale sú jeho podľa už aj ktorý ktorá ktoré bolo bol
            bola boli po od za pri tak len než medzi keď nie môže však vo zo si som sme ich tento táto
            toto pred pod alebo aby kde preto bude budú povedal rokov roku ani či
            """,
        ]

        /// Distinctive letters: scalar -> languages using it (weight shared among them).
        static let latinLetterLists: [(String, [String])] = [
            ("ß", ["de"]), ("ä", ["de", "sv", "fi", "sk"]), ("ö", ["de", "sv", "fi", "tr", "hu"]),
            ("ü", ["de", "tr", "hu"]), ("å", ["sv", "da", "no"]), ("æ", ["da", "no"]), ("ø", ["da", "no"]),
            ("è", ["fr", "it"]), ("ê", ["fr", "pt", "vi"]), ("à", ["fr", "it", "pt"]), ("ç", ["fr", "pt", "tr"]),
            ("œ", ["fr"]), ("ë", ["fr", "nl"]), ("ï", ["fr", "nl"]), ("î", ["fr", "ro"]), ("û", ["fr"]),
            ("ù", ["fr", "it"]), ("ñ", ["es"]), ("¿", ["es"]), ("¡", ["es"]), ("ã", ["pt", "vi"]), ("õ", ["pt"]),
            ("ì", ["it", "vi"]), ("ò", ["it", "vi"]), ("ą", ["pl"]), ("ę", ["pl"]), ("ł", ["pl"]), ("ń", ["pl"]),
            ("ś", ["pl"]), ("ź", ["pl"]), ("ż", ["pl"]), ("ě", ["cs"]), ("ř", ["cs"]), ("ů", ["cs"]),
            ("ť", ["cs", "sk"]), ("ď", ["cs", "sk"]), ("ň", ["cs", "sk"]), ("š", ["cs", "sk", "hr"]),
            ("ž", ["cs", "sk", "hr"]), ("č", ["cs", "sk", "hr"]), ("ć", ["pl", "hr"]), ("ğ", ["tr"]),
            ("ı", ["tr"]), ("ş", ["tr", "ro"]), ("ă", ["ro", "vi"]), ("ș", ["ro"]), ("ț", ["ro"]), ("ţ", ["ro"]),
            ("ő", ["hu"]), ("ű", ["hu"]), ("ơ", ["vi"]), ("ư", ["vi"]), ("đ", ["vi", "hr"]), ("ľ", ["sk"]),
            ("ĺ", ["sk"]), ("ŕ", ["sk"]), ("ô", ["sk", "fr", "pt", "vi"]), ("·", ["ca"]),
        ]

        static let cyrillicCodes = ["ru", "uk", "bg", "sr", "mk", "be", "kk"]

        static let cyrillicLists: [String] = [
            // ru
            """
            и в не на что с по это как он к но из у за о так же от для был была были его она они бы уже
            только еще ещё при также может если или когда чтобы этого этом после во со года году который
            которые которая которых их мы я все всё будет было есть более сказал заявил нет то под до без
            над между себя свой своей
            """,
            // uk
            """
            і й та в у не на що з із зі до як це він вона вони від за для але або був була були його її їх
            вже також який яка які якщо коли щоб після року році має буде було є між ще лише тому там тут
            цього цей ця ці при через під над про без сказав заявив україни україні
            """,
            // bg
            """
            и в на за от се да не с е са че това по към със във но който която които като още през след или
            ако му ги го бе беше бил била до при тя той те ние аз ще само между тази този тези години година
            каза заяви също вече когато където им си
            """,
            // sr
            """
            и у је да на се за од са не што који која које као из о до али или су би био била било ће то по
            пре после између још само када где јер они она он ми смо сам има нема године рекао такође
            """,
            // mk
            """
            и на во се за од да не со е што кој која кои ќе ги го тоа тој таа тие како но или по до при меѓу
            само уште беше бил била биле сме има нема години рече исто
            """,
            // be: letters only
            "",
            // kk: letters only
            "",
        ]

        static let cyrillicLetterLists: [(String, [(String, Double)])] = [
            ("ы", [("ru", 0.5), ("be", 0.4)]), ("э", [("ru", 0.5), ("be", 0.4)]), ("ё", [("ru", 0.5), ("be", 0.4)]),
            ("ъ", [("bg", 0.6), ("ru", 0.1)]), ("щ", [("bg", 0.1), ("ru", 0.05), ("uk", 0.05)]),
            ("і", [("uk", 0.5), ("be", 0.5), ("kk", 0.3)]), ("ї", [("uk", 1.5)]), ("є", [("uk", 1.5)]),
            ("ґ", [("uk", 1.5)]), ("ў", [("be", 2)]), ("ђ", [("sr", 2)]), ("ћ", [("sr", 2)]),
            ("ј", [("sr", 0.8), ("mk", 0.8)]), ("љ", [("sr", 0.6), ("mk", 0.6)]), ("њ", [("sr", 0.6), ("mk", 0.6)]),
            ("џ", [("sr", 0.6), ("mk", 0.6)]), ("ѓ", [("mk", 2)]), ("ќ", [("mk", 2)]), ("ѕ", [("mk", 2)]),
            ("ә", [("kk", 1.5)]), ("ғ", [("kk", 1.5)]), ("қ", [("kk", 1.5)]), ("ң", [("kk", 1.5)]),
            ("ө", [("kk", 1.5)]), ("ұ", [("kk", 1.5)]), ("ү", [("kk", 1.5)]), ("һ", [("kk", 1.5)]),
        ]

        static let latinWords: [String: [Int]] = table(latinLists)
        static let cyrillicWords: [String: [Int]] = table(cyrillicLists)
        /// The same tables keyed by a 64-bit FNV-1a hash of the word's scalars, so that scoring a token
        /// needs no String; the tables are small and were checked to be free of collisions.
        static let latinHashed = HashedWords(latinWords)
        static let cyrillicHashed = HashedWords(cyrillicWords)

        static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        static func hash(_ h: UInt64, _ value: UInt32) -> UInt64 {
            (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3
        }

        /// Word hashes to languages in an open-addressing table: a look-up is a few compares, not a
        /// Dictionary's hashing of the (already hashed) key.
        struct HashedWords: Sendable {
            private var keys: [UInt64]
            private var values: [[Int]?]
            private let mask: Int
            /// Distinct hashes held: as many as words when no two words collide.
            private(set) var count = 0

            init(_ words: [String: [Int]]) {
                var size = 64
                while size < words.count * 4 { size <<= 1 }
                keys = [UInt64](repeating: 0, count: size)
                values = [[Int]?](repeating: nil, count: size)
                mask = size - 1
                // In the order of the hashes, so the table is laid out the same in every run (sorting the words
                // as strings cost more than the rest of the start-up's language tables); the hashes are distinct
                // (`LanguageDetectorTests`), so the order of insertion changes no look-up.
                let hashed = words.map { word, languages -> (UInt64, [Int]) in
                    var h = hashSeed
                    for c in word.unicodeScalars { h = hash(h, c.value) }
                    return (h, languages)
                }
                for (h, languages) in hashed.sorted(by: { $0.0 < $1.0 }) {
                    var slot = Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
                    while values[slot] != nil, keys[slot] != h { slot = (slot + 1) & mask }
                    if values[slot] == nil { count += 1 }
                    keys[slot] = h
                    values[slot] = languages
                }
            }

            @inline(__always)
            func languages(_ h: UInt64) -> [Int]? {
                var slot = Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
                while let languages = values[slot] {
                    if keys[slot] == h { return languages }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }

        static let latinLetters: [UInt32: [(Int, Double)]] = {
            var result: [UInt32: [(Int, Double)]] = [:]
            for (letter, codes) in latinLetterLists {
                let weight = letterWeight / Double(codes.count)
                result[letter.unicodeScalars.first!.value] = codes.map { (latinCodes.firstIndex(of: $0)!, weight) }
            }
            return result
        }()

        static let cyrillicLetters: [UInt32: [(Int, Double)]] = {
            var result: [UInt32: [(Int, Double)]] = [:]
            for (letter, entries) in cyrillicLetterLists {
                result[letter.unicodeScalars.first!.value] = entries.map { (cyrillicCodes.firstIndex(of: $0.0)!, $0.1) }
            }
            return result
        }()

        /// word -> indices of the languages whose list holds it.
        private static func table(_ lists: [String]) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for (language, list) in lists.enumerated() {
                // Split on the bytes: no word of the lists starts with a combining mark, which alone would join
                // a space to it as one `Character` (`LanguageDetectorTests`).
                for word in list.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) {
                    let key = String(decoding: word, as: UTF8.self)
                    if result[key]?.contains(language) == true { continue }
                    result[key, default: []].append(language)
                }
            }
            return result
        }
    }
}
