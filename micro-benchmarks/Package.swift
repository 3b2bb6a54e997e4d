// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks of wirepipe's hot functions with ordo-one/benchmark, in a package of their own so that
// neither the project's build nor CI pays for the benchmark framework. Run with `scripts/micro-bench`.
let package = Package(
    name: "wirepipe-micro-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder name, which a clone may change.
        .package(name: "wirepipe", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotFunctions",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WirePipe", package: "wirepipe"),
            ],
            path: "Benchmarks/HotFunctions",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
