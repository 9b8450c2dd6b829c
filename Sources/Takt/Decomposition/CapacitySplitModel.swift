import TaktLP

/// The capacity-aware split of annual quantities over the finest periods, as a linear program.
///
/// Indices: item i (a product, or a family, in one production unit), finest period t,
/// resource r (work center or labor pool), subcontract offer s of item i. Data: the item's
/// annual quantity Q[i] and sales d[i,t]; opening stock I₀[i]; hours a[i,r,k] per unit of
/// load entry k whose lead-time offset puts production of period t on r in period τ(k,t);
/// regular hours R[r,t] left by the items split by other methods; overtime limit O[r,t];
/// offer capacity Y[s,t]; m[s], the share of item i's quantity that is offer s's product, and
/// h[s,r,k] that product's own hours.
///
/// Variables, all ≥ 0: production x[i,t]; subcontracted receipts y[s,t] ≤ Y[s,t]; stock
/// I[i,t]; backlog B[i,t]; overtime o[r,t] ≤ O[r,t]; overload u[r,t].
///
///     min  Σ holding·I + backlog·B + overtimeCost·o + (offerCost − unitCost)·y + M·u
///     s.t. Σt (x[i,t] + Σs y[s,t]) = Q[i]                                     (the parent total)
///          I[i,t−1] − B[i,t−1] + x[i,t] + Σs y[s,t] − I[i,t] + B[i,t] = d[i,t]   (I₀, B₀ given)
///          Σ a[i,r,k]·(x[i,t'] + Σs y[s,t']) − Σs h[s,r,k]·y[s,t'] over τ(k,t') = t  − o[r,t] − u[r,t] ≤ R[r,t]
///          y[s,t] ≤ m[s]·(x[i,t] + Σs' y[s',t])                              (when m[s] < 1)
///
/// Each period's supply x + Σy of a family is shared among its products in proportion to
/// their annual quantities; a unit bought from a subcontractor then saves its own product's
/// hours, not the family's average. That makes the family model's load exactly the load
/// of its products' plans. For an item of one product, a = h and m = 1: in-house hours only.
///
/// The annual total is fixed, so the model only moves production between periods and out to
/// subcontractors; overload u is priced at M (1,000 × the largest other cost) and is non-zero
/// only where the total cannot fit: the result reports it as the hours missing per resource
/// and period instead of failing. The size is items × periods, never orders or products
/// when items are families.
struct CapacitySplitModel {
    struct Offer {
        let subcontractor: String
        let product: String
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
        let quantity: Double
        let sales: [Double]
        let opening: Double
        let holdingCost: Double
        let backlogCost: Double
        /// (resource, hours per unit, lead-time offset in days).
        let load: [(resource: Int, hours: Double, offsetDays: Int)]
        let offers: [Offer]
    }

    let items: [Item]
    let periods: [Period]
    let regular: [[Double]]
    let overtime: [[Double]]
    let overtimeCost: [Double]
    /// Holding and backlog costs are per horizon period; a finest period costs this share of one.
    let costScale: [Double]

    var program = LinearProgram(name: "capacity_split")
    var production: [[VariableID]] = []
    var received: [[[VariableID]]] = []
    var overtimeColumns: [[VariableID?]] = []
    var overloadColumns: [[VariableID?]] = []

    init(items: [Item], periods: [Period], regular: [[Double]], overtime: [[Double]], overtimeCost: [Double], costScale: [Double]) {
        self.costScale = costScale
        self.items = items
        self.periods = periods
        self.regular = regular
        self.overtime = overtime
        self.overtimeCost = overtimeCost
    }

    /// The finest period that production completed in period `t` loads, `offsetDays` earlier.
    static func loadPeriod(_ periods: [Period], _ t: Int, offsetDays: Int) -> Int {
        let day = periods[t].end.advanced(by: -1 - offsetDays)
        var k = t
        while k > 0 && day < periods[k].start { k -= 1 }
        return k
    }

    /// A resource and a lead-time offset (or, merged, a target period).
    struct Key: Hashable {
        let resource: Int
        let offset: Int
        init(_ resource: Int, _ offset: Int) {
            self.resource = resource
            self.offset = offset
        }
    }

