/// Rounds one product's production, period by period, to quantities a workshop can make:
/// multiples of its quantity step q (the lot multiple, else one unit if it is discrete) and
/// nothing below its minimum lot m unless nothing at all.
///
/// ``rounded(_:stock:)`` rounds the running total up, so that by every period at least as much
/// is made as in the plan being rounded: with production X(t) = Σ_{τ≤t} x(τ) made there, the
/// running total becomes R(t) = q·⌈X(t)/q⌉, and x'(t) = R(t) − R(t−1). Stock then never falls
/// below the plan's, backlog never grows, and each period's stock exceeds the plan's by less
/// than one step. Where that would break the maximum stock, the total is rounded down
/// instead. A period whose quantity falls below m makes a minimum lot (⌈m/q⌉·q), and the
/// periods after it make correspondingly less; where even that breaks the maximum stock it
/// makes nothing and leaves the demand to the next period.
///
/// ``floored(_:)`` rounds each period's quantity down (to 0 below the minimum lot): never more
/// than the plan makes in any period, so it fits in any capacity the plan fitted in; the
/// shortfall becomes backlog or unmet demand. It is the fallback where rounding up does not fit.
struct LotRounding {
    /// The quantity step q (0: any quantity).
    let step: Double
    /// The minimum lot m (0: none).
    let lotMin: Double
    /// The product's maximum stock at a period's end, if any.
    let maxInventory: Double?

    init(_ product: Product) {
        step = product.quantityStep
        lotMin = product.lotMin
        maxInventory = product.maxInventory
    }

    init(step: Double, lotMin: Double, maxInventory: Double? = nil) {
        self.step = step
        self.lotMin = lotMin
        self.maxInventory = maxInventory
    }

    /// Quantities below this are noise of the solver, not production.
    static let tolerance = 1e-6

    /// The running total rounded up (see the type's comment); `stock` is the plan's stock at
    /// each period's end, to keep the maximum stock. Where `limit` is given, period t makes at
    /// most `limit[t]` (the capacity is full there): what it cannot make is made earlier, the
    /// running totals before it raised to what the periods after need (B(t) = max(R(t),
    /// B(t+1) − ⌊limit(t+1)/q⌋·q)), or, before the first period, late.
    func rounded(_ relaxed: [Double], stock: [Double], limit: [Double]? = nil) -> [Double] {
        let tolerance = Self.tolerance
        var made = 0.0, planned = 0.0
        var result = [Double](repeating: 0, count: relaxed.count)
        let minimumLot = up(lotMin)
        // What must be made by each period's end for the periods after it to keep their limits.
        var required = [Double](repeating: 0, count: relaxed.count)
        if let limit {
            var total = relaxed.reduce(0) { $0 + max(0, $1) }
            var after = up(total)
            for t in relaxed.indices.reversed() {
                required[t] = max(up(total), after)
                total -= max(0, relaxed[t])
                after = max(0, required[t] - down(limit[t]))
            }
        }
        for t in relaxed.indices {
            planned += max(0, relaxed[t])
            // The stock this period would hold beyond the plan's if `total` were made by now.
            func tooMuch(_ total: Double) -> Bool {
                guard let maxInventory else { return false }
                return stock[t] + (total - planned) > maxInventory + tolerance
            }
            var target = max(up(planned), limit == nil ? 0 : required[t])
            if tooMuch(target) { target = down(planned) }
            let most = limit.map { down($0[t] + tolerance) } ?? .infinity
            var quantity = min(target - made, most)
            guard quantity > tolerance else { continue }
            if quantity < lotMin - tolerance {
                guard !tooMuch(made + minimumLot), minimumLot <= most + tolerance else { continue }
                quantity = minimumLot
            }
            result[t] = quantity
            made += quantity
        }
        return result
    }

    /// Each period's quantity rounded down, to 0 below the minimum lot.
    func floored(_ relaxed: [Double]) -> [Double] {
        relaxed.map { x in
            let quantity = down(max(0, x))
            return quantity < lotMin - Self.tolerance ? 0 : quantity
        }
    }

    /// Whether `quantities` are whole already: multiples of the step, none below the minimum lot.
    func isWhole(_ quantities: [Double]) -> Bool {
        quantities.allSatisfy { x in
            guard x > Self.tolerance else { return true }
            let onStep = step <= 0 || abs(x / step - (x / step).rounded()) * step <= Self.tolerance
            return onStep && x >= lotMin - Self.tolerance
        }
    }

    private func up(_ x: Double) -> Double {
        guard step > 0 else { return x }
        return (x / step - Self.tolerance / step).rounded(.up) * step
    }

    private func down(_ x: Double) -> Double {
        guard step > 0 else { return x }
        return (x / step + Self.tolerance / step).rounded(.down) * step
    }
}
