import Foundation
@testable import WirePipe

/// A small input folder for runner tests: the two seed pages, a gzipped AP page in a sub-folder, and three
/// bad pages (empty, binary, chrome only).
struct TestCorpus {
    let root: URL
    var input: URL { root.appendingPathComponent("input") }
    var output: URL { root.appendingPathComponent("out") }
    var layout: OutputLayout { OutputLayout(root: output) }

    init() throws {
        root = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: input.appendingPathComponent("ap"), withIntermediateDirectories: true)
        for name in Fixtures.seedPages {
            try FileManager.default.copyItem(at: Fixtures.url(name), to: input.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: Fixtures.url("pages/ctpost-deval-patrick.html.gz"), to: input.appendingPathComponent("ap/ctpost.html.gz"))
        try Data().write(to: input.appendingPathComponent("empty.html"))
        try Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 13) }).write(to: input.appendingPathComponent("junk.htm"))
        try Data("<html><body><div id=menu><a href=/>Home</a></div></body></html>".utf8).write(to: input.appendingPathComponent("chrome-only.html"))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    func runner(jobs: Int = 2, output: URL? = nil, configure: (inout PipelineConfiguration) -> Void = { _ in }) -> PipelineRunner {
        var configuration = PipelineConfiguration()
        configuration.jobs = jobs
        configure(&configuration)
        return PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: output ?? self.output)
    }

    /// Every file under a folder of the output, by relative path, with its bytes.
    func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// Modification times (ns) of every file in a folder: a rewrite with the same bytes still moves them.
    func modificationTimes(_ folder: URL) throws -> [String: Int64] {
        var times: [String: Int64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            times[name] = FileStat(path: folder.appendingPathComponent(name).path)?.mtime
        }
        return times
    }
}
