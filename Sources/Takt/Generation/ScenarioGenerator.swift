/// Makes realistic scenarios of any size from a seed: the same options always give the same
/// scenario. For benchmarks and tests at sizes no one commits to a repository.
///
/// Products come in families; each has a routing of 2–6 steps with labor, drawn
/// from the work centers of one production unit or two; the sales plan is seasonal; order due
/// dates spread over the horizon, a few rush, some confirmed, those in the first period
/// partly frozen. Run hours are then scaled so that each work center's load over the horizon
/// is 50–80% of its capacity, and the few bottlenecks' 85–110%. With ``setups``, each product
/// sets up once per production run, at a cost of 50–500 and 1–3 hours per step (the load of
/// the orders being calibrated with them); without, no step has setup hours. With
/// ``materials``, products are made of materials through ``bomLevels`` levels.
///
///     let scenario = ScenarioGenerator(orders: 10_000, seed: 7).scenario()
public struct ScenarioGenerator: Sendable {
    public var orders: Int
    public var products: Int
    public var families: Int
    public var workCenters: Int
    public var units: Int
    public var periods: Int
    public var periodLength: PeriodLength
    public var seed: UInt64
    public var start: Day
    /// Whether products set up per production run: each step keeps its setup hours, each
    /// product gets a setup cost (without, no step has setup hours, as products have no lot
    /// size to spread them over).
    public var setups: Bool
    /// Purchased materials for bills of materials (0: none).
    public var materials: Int
    /// Levels of the bills of materials: 1, products made of materials; more, of sub-assembly
    /// products (a layer per level, about a tenth of the products each) made of the next.
    public var bomLevels: Int

    public init(
        orders: Int = 1_000, products: Int = 200, families: Int = 20, workCenters: Int = 30, units: Int = 3,
        periods: Int = 52, periodLength: PeriodLength = .week, seed: UInt64 = 1,
        start: Day = Day(year: 2027, month: 1, day: 4), setups: Bool = false, materials: Int = 0, bomLevels: Int = 1
    ) {
        self.materials = materials
        self.bomLevels = bomLevels
        self.orders = orders
        self.products = products
        self.families = families
        self.workCenters = workCenters
        self.units = units
        self.periods = periods
        self.periodLength = periodLength
        self.seed = seed
        self.start = start
        self.setups = setups
    }

    /// The problems with the options, if any (each count must be at least 1, families at most products).
    public func problems() -> [String] {
        var found: [String] = []
        for (name, value) in [("orders", orders), ("products", products), ("families", families), ("work centers", workCenters), ("units", units), ("periods", periods)] where value < 1 {
            found.append("\(name) must be at least 1 (got \(value))")
        }
        if families > products { found.append("families (\(families)) cannot outnumber products (\(products))") }
        if units > workCenters { found.append("units (\(units)) cannot outnumber work centers (\(workCenters))") }
        if orders > 10_000_000 { found.append("orders must be at most 10,000,000") }
        if periods > 520 { found.append("periods must be at most 520") }
        if materials < 0 || materials > 100_000 { found.append("materials must be 0...100000 (got \(materials))") }
        if bomLevels < 1 || bomLevels > 10 { found.append("bom levels must be 1...10 (got \(bomLevels))") }
        return found
    }

