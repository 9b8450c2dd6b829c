/// When the materials let a new order be complete: for each line of the product's bill of
/// materials (through sub-assemblies), the stock the base plan leaves (projected on hand above
/// safety stock in every bucket from then on, by the base plan's material requirements
/// planning) or, where that is not enough, a new purchase arriving a lead time after the
/// horizon's start; then the consuming step's offset before completion.
struct MaterialReadiness {
    /// The first day the order may be complete, and the item that sets it; `nil` when the
    /// product uses no materials.
    static func ready(product: String, quantity: Double, scenario: Scenario, base: MaterialPlan) -> (day: Day, item: String)? {
        let lines = Dictionary(grouping: scenario.bom, by: \.parent)
        guard lines[product] != nil else { return nil }
        let records = Dictionary(base.records.map { ($0.item, $0) }) { first, _ in first }
        let materials = Dictionary(scenario.materials.map { ($0.id, $0) }) { first, _ in first }
        let offset = ConsumptionOffsets(scenario)
        let start = scenario.horizon.start
        // When `need` of `item` is at hand: from stock the plan does not use, or made or bought.
        func available(_ item: String, _ need: Double, depth: Int) -> (Day, String) {
            if let record = records[item] {
                var spare = Double.infinity
                var from: Int?
                for t in base.buckets.indices.reversed() {
                    spare = min(spare, record.projectedOnHand[t] - record.safetyStock)
                    if spare >= need - 1e-9 { from = t } else { break }
                }
                if let from { return (base.buckets[from].start, item) }
            }
            if let material = materials[item] { return (start.advanced(by: material.leadTimeDays), item) }
            // A sub-assembly made for the order: its components, then its own lead time.
            let made = latest(item, need, depth: depth + 1) ?? (start, item)
            return (made.0.advanced(by: offset.leadTime[item] ?? 0), made.1)
        }
        func latest(_ parent: String, _ quantity: Double, depth: Int) -> (Day, String)? {
            guard depth < 20 else { return nil }
            var found: (Day, String)?
            for line in lines[parent] ?? [] {
                let (day, item) = available(line.component, quantity * line.gross, depth: depth)
                let done = day.advanced(by: offset(line))
                if found.map({ done > $0.0 || done == $0.0 && item < $0.1 }) ?? true { found = (done, item) }
            }
            return found
        }
        return latest(product, quantity, depth: 0).map { (day: $0.0, item: $0.1) }
    }
}
