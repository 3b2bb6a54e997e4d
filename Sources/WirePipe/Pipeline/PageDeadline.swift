import Dispatch

/// The time budget of the page in hand (`run.page_time_limit`). Stages cannot be interrupted from outside
/// without leaving libxml2 or half-built values behind, so they check it themselves: the worker between
/// stages, the stages at cheap points inside their loops (every few thousand nodes, every paragraph).
/// The budget is bound per page with `PageDeadline.$current.withValue`, a task-local that synchronous code
/// on a worker thread reads from thread-local storage; with none bound (tests, `extract`) checks pass.
public struct PageDeadline: Sendable {
    /// The budget in seconds, for the message.
    public let seconds: Double
    /// `DispatchTime` uptime in nanoseconds after which the page is over its budget.
    let end: UInt64

    public init(seconds: Double, from start: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        self.seconds = seconds
        let budget = seconds * 1e9
        end = budget >= Double(UInt64.max - start) ? UInt64.max : start + UInt64(budget)
    }

    @TaskLocal public static var current: PageDeadline?

    /// Throws a `time_limit` error for `stage` when the page in hand is over its budget.
    @inline(__always)
    public static func check(_ stage: StageName) throws(PageError) {
        guard let deadline = current, DispatchTime.now().uptimeNanoseconds > deadline.end else { return }
        throw PageError(
            .timeLimit, stage: stage,
            "took more than run.page_time_limit (\(deadline.seconds.secondsText) s); stopped during \(stage.rawValue)")
    }

    /// Runs `body` with `deadline` as the page's budget (none when nil), keeping the typed error.
    static func with<T>(_ deadline: PageDeadline?, _ body: () throws(PageError) -> T) throws(PageError) -> T {
        let result: Result<T, PageError> = $current.withValue(deadline) {
            do throws(PageError) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private extension Double {
    /// 60 → "60", 0.5 → "0.5".
    var secondsText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
