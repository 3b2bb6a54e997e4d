import Benchmark
import Foundation
import WirePipe

// The functions every page goes through, one benchmark each, on the repo's sample pages (samples/): the parse
// (libxml2 with wirepipe's tree builder), the main-text extractor (block scoring and container choice) and the
// metadata reader on a parsed tree, and the tokenizer, MinHash, normalise and analyse on the extracted text.
// Instructions and allocations are the figures to compare between commits; wall clock moves with the machine.

/// The sample pages, fetched (read, hashed, decoded) once.
let samples: [FetchedPage] = {
    let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")
    let fetch = FetchStage(settings: FetchSettings())
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") }.sorted()
    let pages = names.compactMap { try? fetch.process(PageLocation(root: folder, relativePath: $0)) }
    precondition(!pages.isEmpty, "no sample pages under \(folder.path)")
    return pages
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .wallClock, .throughput],
        warmupIterations: 2,
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 2_000)
    HTMLDocument.initialiseParser()
    let pipeline = Pipeline(configuration: PipelineConfiguration())
    let settings = PipelineConfiguration().strip
    let pages = samples
    let trees = pages.compactMap { try? HTMLDocument.parse($0.html, encoding: $0.parserEncoding) }
    let stripped = pages.compactMap { try? pipeline.strip.process($0) }
    let normalised = stripped.compactMap { try? pipeline.normalise.process($0) }
    let texts = stripped.map { $0.blocks.map(\.text).joined(separator: "\n") }
    let tokenizer = Tokenizer()
    let words = texts.map { text in tokenizer.tokens(in: text).filter(\.isWord).map { $0.text.lowercased() } }
    let minHash = MinHash(shingleSize: 5, hashes: 128)
    // Loading the analyser's word lists happens once per process: not part of the per-article figure.
    if let first = normalised.first { _ = try? pipeline.analyse.process(first) }

    Benchmark("parse: libxml2 + tree builder, \(pages.count) pages") { benchmark in
        for page in pages { blackHole(try? HTMLDocument.parse(page.html, encoding: page.parserEncoding)) }
    }
    Benchmark("strip: whole stage, \(pages.count) pages") { benchmark in
        for page in pages { blackHole(try? pipeline.strip.process(page)) }
    }
    Benchmark("content extractor: blocks and container, \(trees.count) trees") { benchmark in
        let extractor = ContentExtractor(settings: settings)
        for tree in trees { blackHole(extractor.extract(from: tree, title: nil)) }
    }
    Benchmark("metadata, \(trees.count) trees") { benchmark in
        let metadata = MetadataExtractor(settings: settings)
        for tree in trees { blackHole(metadata.extract(from: tree)) }
    }
    Benchmark("tokenizer, \(texts.count) texts") { benchmark in
        for text in texts { blackHole(tokenizer.tokens(in: text)) }
    }
    Benchmark("MinHash signature (128), \(words.count) texts") { benchmark in
        for list in words { blackHole(minHash.signature(words: list)) }
    }
    Benchmark("normalise, \(stripped.count) articles") { benchmark in
        for article in stripped { blackHole(try? pipeline.normalise.process(article)) }
    }
    Benchmark("analyse, \(normalised.count) articles") { benchmark in
        for article in normalised { blackHole(try? pipeline.analyse.process(article)) }
    }
}
