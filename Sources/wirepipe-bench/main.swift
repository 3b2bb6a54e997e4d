import CLibXML2
import Dispatch
import Foundation
import Synchronization
import WirePipe

// wirepipe-bench MODE JOBS FILE...
// Measures pages/s over the given pages, all read into memory first (decompressed), on JOBS threads:
//   load    nothing per page: the cost of reading, for instruction counts under callgrind
//   parse   libxml2's htmlReadMemory + xmlFreeDoc only: the floor every page must pay
//   tree    our own parse only (libxml2's parser into the flat DOMTree, script and style content skipped)
//   strip   strip alone (parse, metadata, main text) of pages read and decoded before the clock starts
//   extract fetch (read the file, hash, decompress, decode) + strip: extraction alone, as `run` does it
//   analyse strip + normalise + analyse: the article document, without writing it
//   analyse-only  the analyse stage alone, on documents stripped and normalised before the clock starts
//                 (pages are counted as articles; pages that fail strip are left out; one article is analysed
//                 before the clock starts, so the one-time loading of the word lists is not counted)
// Prints one JSON line: {"mode", "jobs", "pages", "seconds", "pages_per_second", "mb_per_second"}.

let arguments = CommandLine.arguments
// wirepipe-bench explain FILE: the extractor's containers and block decisions for one page.
if arguments.count == 3, arguments[1] == "explain" {
    let url = URL(fileURLWithPath: arguments[2])
    let page = try FetchStage(settings: FetchSettings()).process(PageLocation(root: url.deletingLastPathComponent(), relativePath: url.lastPathComponent))
    let tree = try HTMLDocument.parse(page.html, encoding: page.parserEncoding)
    let title = MetadataExtractor().extract(from: tree).title
    print(ContentExtractor(settings: StripSettings()).explain(tree, title: title))
    exit(0)
}
guard arguments.count >= 4, let jobs = Int(arguments[2]), ["load", "parse", "tree", "strip", "extract", "analyse", "analyse-only"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: wirepipe-bench load|parse|tree|strip|extract|analyse|analyse-only JOBS FILE...\n".utf8))
    exit(2)
}
let mode = arguments[1]
let fetch = FetchStage(settings: FetchSettings())
var pages: [FetchedPage] = []
var rawPages: [[UInt8]] = []
// A single folder argument stands for every page in it (a corpus of thousands outgrows the command line).
var files = Array(arguments.dropFirst(3))
if files.count == 1, let locations = try? InputWalker(settings: FetchSettings()).pages(under: URL(fileURLWithPath: files[0])) {
    files = locations.map { $0.url.path }
}
// analyse-only may read its normalised documents from a file written by an earlier run
// (WIREPIPE_BENCH_NORMALISED=FILE), so that a profile under callgrind need not strip the pages again.
let normalisedCache = mode == "analyse-only" ? ProcessInfo.processInfo.environment["WIREPIPE_BENCH_NORMALISED"] : nil
let cachedArticles = normalisedCache.flatMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
    .flatMap { try? JSONDecoder().decode([NormalisedArticle].self, from: $0) }
for (index, file) in files.enumerated() where cachedArticles == nil {
    let url = URL(fileURLWithPath: file)
    guard let page = try? fetch.process(PageLocation(root: url.deletingLastPathComponent(), relativePath: url.lastPathComponent)) else { continue }
    pages.append(page)
    _ = index
}
// The floor parses the bytes as stored (decompressed), letting libxml2 find the encoding, as a plain parser would.
for page in pages { rawPages.append(page.html) }
let totalBytes = pages.reduce(0) { $0 + $1.source.bytes }
let pipeline = Pipeline(configuration: PipelineConfiguration())
HTMLDocument.initialiseParser()
// analyse-only: strip and normalise up front, so the timed loop (and a profile of it) is the analyser alone.
var normalisedArticles: [NormalisedArticle] = []
if let cachedArticles {
    normalisedArticles = cachedArticles
} else if mode == "analyse-only" {
    for page in pages {
        guard let stripped = try? pipeline.strip.process(page), let normalised = try? pipeline.normalise.process(stripped) else { continue }
        normalisedArticles.append(normalised)
    }
    if let normalisedCache { try JSONEncoder().encode(normalisedArticles).write(to: URL(fileURLWithPath: normalisedCache)) }
}
let frozenNormalised = normalisedArticles
// The word lists and other tables are loaded once per process, on first use: one article analysed before the
// clock starts keeps that one-time cost out of the per-article figure.
if mode == "analyse-only", let first = frozenNormalised.first { _ = try? pipeline.analyse.process(first) }

let next = Atomic<Int>(0)
let failures = Atomic<Int>(0)
let frozenPages = pages
let frozenFiles = files
let count = mode == "analyse-only" ? frozenNormalised.count : mode == "extract" ? frozenFiles.count : frozenPages.count
let frozenRaw = rawPages
let start = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
    while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < count else { break }
        switch mode {
        case "load":
            break  // reading the pages only: what the other modes cost beyond it is their own work
        case "parse":
            let bytes = frozenRaw[i]
            let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
            let doc = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, nil, options) }
            }
            if let doc { xmlFreeDoc(doc) } else { failures.add(1, ordering: .relaxed) }
        case "tree":
            // Our own parse: libxml2's parser feeding the flat tree, script and style content skipped
            // (`TreeState.skipRawText`); the floor above reads every byte of it.
            let page = frozenPages[i]
            if (try? HTMLDocument.parse(page.html, encoding: page.parserEncoding)) == nil { failures.add(1, ordering: .relaxed) }
        case "analyse-only":
            if (try? pipeline.analyse.process(frozenNormalised[i])) == nil { failures.add(1, ordering: .relaxed) }
        case "strip":
            if (try? pipeline.strip.process(frozenPages[i])) == nil { failures.add(1, ordering: .relaxed) }
        case "extract":
            let url = URL(fileURLWithPath: frozenFiles[i])
            let location = PageLocation(root: url.deletingLastPathComponent(), relativePath: url.lastPathComponent)
            if (try? pipeline.strip.process(pipeline.fetch.process(location))) == nil { failures.add(1, ordering: .relaxed) }
        default:
            if (try? pipeline.article(from: frozenPages[i])) == nil { failures.add(1, ordering: .relaxed) }
        }
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let result: [String: Any] = [
    "mode": mode, "jobs": jobs, "pages": count, "failed": failures.load(ordering: .relaxed),
    "seconds": (seconds * 1000).rounded() / 1000,
    "pages_per_second": (Double(count) / seconds * 10).rounded() / 10,
    "mb_per_second": (Double(totalBytes) / 1e6 / seconds * 10).rounded() / 10,
]
let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
