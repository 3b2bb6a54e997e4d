import WirePipe

/// One fuzz input taken through fetch (gzip, encoding detection, transcoding), strip (libxml2 and the DOM
/// copy), normalise, analyse and the per-page statistics, as a run would take a page. Per-page errors are
/// the expected outcome of most inputs; only a crash, a sanitizer report or a hang is a finding.
/// Limits are smaller than the defaults so that the fuzzer spends its time on structure, not on size.
enum FuzzTarget {
    static let pipeline: Pipeline = {
        var configuration = PipelineConfiguration()
        configuration.fetch.maxPageBytes = 4_000_000
        configuration.strip.maxDOMNodes = 100_000
        HTMLDocument.initialiseParser()
        return Pipeline(configuration: configuration)
    }()

    static func run(_ bytes: [UInt8]) {
        do throws(PageError) {
            let page = try pipeline.fetch.page(from: bytes, id: "fuzz", path: "fuzz.html")
            let document = try pipeline.article(from: page)
            _ = try pipeline.aggregate.process(document)
        } catch {
            _ = error.description
        }
    }
}
