import TaktLP

/// The aggregate production plan as a linear program (mixed-integer with whole workers).
///
/// Indices: product p, period t, demand class c, work center w, labor pool l, subcontract
/// offer s (one product each). Data: demand d[p,c,t]; regular hours R[w,t]; overtime limit
/// O[w,t]; extra-shift hours E[w,t]; hours per worker h[l,t]; run hours a[p,k] and labor hours
/// b[p,k] of routing step k, whose load falls in period t−δ[p,k,t] (the step's lead-time
/// offset before the period's last day).
///
/// Variables, all ≥ 0: production x[p,t]; inventory I[p,t]; backlog B[p,c,t]; unmet demand
/// U[p,c,t]; subcontracted receipts y[s,t]; overtime hours o[w,t] ≤ O[w,t]; extra-shift share
/// e[w,t] ≤ 1 (less where others took part of the shift); workers W[l,t], hires H[l,t],
/// layoffs L[l,t] (whole numbers in a whole plan, see `WholePlan`), labor overtime v[l,t]; the share z[p,k,w,t] of
/// step k done on work center w where the step has alternatives; shortfalls below safety
/// stock S[p,t], below the ending target G[p], and below frozen production F[p,t].
///
///     min  Σ c[p,t]·x + holding·I + backlog·weight(c)·B + lost(c)·U + subcontract·y
///        + overtimeCost·o + extraShiftCost·e + wage·h·W + hire·H + layoff·L + overtimeCost·v
///        + max(backlog, holding)·S + M·(G + F)
///     s.t. I[p,t−1] + x[p,t] + Σs y[s,t] − I[p,t] + Σc (B[p,c,t] − B[p,c,t−1] + U[p,c,t]) = Σc d[p,c,t]
///          Σ a[p,k]·x[p,t+δ] (or ·z) − o[w,t] − E[w,t]·e[w,t] ≤ R[w,t]        work center w
///          Σ b[p,k]·x[p,t+δ] − h[l,t]·W[l,t] − v[l,t] ≤ 0,  v[l,t] ≤ V[l]·W[l,t]   labor pool l
///          W[l,t] = W[l,t−1] + H[l,t] − L[l,t],  W[l,0−] = headcount,  min ≤ W ≤ max
///          B[p,c,t] − B[p,c,t−1] + U[p,c,t] ≤ d[p,c,t]      (each class's deliveries ≥ 0)
///          Σw z[p,k,w,t] = x[p,t];  x[p,t] + F[p,t] ≥ frozen[p,t];  I[p,t] + S[p,t] ≥ safety[p]
///          I[p,T] + G[p] ≥ target[p];  B[p,c,t] ≤ demand of the last k periods;  B[p,c,T] = 0
///          and, in the one model of every product, the flow of each constrained material
///          (see `MaterialFlow`)
///
/// with c[p,t] a unit's cost (see `ProductCosts`): `unit_cost`, or with `material_cost: bom`
/// `unit_cost` plus the materials of its bill of materials the model does not buy itself.
///
/// Unmet demand U costs the lost-sale cost (or the unit revenue) where lost sales are allowed
/// and the penalty M otherwise, so the program always has a solution: when demand exceeds
/// every option the plan shows what goes unmet instead of failing. M is 1,000 times the
/// largest other cost coefficient. A step's setup hours are spread over the product's lot
/// size (one setup per lot, exact for whole lots); a product without a lot size, or with a
/// setup cost, sets up once per production run, the CLSP's big-M link
///
///     m[p]·r[p,t] ≤ x[p,t] ≤ M[p,t]·r[p,t],  r ∈ [0, 1] (binary in a whole plan),  + setupCost·r,
///     + setupHours[p,k]·r[p,t] on step k's (primary) work center,
///
/// M the demand period t can still serve, with targets, plus a lot. A labor pool whose hire
/// and layoff costs are both zero keeps its headcount. The size grows with products × periods × classes, never with orders.
struct AggregatePlanModel {
    let scenario: Scenario
    let demand: DemandProfile
    var program = LinearProgram(name: "aggregate_plan")

