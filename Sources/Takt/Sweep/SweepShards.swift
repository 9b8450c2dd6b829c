/// Which points of a sweep each shard computes: a fixed assignment by point index, so that
/// every shard, on whatever machine, agrees on it without talking to the others.
///
/// A shard gets whole warm-start chains (``SweepChains``), so that its points are planned
/// from the same starts as in any other split. Chains are dealt largest expected cost first
/// (ties by first point) to the shard with the least expected cost so far (ties to the lowest
/// shard): the longest-processing-time rule, within 4/3 of the best balance. A point's
/// expected cost is the size of its model: its orders and sales plan lines, three times over
/// for a decomposition (a solve per level).
public struct SweepShards: Hashable, Sendable {
    public let count: Int
    /// Each shard's point indices, ascending.
    public let points: [[Int]]
    /// Each shard's warm-start chains, in the order they are planned.
    let chains: [[[Int]]]

    public init(_ sweep: Sweep, count: Int) {
        precondition(count >= 1, "a sweep has at least one shard")
        self.count = count
        let baseSize = Double(sweep.base.orders.count + sweep.base.salesPlan.count + 1)
        let factor: Double = sweep.computation == .decompose ? 3 : 1
        let costs = sweep.points.map { point in
            factor * (baseSize + Double(point.overlay.addOrders.count) - Double(point.overlay.removeOrders.count))
        }
        let all = SweepChains.chains(sweep)
        let chainCosts = all.map { $0.reduce(0) { $0 + costs[$1] } }
        var load = [Double](repeating: 0, count: count)
        var assigned = [[[Int]]](repeating: [], count: count)
        for c in all.indices.sorted(by: { (chainCosts[$0], -$0) > (chainCosts[$1], -$1) }) {
            let shard = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            load[shard] += chainCosts[c]
            assigned[shard].append(all[c])
        }
        chains = assigned
        points = assigned.map { $0.flatMap { $0 }.sorted() }
    }
}
