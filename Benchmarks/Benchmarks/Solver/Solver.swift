import Benchmark
import BenchmarkSupport
import TaktGLPK
import TaktLP

/// GLPK through the LP layer: a cold solve against a warm re-solve after small cost changes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(3))

    // 60 plants × 60 markets: 3,600 columns, 120 rows.
    let (transport, lanes) = Instances.transportation(size: 60, seed: 5)
    Benchmark("transportation 60×60: cold solve") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try GLPKSolver().solve(transport)) }
    }
    Benchmark("transportation 60×60: warm re-solve after 5 cost changes") { benchmark in
        try GLPKSolver().withWarmStart(transport) { session in
            _ = session.solve()
            var bump = 3.0
            for _ in benchmark.scaledIterations {
                for lane in lanes.prefix(5) { try session.setObjective(of: lane, to: session.program[lane].objective + bump) }
                bump = -bump
                blackHole(session.solve())
            }
        }
    }
}
