/// Sharing a quantity among children so that they add up to it exactly.
enum QuantitySplit {
    /// Splits `total` in proportion to `weights` (or `fallback`, or equally, where those add
    /// up to nothing), in whole multiples of `step` when it is above 0.
    ///
    /// Whole steps go by rounding the running total to the nearest step, halves up; a rest
    /// smaller than one step (when `total` is no multiple of it) goes to the child with the
    /// largest share. The last child with a share takes what rounding in floating point leaves, so the children
    /// always add up to `total`.
    static func split(_ total: Double, weights: [Double], fallback: [Double]? = nil, step: Double) -> [Double] {
        let count = weights.count
        guard count > 0 else { return [] }
        var w = weights.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        if w.reduce(0, +) <= 0, let fallback { w = fallback.map { $0.isFinite && $0 > 0 ? $0 : 0 } }
        if w.reduce(0, +) <= 0 { w = Array(repeating: 1, count: count) }
        let sum = w.reduce(0, +)
        guard total > 0 else { return Array(repeating: 0, count: count) }

        var result: [Double]
        if step > 0 {
            let steps = (total / step + 1e-9).rounded(.down)
            // Rounding the running total, not each child, keeps every child's stock position
            // within half a step of the exact split's. (Rounding it up, never behind, cost the
            // sample plant's capacity split more: earlier lots need more overtime.)
            var cumulative = 0.0, placed = 0.0
            result = w.map { weight in
                cumulative += weight
                let reached = min(steps, (steps * cumulative / sum + 0.5 - 1e-9).rounded(.down))
                defer { placed = reached }
                return (reached - placed) * step
            }
            let rest = total - steps * step
            if rest > 1e-9 * max(1, total) {
                let biggest = w.indices.max { a, b in w[a] != w[b] ? w[a] < w[b] : a > b }!
                result[biggest] += rest
            }
        } else {
            result = w.map { total * $0 / sum }
        }
        // Floating point: the last child with a share absorbs the difference.
        if let last = result.indices.last(where: { result[$0] > 0 }) {
            let others = result.indices.reduce(0.0) { $1 == last ? $0 : $0 + result[$1] }
            result[last] = total - others
        }
        return result
    }
}
