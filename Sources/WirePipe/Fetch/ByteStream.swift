import CZlib
import Foundation

/// A file read forward in chunks, inflated on the fly when it is gzipped (any number of gzip members, as
/// WARC writers put one member per record), so a large archive never sits in memory: at most one chunk of
/// compressed and one of inflated bytes are held besides what the caller asks for.
final class ByteStream {
    enum Failure: Error, Equatable {
        /// The file ended inside a gzip member.
        case truncatedGzip
        /// The gzip data is damaged.
        case corruptGzip(String)
        case unreadable(String)
    }

    private static let chunkSize = 256 * 1024

    private let handle: FileHandle
    let gzipped: Bool
    private var zstream: UnsafeMutablePointer<z_stream>?
    private var compressed = Data()
    private var compressedOffset = 0
    private var fileEnded = false
    /// Inflated (or plain) bytes not yet consumed.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Whether inflate is inside a member (bytes were fed since the last member end).
    private var insideMember = false
    /// Bytes consumed so far (of the inflated stream).
    private(set) var consumed: Int64 = 0

    init(path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        gzipped = head.count == 2 && head[head.startIndex] == 0x1f && head[head.startIndex + 1] == 0x8b
        try? handle.seek(toOffset: 0)
        if gzipped {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // 15 + 16: gzip only; a member end is reported so the next member can be started.
            guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                throw .corruptGzip("zlib could not start")
            }
            zstream = stream
        }
    }

    deinit {
        if let zstream {
            inflateEnd(zstream)
            zstream.deallocate()
        }
        try? handle.close()
    }

    /// Bytes available without reading further.
    private var available: Int { buffer.count - position }

    /// Makes more bytes available; false at the clean end of the data.
    private func fill() throws(Failure) -> Bool {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        guard gzipped else {
            let data: Data
            do {
                data = try handle.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                throw .unreadable("read failed: \(error.localizedDescription)")
            }
            if data.isEmpty { return false }
            buffer.append(contentsOf: data)
            return true
        }
        while true {
            if compressedOffset >= compressed.count {
                if fileEnded { return try endOfCompressedData() }
                do {
                    compressed = try handle.read(upToCount: Self.chunkSize) ?? Data()
                } catch {
                    throw .unreadable("read failed: \(error.localizedDescription)")
                }
                compressedOffset = 0
                if compressed.isEmpty {
                    fileEnded = true
                    return try endOfCompressedData()
                }
            }
            let produced = try inflateSome()
            if produced > 0 { return true }
        }
    }

    private func endOfCompressedData() throws(Failure) -> Bool {
        if insideMember { throw .truncatedGzip }
        return false
    }

    /// Inflates from the current compressed chunk into the buffer; the number of bytes produced.
    private func inflateSome() throws(Failure) -> Int {
        guard let stream = zstream else { return 0 }
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        var produced = 0
        var status: Int32 = Z_OK
        compressed.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let base = raw.bindMemory(to: UInt8.self).baseAddress!.advanced(by: compressedOffset)
            let count = compressed.count - compressedOffset
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
            stream.pointee.avail_in = uInt(count)
            output.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                status = inflate(stream, Z_NO_FLUSH)
                produced = out.count - Int(stream.pointee.avail_out)
            }
            compressedOffset += count - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
        }
        switch status {
        case Z_OK, Z_BUF_ERROR:
            insideMember = true
        case Z_STREAM_END:
            // One member done; the next (if any) starts afresh.
            insideMember = false
            guard inflateReset(stream) == Z_OK else { throw .corruptGzip("cannot start the next gzip member") }
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "code \(status)"
            throw .corruptGzip(message)
        }
        buffer.append(contentsOf: output[0..<produced])
        return produced
    }

    /// One line without its CRLF or LF; nil at the end of the data. A line longer than `limit` is cut there
    /// (the rest is read as the next line), so a binary file cannot make one line of its whole size.
    func readLine(limit: Int = 64 * 1024) throws(Failure) -> [UInt8]? {
        var scanned = 0
        while true {
            if let newline = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<newline])
                advance(newline + 1 - position)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            scanned = available
            if available >= limit {
                let line = Array(buffer[position..<(position + limit)])
                advance(limit)
                return line
            }
            guard try fill() else {
                if available == 0 { return nil }
                let line = Array(buffer[position...])
                advance(available)
                return line
            }
        }
    }

    /// Exactly `count` bytes, or fewer when the data ends first.
    func read(_ count: Int) throws(Failure) -> [UInt8] {
        while available < count {
            guard try fill() else { break }
        }
        let n = min(count, available)
        let bytes = Array(buffer[position..<(position + n)])
        advance(n)
        return bytes
    }

    /// Skips `count` bytes without keeping them; how many were skipped.
    func skip(_ count: Int64) throws(Failure) -> Int64 {
        var left = count
        while left > 0 {
            if available == 0 {
                guard try fill() else { break }
            }
            let n = Int(min(Int64(available), left))
            advance(n)
            left -= Int64(n)
        }
        return count - left
    }

    private func advance(_ n: Int) {
        position += n
        consumed += Int64(n)
        if position > Self.chunkSize {
            buffer.removeFirst(position)
            position = 0
        }
    }
}
