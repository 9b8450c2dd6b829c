import TaktLP

/// The capacity-aware split of a quantity over a window of periods, as a linear program: the
/// whole year, or one month's weeks once the months are planned.
///
/// Indices: item i (a product in one production unit, or a family), period t of the window,
/// resource r (work center or labor pool), subcontract offer s of item i. Data: the item's
/// quantity Q[i] for the window and sales d[i,t]; opening stock less backlog P[i]; hours
/// a[i,r,k] per unit of load entry k whose lead-time offset puts production of period t on r
/// in period τ(k,t), which may lie before the window; regular hours R[r,t] left by the items
/// split by other methods and by earlier windows, below zero where they already work into
/// overtime; overtime limit O[r,t], of which O[r,t] − max(0, −R[r,t]) is left;
/// offer capacity Y[s,t]; m[s], the share of item i's quantity that is offer s's product, and
/// h[s,r,k] that product's own hours.
///
/// Variables, all ≥ 0: supply x[i,t] (made or bought); bought y[s,t] ≤ Y[s,t]; stock
/// I[i,t]; backlog B[i,t]; overtime o[r,t] ≤ O[r,t] − max(0, −R[r,t]); overload u[r,t].
///
///     min  Σ holding·I + backlog·B + overtimeCost·o + (offerCost − c)·y + M·u
///     s.t. Σt x[i,t] = Q[i]                                              (the parent total)
///          I[i,t−1] − B[i,t−1] + x[i,t] − I[i,t] + B[i,t] = d[i,t]   (I − B before = P)
///          y[s,t] ≤ m[s]·x[i,t]
///          Σ a[i,r,k]·x[i,t'] − Σs h[s,r,k]·y[s,t'] over τ(k,t') = t  − o[r,t] − u[r,t] ≤ max(0, R[r,t])
///
/// Each period's supply of a family is shared among its products in proportion to their
/// annual quantities (m), so its hours are the family's average a; a unit bought saves its
/// own product's hours h, not the average. That makes the family model's load exactly the
/// load of its products' plans. For an item of one product, a = h and m = 1. c is the cost
/// of a unit made in-house (see `ProductCosts`): what buying it saves.
///
/// The quantities are fixed, so the model only moves production between periods and out to
/// subcontractors; overload u is priced at M (1,000 × the largest other cost) and is non-zero
/// only where the total cannot fit: the result reports it as the hours missing per resource
/// and period instead of failing. Bought columns touch only their own product's rows, which
/// keeps a family model sparse. The size is items × periods, never orders, and never
/// products when items are families.
struct CapacitySplitModel {
    struct Offer {
        let subcontractor: String
        let product: String
        /// Units it can deliver per period (of `periods`).
        let capacity: [Double]
        let extraCost: Double
        /// The offer's product's share of its item's quantity; each period the item's supply
        /// is shared in that proportion, and what is bought cannot exceed the product's part.
        let mixShare: Double
        /// Hours per unit the product takes, with lead-time offsets: bought, they are not
        /// spent, while the item's average hours are.
        let load: [(resource: Int, hours: Double, offsetDays: Int)]
    }

    struct Item {
        /// What the window must supply in all.
        var quantity: Double
        /// Per period (of `periods`).
        var sales: [Double]
        /// Stock less backlog before the window.
        var opening: Double
        let holdingCost: Double
        let backlogCost: Double
        /// (resource, hours per unit, lead-time offset in days).
        let load: [(resource: Int, hours: Double, offsetDays: Int)]
        var offers: [Offer]
    }

    /// A resource and a lead-time offset, or (once merged) a resource and a period.
    struct Key: Hashable, Comparable {
        let resource: Int
        let offset: Int
        init(_ resource: Int, _ offset: Int) {
            self.resource = resource
            self.offset = offset
        }
        static func < (a: Key, b: Key) -> Bool { (a.resource, a.offset) < (b.resource, b.offset) }
    }

