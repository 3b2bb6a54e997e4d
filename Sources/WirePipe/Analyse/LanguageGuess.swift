/// The language guessed for a text.
public struct LanguageGuess: Codable, Sendable, Equatable {
    /// ISO 639-1 code ("en", "de", "ru", "ja", "zh", "ko", …) or "und" when undetermined.
    public var code: String
    /// How sure the guess is, 0...1. Always 0 for "und".
    public var confidence: Double

    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }

    /// The guess for text with too little evidence.
    static let undetermined = LanguageGuess(code: "und", confidence: 0)
}
