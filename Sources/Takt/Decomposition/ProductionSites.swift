/// Where each product can be made: the production units whose work centers can do every
/// step of its routing (on the primary work center or an alternative in that unit).
///
/// A product whose routing crosses units (machined in one, assembled in another) has one
/// site: its steps stay on their primary work centers and it belongs to the unit of its
/// last step, as in the aggregate plan.
struct ProductionSites {
    struct Site: Hashable {
        let unit: String
        /// Per routing step (in step order): the resource index of the work center, the
        /// labor pool's, and the step.
        let steps: [(step: RoutingStep, center: Int, pool: Int?)]
        /// Steps moved off their primary work center, for the load table.
        let alternatives: [StepAssignment]

        static func == (a: Site, b: Site) -> Bool { a.unit == b.unit && a.alternatives == b.alternatives }
        func hash(into hasher: inout Hasher) { hasher.combine(unit) }
    }

    /// Per product (scenario order): its sites, in the scenario's unit order.
    let sites: [[Site]]

    init(_ scenario: Scenario) {
        let centerIndex = Dictionary(uniqueKeysWithValues: scenario.workCenters.enumerated().map { ($1.id, $0) })
        let poolIndex = Dictionary(uniqueKeysWithValues: scenario.laborPools.enumerated().map { ($1.id, scenario.workCenters.count + $0) })
        let stepsByProduct = Dictionary(grouping: scenario.routings, by: \.product)
        sites = scenario.products.map { product in
            let steps = (stepsByProduct[product.id] ?? []).filter { centerIndex[$0.workCenter] != nil }.sorted { $0.step < $1.step }
            func pool(_ step: RoutingStep) -> Int? { step.laborPool.flatMap { poolIndex[$0] } }
            var found: [Site] = []
            for unit in scenario.units where !steps.isEmpty {
                var chosen: [(step: RoutingStep, center: Int, pool: Int?)] = []
                var moved: [StepAssignment] = []
                for step in steps {
                    let candidates = [step.workCenter] + step.alternatives
                    guard let id = candidates.first(where: { centerIndex[$0].map { scenario.workCenters[$0].unit == unit.id } ?? false }) else { break }
                    chosen.append((step, centerIndex[id]!, pool(step)))
                    if id != step.workCenter { moved.append(StepAssignment(step: step.step, workCenter: id)) }
                }
                if chosen.count == steps.count { found.append(Site(unit: unit.id, steps: chosen, alternatives: moved)) }
            }
            if found.isEmpty {
                let unit = steps.last.map { scenario.workCenters[centerIndex[$0.workCenter]!].unit } ?? scenario.units.first?.id ?? ""
                found = [Site(unit: unit, steps: steps.map { ($0, centerIndex[$0.workCenter]!, pool($0)) }, alternatives: [])]
            }
            return found
        }
    }
}