    let items: [Item]
    let periods: [Period]
    /// The periods decided: production in them, load in them and in the ones before.
    let window: Range<Int>
    let regular: ResourceGrid
    let overtime: ResourceGrid
    let overtimeCost: [Double]
    /// Holding and backlog costs are per horizon period; a period costs this share of one.
    let costScale: [Double]

    var program = LinearProgram(name: "capacity_split")
    /// Supply per item, per period of the window.
    var supply: [[VariableID]] = []
    var received: [[[VariableID]]] = []
    /// Load rows' terms of production and purchases, per resource and period.
    var loadTerms: [Key: [Term]] = [:]
    var overloadColumns: [Key: VariableID] = [:]

    init(
        items: [Item], periods: [Period], window: Range<Int>, regular: ResourceGrid, overtime: ResourceGrid, overtimeCost: [Double],
        costScale: [Double]
    ) {
        self.items = items
        self.periods = periods
        self.window = window
        self.regular = regular
        self.overtime = overtime
        self.overtimeCost = overtimeCost
        self.costScale = costScale
    }

    /// Adds `factor × quantities[t] × hours` of each load entry to `load[resource][period]`,
    /// in the period the entry's lead-time offset puts it.
    static func addLoad(
        _ entries: [(resource: Int, hours: Double, offsetDays: Int)], quantities: [Double], factor: Double = 1, periods: [Period],
        to load: inout ResourceGrid
    ) {
        for t in periods.indices where quantities[t] > 0 {
            for entry in entries {
                load[entry.resource][periods.loadPeriod(t, offsetDays: entry.offsetDays)] += factor * quantities[t] * entry.hours
            }
        }
    }

    /// Solves a split model (or the units' balancing model); a solver that stops without a
    /// plan is an error naming why.
    static func solve(_ program: LinearProgram, with solver: any Solver, deadline: Deadline?, presolve: Bool, crashBasis: Bool = false)
        throws(DecompositionError) -> Solution
    {
        try solver.feasibleSolution(program, options: SolveOptions(presolve: presolve, crashBasis: crashBasis, deadline: deadline), failing: DecompositionError.self)
    }

