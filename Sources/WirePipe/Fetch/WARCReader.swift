import Foundation

/// One WARC record: its named fields and, when it was small enough to keep, its block.
struct WARCRecord {
    /// WARC/1.0 or WARC/1.1.
    var version: String
    /// Field names lowercased; a repeated field keeps its first value.
    var fields: [String: String]
    /// The record block (for a `response`, the HTTP message); nil when longer than the reader's limit.
    var block: [UInt8]?
    var contentLength: Int64

    var type: String { fields["warc-type"]?.lowercased() ?? "" }
    var targetURI: String? { fields["warc-target-uri"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) } }
    var recordID: String? { fields["warc-record-id"] }
    var date: String? { fields["warc-date"] }
}

/// Reads the records of a `.warc` or `.warc.gz` file one at a time (ISO 28500, WARC/1.0 and 1.1).
/// Records are self-delimiting through Content-Length, so a file of gzip members is read as one inflated
/// stream. A damaged file stops the reading with an error that says where; the records before it stand.
final class WARCReader {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private let stream: ByteStream
    /// Blocks longer than this are skipped, not kept (the caller decides what to say about them).
    let blockLimit: Int
    /// Records read so far (for error messages).
    private(set) var recordsRead = 0

    init(path: String, blockLimit: Int) throws(Failure) {
        do {
            stream = try ByteStream(path: path)
        } catch {
            throw Failure(message: Self.describe(error))
        }
        self.blockLimit = blockLimit
    }

    /// The next record, or nil at the clean end of the file.
    func next() throws(Failure) -> WARCRecord? {
        do {
            return try readRecord()
        } catch let failure as Failure {
            throw failure
        } catch let failure as ByteStream.Failure {
            throw Failure(message: "\(Self.describe(failure)) after record \(recordsRead)")
        } catch {
            throw Failure(message: "\(error)")
        }
    }

    private func readRecord() throws -> WARCRecord? {
        // Records are separated by two CRLFs; tolerate any number of blank lines between them.
        var line: [UInt8]?
        repeat {
            line = try stream.readLine()
            guard line != nil else { return nil }
        } while line!.isEmpty
        let versionLine = String(decoding: line!, as: UTF8.self)
        guard versionLine.hasPrefix("WARC/") else {
            let shown = versionLine.prefix(40).unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined()
            throw Failure(message: recordsRead == 0
                ? "not a WARC file: it starts with \"\(shown)\", not WARC/1.0 or WARC/1.1"
                : "record \(recordsRead + 1) does not start with a WARC version line (\"\(shown)\"): the file is damaged")
        }
        var fields: [String: String] = [:]
        var lastName: String?
        while true {
            guard let raw = try stream.readLine() else {
                throw Failure(message: "the file ends inside the header of record \(recordsRead + 1): truncated")
            }
            if raw.isEmpty { break }
            let text = String(decoding: raw, as: UTF8.self)
            // Continuation lines (leading space or tab) belong to the previous field.
            if let first = text.first, first == " " || first == "\t", let lastName {
                fields[lastName, default: ""] += " " + text.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if fields[name] == nil { fields[name] = value }
            lastName = name
        }
        guard let lengthText = fields["content-length"], let length = Int64(lengthText), length >= 0 else {
            throw Failure(message: "record \(recordsRead + 1) has no valid Content-Length: the file is damaged")
        }
        var block: [UInt8]?
        if length <= Int64(blockLimit) {
            let bytes = try stream.read(Int(length))
            guard bytes.count == Int(length) else {
                throw Failure(message: "the file ends inside record \(recordsRead + 1) (\(bytes.count) of \(length) bytes): truncated")
            }
            block = bytes
        } else {
            let skipped = try stream.skip(length)
            guard skipped == length else {
                throw Failure(message: "the file ends inside record \(recordsRead + 1) (\(skipped) of \(length) bytes): truncated")
            }
        }
        recordsRead += 1
        return WARCRecord(version: versionLine, fields: fields, block: block, contentLength: length)
    }

    static func describe(_ failure: ByteStream.Failure) -> String {
        switch failure {
        case .truncatedGzip: return "the gzip data ends in the middle of a member: truncated"
        case .corruptGzip(let why): return "damaged gzip data (\(why))"
        case .unreadable(let why): return why
        }
    }
}
