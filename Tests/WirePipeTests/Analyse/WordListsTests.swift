import Foundation
import Testing
@testable import WirePipe

@Suite struct WordListsTests {
    @Test func listsLoadFromTheBundle() throws {
        let lists = try AnalysisFixtures.lists()
        #expect(lists.speechVerbs.contains("said"))
        #expect(lists.titles.contains("president"))
        #expect(lists.gazetteer["U.S."]?.name == "United States")
        #expect(lists.gazetteer["Kiev"]?.name == "Kyiv")
        #expect(lists.gazetteer["NATO"]?.type == .organisation)
        #expect(!lists.stopWords.contains("#"))
        #expect(!lists.speechVerbs.contains { $0.hasPrefix("#") || $0.isEmpty })
    }

    @Test func missingListIsAClearError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try #require(Bundle(path: folder.path))
        do {
            _ = try WordLists(bundle: bundle)
            Issue.record("loading from an empty bundle succeeded")
        } catch let error as WordListError {
            #expect(error.description.contains("speech-verbs.txt"))
            #expect(error.description.contains("not found"))
        }
    }
}