    // Column handles, for reading the solution back.
    var production: [[VariableID]] = []
    var inventory: [[VariableID]] = []
    var backlog: [[[VariableID?]]] = []
    var unmet: [[[VariableID?]]] = []
    var subcontract: [[VariableID?]] = []
    var overtime: [[VariableID?]] = []
    var extraShift: [[VariableID?]] = []
    var workforce: [[VariableID?]] = []
    var hires: [[VariableID?]] = []
    var layoffs: [[VariableID?]] = []
    var laborOvertime: [[VariableID?]] = []
    var safetyShortfall: [[VariableID?]] = []
    var endingShortfall: [VariableID?] = []
    var frozenShortfall: [[VariableID?]] = []
    /// Production runs r[p,t] of products whose setups fall per run (``setupsPerRun``); `nil`
    /// elsewhere. Continuous in the model, binary in a whole plan.
    var runs: [[VariableID?]] = []
    /// Alternative splits: (product, step, work center, period) → column.
    var routingSplit: [(product: Int, step: Int, workCenter: Int, period: Int, column: VariableID)] = []
    // Row handles.
    var centerRows: [[ConstraintID?]] = []
    var laborRows: [[ConstraintID?]] = []
    var balanceRows: [[ConstraintID]] = []
    /// Each alternative split's row and the column of its primary work center.
    var splitRows: [(row: ConstraintID, primary: VariableID)] = []
    /// The rows x ≤ M·r linking each run to what it makes, with the run's product and period.
    var runRows: [(row: ConstraintID, product: Int, period: Int, run: VariableID)] = []
    /// The workforce flow rows of labor pools that hire and lay off.
    var staffRows: [ConstraintID] = []
    /// Constrained materials' purchases, stock and balance rows, where the model carries them.
    var materialFlow: MaterialFlow?
    /// Whether the model carries constrained materials: the one model of every product does; a
    /// family plan and its parts, which see a share of the products, do not.
    var carriesMaterials = false
    /// Each product's unit cost per period; made by ``build()`` from the scenario unless given
    /// (a product's part of a families-first plan is given the whole plant's, since its
    /// sub-assemblies are not in the part).
    var costs: ProductCosts?
    /// Workers, hires and layoffs that a whole plan counts in whole numbers (the policy's
    /// `workforce`); continuous in the model itself.
    var wholeWorkers: [(pool: Int, period: Int, workers: VariableID, hires: VariableID, layoffs: VariableID)] = []

    /// Hours per period of each resource (work centers, then labor pools).
    private(set) var hours: ResourceHours
    var regularHours: ResourceGrid { hours.regular }
    var overtimeHours: ResourceGrid { hours.overtime }
    var extraShiftHours: ResourceGrid { hours.extraShift }
    /// Labor pools keep the hours given, hiring and layoffs aside (a plan within a plan).
    let fixedLabor: Bool
    /// Whether each class's deliveries are kept non-negative (see ``build()``). A family plan,
    /// which only shares out capacity, can do without those rows.
    var keepsClassesApart = true
    /// The penalty on unmet demand and broken targets.
    private(set) var penalty: Double = 0
    /// The period each step's load falls in: `[product][step][period]`.
    let loadPeriod: [[[Int]]]
    let routing: [[RoutingStep]]
    /// Whether each product's setups fall once per run (each period it is made in): it has a
    /// setup cost, or setup hours and no lot size to spread them over.
    let setupsPerRun: [Bool]
    let workCenterIndex: [String: Int]
    let laborPoolIndex: [String: Int]
    /// Names for the model's rows and columns, made once (see ``name(_:_:)``).
    private let productNames: [String], centerNames: [String]

    init(scenario: Scenario, demand: DemandProfile, hours: ResourceHours, fixedLabor: Bool = false) {
        self.scenario = scenario
        self.demand = demand
        self.hours = hours
        self.fixedLabor = fixedLabor
        let horizon = scenario.horizon
        let periods = horizon.periods
        workCenterIndex = Dictionary(uniqueKeysWithValues: scenario.workCenters.enumerated().map { ($1.id, $0) })
        laborPoolIndex = Dictionary(uniqueKeysWithValues: scenario.laborPools.enumerated().map { ($1.id, $0) })
        productNames = scenario.products.enumerated().map { Self.name($1.id, $0) }
        centerNames = scenario.workCenters.enumerated().map { Self.name($1.id, $0) }
        let stepsByProduct = Dictionary(grouping: scenario.routings, by: \.product)
        routing = scenario.products.map { (stepsByProduct[$0.id] ?? []).sorted { $0.step < $1.step } }
        loadPeriod = routing.map { steps in
            steps.map { step in
                periods.indices.map { periods.loadPeriod($0, offsetDays: step.offsetDays) }
            }
        }
        let perRun = scenario.productsSettingUpPerRun
        setupsPerRun = scenario.products.map { perRun.contains($0.id) }
    }

