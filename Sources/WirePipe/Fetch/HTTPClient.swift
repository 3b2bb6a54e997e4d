import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One GET at a time per caller over URLSession, made synchronous for the fetch workers. Redirects are not
/// followed here (the caller counts them and checks robots.txt for each hop), and a body larger than the
/// limit is cut off by cancelling the transfer, so an endless answer cannot fill the memory.
final class HTTPClient: Sendable {
    struct Response: Sendable {
        var status: Int
        /// Field names lowercased.
        var headers: [String: String]
        var body: [UInt8]
    }

    enum Failure: Error, Equatable {
        case timeout
        case tooLarge
        case transport(String)
    }

    private let session: URLSession
    private let collector: Collector

    init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        collector = Collector()
        session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// GET `url` with `headers`; the answer, whatever its status, or why there is none.
    func get(_ url: URL, headers: [String: String], limit: Int) -> Result<Response, Failure> {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        let done = DispatchSemaphore(value: 0)
        collector.start(task.taskIdentifier, limit: limit, done: done)
        task.resume()
        done.wait()
        return collector.finish(task.taskIdentifier)
    }
}

/// The delegate: gathers each task's answer and signals its caller when the task is over.
private final class Collector: NSObject, URLSessionDataDelegate, Sendable {
    struct Transfer {
        var limit: Int
        var done: DispatchSemaphore
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var tooLarge = false
        var error: Error?
    }

    private let transfers = Mutex<[Int: Transfer]>([:])

    func start(_ id: Int, limit: Int, done: DispatchSemaphore) {
        transfers.withLock { $0[id] = Transfer(limit: limit, done: done) }
    }

    func finish(_ id: Int) -> Result<HTTPClient.Response, HTTPClient.Failure> {
        guard let transfer = transfers.withLock({ $0.removeValue(forKey: id) }) else { return .failure(.transport("lost transfer")) }
        if transfer.tooLarge { return .failure(.tooLarge) }
        if let error = transfer.error {
            if let urlError = error as? URLError, urlError.code == .timedOut { return .failure(.timeout) }
            return .failure(.transport(error.localizedDescription))
        }
        guard let response = transfer.response else { return .failure(.transport("no response")) }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(HTTPClient.Response(status: response.statusCode, headers: headers, body: transfer.body))
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = transfers.withLock { transfers -> Bool in
            transfers[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            guard let limit = transfers[dataTask.taskIdentifier]?.limit, response.expectedContentLength > Int64(limit) else { return false }
            transfers[dataTask.taskIdentifier]?.tooLarge = true
            return true
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let cancel = transfers.withLock { transfers -> Bool in
            guard var transfer = transfers[dataTask.taskIdentifier], !transfer.tooLarge else { return false }
            if transfer.body.count + data.count > transfer.limit {
                transfer.tooLarge = true
                transfer.body = []
            } else {
                transfer.body.append(contentsOf: data)
            }
            transfers[dataTask.taskIdentifier] = transfer
            return transfer.tooLarge
        }
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let done = transfers.withLock { transfers -> DispatchSemaphore? in
            transfers[task.taskIdentifier]?.error = error
            return transfers[task.taskIdentifier]?.done
        }
        done?.signal()
    }

    /// Redirects are the caller's: the 3xx answer itself is handed back.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
