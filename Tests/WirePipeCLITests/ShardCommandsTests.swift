import Dispatch
import Foundation
import Synchronization
import Testing
@testable import WirePipe

/// `run --shard I/N` and `merge` of partial statistics, end to end over the sample pages.
extension CLITests {
    private func articleFiles(_ output: URL) throws -> [String: Data] {
        let folder = output.appendingPathComponent("articles")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    private func copySamples(_ pages: [String], to input: URL) throws {
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for page in pages { try FileManager.default.copyItem(at: samples.appendingPathComponent(page), to: input.appendingPathComponent(page)) }
    }

    @Test func shardsInParallelMergeToOneRunAndRerunsSkip() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = try samplePages
        let input = scratch.appendingPathComponent("in")
        try copySamples(pages, to: input)
        let whole = scratch.appendingPathComponent("whole")
        let single = try wirepipe(["run", "--input", input.path, "--output", whole.path, "--quiet"])
        #expect(single.status == 0, "\(single.stderr)")

        // Three shards at once into one shared folder.
        let shared = scratch.appendingPathComponent("shared")
        let outcomes = Mutex<[Int: Outcome]>([:])
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let outcome = try? wirepipe(["run", "--input", input.path, "--output", shared.path, "--shard", "\(index)/3", "--quiet"])
            outcomes.withLock { $0[index] = outcome }
        }
        for index in 0..<3 {
            let outcome = outcomes.withLock { $0[index] }
            #expect(outcome?.status == 0, "shard \(index): \(outcome?.stderr ?? "did not start")")
            #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("stats.part-\(index)-of-3.json").path))
            #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("manifest.part-\(index)-of-3.sqlite").path))
        }
        #expect(!FileManager.default.fileExists(atPath: shared.appendingPathComponent("stats.json").path))
        // The shards split the pages: each is in exactly one shard's statistics.
        let seen = try (0..<3).map { try PartialStatistics.read(shared.appendingPathComponent("stats.part-\($0)-of-3.json"))!.statistics.pagesSeen }
        #expect(seen.reduce(0, +) == pages.count)

        let merged = scratch.appendingPathComponent("merged")
        let partials = (0..<3).reversed().map { shared.appendingPathComponent("stats.part-\($0)-of-3.json").path }
        let merge = try wirepipe(["merge"] + partials + ["--output", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Data(contentsOf: merged.appendingPathComponent("stats.json")) == Data(contentsOf: whole.appendingPathComponent("stats.json")))
        #expect(try articleFiles(shared) == articleFiles(whole))
        // The folder stands for its partial statistics too.
        let byFolder = try wirepipe(["merge", shared.path, "--output", scratch.appendingPathComponent("by-folder").path])
        #expect(byFolder.status == 0, "\(byFolder.stderr)")

        // A rerun of a finished shard skips it and changes nothing.
        let partial = shared.appendingPathComponent("stats.part-1-of-3.json")
        let before = try Data(contentsOf: partial)
        let rerun = try wirepipe(["run", "--input", input.path, "--output", shared.path, "--shard", "1/3"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("skipped"))
        #expect(try Data(contentsOf: partial) == before)
        // A forced rerun of one shard in the shared folder leaves the other shards' articles alone.
        let forced = try wirepipe(["run", "--input", input.path, "--output", shared.path, "--shard", "1/3", "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try articleFiles(shared) == articleFiles(whole))
        #expect(try Data(contentsOf: partial) == before)
    }

    @Test func mergeRefusesIncompleteOrMixedShards() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = try samplePages
        let input = scratch.appendingPathComponent("in")
        try copySamples(pages, to: input)
        let out = scratch.appendingPathComponent("out")
        for shard in ["0/3", "1/3", "2/3", "0/2"] {
            let result = try wirepipe(["run", "--input", input.path, "--output", out.path, "--shard", shard, "--quiet"])
            #expect(result.status == 0, "\(shard): \(result.stderr)")
        }
        func part(_ index: Int, of count: Int = 3, in folder: URL = out) -> String {
            folder.appendingPathComponent("stats.part-\(index)-of-\(count).json").path
        }
        let target = scratch.appendingPathComponent("merged").path
        let copy = scratch.appendingPathComponent("again.json")
        try FileManager.default.copyItem(atPath: part(0), toPath: copy.path)

        let twice = try wirepipe(["merge", part(0), part(1), part(2), copy.path, "--output", target])
        #expect(twice.status == 2 && twice.stderr.contains("shard 0/3 is given twice"), "\(twice.stderr)")
        let missing = try wirepipe(["merge", part(0), part(2), "--output", target])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard 1/3"), "\(missing.stderr)")
        let mixedCount = try wirepipe(["merge", part(0, of: 2), part(1), part(2), "--output", target])
        #expect(mixedCount.status == 2 && mixedCount.stderr.contains("different numbers of shards"), "\(mixedCount.stderr)")
        let plain = scratch.appendingPathComponent("plain")
        try run(pages, into: plain, scratch: scratch)
        let mixedKinds = try wirepipe(["merge", part(0), part(1), part(2), plain.path, "--output", target])
        #expect(mixedKinds.status == 2 && mixedKinds.stderr.contains("plain stats.json"), "\(mixedKinds.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target + "/stats.json"))

        // Shard 1 of a smaller input: another input list.
        let smaller = scratch.appendingPathComponent("in-smaller")
        try copySamples(Array(pages.dropFirst()), to: smaller)
        let other = scratch.appendingPathComponent("other")
        let run = try wirepipe(["run", "--input", smaller.path, "--output", other.path, "--shard", "1/3", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let mixedInput = try wirepipe(["merge", part(0), part(1, in: other), part(2), "--output", target])
        #expect(mixedInput.status == 2 && mixedInput.stderr.contains("different input lists"), "\(mixedInput.stderr)")

        // The complete set merges.
        let complete = try wirepipe(["merge", part(2), part(0), part(1), "--output", target])
        #expect(complete.status == 0, "\(complete.stderr)")
        let bad = try wirepipe(["run", "--input", input.path, "--output", out.path, "--shard", "3/3"])
        #expect(bad.status == 2 && bad.stderr.contains("--shard"), "\(bad.stderr)")
    }

    @Test func aSkippedShardKeepsItsExitCode() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Pages over 20 kB fail: more than run.max_failure_ratio (0) of the shard's pages fail, exit 1.
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"max_page_bytes": 20000}}"#.utf8).write(to: config)
        let arguments = ["run", "--config", config.path, "--input", samples.path, "--output", scratch.appendingPathComponent("out").path, "--shard", "0/1"]
        let first = try wirepipe(arguments + ["--quiet"])
        #expect(first.status == 1, "\(first.stderr)")
        // The retry skips the finished shard but does not hide its failures.
        let again = try wirepipe(arguments)
        #expect(again.status == 1 && again.stderr.contains("skipped"), "\(again.stderr)")
    }
}
