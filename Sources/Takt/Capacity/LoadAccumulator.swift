/// Adds up load hours per resource and day, and keeps for each resource and bucket the few
/// orders that contribute most. Memory grows with resources × days, not with orders.
struct LoadAccumulator {
    static let ordersKept = 5

    private(set) var hours: [[Double]]
    private let bucketOfDay: [Int]
    private let bucketCount: Int
    /// Flattened [resource][bucket][slot]: order index (−1 for empty) and its hours.
    private var topOrder: [Int32]
    private var topHours: [Double]
    /// The current order's contributions, merged before they are ranked.
    private var pending: [(cell: Int, hours: Double)] = []

    init(resourceCount: Int, dayCount: Int, bucketOfDay: [Int], bucketCount: Int) {
        hours = Array(repeating: Array(repeating: 0, count: dayCount), count: resourceCount)
        self.bucketOfDay = bucketOfDay
        self.bucketCount = bucketCount
        topOrder = Array(repeating: -1, count: resourceCount * bucketCount * Self.ordersKept)
        topHours = Array(repeating: 0, count: resourceCount * bucketCount * Self.ordersKept)
    }

    mutating func add(resource: Int, day: Int, hours amount: Double) {
        hours[resource][day] += amount
    }

    /// Adds an order's hours and remembers them for ranking when ``finishOrder(_:)`` is called.
    mutating func addOrder(resource: Int, day: Int, hours amount: Double) {
        hours[resource][day] += amount
        let cell = resource * bucketCount + bucketOfDay[day]
        if let i = pending.firstIndex(where: { $0.cell == cell }) { pending[i].hours += amount }
        else { pending.append((cell, amount)) }
    }

    mutating func finishOrder(_ order: Int) {
        for (cell, amount) in pending where amount > 0 {
            let base = cell * Self.ordersKept
            var weakest = base
            for slot in base..<(base + Self.ordersKept) {
                if topOrder[slot] < 0 { weakest = slot; break }
                if topHours[slot] < topHours[weakest] { weakest = slot }
            }
            if topOrder[weakest] < 0 || amount > topHours[weakest] {
                topOrder[weakest] = Int32(order)
                topHours[weakest] = amount
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The kept orders of one resource in one bucket, largest first (ties by order index).
    func topOrders(resource: Int, bucket: Int) -> [(order: Int, hours: Double)] {
        let base = (resource * bucketCount + bucket) * Self.ordersKept
        return (base..<(base + Self.ordersKept)).compactMap { slot in
            topOrder[slot] < 0 ? nil : (Int(topOrder[slot]), topHours[slot])
        }.sorted { $0.hours != $1.hours ? $0.hours > $1.hours : $0.order < $1.order }
    }
}
