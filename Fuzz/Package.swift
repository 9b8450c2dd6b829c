// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Takt's inputs. Build and run (see README.md beside this file):
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer
//   Fuzz/.build/release/FuzzScenarioCSV Fuzz/Corpus/FuzzScenarioCSV -runs=1000000
let package = Package(
    name: "TaktFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Takt", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Takt", package: "Takt")]),
        .executableTarget(name: "FuzzScenarioCSV", dependencies: ["FuzzSupport", .product(name: "Takt", package: "Takt")]),
        .executableTarget(name: "FuzzScenarioJSON", dependencies: ["FuzzSupport", .product(name: "Takt", package: "Takt")]),
        .executableTarget(name: "FuzzOverlayJSON", dependencies: ["FuzzSupport", .product(name: "Takt", package: "Takt")]),
        .executableTarget(name: "FuzzOverlayYAML", dependencies: ["FuzzSupport", .product(name: "Takt", package: "Takt")]),
        .executableTarget(
            name: "FuzzLinearProgram",
            dependencies: ["FuzzSupport", .product(name: "TaktLP", package: "Takt"), .product(name: "TaktGLPK", package: "Takt")]),
    ],
    swiftLanguageModes: [.v6]
)
