import Benchmark
import BenchmarkSupport
import Foundation
import Takt

/// Reading and validating a scenario. The floor is reading the same files' bytes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(3))

    let samplePlant = Instances.datasets.appendingPathComponent("sample-plant")
    Benchmark("sample-plant: read the CSV bytes only (floor)") { benchmark in
        let files = try FileManager.default.contentsOfDirectory(atPath: samplePlant.path).sorted()
        for _ in benchmark.scaledIterations {
            for file in files { blackHole(FileManager.default.contents(atPath: samplePlant.appendingPathComponent(file).path)) }
        }
    }
    Benchmark("sample-plant: load and validate CSV") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader.load(from: samplePlant.path)) }
    }
    let json = try! ScenarioLoader.load(from: samplePlant.path).scenario.jsonData()
    Benchmark("sample-plant: load and validate JSON") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader.load(json: json)) }
    }

    // S, M and L: generated plants of 1,000, 10,000 and 100,000 orders (200 products, 52 weeks).
    for (size, orders) in [("S", 1_000), ("M", 10_000), ("L", 100_000)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-bench-loading-\(orders)").path
        try? ScenarioCSVWriter.write(ScenarioGenerator(orders: orders, seed: 1).scenario(), to: folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? []
        Benchmark("\(size), \(orders) orders: read the CSV bytes only (floor)") { benchmark in
            for _ in benchmark.scaledIterations {
                for file in files { blackHole(FileManager.default.contents(atPath: folder + "/" + file)) }
            }
        }
        Benchmark("\(size), \(orders) orders: load and validate CSV") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader.load(from: folder)) }
        }
    }
}
