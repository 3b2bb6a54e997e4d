import Crypto
import Foundation

/// The five stages built from one configuration, with the fingerprints of their settings.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    public let fetch: FetchStage
    public let strip: StripStage
    public let normalise: NormaliseStage
    public let analyse: AnalyseStage
    public let aggregate: AggregateStage
    /// Per stage: sha256 over the name, version and settings of that stage and of every stage before it,
    /// so a changed setting marks that stage's stored outputs and all later ones as made differently.
    public let fingerprints: [StageName: String]

    public static let versions: [String: String] = [
        StageName.fetch.rawValue: FetchStage.version, StageName.strip.rawValue: StripStage.version,
        StageName.normalise.rawValue: NormaliseStage.version, StageName.analyse.rawValue: AnalyseStage.version,
        StageName.aggregate.rawValue: AggregateStage.version,
    ]

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        fetch = FetchStage(settings: configuration.fetch)
        strip = StripStage(settings: configuration.strip)
        normalise = NormaliseStage(settings: configuration.normalise)
        analyse = AnalyseStage(settings: configuration.analyse)
        aggregate = AggregateStage(settings: configuration.aggregate)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func settingsJSON<T: Encodable>(_ value: T) -> Data { (try? encoder.encode(value)) ?? Data() }
        let sections: [(StageName, Data)] = [
            (.fetch, settingsJSON(configuration.fetch)), (.strip, settingsJSON(configuration.strip)),
            (.normalise, settingsJSON(configuration.normalise)),
            // The article file is analyse's stored output, so how it is formatted belongs to analyse.
            (.analyse, settingsJSON(configuration.analyse) + settingsJSON(configuration.outputFormat)),
            (.aggregate, settingsJSON(configuration.aggregate)),
        ]
        var fingerprints: [StageName: String] = [:]
        var upstream = ""
        for (stage, settings) in sections {
            var hasher = SHA256()
            hasher.update(data: Data((upstream + "|" + stage.rawValue + "|" + Self.versions[stage.rawValue]! + "|").utf8))
            hasher.update(data: settings)
            upstream = hasher.finalize().hexString
            fingerprints[stage] = upstream
        }
        self.fingerprints = fingerprints
    }

    /// The fingerprint a page's output of `stage` is recorded with: the settings and versions of the stage
    /// and of every stage before it. The page's bytes are not part of it: the manifest keeps their sha256
    /// with the page, and changed bytes redo every stage. (Hashing the bytes in as well cost a hash per page
    /// and stage on every run and told nothing more.)
    public func stageFingerprint(_ stage: StageName) -> String {
        fingerprints[stage]!
    }

    /// fetch, strip, normalise and analyse on one page, in memory: what `extract` prints.
    public func article(from location: PageLocation) throws(PageError) -> ArticleDocument {
        try article(from: fetch.process(location))
    }

    public func article(from page: FetchedPage) throws(PageError) -> ArticleDocument {
        let stripped = try strip.process(page)
        let normalised = try normalise.process(stripped)
        var document = try analyse.process(normalised)
        document.versions = Self.versions
        return document
    }
}