    public func scenario() -> Scenario {
        precondition(problems().isEmpty, problems().joined(separator: "; "))
        var random = SeededGenerator(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(random.next() >> 11) / Double(1 << 53) }
        func rounded(_ x: Double, _ places: Double = 100) -> Double { (x * places).rounded() / places }

        let horizon = Horizon(start: start, periodLength: periodLength, periodCount: periods)
        let unitList = (0..<units).map { ProductionUnit(id: "U\($0 + 1)", name: "Unit \($0 + 1)", kind: $0 == 0 ? .plant : .subsidiary) }
        let centerList = (0..<workCenters).map { i in
            WorkCenter(
                id: "WC\(i + 1)", name: "Work center \(i + 1)", unit: "U\(i % units + 1)", machines: 1 + pick(4),
                shiftsPerDay: 1 + pick(2), hoursPerShift: 8, efficiency: rounded(uniform(0.8, 0.95)),
                overtimeHoursMax: Double(8 * (2 + pick(5))), overtimeCost: Double(40 + pick(60)),
                extraShiftCost: pick(3) == 0 ? nil : Double(500 * (4 + pick(8))))
        }
        let pools = (0..<units).map { u in
            LaborPool(
                id: "LP\(u + 1)", name: "Workers \(u + 1)", unit: "U\(u + 1)", skill: "general", headcount: Double(20 + pick(40)),
                attendance: 0.95, wage: 30, overtimeHoursMax: 16, overtimeCost: 45)
        }
        let productList = (0..<products).map { i in
            Product(
                id: "P\(i + 1)", name: "Product \(i + 1)", family: "F\(i % families + 1)", specification: "spec \(pick(9) + 1)",
                lotMin: 0, lotMultiple: 0, initialInventory: Double(pick(50)), safetyStock: 0,
                holdingCost: rounded(uniform(0.2, 2)), backlogCost: rounded(uniform(2, 8)), unitCost: Double(10 + pick(90)))
        }

        // Routings: steps on work centers of the product family's unit, sometimes another's.
        var routings: [RoutingStep] = []
        let centersOfUnit = (0..<units).map { u in (0..<workCenters).filter { $0 % units == u } }
        for (i, product) in productList.enumerated() {
            let home = (i % families) % units
            let steps = 2 + pick(5)
            for k in 0..<steps {
                let unit = pick(4) == 0 ? pick(units) : home
                let pool = centersOfUnit[unit]
                let center = pool[pick(pool.count)]
                let alternative = pick(8) == 0 && pool.count > 1 ? [centerList[pool[(pool.firstIndex(of: center)! + 1) % pool.count]].id] : []
                routings.append(RoutingStep(
                    product: product.id, step: 10 * (k + 1), workCenter: centerList[center].id, alternatives: alternative,
                    runHours: rounded(uniform(0.05, 1), 1000), setupHours: Double(pick(4)), laborPool: pools[unit].id,
                    laborHours: rounded(uniform(0.05, 0.6), 1000), offsetDays: 2 * (steps - k)))
            }
        }

        // Orders: due dates spread over the horizon, popular products more often.
        let range = horizon.range
        let popularity = (0..<products).map { _ in uniform(0.2, 1) }
        let cumulative = popularity.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        let total = cumulative.last ?? 1
        let firstPeriodEnd = horizon.periodStart(1)
        var orderList: [CustomerOrder] = []
        orderList.reserveCapacity(orders)
        for i in 0..<orders {
            let draw = uniform(0, total)
            var low = 0, high = products - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < draw { low = mid + 1 } else { high = mid }
            }
            let due = range.start.advanced(by: pick(range.dayCount))
            let rush = pick(40) == 0
            let inFirstPeriod = due < firstPeriodEnd
            let status: CustomerOrder.Status = inFirstPeriod && pick(2) == 0 ? .frozen : (pick(4) == 0 ? .confirmed : .open)
            let quantity = Double(5 * (1 + pick(40)))
            orderList.append(CustomerOrder(
                id: "SO\(i + 1)", customer: "C\(1 + pick(500))", product: productList[low].id, quantity: quantity, due: due,
                priority: rush ? 1 : 1 + pick(9), rush: rush, status: status,
                frozenPeriod: status == .frozen ? PeriodReference(start.description) : nil,
                completed: status == .frozen && pick(3) == 0 ? (quantity / 2).rounded(.down) : 0))
        }

        // Sales plan: the orders per product and month, lifted by a seasonal forecast.
        var salesPlan: [SalesPlanLine] = []
        let season: [Double] = [0.85, 0.8, 0.95, 1.05, 1.1, 1.15, 1.15, 1.05, 1.0, 1.0, 0.95, 0.9]
        var monthly: [String: [Int: Double]] = [:]
        for order in orderList {
            let (y, m, _) = order.due.components
            monthly[order.product, default: [:]][y * 12 + m - 1, default: 0] += order.quantity
        }
        for product in productList {
            for (key, quantity) in (monthly[product.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let (year, month) = (key / 12, key % 12 + 1)
                let text = "\(year)-\(month < 10 ? "0" : "")\(month)"
                salesPlan.append(SalesPlanLine(product: product.id, period: PeriodReference(text)!, quantity: (quantity * 1.05 * season[month - 1]).rounded()))
            }
        }

        var scenario = Scenario(
            name: "generated \(orders) orders, seed \(seed)", horizon: horizon,
            calendars: [CalendarRule(weekdays: Weekday.workWeek)], units: unitList, products: productList,
            workCenters: centerList, laborPools: pools, routings: routings, salesPlan: salesPlan, orders: orderList,
            subcontractors: productList.indices.filter { $0 % 10 == 0 }.map { i in
                Subcontractor(id: "SUB\(i / 10 + 1)", name: "Subcontractor \(i / 10 + 1)", product: productList[i].id,
                    capacity: 200, unitCost: productList[i].unitCost * 1.6, leadTimeDays: 14, quality: 80)
            })
        calibrate(&scenario, random: &random)
        // Setups last, from a stream of their own, so that the plant is otherwise the same.
        if setups {
            var costs = SeededGenerator(seed: seed ^ 0x5E70_5E70)
            for i in scenario.products.indices { scenario.products[i].setupCost = Double(50 * (1 + Int(costs.next() % 10))) }
        } else {
            for i in scenario.routings.indices { scenario.routings[i].setupHours = 0 }
        }
        if materials > 0 { addMaterials(&scenario) }
        return scenario
    }

