import Foundation
import GRDB
import GRDBSQLite

/// The manifest: an SQLite database in the output folder (`manifest.sqlite`) with one row per page and
/// one per page and stage. A page is recorded only after its outputs are in place (a few pages per
/// transaction, `run.manifest_batch_pages`), so a run killed at any point leaves it describing outputs that
/// exist; the pages it has not recorded yet are simply redone by the next run.
public final class Manifest: Sendable {
    public static let fileName = "manifest.sqlite"

    private let database: DatabaseQueue

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Opens (creating when needed) the manifest at `url`.
    public init(url: URL) throws(Failure) {
        var configuration = Configuration()
        configuration.label = "wirepipe.manifest"
        configuration.prepareDatabase { db in
            // WAL: one small transaction per page stays cheap; NORMAL synchronous keeps committed
            // transactions across a killed process (the OS holds the writes), which is what a rerun needs.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            database = try DatabaseQueue(path: url.path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw Failure(message: "cannot open the manifest \(url.path): \(error)")
        }
    }

    /// Opens an existing manifest (for `--dry-run`, which only reads it), or returns nil when there is none,
    /// so that a dry run on a fresh output folder creates nothing.
    public static func existing(at url: URL) throws(Failure) -> Manifest? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try Manifest(url: url)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE page (
                    path TEXT PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    status TEXT NOT NULL,
                    failure_stage TEXT,
                    failure_kind TEXT,
                    failure_message TEXT,
                    contribution BLOB
                );
                CREATE TABLE stage (
                    path TEXT NOT NULL REFERENCES page(path) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT,
                    seconds REAL NOT NULL,
                    PRIMARY KEY (path, stage)
                );
                """)
        }
        migrator.registerMigration("v2: corpus statistics") { db in
            try db.execute(sql: "CREATE TABLE corpus (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL)")
        }
        migrator.registerMigration("v3: boilerplate blocks") { db in
            // One row per stripped page (see `PageBlocks`); hashes as 8-byte little-endian integers.
            try db.execute(sql: """
                CREATE TABLE block (
                    path TEXT PRIMARY KEY NOT NULL,
                    site TEXT NOT NULL,
                    hashes BLOB NOT NULL,
                    applied TEXT NOT NULL,
                    removed TEXT NOT NULL
                )
                """)
        }
        return migrator
    }

    /// Every page recorded, by path; without their stage records when `stages` is false (what the
    /// statistics need, read at the end of every run).
    public func pages(stages: Bool = true, contributions: Bool = true) throws(Failure) -> [String: ManifestPage] {
        // Contributions are most of the manifest's bytes; deciding what to do only needs to know they exist.
        // Columns are read by position from a cursor: a run over an unchanged corpus is mostly this read,
        // and looking columns up by name per row cost as much as the rest of such a run.
        let contributionColumn = contributions ? "contribution" : "NULL"
        let pageQuery = """
            SELECT path, id, size, mtime, sha256, status, failure_stage, failure_kind, failure_message,
            contribution IS NOT NULL, \(contributionColumn) FROM page
            """
        do {
            return try database.read { db in
                var pages: [String: ManifestPage] = [:]
                let rows = try Row.fetchCursor(db, sql: pageQuery)
                while let row = try rows.next() {
                    let path: String = row[0]
                    let id: String = row[1]
                    var failure: RunReport.Failure?
                    if let stage = (row[6] as String?).flatMap(StageName.init(rawValue:)),
                       let kind = (row[7] as String?).flatMap(PageError.Kind.init(rawValue:)) {
                        failure = RunReport.Failure(id: id, path: path, stage: stage, kind: kind, message: row[8] ?? "")
                    }
                    var page = ManifestPage(
                        path: path, id: id, size: row[2], mtime: row[3], sha256: row[4],
                        status: ManifestPage.Status(rawValue: row[5]) ?? .failed, failure: failure,
                        contribution: row[10])
                    page.hasContribution = row[9]
                    pages[path] = page
                }
                guard stages else { return pages }
                let stageRows = try Row.fetchCursor(db, sql: "SELECT path, stage, fingerprint, status, error, seconds FROM stage")
                while let row = try stageRows.next() {
                    let path: String = row[0]
                    guard let stage = StageName(rawValue: row[1]) else { continue }
                    pages[path]?.stages[stage] = ManifestPage.StageRecord(
                        fingerprint: row[2], status: ManifestPage.StageRecord.Status(rawValue: row[3]) ?? .failed,
                        error: row[4], seconds: row[5])
                }
                return pages
            }
        } catch {
            throw Failure(message: "cannot read the manifest: \(error)")
        }
    }

    /// The stored statistics contributions of some pages, by path. The end of a run merges every page's
    /// contribution; asked for a slice of pages at a time, it holds one slice in memory, not the corpus
    /// (4 KB a page on the benchmark, so a run's peak memory grew with the number of pages).
    public func contributions(of paths: ArraySlice<String>) throws(Failure) -> [String: Data] {
        guard !paths.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: paths.count).joined(separator: ", ")
        do {
            return try database.read { db in
                var found: [String: Data] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT path, contribution FROM page WHERE path IN (\(placeholders))", arguments: StatementArguments(Array(paths)))
                while let row = try rows.next() {
                    if let data: Data = row[1] { found[row[0]] = data }
                }
                return found
            }
        } catch {
            throw Failure(message: "cannot read the manifest: \(error)")
        }
    }

    /// Replaces everything recorded about one page: with its boilerplate blocks when it has a strip output
    /// (`blocks`), so the blocks counted are always those of the recorded pages.
    public func record(_ page: ManifestPage, blocks: PageBlocks? = nil) throws(Failure) {
        try record([(page, blocks)])
    }

    /// Records several pages in one transaction: a page costs one row in each table either way, but every
    /// transaction rewrites the B-tree pages it touched into the log (about 28 writes per page recorded
    /// alone), and writers from all workers wait for one another.
    public func record(_ pages: [(page: ManifestPage, blocks: PageBlocks?)]) throws(Failure) {
        guard !pages.isEmpty else { return }
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM corpus")
                // Prepared once per connection (GRDB's statement cache), not parsed again for every page.
                let deleteBlock = try db.cachedStatement(sql: "DELETE FROM block WHERE path = ?")
                let insertBlock = try db.cachedStatement(sql: "INSERT INTO block (path, site, hashes, applied, removed) VALUES (?, ?, ?, ?, ?)")
                let insertPage = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO page
                    (path, id, size, mtime, sha256, status, failure_stage, failure_kind, failure_message, contribution)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let deleteStages = try db.cachedStatement(sql: "DELETE FROM stage WHERE path = ?")
                let insertStage = try db.cachedStatement(sql: "INSERT INTO stage (path, stage, fingerprint, status, error, seconds) VALUES (?, ?, ?, ?, ?, ?)")
                for (page, blocks) in pages {
                    try deleteBlock.execute(arguments: [page.path])
                    if let blocks {
                        try insertBlock.execute(
                            arguments: [page.path, blocks.site, Self.encode(blocks.hashes), blocks.applied, blocks.removed.joined(separator: "\n")])
                    }
                    try insertPage.execute(
                        arguments: [
                            page.path, page.id, page.size, page.mtime, page.sha256, page.status.rawValue,
                            page.failure?.stage.rawValue, page.failure?.kind.rawValue, page.failure?.message, page.contribution,
                        ])
                    try deleteStages.execute(arguments: [page.path])
                    for (stage, record) in page.stages {
                        try insertStage.execute(
                            arguments: [page.path, stage.rawValue, record.fingerprint, record.status.rawValue, record.error, record.seconds])
                    }
                }
            }
        } catch {
            let paths = pages.prefix(3).map(\.page.path).joined(separator: ", ") + (pages.count > 3 ? ", …" : "")
            throw Failure(message: "cannot update the manifest for \(paths): \(error)")
        }
    }

    /// Records new sizes and modification times of pages whose bytes turned out unchanged, so the next
    /// run does not hash them again.
    public func updateFileStats(_ updates: [(path: String, size: Int64, mtime: Int64)]) throws(Failure) {
        guard !updates.isEmpty else { return }
        do {
            try database.write { db in
                for update in updates {
                    try db.execute(sql: "UPDATE page SET size = ?, mtime = ? WHERE path = ?", arguments: [update.size, update.mtime, update.path])
                }
            }
        } catch {
            throw Failure(message: "cannot update the manifest: \(error)")
        }
    }

    /// Forgets pages (deleted from the input), after their outputs are removed.
    public func remove(paths: [String]) throws(Failure) {
        guard !paths.isEmpty else { return }
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM corpus")
                for path in paths {
                    try db.execute(sql: "DELETE FROM block WHERE path = ?", arguments: [path])
                    try db.execute(sql: "DELETE FROM stage WHERE path = ?", arguments: [path])
                    try db.execute(sql: "DELETE FROM page WHERE path = ?", arguments: [path])
                }
            }
        } catch {
            throw Failure(message: "cannot update the manifest: \(error)")
        }
    }

    /// The corpus statistics merged from every page's contribution, as last stored by `storeStatistics`,
    /// or nil when a page has been recorded or removed since: each such change clears it in its own
    /// transaction, so a value found here always matches the contributions.
    public func cachedStatistics() -> Data? {
        try? database.read { db in try Data.fetchOne(db, sql: "SELECT value FROM corpus WHERE key = 'statistics'") }
    }

    /// Keeps the merged statistics (as a `CounterArchive`), so a run that changes no page merges nothing.
    /// The archive of a large corpus is megabytes and is stored at the end of a run, when memory peaks: it
    /// is streamed into a blob of its exact size (SQLite's incremental blob I/O) rather than held whole and
    /// bound, which SQLite would copy once more.
    public func storeStatistics(_ stats: CorpusStatistics) throws(Failure) {
        let size = CounterArchive.byteCount(stats)
        do {
            guard size <= Int(Int32.max) else { throw DatabaseError(resultCode: .SQLITE_TOOBIG, message: "the statistics archive is \(size) bytes") }
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO corpus (key, value) VALUES ('statistics', zeroblob(?))", arguments: [size])
                var blob: OpaquePointer?
                let opened = sqlite3_blob_open(db.sqliteConnection, "main", "corpus", "value", db.lastInsertedRowID, 1, &blob)
                defer { sqlite3_blob_close(blob) }
                guard opened == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: opened), message: "cannot open the statistics blob") }
                var offset: Int32 = 0
                var status = SQLITE_OK
                let written = CounterArchive.encode(stats) { piece in
                    guard status == SQLITE_OK, let base = piece.baseAddress else { return }
                    status = sqlite3_blob_write(blob, base, Int32(piece.count), offset)
                    offset += Int32(piece.count)
                }
                guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot write the statistics blob") }
                // Both passes walk the same dictionaries, so they give the same length; a difference would be a
                // bug, and a blob with zeros at its end must not be kept.
                guard written == size else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "the statistics archive changed length (\(size) → \(written))") }
            }
        } catch {
            throw Failure(message: "cannot update the manifest: \(error)")
        }
    }

    /// The boilerplate blocks of every recorded page that has a strip output, by path.
    public func pageBlocks() throws(Failure) -> [String: PageBlocks] {
        do {
            return try database.read { db in
                var pages: [String: PageBlocks] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT path, site, hashes, applied, removed FROM block")
                while let row = try rows.next() {
                    let removed: String = row[4]
                    pages[row[0]] = PageBlocks(
                        site: row[1], hashes: Self.decode(row[2]), applied: row[3],
                        removed: removed.isEmpty ? [] : removed.split(separator: "\n").map(String.init))
                }
                return pages
            }
        } catch {
            throw Failure(message: "cannot read the manifest: \(error)")
        }
    }

    /// Whether the boilerplate of every recorded page was settled by a run that finished (`settleBoilerplate`)
    /// with no page recorded or removed since (each clears the `corpus` table): a run that processes no
    /// page then need not read the blocks.
    public func boilerplateIsSettled() -> Bool {
        (try? database.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM corpus WHERE key = 'boilerplate'") }) == true
    }

    public func settleBoilerplate() throws(Failure) {
        do {
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO corpus (key, value) VALUES ('boilerplate', x'01')")
            }
        } catch {
            throw Failure(message: "cannot update the manifest: \(error)")
        }
    }

    private static func encode(_ hashes: [UInt64]) -> Data {
        var data = Data(capacity: hashes.count * 8)
        for hash in hashes { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    private static func decode(_ data: Data) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(data.count / 8)
        var value: UInt64 = 0
        for (index, byte) in data.enumerated() {
            value |= UInt64(byte) << UInt64((index % 8) * 8)
            if index % 8 == 7 {
                hashes.append(value)
                value = 0
            }
        }
        return hashes
    }
}
