import Foundation
import TaktGLPK
import TaktLP

/// Why a sweep's point could not be computed.
public enum SweepError: Error, Hashable, Sendable, CustomStringConvertible {
    case planning(PlanningError)
    case decomposition(point: Int, name: String, DecompositionError)
    /// A shard index outside `0..<count`, or a count below 1.
    case badShard(index: Int, count: Int)

    public var description: String {
        switch self {
        case .planning(let error): "a point's plan failed: \(error)"
        case .decomposition(let point, let name, let error): "point \(point) (\(name)): \(error)"
        case .badShard(let index, let count):
            count < 1 ? "shard count \(count); expected at least 1" : "shard index \(index); expected 0 to \(count - 1) for \(count) shards"
        }
    }
}

/// Computes a sweep's points on every core of this machine: all of them, or one shard's.
///
/// The base is planned first, then the points in warm-start chains (``SweepChains``) on
/// every core: each chain's first point from the base plan's optimal basis, each next from
/// the plan before it, every one keeping the base plan where its optimal cost allows. The
/// chains are fixed by the sweep, and a shard gets whole chains, so a point is planned from
/// the same start however the sweep is split: a shard's results are the one-machine run's. Values are rounded to 1e-6, below any unit a planner reads, so that the
/// last bits of a warm or a cold solve cannot show.
public struct SweepRun: Sendable {
    public var sweep: Sweep
    public var options: PlanOptions
    public var decomposition: DecompositionOptions
    public var solver: any Solver
    /// Plan from the nearest plan's optimal basis (the same plans; off, every point cold).
    public var warmStart: Bool

    public init(
        _ sweep: Sweep, options: PlanOptions = PlanOptions(), decomposition: DecompositionOptions = DecompositionOptions(),
        solver: any Solver = GLPKSolver(), warmStart: Bool = true
    ) {
        self.sweep = sweep
        self.options = options
        self.decomposition = decomposition
        self.solver = solver
        self.warmStart = warmStart
    }

    /// Every point's measures. `progress` gets (points done, points in all).
    public func results(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(SweepError) -> SweepResults {
        try results(chains: SweepChains.chains(sweep), progress: progress)
    }

    /// Shard `index` of `count` (see ``SweepShards``), as its file holds it.
    public func shard(_ index: Int, of count: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(SweepError) -> SweepShardResult {
        guard count >= 1, (0..<count).contains(index) else { throw .badShard(index: index, count: count) }
        let chains = SweepShards(sweep, count: count).chains[index]
        return SweepShardResult(shard: index, shardCount: count, pointCount: sweep.points.count, results: try results(chains: chains, progress: progress))
    }

    /// The measures of the points at `indices`, each planned after those of them before it in
    /// its chain: the same as in the whole run where `indices` holds whole chains.
    public func results(of indices: [Int], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(SweepError) -> SweepResults {
        let wanted = Set(indices)
        return try results(chains: SweepChains.chains(sweep).map { $0.filter(wanted.contains) }.filter { !$0.isEmpty }, progress: progress)
    }

    /// The measures of the chains' points, listed by point index.
    private func results(chains: [[Int]], progress: (@Sendable (Int, Int) -> Void)?) throws(SweepError) -> SweepResults {
        let indices = chains.flatMap { $0 }.sorted()
        let position = Dictionary(uniqueKeysWithValues: indices.enumerated().map { ($1, $0) })
        let points = indices.map { sweep.points[$0] }
        let scenarios = points.map { $0.overlay.applied(to: sweep.base) }
        var measured: [(status: String, values: [Double])] = []
        if !points.isEmpty {
            switch sweep.computation {
            case .plan:
                let local = chains.map { $0.map { position[$0]! } }
                measured = try plans(scenarios, chains: local, progress: progress).map { plan in (plan.status, sweep.kpis.map { Self.rounded($0.value(plan)) }) }
            case .decompose:
                measured = try decompositions(points, scenarios, progress: progress).map { plan in ("decomposed", sweep.kpis.map { Self.rounded($0.value(plan)) }) }
            }
        }
        return SweepResults(
            sweep: sweep.name, contentHash: sweep.contentHash, computation: sweep.computation, parameters: sweep.parameters,
            kpis: sweep.kpis.map(\.name),
            points: zip(points, measured).map { point, measure in
                SweepPointResult(index: point.index, name: point.overlay.name, labels: sweep.labels(of: point), status: measure.status, values: measure.values)
            })
    }

    private func plans(_ scenarios: [Scenario], chains: [[Int]], progress: (@Sendable (Int, Int) -> Void)?) throws(SweepError) -> [ProductionPlanResult] {
        let options = options.started()
        do {
            if warmStart {
                return try ParallelPlanning.plan(warm: sweep.base, scenarios, chains: chains, options: options, solver: solver, progress: progress)
            }
            let count = scenarios.count
            return try ParallelPlanning.plan(keeping: sweep.base, scenarios, options: options, solver: solver) { done, _ in progress?(max(0, done - 1), count) }.others
        } catch {
            throw .planning(error)
        }
    }

    private func decompositions(_ points: [Sweep.Point], _ scenarios: [Scenario], progress: (@Sendable (Int, Int) -> Void)?) throws(SweepError) -> [DecomposedPlan] {
        var started = decomposition.started()
        started.threads = 1
        let base = started
        let shelf = Shelf<Result<DecomposedPlan, DecompositionError>>(count: scenarios.count)
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            let options = points[i].overlay.decomposition?.applied(to: base) ?? base
            shelf.put(i, Result { () throws(DecompositionError) in try PlanDecomposer(scenarios[i], solver: solver).decompose(options) })
            progress?(done.increment(), scenarios.count)
        }
        var plans: [DecomposedPlan] = []
        for i in scenarios.indices {
            switch shelf[i]! {
            case .success(let plan): plans.append(plan)
            case .failure(let error): throw .decomposition(point: points[i].index, name: points[i].overlay.name, error)
            }
        }
        return plans
    }

    static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let r = (value * 1e6).rounded() / 1e6
        return r == 0 ? 0 : r
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
