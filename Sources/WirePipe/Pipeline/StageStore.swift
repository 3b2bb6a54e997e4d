import Foundation

/// Reads and writes stored stage outputs and articles for one worker (encoders are reused, not shared
/// between threads).
struct StageStore {
    let layout: OutputLayout
    let pipeline: Pipeline
    private let compact: SortedJSONEncoder
    private let articleEncoder: SortedJSONEncoder
    private let decoder = JSONDecoder()

    /// Where a write failure that stops the run is reported (none outside a run).
    let fault: OutputFault?

    init(layout: OutputLayout, pipeline: Pipeline, fault: OutputFault? = nil) {
        self.layout = layout
        self.pipeline = pipeline
        self.fault = fault
        compact = SortedJSONEncoder()
        articleEncoder = SortedJSONEncoder(prettyPrinted: pipeline.configuration.outputFormat.prettyArticles)
    }

    func save<T: Codable & Sendable & Identified>(_ output: T, stage: StageName) throws(PageError) {
        let stored = StoredStageOutput(
            stage: stage, version: Pipeline.versions[stage.rawValue]!, fingerprint: pipeline.fingerprints[stage]!, output: output)
        try write(stored, with: compact, to: layout.stageOutput(stage, output.id), stage: stage)
    }

    func load<T: Codable & Sendable>(_ stage: StageName, id: String) throws(PageError) -> T {
        let next = StageName.allCases[StageName.allCases.firstIndex(of: stage)! + 1]
        let url = layout.stageOutput(stage, id)
        do {
            let data = try Data(contentsOf: url)
            return try decoder.decode(StoredStageOutput<T>.self, from: data).output
        } catch {
            throw PageError(.missingStageOutput, stage: next, "cannot read stored \(stage.rawValue) output \(url.lastPathComponent): \(error.localizedDescription)")
        }
    }

    func saveArticle(_ document: ArticleDocument) throws(PageError) {
        try write(document, with: articleEncoder, to: layout.article(document.id), stage: .analyse)
    }

    func loadArticle(_ id: String) throws(PageError) -> ArticleDocument {
        do {
            return try decoder.decode(ArticleDocument.self, from: Data(contentsOf: layout.article(id)))
        } catch {
            throw PageError(.missingStageOutput, stage: .aggregate, "cannot read article \(id).json: \(error.localizedDescription)")
        }
    }

    private func write<T: Encodable>(_ value: T, with encoder: SortedJSONEncoder, to url: URL, stage: StageName) throws(PageError) {
        do {
            try AtomicWriter.write(encoder.encode(value), to: url)
        } catch let failure as AtomicWriter.Failure {
            if failure.affectsEveryWrite { fault?.record(failure) }
            throw PageError(.writeFailed, stage: stage, "\(failure)")
        } catch {
            throw PageError(.writeFailed, stage: stage, "\(error)")
        }
    }
}

/// Stage outputs that carry their page id.
protocol Identified {
    var id: String { get }
}

extension StrippedArticle: Identified {}
extension NormalisedArticle: Identified {}
