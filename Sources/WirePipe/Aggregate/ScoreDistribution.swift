import Foundation

/// An exact distribution of a score with one decimal (readability): value in tenths → number of articles.
/// Scores are rounded to 0.1 before they are counted, which keeps the value an integer map (mergeable in any
/// order with identical results, unlike floating-point running means) at a precision far finer than the
/// scores themselves mean anything.
public struct ScoreDistribution: Equatable, Sendable {
    public var tenths: [Int: Int] = [:]

    public init() {}

    public mutating func record(_ score: Double) {
        guard score.isFinite else { return }
        tenths[Int((score * 10).rounded()), default: 0] += 1
    }

    public mutating func merge(_ other: ScoreDistribution) {
        tenths.merge(other.tenths, uniquingKeysWith: +)
    }

    public var isEmpty: Bool { tenths.isEmpty }

    /// Derived figures: count, mean, sample standard deviation, min, max, nearest-rank percentiles, histogram.
    public struct Summary: Codable, Equatable, Sendable {
        public struct Bin: Codable, Equatable, Sendable {
            public var from: Double?
            public var to: Double?
            public var count: Int
        }
        public var count: Int
        public var mean: Double
        public var standardDeviation: Double
        public var min: Double
        public var max: Double
        public var percentiles: [String: Double]
        public var histogram: [Bin]

        enum CodingKeys: String, CodingKey {
            case count, mean, min, max, percentiles, histogram
            case standardDeviation = "standard_deviation"
        }
    }

    /// `edges` are inner bin edges: bins are (-inf, e0), [e0, e1) … [eLast, +inf).
    public func summary(edges: [Double]) -> Summary {
        // The same exact figures as article lengths, over integer tenths, scaled back.
        let base = LengthSummary(wordCounts: tenths)
        var bins = [Int](repeating: 0, count: edges.count + 1)
        for (value, n) in tenths {
            let score = Double(value) / 10
            bins[edges.firstIndex { score < $0 } ?? edges.count] += n
        }
        let histogram = bins.enumerated().map { i, n in
            Summary.Bin(from: i == 0 ? nil : edges[i - 1], to: i == edges.count ? nil : edges[i], count: n)
        }
        return Summary(
            count: base.count, mean: (base.mean).rounded() / 10, standardDeviation: (base.standardDeviation).rounded() / 10,
            min: Double(base.minimum) / 10, max: Double(base.maximum) / 10,
            percentiles: Dictionary(uniqueKeysWithValues: base.percentiles.map { ($0.name, Double($0.value) / 10) }), histogram: histogram)
    }

    /// The raw counts as written in stats.json: keys are the scores with one decimal.
    var encoded: [String: Int] {
        Dictionary(uniqueKeysWithValues: tenths.map { (Self.oneDecimal(tenths: $0.key), $0.value) })
    }

    /// A number of tenths with one decimal, as `String(format: "%.1f", Double(tenths) / 10)` writes it
    /// (-15 → "-1.5", 3 → "0.3", -3 → "-0.3"), without `String(format:)`'s cost.
    static func oneDecimal(tenths: Int) -> String {
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    init(encoded: [String: Int]) throws {
        for (key, n) in encoded {
            guard let value = Double(key) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "score \(key) is not a number")) }
            tenths[Int((value * 10).rounded()), default: 0] += n
        }
    }
}