    /// Builds every row and column.
    mutating func build() {
        let periods = scenario.horizon.periodCount
        let policy = scenario.policy
        let costs = self.costs
            ?? ProductCosts(scenario, bought: carriesMaterials ? Set(MaterialFlow.materials(of: scenario).map(\.id)) : [])
        self.costs = costs
        penalty = unmetPenalty(largestCost: largestCostCoefficient())
        let classes = DemandClass.allCases

        // Products: flows, backlog, unmet demand, targets.
        for (p, product) in scenario.products.enumerated() {
            let id = productNames[p]
            production.append((0..<periods).map { t in
                program.addVariable("make(\(id),\(t))", objective: costs.unit(product, period: t).total)
            })
            inventory.append((0..<periods).map { t in
                program.addVariable("stock(\(id),\(t))", upperBound: product.maxInventory ?? .infinity,
                    objective: product.holdingCost * policy.holdingWeight)
            })
            let active = Set(demand.activeClasses[p])
            var productBacklog: [[VariableID?]] = []
            var productUnmet: [[VariableID?]] = []
            for c in classes {
                guard active.contains(c) else {
                    productBacklog.append(Array(repeating: nil, count: periods))
                    productUnmet.append(Array(repeating: nil, count: periods))
                    continue
                }
                let lost = policy.lostSalesAllowed ? (product.lostSaleCost ?? product.unitRevenue ?? penalty) : penalty
                productUnmet.append((0..<periods).map { t in
                    demand.quantity[p][t][c.rawValue] > 0 ? program.addVariable("unmet(\(id),\(c.name),\(t))", objective: lost) : nil
                })
                productBacklog.append((0..<periods).map { t in
                    let isLast = t == periods - 1
                    guard policy.backlogAllowed, !isLast || policy.endingBacklogAllowed else { return nil }
                    // A window of 0 periods allows no backlog (and would make an empty range below).
                    let window = policy.maxBacklogPeriods ?? periods
                    guard window > 0 else { return nil }
                    let eligible = (max(0, t - window + 1)...t).reduce(0) { $0 + demand.quantity[p][$1][c.rawValue] }
                    guard eligible > 0 else { return nil }
                    return program.addVariable(
                        "late(\(id),\(c.name),\(t))", upperBound: eligible,
                        objective: product.backlogCost * c.backlogWeight * policy.backlogWeight)
                })
            }
            backlog.append(productBacklog)
            unmet.append(productUnmet)
            safetyShortfall.append((0..<periods).map { t in
                product.safetyStock > 0
                    ? program.addVariable("belowsafety(\(id),\(t))", upperBound: product.safetyStock, objective: max(product.backlogCost, product.holdingCost)) : nil
            })
            endingShortfall.append(product.targetEndingInventory > 0
                ? program.addVariable("belowtarget(\(id))", upperBound: product.targetEndingInventory, objective: penalty) : nil)
            frozenShortfall.append((0..<periods).map { t in
                demand.frozen[p][t] > 0 ? program.addVariable("unfrozen(\(id),\(t))", upperBound: demand.frozen[p][t], objective: penalty) : nil
            })
        }

        // Subcontracting: receipts only in periods that start once the lead time has passed.
        let horizonPeriods = scenario.horizon.periods
        for (s, offer) in scenario.subcontractors.enumerated() {
            guard let p = scenario.products.firstIndex(where: { $0.id == offer.product }) else {
                subcontract.append(Array(repeating: nil, count: periods))
                continue
            }
            subcontract.append((0..<periods).map { t in
                !offer.delivers(toPeriodStarting: horizonPeriods[t].start, horizonStart: scenario.horizon.start) ? nil : program.addVariable(
                    "buy(\(Self.name(offer.id, s)),\(productNames[p]),\(t))", upperBound: offer.capacity ?? .infinity,
                    objective: offer.unitCost * policy.subcontractWeight)
            })
        }

        buildBalances()
        buildRuns()
        buildWorkCenters()
        buildLaborPools()
        if carriesMaterials { materialFlow = MaterialFlow.build(scenario, production: production, into: &program) }
    }