    /// Materials, bills of materials (through `bomLevels − 1` layers of sub-assemblies) and a
    /// few open purchase orders, from a stream of their own: the plant is otherwise the same.
    private func addMaterials(_ scenario: inout Scenario) {
        var random = SeededGenerator(seed: seed ^ 0xB0B0_0001)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        let rules = Material.LotRule.allCases
        scenario.materials = (0..<materials).map { m in
            let rule = rules[m % rules.count]
            return Material(
                id: "MAT\(m + 1)", name: "Material \(m + 1)", unitCost: Double(1 + pick(200)), leadTimeDays: 7 * pick(7), lotRule: rule,
                lotQuantity: rule == .fixed ? Double(50 * (1 + pick(10))) : 0, orderingCost: Double(100 * (1 + pick(10))), holdingCost: Double(1 + pick(5)),
                periodsOfSupply: 2 + pick(3), orderMultiple: pick(2) == 0 ? 1 : 10, onHand: Double(100 * pick(20)), safetyStock: Double(10 * pick(10)),
                supplier: "Supplier \(1 + m % 7)")
        }
        // Layers of sub-assemblies, each a product of one step on the first work center of the
        // unit of the products that use it.
        var layers: [[String]] = [scenario.products.map(\.id)]
        let layerSize = max(1, scenario.products.count / 10)
        let center = scenario.workCenters.first?.id ?? "WC1"
        for level in 1..<bomLevels {
            var layer: [String] = []
            for k in 0..<layerSize {
                let id = "SA\(level)-\(k + 1)"
                scenario.products.append(Product(id: id, name: "Sub-assembly \(level).\(k + 1)", family: "SUB\(level)", lotMultiple: 1, unitCost: Double(10 + pick(90))))
                scenario.routings.append(RoutingStep(product: id, step: 10, workCenter: center, runHours: 0.1, offsetDays: 7 * (1 + pick(2))))
                layer.append(id)
            }
            layers.append(layer)
        }
        for (level, layer) in layers.enumerated() {
            for parent in layer {
                var used: Set<String> = []
                if level + 1 < layers.count {
                    let next = layers[level + 1]
                    for _ in 0..<(1 + pick(2)) { used.insert(next[pick(next.count)]) }
                }
                for _ in 0..<(1 + pick(4)) { used.insert("MAT\(1 + pick(materials))") }
                for component in used.sorted() {
                    scenario.bom.append(BOMLine(parent: parent, component: component, quantity: Double(1 + pick(5)), scrap: pick(4) == 0 ? 0.02 : 0))
                }
            }
        }
        scenario.purchaseOrders = (0..<max(1, materials / 4)).map { k in
            PurchaseOrder(id: "PO\(k + 1)", material: "MAT\(1 + pick(materials))", quantity: Double(100 * (1 + pick(10))), due: start.advanced(by: 7 * pick(8)))
        }
    }

    /// Scales each work center's run hours (and each pool's labor hours) so that its load over
    /// the horizon hits a target ratio: 85–110% for about one in six work centers, 50–80% for
    /// the rest, about 70% for labor.
    private func calibrate(_ scenario: inout Scenario, random: inout SeededGenerator) {
        guard let table = try? CapacityLoadAnalysis(scenario).table() else { return }
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(random.next() >> 11) / Double(1 << 53) }
        var factor: [String: Double] = [:]
        for total in table.totals where total.requiredHours > 0 {
            let target: Double
            switch total.resource.kind {
            case .workCenter: target = random.next() % 6 == 0 ? uniform(0.85, 1.10) : uniform(0.5, 0.8)
            case .laborPool: target = uniform(0.6, 0.8)
            }
            factor[total.resource.kind.rawValue + total.resource.id] = target * total.availableHours / total.requiredHours
        }
        for i in scenario.routings.indices {
            let step = scenario.routings[i]
            if let f = factor["work_center" + step.workCenter] {
                scenario.routings[i].runHours = (step.runHours * f * 10_000).rounded() / 10_000
                scenario.routings[i].setupHours = (step.setupHours * min(1, f) * 100).rounded() / 100
            }
            if let pool = step.laborPool, let f = factor["labor_pool" + pool] {
                scenario.routings[i].laborHours = (step.laborHours * f * 10_000).rounded() / 10_000
            }
        }
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
