import Foundation

/// Families' product splits on several threads, each family a few windows behind the one
/// before it, with exactly the result of splitting them one after another.
///
/// Family f's products may use the regular hours less the family plan's reserve for every
/// family after f and less what the families before f actually place (the sequential rule).
/// Split by weeks, a family first plans its products by month, then in monthly windows.
/// A window of f that reads periods up to P waits until each family before f has committed
/// every window that could place load at or before P (a window places load from its first
/// week back by the longest lead-time offset); those periods' hours are then final. Hours are
/// summed in family order, so what a window sees, and so the whole result, does not depend on
/// threads or timing. A family's first, monthly plan of its products does not wait: it is a
/// guide for the windows' quantities: it waits only for the monthly plans of the families
/// before, and sees their hours.
final class SplitLedger: @unchecked Sendable {
    private let condition = NSCondition()
    /// Per family: the hours it has placed, by resource and period; once ``run(workers:_:)``
    /// returns, each family's whole load.
    private(set) var placed: [ResourceGrid]
    /// Per family: no load of it is still to come in periods before this.
    private var settled: [Int]
    /// Per family: the load of its monthly plan, by resource and month, once planned.
    private var monthly: [ResourceGrid?]
    private var failed = false
    /// Families that stopped because another failed: their error is not the one to report.
    private var stopped: Set<Int> = []
    private let regular: ResourceGrid
    private let reserved: [ResourceGrid]

    /// `reserved`: per family, the hours the family plan gave it.
    init(regular: ResourceGrid, reserved: [ResourceGrid]) {
        self.regular = regular
        self.reserved = reserved
        placed = reserved.map(ResourceGrid.zero(like:))
        settled = reserved.map { _ in 0 }
        monthly = reserved.map { _ in nil }
    }

    /// Runs `split` for every family on up to `workers` threads (the calling one among them);
    /// its results in family order, or the first family's error.
    func run<Value>(workers: Int, _ split: @escaping (Int, SplitHours) throws(DecompositionError) -> Value) throws(DecompositionError) -> [Value] {
        let count = reserved.count
        var results = [Result<Value, DecompositionError>?](repeating: nil, count: count)
        var next = 0
        func work() {
            while true {
                let f: Int? = condition.withLock {
                    guard !failed && next < count else { return nil }
                    defer { next += 1 }
                    return next
                }
                guard let f else { return }
                let outcome = Result { () throws(DecompositionError) in try split(f, hours(of: f)) }
                condition.withLock {
                    results[f] = outcome
                    settled[f] = .max
                    if case .failure = outcome { failed = true }
                    condition.broadcast()
                }
            }
        }
        let helpers = (1..<max(1, min(workers, count))).map { _ in WorkerThread(work) }
        helpers.forEach { $0.start() }
        work()
        helpers.forEach { $0.join() }
        var values: [Value] = []
        // The first family that failed of itself; families stopped or never started because of
        // it have no error of their own.
        for (f, result) in results.enumerated() {
            if case .failure(let error) = result, !stopped.contains(f) { throw error }
        }
        for result in results {
            guard case .success(let value) = result else { preconditionFailure("a family's split neither ran nor failed") }
            values.append(value)
        }
        return values
    }

    private func hours(of f: Int) -> SplitHours {
        var base = regular
        for g in reserved.indices where g > f {
            for r in base.indices { for t in base[r].indices { base[r][t] -= reserved[g][r][t] } }
        }
        return SplitHours(base: base, ledger: self, family: f)
    }

    func subtractEarlier(than f: Int, through period: Int, from left: inout ResourceGrid) throws(DecompositionError) {
        let ready: Bool = condition.withLock {
            while !failed && (0..<f).contains(where: { settled[$0] <= period }) { condition.wait() }
            guard !failed else {
                stopped.insert(f)
                return false
            }
            for g in 0..<f {
                for r in left.indices { for t in left[r].indices { left[r][t] -= placed[g][r][t] } }
            }
            return true
        }
        guard ready else { throw .anotherSplitFailed }
    }

    func subtractMonthlyPlans(before f: Int, _ perMonth: ([Double]) -> [Double], from left: inout ResourceGrid) throws(DecompositionError) {
        let ready: Bool = condition.withLock {
            while !failed && (0..<f).contains(where: { monthly[$0] == nil && settled[$0] != .max }) { condition.wait() }
            guard !failed else {
                stopped.insert(f)
                return false
            }
            for g in 0..<f {
                let load = monthly[g] ?? placed[g].mapRows(perMonth)
                for r in left.indices { for t in left[r].indices { left[r][t] -= load[r][t] } }
            }
            return true
        }
        guard ready else { throw .anotherSplitFailed }
    }

    func publishMonthly(_ f: Int, _ load: ResourceGrid) {
        condition.withLock {
            monthly[f] = load
            condition.broadcast()
        }
    }

    func publish(_ f: Int, _ load: ResourceGrid, settledBefore: Int) {
        condition.withLock {
            placed[f] = load
            settled[f] = settledBefore
            condition.broadcast()
        }
    }
}
