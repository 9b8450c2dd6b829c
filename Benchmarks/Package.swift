// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that building or testing Takt never builds them.
// Run from this folder: swift package --allow-writing-to-package-directory benchmark
let package = Package(
    name: "TaktBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Takt", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Foundation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Takt", package: "Takt"),
                .product(name: "TaktLP", package: "Takt"),
                .product(name: "TaktGLPK", package: "Takt"),
            ],
            path: "Benchmarks/Foundation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
