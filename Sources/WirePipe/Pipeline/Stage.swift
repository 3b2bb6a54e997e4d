import Foundation

/// One step of the pipeline: a small value with a version and one method.
/// The runner, not the stage, handles concurrency, storage, timing and error capture.
public protocol Stage: Sendable {
    associatedtype Input
    associatedtype Output
    /// The stage's name in `pipeline.json`, the run report and `--stage`.
    static var name: StageName { get }
    /// Bumped whenever the stage's output changes for the same input, so stored outputs are redone.
    static var version: String { get }
    func process(_ input: Input) throws(PageError) -> Output
}

/// The five stages, in order.
public enum StageName: String, CaseIterable, Codable, Sendable, Comparable {
    case fetch, strip, normalise, analyse, aggregate

    public static func < (lhs: StageName, rhs: StageName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
