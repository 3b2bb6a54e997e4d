import Foundation
import Testing
@testable import WirePipe

@Suite struct RunLockTests {
    @Test func aSecondLockIsRefusedNamingTheHolderAndFreedWhenReleased() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var first: RunLock? = try RunLock(folder: folder)
        #expect {
            try RunLock(folder: folder)
        } throws: { "\($0)".contains("another wirepipe run (pid \(getpid()))") }
        withExtendedLifetime(first) {}
        first = nil
        _ = try RunLock(folder: folder)
    }
}
