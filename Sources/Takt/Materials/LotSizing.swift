/// Lot sizing: which buckets order, and how much, from a series of net requirements.
enum LotSizing {
    /// Groups of buckets each ordered at once: the bucket the order arrives in, and the
    /// buckets whose net requirements it covers.
    static func groups(_ net: [Double], rule: Material.LotRule, periodsOfSupply: Int, ordering: Double, holding: Double) -> [(at: Int, covers: Range<Int>)] {
        let needed = net.indices.filter { net[$0] > 1e-9 }
        switch rule {
        case .lotForLot, .fixed, .eoq:
            return needed.map { ($0, $0..<($0 + 1)) }
        case .periods:
            var found: [(Int, Range<Int>)] = []
            var next = 0
            for t in needed where t >= next {
                next = min(net.count, t + max(1, periodsOfSupply))
                found.append((t, t..<next))
            }
            return found
        case .wagnerWhitin:
            return wagnerWhitin(net, ordering: ordering, holding: holding).map { ($0.lowerBound, $0) }
        }
    }

    /// Wagner and Whitin's dynamic program: the orders (each covering the buckets of one range,
    /// arriving in its first) of least ordering cost S per order plus holding cost h per unit
    /// and bucket held. f(k) = min over j ≤ k with d_j > 0 of f(j) + S + h · Σ_{i=j}^{k−1}
    /// (i − j) · d_i, over the first k buckets; O(T²).
    static func wagnerWhitin(_ demand: [Double], ordering: Double, holding: Double) -> [Range<Int>] {
        let n = demand.count
        var best = [Double](repeating: .infinity, count: n + 1)
        var from = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        for k in stride(from: 1, through: n, by: 1) {
            // Nothing needed in bucket k − 1: the plan for the buckets before serves.
            if demand[k - 1] <= 1e-9 {
                best[k] = best[k - 1]
                from[k] = k
            }
            // The last order arrives in j and covers j..<k; going down from k − 1, each step
            // holds everything after j one bucket longer.
            var held = 0.0, after = 0.0
            for j in stride(from: k - 1, through: 0, by: -1) {
                if j < k - 1 {
                    after += demand[j + 1]
                    held += after
                }
                guard demand[j] > 1e-9 else { continue }
                let cost = best[j] + ordering + holding * held
                if cost < best[k] - 1e-9 {
                    best[k] = cost
                    from[k] = j
                }
            }
        }
        var orders: [Range<Int>] = []
        var k = n
        while k > 0 {
            let j = from[k]
            if j == k {
                k -= 1
                continue
            }
            orders.append(j..<k)
            k = j
        }
        return orders.reversed()
    }

    /// The order for a need: at least the minimum, in whole multiples (of the fixed lot for
    /// ``Material/LotRule/fixed`` and ``Material/LotRule/eoq``, else of the order multiple).
    static func size(_ need: Double, lot: Double, minimum: Double, multiple: Double) -> Double {
        var q = need
        if lot > 0 { q = (q / lot - 1e-9).rounded(.up) * lot }
        q = max(q, minimum)
        if multiple > 0 { q = (q / multiple - 1e-9).rounded(.up) * multiple }
        return q
    }
}
