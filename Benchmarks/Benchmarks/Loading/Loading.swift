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
}