    private mutating func buildBalances() {
        let periods = scenario.horizon.periodCount
        for (p, product) in scenario.products.enumerated() {
            var rows: [ConstraintID] = []
            let id = productNames[p]
            let offers = scenario.subcontractors.indices.filter { scenario.subcontractors[$0].product == product.id }
            for t in 0..<periods {
                var terms = [Term(production[p][t], 1), Term(inventory[p][t], -1)]
                if t > 0 { terms.append(Term(inventory[p][t - 1], 1)) }
                for s in offers { if let y = subcontract[s][t] { terms.append(Term(y, 1)) } }
                for c in DemandClass.allCases {
                    if let b = backlog[p][c.rawValue][t] { terms.append(Term(b, 1)) }
                    if t > 0, let b = backlog[p][c.rawValue][t - 1] { terms.append(Term(b, -1)) }
                    if let u = unmet[p][c.rawValue][t] { terms.append(Term(u, 1)) }
                }
                let need = demand.total(product: p, period: t) - (t == 0 ? product.initialInventory : 0)
                rows.append(program.addConstraint("balance(\(id),\(t))", terms, .equal(need)))
                // Each class is delivered a non-negative amount: without this a cheap class's
                // backlog could grow past its own demand to excuse a dearer class's.
                for c in DemandClass.allCases where keepsClassesApart {
                    var flow: [Term] = []
                    if let b = backlog[p][c.rawValue][t] { flow.append(Term(b, 1)) }
                    if t > 0, let b = backlog[p][c.rawValue][t - 1] { flow.append(Term(b, -1)) }
                    if let u = unmet[p][c.rawValue][t] { flow.append(Term(u, 1)) }
                    guard flow.contains(where: { $0.coefficient > 0 }) else { continue }
                    program.addConstraint("deliver(\(id),\(c.name),\(t))", flow, .lessOrEqual(demand.quantity[p][t][c.rawValue]))
                }
                if let s = safetyShortfall[p][t] {
                    program.addConstraint("safety(\(id),\(t))", [Term(inventory[p][t], 1), Term(s, 1)], .greaterOrEqual(product.safetyStock))
                }
                if let f = frozenShortfall[p][t] {
                    program.addConstraint("frozen(\(id),\(t))", [Term(production[p][t], 1), Term(f, 1)], .greaterOrEqual(demand.frozen[p][t]))
                }
            }
            if let g = endingShortfall[p] {
                program.addConstraint("target(\(id))", [Term(inventory[p][periods - 1], 1), Term(g, 1)], .greaterOrEqual(product.targetEndingInventory))
            }
            balanceRows.append(rows)
        }
    }

    /// Production runs: x[p,t] ≤ M[p,t]·r[p,t], with M what the product can still need
    /// (``runLimit(_:_:)``).
    private mutating func buildRuns() {
        let periods = scenario.horizon.periodCount
        for (p, product) in scenario.products.enumerated() {
            guard setupsPerRun[p] else {
                runs.append(Array(repeating: nil, count: periods))
                continue
            }
            let id = productNames[p]
            runs.append((0..<periods).map { t in
                let column = program.addVariable("run(\(id),\(t))", upperBound: 1, objective: product.setupCost)
                let row = program.addConstraint("runlink(\(id),\(t))", [Term(production[p][t], 1), Term(column, -runLimit(p, t))], .lessOrEqual(0))
                program.addConstraint("runmin(\(id),\(t))", [Term(production[p][t], 1), Term(column, -runMinimum(p))], .greaterOrEqual(0))
                runRows.append((row, p, t, column))
                return column
            })
        }
    }


    /// Setup hours a run of product `p` takes on step `step`'s work center (those of a product
    /// with a lot size are spread over the lot instead, see ``hoursPerUnit(_:product:)``).
    func setupHoursPerRun(_ step: RoutingStep, product p: Int) -> Double {
        scenario.products[p].setupLot == 0 ? step.setupHours : 0
    }

