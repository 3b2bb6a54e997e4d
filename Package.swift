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
            ],
            // The analyser's word lists (speech verbs, titles, gazetteers, stop words): data, not code.
            resources: [.copy("Analyse/Data")]
        ),
        .executableTarget(
            name: "wirepipe",
            dependencies: [
                "WirePipe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
