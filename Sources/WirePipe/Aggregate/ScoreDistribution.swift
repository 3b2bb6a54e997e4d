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
        let sorted = tenths.sorted { $0.key < $1.key }
        let count = sorted.reduce(0) { $0 + $1.value }
        // Sums in integer tenths: exact, so the mean does not depend on the order of anything.
        var sum = 0, squares = 0.0
        for (value, n) in sorted {
            sum += value * n
            squares += Double(value) * Double(value) * Double(n)
        }
        let mean = count == 0 ? 0 : Double(sum) / Double(count) / 10
        let variance = count < 2 ? 0 : (squares - Double(sum) * Double(sum) / Double(count)) / Double(count - 1) / 100
        var percentiles: [String: Double] = [:]
        for (name, rank) in LengthSummary.percentileRanks {
            let target = Swift.max(1, Int((rank * Double(count)).rounded(.up)))
            var seen = 0
            for (value, n) in sorted {
                seen += n
                if seen >= target {
                    percentiles[name] = Double(value) / 10
                    break
                }
            }
        }
        var bins = [Int](repeating: 0, count: edges.count + 1)
        for (value, n) in sorted {
            let score = Double(value) / 10
            let index = edges.firstIndex { score < $0 } ?? edges.count
            bins[index] += n
        }
        let histogram = bins.enumerated().map { i, n in
            Summary.Bin(from: i == 0 ? nil : edges[i - 1], to: i == edges.count ? nil : edges[i], count: n)
        }
        return Summary(
            count: count, mean: (mean * 10).rounded() / 10, standardDeviation: (Swift.max(0, variance).squareRoot() * 10).rounded() / 10,
            min: Double(sorted.first?.key ?? 0) / 10, max: Double(sorted.last?.key ?? 0) / 10,
            percentiles: percentiles, histogram: histogram)
    }

    /// The raw counts as written in stats.json: keys are the scores with one decimal.
    var encoded: [String: Int] {
        Dictionary(uniqueKeysWithValues: tenths.map { (String(format: "%.1f", Double($0.key) / 10), $0.value) })
    }

    init(encoded: [String: Int]) throws {
        for (key, n) in encoded {
            guard let value = Double(key) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "score \(key) is not a number")) }
            tenths[Int((value * 10).rounded()), default: 0] += n
        }
    }
}