    mutating func build() {
        let count = periods.count
        var largest = 1.0
        for item in items { largest = max(largest, item.holdingCost, item.backlogCost, item.offers.map { abs($0.extraCost) }.max() ?? 0) }
        largest = max(largest, overtimeCost.max() ?? 0)
        let penalty = 1000 * largest

        var rowTerms = [[[Term]]](repeating: [[Term]](repeating: [], count: count), count: regular.count)
        for (i, item) in items.enumerated() {
            let x = (0..<count).map { program.addVariable("x(\(i),\($0))") }
            production.append(x)
            let y = item.offers.enumerated().map { s, offer in
                (0..<count).map { t in program.addVariable("y(\(i),\(s),\(t))", upperBound: max(0, offer.capacity[t]), objective: offer.extraCost) }
            }
            received.append(y)
            let stock = (0..<count).map { program.addVariable("I(\(i),\($0))", objective: item.holdingCost * costScale[$0]) }
            let late = (0..<count).map { program.addVariable("B(\(i),\($0))", objective: item.backlogCost * costScale[$0]) }
            var total = x.map { Term($0, 1) }
            for column in y { total += column.map { Term($0, 1) } }
            program.addConstraint("total(\(i))", total, .equal(item.quantity))
            for t in 0..<count {
                var terms = [Term(x[t], 1), Term(stock[t], -1), Term(late[t], 1)] + y.map { Term($0[t], 1) }
                if t > 0 { terms += [Term(stock[t - 1], 1), Term(late[t - 1], -1)] }
                program.addConstraint("flow(\(i),\(t))", terms, .equal(item.sales[t] - (t == 0 ? item.opening : 0)))
            }
            for t in 0..<count {
                for (s, offer) in item.offers.enumerated() where offer.mixShare < 1 - 1e-12 {
                    var terms = [Term(x[t], -offer.mixShare)]
                    for (s2, column) in y.enumerated() { terms.append(Term(column[t], s2 == s ? 1 - offer.mixShare : -offer.mixShare)) }
                    program.addConstraint("mix(\(i),\(s),\(t))", terms, .lessOrEqual(0))
                }
            }
            // Hours per unit of each column, merged per resource and lead-time offset.
            var average: [Key: Double] = [:]
            for entry in item.load where entry.hours > 0 { average[Key(entry.resource, entry.offsetDays), default: 0] += entry.hours }
            let columnHours: [(columns: [VariableID], hours: [Key: Double])] = [(x, average)] + zip(y, item.offers).map { column, offer in
                var saved = average
                for entry in offer.load where entry.hours > 0 { saved[Key(entry.resource, entry.offsetDays), default: 0] -= entry.hours }
                return (column, saved)
            }
            for (columns, hours) in columnHours {
                for t in 0..<count {
                    var merged: [Key: Double] = [:]
                    for (key, h) in hours where abs(h) > 1e-12 {
                        merged[Key(key.resource, Self.loadPeriod(periods, t, offsetDays: key.offset)), default: 0] += h
                    }
                    for (key, h) in merged where abs(h) > 1e-12 { rowTerms[key.resource][key.offset].append(Term(columns[t], h)) }
                }
            }
        }
        overtimeColumns = Array(repeating: Array(repeating: nil, count: count), count: regular.count)
        overloadColumns = overtimeColumns
        for r in regular.indices {
            for t in 0..<count where !rowTerms[r][t].isEmpty {
                var terms = rowTerms[r][t].sorted { $0.variable.index < $1.variable.index }
                if overtime[r][t] > 0 {
                    let o = program.addVariable("o(\(r),\(t))", upperBound: overtime[r][t], objective: overtimeCost[r])
                    overtimeColumns[r][t] = o
                    terms.append(Term(o, -1))
                }
                let u = program.addVariable("u(\(r),\(t))", objective: penalty)
                overloadColumns[r][t] = u
                terms.append(Term(u, -1))
                program.addConstraint("cap(\(r),\(t))", terms, .lessOrEqual(regular[r][t]))
            }
        }
    }
}
