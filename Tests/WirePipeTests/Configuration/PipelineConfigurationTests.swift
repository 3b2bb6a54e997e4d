import Foundation
import Testing
@testable import WirePipe

@Suite struct PipelineConfigurationTests {
    @Test func emptyObjectIsAllDefaults() throws {
        let decoded = try PipelineConfiguration.decode(Data("{}".utf8))
        #expect(decoded == PipelineConfiguration())
    }

    @Test func emptySectionsAreDefaults() throws {
        let decoded = try PipelineConfiguration.decode(Data(#"{"fetch": {}, "strip": {}, "normalise": {}, "analyse": {}, "aggregate": {}}"#.utf8))
        #expect(decoded == PipelineConfiguration())
    }

    @Test func theShippedPipelineJSONIsTheDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try PipelineConfiguration.load(from: root.appendingPathComponent("pipeline.json"))
        #expect(shipped == PipelineConfiguration())
    }

    @Test func valuesAreRead() throws {
        let decoded = try PipelineConfiguration.decode(Data(#"{"jobs": 3, "input": "pages", "strip": {"max_link_density": 0.4}}"#.utf8))
        #expect(decoded.jobs == 3)
        #expect(decoded.input == "pages")
        #expect(decoded.strip.maxLinkDensity == 0.4)
        #expect(decoded.strip.minSentenceWords == StripSettings().minSentenceWords)
    }

    @Test func inputIsAStringOrAList() throws {
        let list = try PipelineConfiguration.decode(Data(#"{"input": ["saved", "crawl.warc.gz", "stories.txt"]}"#.utf8))
        #expect(list.inputs == ["saved", "crawl.warc.gz", "stories.txt"])
        #expect(list.input == "saved")
        #expect(try PipelineConfiguration.decode(Data(#"{"input": "pages"}"#.utf8)).inputs == ["pages"])
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"input": []}"#.utf8)) }
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"input": ""}"#.utf8)) }
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"input": 3}"#.utf8)) }
        // A list survives encoding; a single input is written as a string.
        let encoded = try JSONEncoder().encode(list)
        #expect(try PipelineConfiguration.decode(encoded) == list)
        let single = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(PipelineConfiguration())) as? [String: Any])
        #expect(single["input"] as? String == "samples")
    }

    @Test func httpSettingsAreReadAndChangeNoFingerprint() throws {
        let decoded = try PipelineConfiguration.decode(Data(#"{"fetch": {"http": {"delay_seconds": 0.5, "retries": 4, "obey_robots": false}}}"#.utf8))
        #expect(decoded.fetch.http.delaySeconds == 0.5)
        #expect(decoded.fetch.http.retries == 4)
        #expect(!decoded.fetch.http.obeyRobots)
        #expect(decoded.fetch.http.timeoutSeconds == HTTPSettings().timeoutSeconds)
        #expect(decoded.fetch.http.userAgent.hasPrefix("wirepipe/"))
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"fetch": {"http": {"dely_seconds": 1}}}"#.utf8)) }
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"fetch": {"http": {"retries": -1}}}"#.utf8)) }
        // How pages are downloaded is not what fetch makes of them: no stored output is redone.
        #expect(Pipeline(configuration: decoded).fingerprints == Pipeline(configuration: PipelineConfiguration()).fingerprints)
    }

    @Test func unknownKeyIsRejectedWithItsPath() {
        #expect {
            try PipelineConfiguration.decode(Data(#"{"strip": {"max_link_densty": 0.4}}"#.utf8))
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.path == "strip.max_link_densty" && error.problem.contains("max_link_density")
        }
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data(#"{"ouput": "x"}"#.utf8)) }
    }

    @Test func badValuesNameTheKeyAndWhatIsAllowed() {
        #expect {
            try PipelineConfiguration.decode(Data(#"{"jobs": -2}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "jobs" && "\(error)".contains("at least 0")
        }
        #expect {
            try PipelineConfiguration.decode(Data(#"{"strip": {"sibling_share": 2}}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "strip.sibling_share" && "\(error)".contains("between")
        }
        #expect {
            try PipelineConfiguration.decode(Data(#"{"aggregate": {"length_bins": [0, 50, 20]}}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "aggregate.length_bins"
        }
        #expect {
            try PipelineConfiguration.decode(Data(#"{"fetch": {"fallback_encoding": "klingon"}}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "fetch.fallback_encoding"
        }
    }

    @Test func wrongTypeNamesTheKey() {
        #expect {
            try PipelineConfiguration.decode(Data(#"{"analyse": {"dateline_max_prefix": "long"}}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "analyse.dateline_max_prefix"
        }
    }

    @Test func unsupportedVersionIsRejected() {
        #expect {
            try PipelineConfiguration.decode(Data(#"{"version": 2}"#.utf8))
        } throws: { error in
            (error as? ConfigurationError)?.path == "version" && "\(error)".contains("unsupported version 2")
        }
    }

    @Test func invalidJSONIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.decode(Data("{jobs: 1".utf8)) }
    }

    @Test func roundTripsThroughJSON() throws {
        var configuration = PipelineConfiguration()
        configuration.jobs = 4
        configuration.strip.siblingShare = 0.3
        let data = try JSONEncoder().encode(configuration)
        #expect(try PipelineConfiguration.decode(data) == configuration)
    }
}
