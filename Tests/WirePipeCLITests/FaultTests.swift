import Foundation
import Testing
@testable import WirePipe

/// Faults of the machine rather than of the pages: a full disk (a file-size limit, `ulimit -f`: writes fail
/// with EFBIG as on a full disk), a read-only output folder, one unreadable page. Each gives a clear message
/// and its documented exit code, and leaves no corrupt or half-written output: every JSON file present parses
/// and no temporary file is left where outputs are read.
@Suite struct FaultTests {
    static var samples: URL { CLITests.packageRoot.appendingPathComponent("samples") }

    /// Permission bits do not stop root: as root, the runs that need them are made as `nobody` (setpriv).
    static let isRoot = getuid() == 0
    static let setpriv = "/usr/bin/setpriv"

    struct Outcome {
        var status: Int32
        var stderr: String
    }

    /// Runs `wirepipe` through bash, with `limits` (shell commands such as `ulimit -f 64`) applied first;
    /// `asNobody` drops root first.
    func wirepipe(_ arguments: [String], limits: String = "", asNobody: Bool = false) throws -> Outcome {
        var command = [CLITests.binary.path] + arguments
        if asNobody { command = [Self.setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\(limits)\nexec \"$@\"", "wirepipe"] + command
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wirepipe-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Reachable by `nobody` when the tests run as root.
        chmod(url.path, 0o777)
        return url
    }

    /// Every file under the output folder: JSON files must parse, and no temporary file may be left.
    func checkNoCorruptOutput(_ output: URL) throws {
        let files = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for file in files {
            #expect(!file.contains(".tmp-"), "temporary file left: \(file)")
            guard file.hasSuffix(".json") else { continue }
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) does not parse (\(data.count) bytes)")
        }
    }

    func snapshot(_ output: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [] where file.hasSuffix(".json") {
            result[file] = try Data(contentsOf: output.appendingPathComponent(file))
        }
        return result
    }

    @Test func aFullDiskStopsWithACleanOutputAndTheNextRunFinishes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        // 48 KB per file: the first articles fit, the manifest soon does not.
        let full = try wirepipe(["run", "--input", Self.samples.path, "--output", output.path], limits: "ulimit -f 48")
        #expect(full.status == 3 || full.status == 1, "exit \(full.status): \(full.stderr)")
        // Either the write that failed says so, or the message adds what the limit is (SQLite says only
        // "disk I/O error").
        #expect(full.stderr.contains("File too large") || full.stderr.contains("(ulimit -f)"), "\(full.stderr)")
        try checkNoCorruptOutput(output)

        let rerun = try wirepipe(["run", "--input", Self.samples.path, "--output", output.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try checkNoCorruptOutput(output)
        let pages = try InputWalker(settings: FetchSettings()).pages(under: Self.samples).count
        #expect(OutputLayout(root: output).ids(in: output.appendingPathComponent("articles")).count == pages)
    }

    @Test(.enabled(if: !isRoot || FileManager.default.isExecutableFile(atPath: setpriv), "needs setpriv to drop root"))
    func aReadOnlyOutputFolderIsFatalAndChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try wirepipe(["run", "--input", Self.samples.path, "--output", output.path], asNobody: Self.isRoot).status == 0)
        let before = try snapshot(output)
        // Read-only: the folder and everything in it.
        for file in FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [] {
            chmod(output.appendingPathComponent(file).path, 0o555)
        }
        chmod(output.path, 0o555)
        let refused = try wirepipe(["run", "--input", Self.samples.path, "--output", output.path, "--force"], asNobody: Self.isRoot)
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("Permission denied") || refused.stderr.contains("Read-only"), "\(refused.stderr)")
        #expect(refused.stderr.contains(output.path), "the message names the folder: \(refused.stderr)")
        #expect(try snapshot(output) == before)

        // A read-only folder that was never written to: nothing is created in it.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        chmod(empty.path, 0o555)
        let fresh = try wirepipe(["run", "--input", Self.samples.path, "--output", empty.path], asNobody: Self.isRoot)
        #expect(fresh.status == 3, "\(fresh.stderr)")
        #expect(fresh.stderr.contains(empty.path), "\(fresh.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
    }

    @Test(.enabled(if: !isRoot || FileManager.default.isExecutableFile(atPath: setpriv), "needs setpriv to drop root"))
    func anUnreadablePageIsAPageErrorAndTheRestIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        chmod(input.path, 0o755)
        for name in ["wordpress-repost.html", "aggregator-copy-cp1252.html"] {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("wordpress-repost.html"), to: input.appendingPathComponent("locked.html"))
        chmod(input.appendingPathComponent("locked.html").path, 0o000)
        let output = folder.appendingPathComponent("out")
        let result = try wirepipe(["run", "--input", input.path, "--output", output.path], asNobody: Self.isRoot)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("locked.html: fetch: unreadable:") && result.stderr.contains("Permission denied"), "\(result.stderr)")
        let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: output.appendingPathComponent("run-report.json")))
        #expect(report.failures.map(\.path) == ["locked.html"])
        #expect(report.pages.ok == 2)
        try checkNoCorruptOutput(output)
    }
}
