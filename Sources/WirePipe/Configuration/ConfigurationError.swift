import Foundation

/// A `pipeline.json` that cannot be used, with the JSON path of the offending key and what is allowed there.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? "pipeline.json: \(problem)" : "pipeline.json: `\(path)`: \(problem)"
    }

    static func unknownKey(_ key: String, at path: [CodingKey], allowed: [String]) -> ConfigurationError {
        ConfigurationError(
            path: ConfigurationError.render(path + [AnyCodingKey(key)]),
            problem: "unknown key; allowed here: \(allowed.sorted().joined(separator: ", "))")
    }

    static func badValue(at path: [CodingKey], _ key: CodingKey, _ problem: String) -> ConfigurationError {
        ConfigurationError(path: render(path + [key]), problem: problem)
    }

    static func render(_ path: [CodingKey]) -> String {
        var rendered = ""
        for key in path {
            if let index = key.intValue {
                rendered += "[\(index)]"
            } else {
                rendered += rendered.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return rendered
    }

    /// Turns a DecodingError into the same kind of message, naming the key.
    static func from(_ error: DecodingError) -> ConfigurationError {
        switch error {
        case .typeMismatch(let type, let context):
            return ConfigurationError(path: render(context.codingPath), problem: "expected \(describe(type)): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return ConfigurationError(path: render(context.codingPath), problem: "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return ConfigurationError(path: render(context.codingPath + [key]), problem: "missing key")
        case .dataCorrupted(let context):
            return ConfigurationError(path: render(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return ConfigurationError(path: "", problem: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of strings"
        default: return "\(type)"
        }
    }
}

struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Rejects keys that the section does not know, so that a typo never silently falls back to a default.
    func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_ known: Key.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let allowed = Key.allCases.map(\.stringValue)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw ConfigurationError.unknownKey(key.stringValue, at: codingPath, allowed: allowed)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional key, falling back to `fallback`, and checks the value with `check`,
    /// which returns a description of what is allowed when the value is bad.
    func value<T: Decodable>(
        _ key: Key, default fallback: T, check: (T) -> String? = { _ in nil }
    ) throws -> T {
        guard let value = try decodeIfPresent(T.self, forKey: key) else { return fallback }
        if let problem = check(value) {
            throw ConfigurationError.badValue(at: codingPath, key, problem)
        }
        return value
    }
}

/// Range checks shared by the sections.
enum Allowed {
    static func atLeast<T: Comparable>(_ minimum: T) -> (T) -> String? {
        { $0 < minimum ? "must be at least \(minimum), got \($0)" : nil }
    }
    static func within(_ range: ClosedRange<Double>) -> (Double) -> String? {
        { range.contains($0) ? nil : "must be between \(range.lowerBound) and \(range.upperBound), got \($0)" }
    }
}
