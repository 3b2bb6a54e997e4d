import Foundation
import GRDB

/// The stored outputs of the stages a rerun can start from (strip and normalise): one SQLite database in the
/// output folder (`stages.sqlite`), a row per page and stage holding the output's JSON.
///
/// One file per page and stage used to hold them: two files created a page, each with a temporary name and
/// a rename, cost more kernel time than parsing the page on an ext4 volume that had recently deleted many
/// files (the next run's inodes are searched past them), and put millions of small files into a large
/// corpus's output folder. Rows are written a batch of pages per transaction (`run.manifest_batch_pages`);
/// a page's manifest record is written only after its rows, so the manifest never claims an output that
/// is not stored. A row that has gone missing (the file deleted by hand) sends its page back to its HTML.
public final class StageOutputs: Sendable {
    public static let fileName = "stages.sqlite"

    /// WAL with a pool of readers: workers read the strip outputs of phase 1 while others write.
    private let database: DatabasePool

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        /// SQLite's result code: a full disk or a read-only file system fails every later write as well.
        public var code: Int32 = 0
        public var description: String { message }
        public var affectsEveryWrite: Bool {
            [ResultCode.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN].contains(ResultCode(rawValue: code).primaryResultCode)
        }
    }

    /// One change to the stored outputs, applied in order within a batch.
    public enum Change: Sendable {
        case store(id: String, stage: StageName, body: Data)
        case remove(id: String, stages: [StageName])

        var id: String {
            switch self {
            case .store(let id, _, _), .remove(let id, _): return id
            }
        }
    }

    public init(url: URL) throws(Failure) {
        var configuration = Configuration()
        configuration.label = "wirepipe.stages"
        // NORMAL keeps committed transactions across a killed process; a power cut may lose the newest
        // batches, which the manifest then does not claim either (it is written after them).
        // Each row is written once and read once, so SQLite's page cache (2 MB a connection by default, filled
        // only by a large run) would hold nothing worth keeping: a small one keeps peak memory independent of
        // the corpus's size. Readers: one a worker is plenty.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -256")
        }
        configuration.maximumReaderCount = 2
        do {
            database = try DatabasePool(path: url.path, configuration: configuration)
            try database.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS output (
                        id TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        body BLOB NOT NULL,
                        PRIMARY KEY (id, stage)
                    )
                    """)
            }
        } catch {
            throw Self.failure("cannot open the stored stage outputs \(url.path)", error)
        }
    }

    /// Applies changes in one transaction.
    public func apply(_ changes: [Change]) throws(Failure) {
        guard !changes.isEmpty else { return }
        do {
            try database.write { db in
                let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO output (id, stage, body) VALUES (?, ?, ?)")
                let delete = try db.cachedStatement(sql: "DELETE FROM output WHERE id = ? AND stage = ?")
                for change in changes {
                    switch change {
                    case .store(let id, let stage, let body):
                        try insert.execute(arguments: [id, stage.rawValue, body])
                    case .remove(let id, let stages):
                        for stage in stages { try delete.execute(arguments: [id, stage.rawValue]) }
                    }
                }
            }
        } catch {
            let ids = changes.prefix(3).map(\.id).joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
            throw Self.failure("cannot store the stage outputs of \(ids)", error)
        }
    }

    /// The stored output of one page and stage, or nil when there is none.
    public func body(id: String, stage: StageName) throws(Failure) -> Data? {
        do {
            return try database.read { db in
                try Data.fetchOne(db.cachedStatement(sql: "SELECT body FROM output WHERE id = ? AND stage = ?"), arguments: [id, stage.rawValue])
            }
        } catch {
            throw Self.failure("cannot read the stored \(stage.rawValue) output of \(id)", error)
        }
    }

    /// Removes every stored output of the given pages.
    public func remove(ids: [String]) throws(Failure) {
        try apply(ids.map { .remove(id: $0, stages: OutputLayout.storedStages) })
    }

    /// Removes the outputs of pages that `keep` rejects (pages gone from the input while no manifest knew
    /// them); returns how many pages had outputs removed.
    public func removeAll(except keep: (String) -> Bool) throws(Failure) -> Int {
        let ids: [String]
        do {
            ids = try database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT id FROM output") }
        } catch {
            throw Self.failure("cannot read the stored stage outputs", error)
        }
        let gone = ids.filter { !keep($0) }
        try remove(ids: gone)
        return gone.count
    }

    /// Each stored output of a stage by page id: its row id (a rewrite gives the row a new one) and its
    /// bytes. For checks that a run left a stage's outputs alone.
    public func rows(of stage: StageName) throws(Failure) -> [String: (row: Int64, body: Data)] {
        do {
            return try database.read { db in
                var rows: [String: (row: Int64, body: Data)] = [:]
                let cursor = try Row.fetchCursor(db, sql: "SELECT id, rowid, body FROM output WHERE stage = ?", arguments: [stage.rawValue])
                while let row = try cursor.next() { rows[row[0]] = (row[1], row[2]) }
                return rows
            }
        } catch {
            throw Self.failure("cannot read the stored stage outputs", error)
        }
    }

    private static func failure(_ what: String, _ error: any Error) -> Failure {
        Failure(message: "\(what): \(error)", code: (error as? DatabaseError)?.extendedResultCode.rawValue ?? 0)
    }
}