    /// The most product `p` can need to make in period `t`: the demand it can still serve
    /// (from the first period whose backlog may wait until t), its ending target and safety
    /// stock, its frozen quantity, plus a lot. (Not the hours: a model given other hours keeps
    /// its coefficients, see ``setHours(_:)``.)
    func runLimit(_ p: Int, _ t: Int) -> Double {
        let product = scenario.products[p]
        let periods = scenario.horizon.periodCount
        let policy = scenario.policy
        let first = policy.backlogAllowed ? max(0, t - (policy.maxBacklogPeriods ?? periods)) : t
        let need = (first..<periods).reduce(0) { $0 + demand.total(product: p, period: $1) }
            + product.targetEndingInventory + product.safetyStock + demand.frozen[p][t]
        // A limit of 0 would leave the run free; a small one keeps the row well scaled.
        return max(max(need, product.lotMin) + product.quantityStep, 1)
    }

    /// The least a run makes: its minimum lot, else its quantity step, else a hundredth of a
    /// unit, so that no run is set up (and no setup counted) where nothing is made.
    func runMinimum(_ p: Int) -> Double {
        let product = scenario.products[p]
        return max(product.lotMin, product.quantityStep, 0.01)
    }

    private mutating func buildWorkCenters() {
        let periods = scenario.horizon.periodCount
        let policy = scenario.policy
        var load = [[[Term]]](repeating: [[Term]](repeating: [], count: periods), count: scenario.workCenters.count)
        for (p, steps) in routing.enumerated() {
            for (k, step) in steps.enumerated() {
                guard let primary = workCenterIndex[step.workCenter] else { continue }
                let centers = [primary] + step.alternatives.compactMap { workCenterIndex[$0] }.filter { $0 != primary }
                for t in 0..<periods {
                    let target = loadPeriod[p][k][t]
                    let hours = hoursPerUnit(step, product: p)
                    let setup = setupHoursPerRun(step, product: p)
                    if centers.count == 1, hours > 0 { load[primary][target].append(Term(production[p][t], hours)) }
                    // A run sets up once, on the step's primary work center, whichever centers
                    // share the step.
                    if setup > 0, let run = runs[p][t] { load[primary][target].append(Term(run, setup)) }
                    guard centers.count > 1 else { continue }
                    var split: [Term] = [Term(production[p][t], -1)]
                    let first = routingSplit.count
                    for w in centers {
                        let column = program.addVariable("route(\(productNames[p]),\(step.step),\(centerNames[w]),\(t))")
                        routingSplit.append((p, k, w, t, column))
                        split.append(Term(column, 1))
                        if hours > 0 { load[w][target].append(Term(column, hours)) }
                    }
                    let row = program.addConstraint("split(\(productNames[p]),\(step.step),\(t))", split, .equal(0))
                    splitRows.append((row, routingSplit[first].column))
                }
            }
        }
        for (w, center) in scenario.workCenters.enumerated() {
            let id = centerNames[w]
            var rows: [ConstraintID?] = []
            var overtimeColumns: [VariableID?] = []
            var shiftColumns: [VariableID?] = []
            for t in 0..<periods {
                let terms = Self.merged(load[w][t])
                guard !terms.isEmpty else {
                    rows.append(nil)
                    overtimeColumns.append(nil)
                    shiftColumns.append(nil)
                    continue
                }
                // Columns exist wherever the resource offers overtime or a shift at all, even when
                // others have taken it (an upper bound of 0): a plan made again in what others
                // leave then differs only in bounds, and its last basis stays dual feasible.
                let o = hours.offersOvertime[w][t]
                    ? program.addVariable("overtime(\(id),\(t))", upperBound: overtimeHours[w][t], objective: center.overtimeCost * policy.overtimeWeight) : nil
                let e = extraShiftHours[w][t] > 0
                    ? program.addVariable(
                        "extrashift(\(id),\(t))", upperBound: hours.extraShiftLeft[w][t], objective: extraShiftCost(w) * policy.overtimeWeight) : nil
                overtimeColumns.append(o)
                shiftColumns.append(e)
                var row = terms
                if let o { row.append(Term(o, -1)) }
                if let e { row.append(Term(e, -extraShiftHours[w][t])) }
                rows.append(program.addConstraint("capacity(\(id),\(t))", row, .lessOrEqual(regularHours[w][t])))
            }
            centerRows.append(rows)
            overtime.append(overtimeColumns)
            extraShift.append(shiftColumns)
        }
    }

