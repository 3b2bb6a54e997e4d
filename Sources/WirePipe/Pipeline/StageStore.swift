import Foundation

/// Reads and writes stored stage outputs (in `StageOutputs`) and articles (files) for one worker; encoders
/// are reused, not shared between threads. Stage outputs wait in `pending` and are stored a batch at a time
/// (`flush`): the worker flushes before it records pages in the manifest, and whenever a batch is full.
struct StageStore {
    let layout: OutputLayout
    let pipeline: Pipeline
    let outputs: StageOutputs?
    /// Articles written with `SortedJSONEncoder`'s pretty layout (`output.pretty_articles`).
    private let prettyArticles: Bool
    private let decoder = JSONDecoder()
    /// Changes not yet stored, in order.
    private var pending: [StageOutputs.Change] = []

    /// Where a write failure that stops the run is reported (none outside a run).
    let fault: OutputFault?

    /// `outputs`: nil where only articles are read (the statistics at the end of a run).
    init(layout: OutputLayout, pipeline: Pipeline, outputs: StageOutputs?, fault: OutputFault? = nil) {
        self.layout = layout
        self.pipeline = pipeline
        self.outputs = outputs
        self.fault = fault
        prettyArticles = pipeline.configuration.outputFormat.prettyArticles
    }

    /// Stores in the binary form (`StoredForm`), which costs a fraction of JSON's encoding and decoding.
    mutating func save<T: StoredFormCodable & Identified>(_ output: T, stage: StageName) throws(PageError) {
        let body = StoredForm.encode(
            output, stage: stage, version: Pipeline.versions[stage.rawValue]!, fingerprint: pipeline.fingerprints[stage]!)
        pending.append(.store(id: output.id, stage: stage, body: body))
        if pending.count >= pipeline.configuration.run.manifestBatchPages {
            do {
                try flush()
            } catch {
                throw PageError(.writeFailed, stage: stage, "\(error)")
            }
        }
    }

    /// Forgets a page's stored outputs of `stages` (with any still pending).
    mutating func remove(_ id: String, stages: [StageName]) {
        guard !stages.isEmpty else { return }
        pending.removeAll { if case .store(id, let stage, _) = $0 { stages.contains(stage) } else { false } }
        pending.append(.remove(id: id, stages: stages))
    }

    /// Stores the pending changes in one transaction.
    mutating func flush() throws(StageOutputs.Failure) {
        guard !pending.isEmpty, let outputs else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        do {
            try outputs.apply(pending)
        } catch {
            if error.affectsEveryWrite { fault?.record(error.message) }
            throw error
        }
    }

    func load<T: StoredFormCodable>(_ stage: StageName, id: String) throws(PageError) -> T {
        let next = StageName.allCases[StageName.allCases.firstIndex(of: stage)! + 1]
        do {
            guard let data = try outputs?.body(id: id, stage: stage) else {
                throw PageError(.missingStageOutput, stage: next, "no stored \(stage.rawValue) output of \(id)")
            }
            return try StoredForm.decode(T.self, from: data)
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(.missingStageOutput, stage: next, "cannot read the stored \(stage.rawValue) output of \(id): \(error)")
        }
    }

    /// Written by `ArticleJSONWriter`: the bytes `SortedJSONEncoder` would write, without `Encodable`.
    func saveArticle(_ document: ArticleDocument) throws(PageError) {
        let url = layout.article(document.id)
        do {
            try AtomicWriter.write(ArticleJSONWriter.bytes(of: document, pretty: prettyArticles), to: url)
        } catch let failure as AtomicWriter.Failure {
            if failure.affectsEveryWrite { fault?.record("\(failure)") }
            throw PageError(.writeFailed, stage: .analyse, "\(failure)")
        } catch {
            throw PageError(.writeFailed, stage: .analyse, "\(error)")
        }
    }

    func loadArticle(_ id: String) throws(PageError) -> ArticleDocument {
        do {
            return try decoder.decode(ArticleDocument.self, from: Data(contentsOf: layout.article(id)))
        } catch {
            throw PageError(.missingStageOutput, stage: .aggregate, "cannot read article \(id).json: \(error.localizedDescription)")
        }
    }
}

/// Stage outputs that carry their page id.
protocol Identified {
    var id: String { get }
}

extension StrippedArticle: Identified {}
extension NormalisedArticle: Identified {}
