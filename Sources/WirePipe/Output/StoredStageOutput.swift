import Foundation

/// A stage output as stored on disk, with the fingerprint of the stage settings it was made with.
public struct StoredStageOutput<Payload: Codable & Sendable>: Codable, Sendable {
    public var stage: StageName
    public var version: String
    /// sha256 over this stage's and every earlier stage's name, version and settings.
    public var fingerprint: String
    public var output: Payload
}