    private mutating func buildLaborPools() {
        let periods = scenario.horizon.periodCount
        let policy = scenario.policy
        let centers = scenario.workCenters.count
        var load = [[[Term]]](repeating: [[Term]](repeating: [], count: periods), count: scenario.laborPools.count)
        for (p, steps) in routing.enumerated() {
            for (k, step) in steps.enumerated() where step.laborHours > 0 {
                guard let pool = step.laborPool.flatMap({ laborPoolIndex[$0] }) else { continue }
                for t in 0..<periods { load[pool][loadPeriod[p][k][t]].append(Term(production[p][t], step.laborHours)) }
            }
        }
        for (l, pool) in scenario.laborPools.enumerated() {
            let id = Self.name(pool.id, l)
            let flexible = !fixedLabor && (pool.hireCost > 0 || pool.layoffCost > 0)
            // Whole workers are whole only in the whole plan (see `WholePlan`): the model
            // itself is the relaxation, with the headcount limits rounded inwards.
            let integer = flexible && policy.workforce == .integer
            let hoursPerWorker = (0..<periods).map { pool.headcount > 0 ? regularHours[centers + l][$0] / pool.headcount : 0 }
            var rows: [ConstraintID?] = []
            var workers: [VariableID?] = [], hired: [VariableID?] = [], laidOff: [VariableID?] = [], extra: [VariableID?] = []
            for t in 0..<periods {
                let terms = Self.merged(load[l][t])
                if flexible {
                    let lower = integer ? pool.minHeadcount.rounded(.up) : pool.minHeadcount
                    let upper = integer ? (pool.maxHeadcount?.rounded(.down) ?? .infinity) : (pool.maxHeadcount ?? .infinity)
                    let w = program.addVariable("workers(\(id),\(t))", lowerBound: lower, upperBound: upper,
                        objective: pool.wage * hoursPerWorker[t])
                    let h = program.addVariable("hire(\(id),\(t))", objective: pool.hireCost)
                    let f = program.addVariable("layoff(\(id),\(t))", objective: pool.layoffCost)
                    var flow = [Term(w, 1), Term(h, -1), Term(f, 1)]
                    if t > 0, let previous = workers[t - 1] { flow.append(Term(previous, -1)) }
                    staffRows.append(program.addConstraint("staff(\(id),\(t))", flow, .equal(t == 0 ? pool.headcount : 0)))
                    workers.append(w)
                    hired.append(h)
                    laidOff.append(f)
                    if integer { wholeWorkers.append((pool: l, period: t, workers: w, hires: h, layoffs: f)) }
                    let v = pool.overtimeHoursMax > 0 ? program.addVariable("laborovertime(\(id),\(t))", objective: pool.overtimeCost * policy.overtimeWeight) : nil
                    if let v, pool.overtimeHoursMax.isFinite {
                        program.addConstraint("overtimelimit(\(id),\(t))", [Term(v, 1), Term(w, -pool.overtimeHoursMax)], .lessOrEqual(0))
                    }
                    extra.append(v)
                    var row = terms
                    row.append(Term(w, -hoursPerWorker[t]))
                    if let v { row.append(Term(v, -1)) }
                    rows.append(terms.isEmpty ? nil : program.addConstraint("labor(\(id),\(t))", row, .lessOrEqual(0)))
                } else {
                    workers.append(nil)
                    hired.append(nil)
                    laidOff.append(nil)
                    let v = hours.offersOvertime[centers + l][t] && !terms.isEmpty
                        ? program.addVariable(
                            "laborovertime(\(id),\(t))", upperBound: overtimeHours[centers + l][t], objective: pool.overtimeCost * policy.overtimeWeight)
                        : nil
                    extra.append(v)
                    var row = terms
                    if let v { row.append(Term(v, -1)) }
                    rows.append(terms.isEmpty ? nil : program.addConstraint("labor(\(id),\(t))", row, .lessOrEqual(regularHours[centers + l][t])))
                }
            }
            laborRows.append(rows)
            workforce.append(workers)
            hires.append(hired)
            layoffs.append(laidOff)
            laborOvertime.append(extra)
        }
    }

