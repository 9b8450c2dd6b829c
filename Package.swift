// swift-tools-version: 6.1
import PackageDescription

// MARK: - Public API

let products: [Product] = [
    .library(name: "Takt", targets: ["Takt"]),
    .library(name: "TaktLP", targets: ["TaktLP"]),
    .library(name: "TaktGLPK", targets: ["TaktGLPK"]),
    .library(name: "TaktSchedule", targets: ["TaktSchedule"]),
    .executable(name: "takt", targets: ["TaktCLI"]),
]

// MARK: - Implementation

let targets: [Target] = [
    // The C boundary: GLPK's header and library, nothing else.
    .systemLibrary(
        name: "CGLPK",
        providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
    ),
    // Solver-neutral linear and mixed-integer programs, their validation and writers.
    .target(name: "TaktLP"),
    // The GLPK backend: the only module that imports CGLPK.
    .target(name: "TaktGLPK", dependencies: ["CGLPK", "TaktLP"]),
    // Machine scheduling on its own: operations, machines, constructive rules, tabu search,
    // exact models through the solver-neutral LP. Nothing of the planning library, so that
    // any Swift tool can embed it.
    .target(name: "TaktSchedule", dependencies: ["TaktLP"]),
    // The planning library; its shop-floor schedules are made by TaktSchedule.
    .target(name: "Takt", dependencies: ["TaktLP", "TaktGLPK", "TaktSchedule", .product(name: "Yams", package: "Yams")]),
    // The command-line tool `takt`, thin over the library. (The module is not called `takt`:
    // it would differ from `Takt` only in case, which case-insensitive file systems conflate.)
    .executableTarget(
        name: "TaktCLI",
        dependencies: [
            "Takt",
            "TaktSchedule",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),

    // MARK: - Tests

    .testTarget(name: "TaktLPTests", dependencies: ["TaktLP", "TaktGLPK"]),
    .testTarget(name: "TaktScheduleTests", dependencies: ["TaktSchedule", "TaktLP", "TaktGLPK"]),
    .testTarget(
        name: "TaktTests",
        dependencies: ["Takt", "TaktLP", "TaktGLPK", .product(name: "PropertyBased", package: "swift-property-based")]),
    // Runs the built `takt` binary end to end.
    .testTarget(name: "TaktCLITests", dependencies: ["TaktCLI"]),
]

let package = Package(
    name: "Takt",
    platforms: [.macOS(.v13)],
    products: products,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML what-if overlays.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The documentation catalog: swift package generate-documentation.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // Property tests of the planner's invariants.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
