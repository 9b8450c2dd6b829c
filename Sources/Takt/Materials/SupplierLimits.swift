/// A material's planned purchase orders kept within what its supplier can deliver per
/// period (`supplier_capacity.csv`), as material requirements planning makes them.
///
/// The buckets whose first day falls in a capacity's horizon period form a window; the
/// receipts due in a window may not exceed its capacity. Windows are levelled from the
/// last: what a window receives beyond its capacity is taken from its latest orders and
/// received instead in the latest earlier bucket with room (a bucket outside every window has
/// no limit), as a planned order of its own with the same pegs, released a lead time before.
/// What finds no room before the horizon's start is not planned at all: a supplier shortage,
/// with the customer orders it leaves short, and the projected on hand shows it.
struct SupplierLimits {
    /// Per bucket, the index of its window (into `capacity`), if any.
    let window: [Int?]
    let capacity: [Double]

    init?(_ material: String, _ scenario: Scenario, buckets: [MaterialPlan.Bucket]) {
        let perPeriod = scenario.supplierCapacity(of: material)
        let periods = perPeriod.indices.filter { perPeriod[$0].isFinite }
        guard !periods.isEmpty else { return nil }
        capacity = periods.map { perPeriod[$0] }
        let position = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        window = buckets.map { bucket in scenario.horizon.periodIndex(containing: bucket.start).flatMap { position[$0] } }
    }

    /// Levels `orders` (one material's, in bucket order) and `planned` (receipts per bucket),
    /// and returns the quantity left unplanned per window with the orders it came from.
    func level(_ orders: inout [MaterialPlan.PlannedOrder], planned: inout [Double], buckets: [MaterialPlan.Bucket], lead: Int, unitCost: Double)
        -> [(bucket: Int, quantity: Double, pegs: [MaterialPlan.Peg])]
    {
        var load = [Double](repeating: 0, count: capacity.count)
        for (b, w) in window.enumerated() { if let w { load[w] += planned[b] } }
        var short: [(bucket: Int, quantity: Double, pegs: [MaterialPlan.Peg])] = []
        for w in capacity.indices.reversed() {
            var excess = load[w] - capacity[w]
            guard excess > 1e-9 else { continue }
            // Take from the window's latest orders first.
            for k in orders.indices.reversed() where window[orders[k].bucket] == w && excess > 1e-9 {
                let taken = min(orders[k].quantity, excess)
                excess -= taken
                orders[k].quantity -= taken
                orders[k].cost = orders[k].quantity * unitCost
                planned[orders[k].bucket] -= taken
                load[w] -= taken
                var left = taken
                let first = buckets.indices.first { window[$0] == w } ?? 0
                for b in stride(from: first - 1, through: 0, by: -1) where left > 1e-9 {
                    let room = window[b].map { capacity[$0] - load[$0] } ?? .infinity
                    guard room > 1e-9 else { continue }
                    let moved = min(room, left)
                    left -= moved
                    planned[b] += moved
                    if let v = window[b] { load[v] += moved }
                    var earlier = orders[k]
                    earlier.quantity = moved
                    earlier.cost = moved * unitCost
                    earlier.due = buckets[b].start
                    earlier.release = earlier.due.advanced(by: -lead)
                    earlier.bucket = b
                    earlier.releaseBucket = buckets.lastIndex { $0.start <= earlier.release } ?? 0
                    orders.append(earlier)
                }
                if left > 1e-9 { short.append((orders[k].bucket, left, orders[k].pegs)) }
            }
        }
        orders.removeAll { $0.quantity <= 1e-9 }
        orders.sort { ($0.bucket, $0.release) < ($1.bucket, $1.release) }
        return short.sorted { $0.bucket < $1.bucket }
    }
}
