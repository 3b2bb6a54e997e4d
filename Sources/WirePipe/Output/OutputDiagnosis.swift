import Foundation

/// Why an output folder may refuse writes, told from the file system and the process limits. SQLite reports a
/// full disk or a file-size limit as a bare "disk I/O error"; this says what an operator has to fix.
enum OutputDiagnosis {
    /// A short clause ("the file system is full: 12 KB free"), or nil when nothing looks wrong.
    static func of(_ folder: URL) -> String? {
        var fs = statvfs()
        if statvfs(folder.path, &fs) == 0 {
            if fs.f_flag & UInt(ST_RDONLY) != 0 { return "the file system is read-only" }
            let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
            if free < 1_048_576 { return "the file system is full: \(free / 1024) KB free" }
        }
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            return "files are limited to \(limit.rlim_cur) bytes (ulimit -f)"
        }
        return nil
    }
}
