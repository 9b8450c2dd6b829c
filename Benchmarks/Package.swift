// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that building or testing Takt never builds them.
// Run from this folder: swift package --allow-writing-to-package-directory benchmark
let takt: [Target.Dependency] = [
    .product(name: "Benchmark", package: "benchmark"),
    .product(name: "Takt", package: "Takt"),
    .product(name: "TaktLP", package: "Takt"),
    .product(name: "TaktGLPK", package: "Takt"),
    "BenchmarkSupport",
]

let package = Package(
    name: "TaktBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Takt", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Seeded instance generators: large instances are made at benchmark time, never committed.
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "Takt", package: "Takt"), .product(name: "TaktLP", package: "Takt")]),
        .executableTarget(
            name: "Loading", dependencies: takt, path: "Benchmarks/Loading",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Solver", dependencies: takt, path: "Benchmarks/Solver",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Plan", dependencies: takt, path: "Benchmarks/Plan",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Decomposition", dependencies: takt, path: "Benchmarks/Decomposition",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "WhatIf", dependencies: takt, path: "Benchmarks/WhatIf",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Schedule", dependencies: [.product(name: "Benchmark", package: "benchmark"), .product(name: "TaktSchedule", package: "Takt")],
            path: "Benchmarks/Schedule", plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "ShopFloor", dependencies: takt, path: "Benchmarks/ShopFloor",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "CapacityLoad", dependencies: takt, path: "Benchmarks/CapacityLoad",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Materials", dependencies: takt, path: "Benchmarks/Materials",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Sweep", dependencies: takt, path: "Benchmarks/Sweep",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
