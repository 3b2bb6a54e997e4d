import Foundation

/// The decoded `pipeline.json`. Every key is optional: `{}` means all defaults (see `Defaults`).
/// Unknown keys and bad values are rejected with the JSON path of the offender.
public struct PipelineConfiguration: Equatable, Sendable {
    /// The only configuration format version this build understands.
    public static let currentVersion = 1

    public var version: Int
    /// The inputs: folders of saved pages, `.warc`/`.warc.gz` files, `.txt` lists of URLs. `input` in
    /// pipeline.json, a string or a list of strings. Relative paths are resolved against the folder holding
    /// pipeline.json.
    public var inputs: [String]
    /// The first input (the only one unless `input` is a list); setting it replaces the list.
    public var input: String {
        get { inputs.first ?? "" }
        set { inputs = [newValue] }
    }
    /// Folder the articles, statistics and stage outputs are written to.
    public var output: String
    /// Pages processed at once; 0 means one per core.
    public var jobs: Int
    public var fetch: FetchSettings
    public var strip: StripSettings
    public var normalise: NormaliseSettings
    public var analyse: AnalyseSettings
    public var aggregate: AggregateSettings
    public var outputFormat: OutputSettings
    /// Manifest, history and failure threshold of `wirepipe run`.
    public var run: RunSettings

    public init(
        version: Int = PipelineConfiguration.currentVersion,
        input: String = "samples",
        output: String = "out",
        jobs: Int = 0,
        fetch: FetchSettings = .init(),
        strip: StripSettings = .init(),
        normalise: NormaliseSettings = .init(),
        analyse: AnalyseSettings = .init(),
        aggregate: AggregateSettings = .init(),
        outputFormat: OutputSettings = .init(),
        run: RunSettings = .init()
    ) {
        self.version = version
        self.inputs = [input]
        self.output = output
        self.jobs = jobs
        self.fetch = fetch
        self.strip = strip
        self.normalise = normalise
        self.analyse = analyse
        self.aggregate = aggregate
        self.outputFormat = outputFormat
        self.run = run
    }

    /// The number of workers after resolving `jobs: 0` to the core count.
    public var effectiveJobs: Int {
        jobs > 0 ? jobs : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Reads and validates a configuration file.
    public static func load(from url: URL) throws -> PipelineConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(path: "", problem: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try decode(data)
    }

    public static func decode(_ data: Data) throws -> PipelineConfiguration {
        do {
            return try JSONDecoder().decode(PipelineConfiguration.self, from: data)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as DecodingError {
            throw ConfigurationError.from(error)
        } catch {
            throw ConfigurationError(path: "", problem: "not valid JSON: \(error.localizedDescription)")
        }
    }
}

extension PipelineConfiguration: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, input, output, jobs, fetch, strip, normalise, analyse, aggregate, run
        case outputFormat = "output_format"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfiguration()
        version = try c.value(.version, default: defaults.version) {
            $0 == PipelineConfiguration.currentVersion
                ? nil : "unsupported version \($0); this build reads version \(PipelineConfiguration.currentVersion)"
        }
        if let single = try? c.decodeIfPresent(String.self, forKey: .input) {
            guard !single.isEmpty else { throw ConfigurationError.badValue(at: c.codingPath, CodingKeys.input, "must not be empty") }
            inputs = [single]
        } else {
            inputs = try c.value(.input, default: defaults.inputs) {
                $0.isEmpty ? "must list at least one input" : $0.contains(where: \.isEmpty) ? "must not hold an empty path" : nil
            }
        }
        output = try c.value(.output, default: defaults.output) { $0.isEmpty ? "must not be empty" : nil }
        jobs = try c.value(.jobs, default: defaults.jobs, check: Allowed.atLeast(0))
        fetch = try c.value(.fetch, default: defaults.fetch)
        strip = try c.value(.strip, default: defaults.strip)
        normalise = try c.value(.normalise, default: defaults.normalise)
        analyse = try c.value(.analyse, default: defaults.analyse)
        aggregate = try c.value(.aggregate, default: defaults.aggregate)
        outputFormat = try c.value(.outputFormat, default: defaults.outputFormat)
        run = try c.value(.run, default: defaults.run)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        // One input is written as a string, as pipeline.json has always had it.
        if inputs.count == 1 { try c.encode(inputs[0], forKey: .input) } else { try c.encode(inputs, forKey: .input) }
        try c.encode(output, forKey: .output)
        try c.encode(jobs, forKey: .jobs)
        try c.encode(fetch, forKey: .fetch)
        try c.encode(strip, forKey: .strip)
        try c.encode(normalise, forKey: .normalise)
        try c.encode(analyse, forKey: .analyse)
        try c.encode(aggregate, forKey: .aggregate)
        try c.encode(outputFormat, forKey: .outputFormat)
        try c.encode(run, forKey: .run)
    }
}