    mutating func build() {
        let span = Array(window)
        var largest = 1.0
        for item in items { largest = max(largest, item.holdingCost, item.backlogCost, item.offers.map { abs($0.extraCost) }.max() ?? 0) }
        largest = max(largest, overtimeCost.max() ?? 0)
        let penalty = unmetPenalty(largestCost: largest)

        // Load rows' terms by resource and period: an array, not a dictionary keyed by both,
        // which with a dictionary per column and period to merge was a fifth of the time of
        // decomposing 2,000 products by week.
        var rowTerms = regular.values.map { $0.map { _ in [Term]() } }
        for (i, item) in items.enumerated() {
            let x = span.map { program.addVariable("x(\(i),\($0))") }
            supply.append(x)
            let y = item.offers.enumerated().map { s, offer in
                span.map { t in program.addVariable("y(\(i),\(s),\(t))", upperBound: max(0, offer.capacity[t]), objective: offer.extraCost) }
            }
            received.append(y)
            let stock = span.map { program.addVariable("I(\(i),\($0))", objective: item.holdingCost * costScale[$0]) }
            let late = span.map { program.addVariable("B(\(i),\($0))", objective: item.backlogCost * costScale[$0]) }
            program.addConstraint("total(\(i))", x.map { Term($0, 1) }, .equal(item.quantity))
            for (k, t) in span.enumerated() {
                var terms = [Term(x[k], 1), Term(stock[k], -1), Term(late[k], 1)]
                if k > 0 { terms += [Term(stock[k - 1], 1), Term(late[k - 1], -1)] }
                program.addConstraint("flow(\(i),\(t))", terms, .equal(item.sales[t] - (k == 0 ? item.opening : 0)))
                for (s, offer) in item.offers.enumerated() {
                    program.addConstraint("mix(\(i),\(s),\(t))", [Term(y[s][k], 1), Term(x[k], -offer.mixShare)], .lessOrEqual(0))
                }
            }
            // Hours per unit of each column, merged per resource and lead-time offset.
            var average: [Key: Double] = [:]
            for entry in item.load where entry.hours > 0 { average[Key(entry.resource, entry.offsetDays), default: 0] += entry.hours }
            let columnHours: [(columns: [VariableID], hours: [Key: Double])] = [(x, average)] + zip(y, item.offers).map { column, offer in
                var saved: [Key: Double] = [:]
                for entry in offer.load where entry.hours > 0 { saved[Key(entry.resource, entry.offsetDays), default: 0] -= entry.hours }
                return (column, saved)
            }
            for (columns, hours) in columnHours {
                // Walked in key order: sums in a fixed order give the same coefficients every run.
                let entries = hours.sorted { $0.key < $1.key }
                for (k, t) in span.enumerated() {
                    // Entries of one resource that land in the same period are merged; in key
                    // order they are next to each other (a longer offset, an earlier period).
                    var merged: (resource: Int, period: Int, hours: Double)?
                    func flush() {
                        if let merged, abs(merged.hours) > 1e-12 { rowTerms[merged.resource][merged.period].append(Term(columns[k], merged.hours)) }
                    }
                    for (key, h) in entries where abs(h) > 1e-12 {
                        let period = periods.loadPeriod(t, offsetDays: key.offset)
                        if let current = merged, current.resource == key.resource, current.period == period {
                            merged!.hours += h
                        } else {
                            flush()
                            merged = (key.resource, period, h)
                        }
                    }
                    flush()
                }
            }
        }
        for r in rowTerms.indices {
            for t in rowTerms[r].indices where !rowTerms[r][t].isEmpty {
                buildLoadRow(Key(r, t), rowTerms[r][t], penalty: penalty)
            }
        }
    }

    /// The load row of resource and period `key`, with its overtime and overload columns.
    private mutating func buildLoadRow(_ key: Key, _ placed: [Term], penalty: Double) {
        loadTerms[key] = placed
        let (r, t) = (key.resource, key.offset)
        // Terms in column order: the same input must give GLPK the same model.
        var terms = placed.sorted { $0.variable.index < $1.variable.index }
        // Regular hours below zero mean others already work into overtime: what they took
        // beyond regular time comes off the overtime, and no regular hours are left (the
        // right-hand side once kept the negative too, counting that overtime twice).
        // Overtime left by cancellation (hours minus the same hours) is rounding noise, not
        // hours: a column bounded at 1e-16 h makes the row too badly scaled for GLPK.
        let overtimeLeft = max(0, overtime[r][t] + min(0, regular[r][t]))
        if overtimeLeft > 1e-6 {
            terms.append(Term(program.addVariable("o(\(r),\(t))", upperBound: overtimeLeft, objective: overtimeCost[r]), -1))
        }
        let u = program.addVariable("u(\(r),\(t))", objective: penalty)
        overloadColumns[key] = u
        terms.append(Term(u, -1))
        program.addConstraint("cap(\(r),\(t))", terms, .lessOrEqual(max(0, regular[r][t])))
    }

    /// Hours the solution's production and purchases in `periods` place on each resource and period.
    func placedLoad(_ solution: Solution, of periods: Range<Int>) -> [Key: Double] {
        var columns = Set<Int>()
        for (i, x) in supply.enumerated() {
            for t in periods {
                let k = t - window.lowerBound
                columns.insert(x[k].index)
                for y in received[i] { columns.insert(y[k].index) }
            }
        }
        return loadTerms.mapValues { terms in
            terms.reduce(0) { columns.contains($1.variable.index) ? $0 + $1.coefficient * solution[$1.variable] : $0 }
        }
    }
}
