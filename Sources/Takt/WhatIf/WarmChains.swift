/// The order in which warm-started what-ifs are planned, and which plan each starts from.
///
/// A warm start costs simplex pivots in proportion to how far the what-if is from the plan
/// it starts from: demand −15% from the base took 300 dual pivots on the sample plant,
/// −14% from −15% about twenty. So the what-ifs are put in order of total demand, those
/// above the base's going up from it and those below going down, and each side is dealt in
/// turn to its share of a fixed number of chains; each what-if starts from the one before
/// it in its chain (the first from the base). Chains are planned in parallel, each in order. The chains depend
/// only on the scenarios, not on the machine or its threads, so the plans are the same on
/// every run.
struct WarmChains {
    /// Chains of indices into the what-ifs.
    let chains: [[Int]]

    /// Two chains: on two cores, a sweep of what-ifs on both sides of the base goes up and
    /// down at once, each what-if one step from the plan it starts from. (A count that
    /// followed the machine's cores would make the plans depend on the machine.)
    static let count = 2

    init(base: Scenario, whatIfs: [Scenario]) {
        let baseDemand = Self.totalDemand(base)
        let demand = whatIfs.map(Self.totalDemand)
        // Ties keep the given order, so that equal demands still give one fixed order.
        let up = whatIfs.indices.filter { demand[$0] >= baseDemand }.sorted { (demand[$0], $0) < (demand[$1], $1) }
        let down = whatIfs.indices.filter { demand[$0] < baseDemand }.sorted { (-demand[$0], $0) < (-demand[$1], $1) }
        // Each side gets chains in proportion to its what-ifs (one at least), and deals its
        // what-ifs to them in turn: no chain crosses from one side of the base to the other.
        let upChains = up.isEmpty ? 0 : down.isEmpty ? Self.count
            : min(Self.count - 1, max(1, Int((Double(Self.count * up.count) / Double(whatIfs.count)).rounded())))
        var chains = Array(repeating: [Int](), count: Self.count)
        for (k, index) in up.enumerated() { chains[k % max(1, upChains)].append(index) }
        for (k, index) in down.enumerated() { chains[upChains + k % max(1, Self.count - upChains)].append(index) }
        self.chains = chains.filter { !$0.isEmpty }
    }

    /// Open order quantities and the sales plan, in units: a measure of how much there is to make.
    static func totalDemand(_ scenario: Scenario) -> Double {
        var total = 0.0
        for order in scenario.orders { total += max(0, order.quantity - order.completed) }
        for line in scenario.salesPlan { total += line.quantity }
        return total
    }
}