    /// Hours the given products take from each resource in each period of a solution:
    /// `[resource][period]`, work centers first, then labor pools.
    func resourceLoad(of products: some Sequence<Int>, in solution: Solution) -> ResourceGrid {
        let periods = scenario.horizon.periodCount
        let centers = scenario.workCenters.count
        var load = ResourceGrid(resources: centers + scenario.laborPools.count, periods: periods)
        let wanted = Set(products)
        var split = Set<[Int]>()
        for entry in routingSplit where wanted.contains(entry.product) {
            split.insert([entry.product, entry.step])
            let hours = hoursPerUnit(routing[entry.product][entry.step], product: entry.product)
            load[entry.workCenter, loadPeriod[entry.product][entry.step][entry.period]] += hours * solution.planValue(entry.column)
        }
        addLoad(of: wanted.sorted(), to: &load, skipping: split, run: { solution.planValue(runs[$0][$1]) }) { solution.planValue(production[$0][$1]) }
        return load
    }

    /// The hours per resource and period that the frozen production of `products` takes on
    /// their primary work centers: what a family's product plan cannot do without.
    func frozenLoad(of products: [Int]) -> ResourceGrid {
        var load = ResourceGrid(resources: scenario.workCenters.count + scenario.laborPools.count, periods: scenario.horizon.periodCount)
        addLoad(of: products, to: &load, skipping: [], run: { _, _ in 1 }) { demand.frozen[$0][$1] }
        return load
    }

    /// Gives a model of fixed labor other hours: only the capacity rows' right-hand sides and
    /// the overtime and extra-shift columns' bounds change (the shape does not, see
    /// ``build()``), so a basis of the model before is one of this model too.
    mutating func setHours(_ new: ResourceHours) {
        precondition(fixedLabor, "a variable workforce's hours are coefficients, not bounds")
        hours = new
        let centers = scenario.workCenters.count
        for w in centerRows.indices {
            for t in centerRows[w].indices {
                if let row = centerRows[w][t] { program.constraints[row.index].bounds = .lessOrEqual(regularHours[w][t]) }
                if let o = overtime[w][t] { program.variables[o.index].upperBound = overtimeHours[w][t] }
                if let e = extraShift[w][t] { program.variables[e.index].upperBound = new.extraShiftLeft[w][t] }
            }
        }
        for l in laborRows.indices {
            for t in laborRows[l].indices {
                if let row = laborRows[l][t] { program.constraints[row.index].bounds = .lessOrEqual(regularHours[centers + l][t]) }
                if let v = laborOvertime[l][t] { program.variables[v.index].upperBound = overtimeHours[centers + l][t] }
            }
        }
    }

    /// The units a solution leaves short: demand unmet that may not go unmet, frozen
    /// production not made, ending inventory below target — what the plan reads back as
    /// unmet demand or contradictions.
    func shortfall(in solution: Solution) -> Double {
        scenario.products.indices.reduce(0) { $0 + shortfall(of: $1, in: solution) }
    }

    /// The units ``shortfall(in:)`` counts for product `p`.
    func shortfall(of p: Int, in solution: Solution) -> Double {
        let unmetCounts = !scenario.policy.lostSalesAllowed
        var short = solution.planValue(endingShortfall[p])
        for t in 0..<scenario.horizon.periodCount {
            short += solution.planValue(frozenShortfall[p][t])
            if unmetCounts { short += unmet[p].reduce(0) { $0 + solution.planValue($1[t]) } }
        }
        return short
    }

    /// The hours per resource and period of making each product's demand in its period.
    func demandLoad(of products: [Int]) -> ResourceGrid {
        var load = ResourceGrid(resources: scenario.workCenters.count + scenario.laborPools.count, periods: scenario.horizon.periodCount)
        addLoad(of: products, to: &load, skipping: [], run: { _, _ in 1 }) { demand.total(product: $0, period: $1) }
        return load
    }

    /// Adds the hours of making `made(product, period)` of each product, step by step, in
    /// product order (sums must not depend on a set's order), steps in `skipping` left out;
    /// a product that sets up per run adds `run(product, period)` setups where it makes any.
    private func addLoad(
        of products: [Int], to load: inout ResourceGrid, skipping split: Set<[Int]>, run: (Int, Int) -> Double, made: (Int, Int) -> Double
    ) {
        let centers = scenario.workCenters.count
        for p in products {
            for (k, step) in routing[p].enumerated() {
                for t in 0..<scenario.horizon.periodCount {
                    let quantity = made(p, t)
                    guard quantity > 0 else { continue }
                    let target = loadPeriod[p][k][t]
                    if let w = workCenterIndex[step.workCenter] {
                        if !split.contains([p, k]) { load[w, target] += hoursPerUnit(step, product: p) * quantity }
                        if setupsPerRun[p] { load[w, target] += setupHoursPerRun(step, product: p) * run(p, t) }
                    }
                    if let l = step.laborPool.flatMap({ laborPoolIndex[$0] }) { load[ResourceGrid.laborPool(l, centers: centers), target] += step.laborHours * quantity }
                }
            }
        }
    }

