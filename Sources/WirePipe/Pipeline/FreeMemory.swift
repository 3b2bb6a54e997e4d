#if canImport(Glibc)
import Glibc
#endif

/// Returning memory that the process has freed but its allocator still holds.
enum FreeMemory {
    /// glibc keeps freed memory in each thread's arena for reuse, and counts it in the resident set; its
    /// `malloc_trim` gives the free pages of every arena back. It is looked up at run time because the Glibc
    /// module does not import `<malloc.h>`; where it is missing (another libc) nothing is done.
    static func returnToSystem() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
