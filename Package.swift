// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "wirepipe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wirepipe", targets: ["wirepipe"]),
        .library(name: "WirePipe", targets: ["WirePipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // libxml2's HTML parser, wrapped as a system library (pkg-config libxml-2.0).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkgconf"])]
        ),
        // zlib, for reading gzipped pages.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "WirePipe",
            dependencies: [
                "CLibXML2",
                "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Word lists (the analyser's speech verbs, titles, gazetteers; stop words for the statistics):
            // data, not code, read through Bundle.module.
            resources: [.copy("Aggregate/StopWordLists"), .copy("Analyse/WordLists")]
        ),
        .executableTarget(
            name: "wirepipe",
            dependencies: [
                "WirePipe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Speed measurements for scripts/bench: the libxml2 parse floor, extraction alone, analysis.
        .executableTarget(
            name: "wirepipe-bench",
            dependencies: ["WirePipe", "CLibXML2"]
        ),
        // A libFuzzer target over fetch → analyse; a no-op main unless scripts/fuzz builds it with
        // -sanitize=fuzzer,address -DFUZZING.
        .executableTarget(
            name: "wirepipe-fuzz",
            dependencies: ["WirePipe"]
        ),
        .testTarget(
            name: "WirePipeTests",
            dependencies: ["WirePipe"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WirePipeCLITests",
            dependencies: ["WirePipe"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