    /// What running work center `w`'s extra shift for a whole period costs.
    func extraShiftCost(_ w: Int) -> Double { scenario.workCenters[w].extraShiftCost ?? 0 }

    /// The largest cost a plan can weigh, so the penalty on unmet demand dominates them all.
    private func largestCostCoefficient() -> Double {
        var largest = 0.0
        for product in scenario.products {
            largest = max(largest, costs?.highestTotal(product) ?? product.unitCost, product.holdingCost, product.backlogCost * 4, product.lostSaleCost ?? 0, product.unitRevenue ?? 0, product.setupCost)
        }
        for offer in scenario.subcontractors { largest = max(largest, offer.unitCost) }
        for center in scenario.workCenters { largest = max(largest, center.overtimeCost, center.extraShiftCost ?? 0) }
        let days = scenario.horizon.meanPeriodDays
        for pool in scenario.laborPools {
            largest = max(largest, pool.hireCost, pool.layoffCost, pool.overtimeCost, pool.wage * pool.hoursPerDay * days)
        }
        let weights = scenario.policy
        return largest * max(1, weights.holdingWeight, weights.backlogWeight, weights.overtimeWeight, weights.subcontractWeight)
    }

    /// Sums the coefficients of repeated columns (a product with two steps on one center).
    static func merged(_ terms: [Term]) -> [Term] {
        var index: [VariableID: Int] = [:]
        var result: [Term] = []
        for term in terms {
            if let i = index[term.variable] { result[i].coefficient += term.coefficient }
            else {
                index[term.variable] = result.count
                result.append(term)
            }
        }
        return result
    }

    /// A name the model files can carry: the id if it is plain ASCII, else its position.
    static func name(_ id: String, _ index: Int) -> String {
        let bytes = Array(id.utf8)
        let plain = bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }
        // The LP format reads '-' as minus; '.' is allowed inside a name.
        return plain && !bytes.isEmpty && bytes.count < 40
            ? String(decoding: bytes.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: ".") : $0 }, as: UTF8.self) : "n\(index)"
    }

    /// Run hours per unit of a step, with its setup spread over the product's lot size (without
    /// a lot size its setups fall per run, see ``setupHoursPerRun(_:product:)``).
    func hoursPerUnit(_ step: RoutingStep, product: Int) -> Double {
        step.hoursPerUnit(setupSpreadOver: scenario.products[product].setupLot)
    }
}

/// Hours per resource and period that a plan may use: regular, overtime and one extra shift.
struct ResourceHours: Sendable {
    var regular: ResourceGrid
    var overtime: ResourceGrid
    /// A whole extra shift's hours.
    var extraShift: ResourceGrid
    /// The share of the extra shift still free to plan (1 unless others took part of it).
    var extraShiftLeft: ResourceGrid
    /// Whether the resource offers overtime in the period at all, however much of it others
    /// have taken: such a period keeps its overtime column (see `AggregatePlanModel`).
    let offersOvertime: [[Bool]]

    /// The hours of each resource per horizon period, from its daily capacity.
    init(_ scenario: Scenario) {
        let profiles = CapacityCalculator(scenario).profiles()
        let start = scenario.horizon.start
        let periods = scenario.horizon.periods
        func perPeriod(_ daily: [Double]) -> [Double] {
            periods.map { period in
                period.dayOffsets(from: start).reduce(0) { $0 + daily[$1] }
            }
        }
        regular = ResourceGrid(profiles.map { perPeriod($0.regular) })
        overtime = ResourceGrid(profiles.map { perPeriod($0.overtime) })
        extraShift = ResourceGrid(profiles.map { perPeriod($0.extraShift) })
        extraShiftLeft = ResourceGrid(profiles.map { _ in Array(repeating: 1, count: periods.count) })
        offersOvertime = overtime.values.map { $0.map { $0 > 0 } }
    }
}
