import Benchmark
import Foundation
import Takt
import TaktGLPK
import TaktLP

/// The ground everything else stands on: reading a scenario, and solving a linear program
/// cold and warm. Wall clock is for reports; allocations are stable enough for thresholds.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3)
    )

    let samplePlant = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/sample-plant").path

    Benchmark("Load sample-plant (CSV)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ScenarioLoader.load(from: samplePlant))
        }
    }

    let json = try! ScenarioLoader.load(from: samplePlant).scenario.jsonData()
    Benchmark("Load sample-plant (JSON)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ScenarioLoader.load(json: json))
        }
    }

    // A 60 × 60 transportation problem: 3,600 columns, 120 rows.
    let (transport, lanes) = Transportation.make(size: 60, seed: 5)
    Benchmark("Transportation 60×60, cold solve") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try GLPKSolver().solve(transport))
        }
    }
    Benchmark("Transportation 60×60, warm re-solve after 5 cost changes") { benchmark in
        try GLPKSolver().withWarmStart(transport) { session in
            _ = session.solve()
            var bump = 1.0
            for _ in benchmark.scaledIterations {
                for lane in lanes.prefix(5) { try session.setObjective(of: lane, to: session.program[lane].objective + bump) }
                bump = -bump
                blackHole(session.solve())
            }
        }
    }
}

enum Transportation {
    static func make(size n: Int, seed: UInt64) -> (LinearProgram, [VariableID]) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var lp = LinearProgram(name: "transport")
        let ship = (0..<n).map { i in (0..<n).map { j in lp.addVariable("ship(\(i),\(j))", objective: Double(1 + next() % 50)) } }
        let amount = (0..<n).map { _ in Double(10 + next() % 90) }
        for i in 0..<n { lp.addConstraint("supply(\(i))", (0..<n).map { Term(ship[i][$0], 1) }, .lessOrEqual(amount[i])) }
        for j in 0..<n { lp.addConstraint("demand(\(j))", (0..<n).map { Term(ship[$0][j], 1) }, .greaterOrEqual(amount[(j * 7) % n])) }
        return (lp, ship.joined().map { $0 })
    }
}
