import TaktLP

/// Runs the capacity-aware split for the products that use it: one ``CapacitySplitModel``
/// item per product and unit, or per family and unit whose plan is then shared among the
/// family's products.
///
/// Why families first loses little: a family item loads each resource with its products'
/// hours weighted by their annual quantities, and each period's family supply is shared
/// among the products in exactly that mix (a bought unit saving its own product's hours), so
/// the family plan's load is the products' load: capacity is respected exactly and every
/// product keeps its annual quantity. What is given up is the freedom to change the mix
/// from period to period: products whose season differs from their family's carry more
/// stock or backlog than they would planned one by one. The README reports the measured gap.
struct CapacitySplit {
    let scenario: Scenario
    let year: PlanYear
    let solver: any Solver
    let options: DecompositionOptions

    /// Fills in `continuous` and `subcontracted` of the plans split by capacity; returns the
    /// subcontracting bought and the model solved.
    func run(_ plans: inout [ProductUnitPlan], fixedLoad: [[Double]], costScale: [Double]) throws(DecompositionError)
        -> (subcontracting: [SubcontractedQuantity], model: CapacityModel?)
    {
        let members = plans.indices.filter { plans[$0].method == .capacity }
        guard !members.isEmpty else { return ([], nil) }
        let productCount = Set(members.map { plans[$0].product }).count
        let model: CapacityModel = switch options.capacityModel {
        case .automatic: productCount <= options.exactProductLimit ? .products : .families
        case let chosen: chosen
        }

        // Items: one per plan, or one per family across its units.
        var groups: [[Int]] = []
        if model == .products {
            groups = members.map { [$0] }
        } else {
            var index: [String: Int] = [:]
            for k in members {
                let key = scenario.products[plans[k].product].family
                if let g = index[key] { groups[g].append(k) } else {
                    index[key] = groups.count
                    groups.append([k])
                }
            }
        }
        let periods = year.periods
        let days = Double(scenario.horizon.range.dayCount) / Double(max(1, scenario.horizon.periodCount))
        let policy = scenario.policy
        let offersByProduct = Dictionary(grouping: scenario.subcontractors, by: \.product)
        let start = year.calendar.year.start
        var offerOwner: [[(plan: Int, subcontractor: String)]] = []
        let items = groups.map { group -> CapacitySplitModel.Item in
            let quantity = group.reduce(0) { $0 + plans[$1].quantity }
            let weight = group.map { quantity > 0 ? plans[$0].quantity / quantity : 1 / Double(group.count) }
            var sales = [Double](repeating: 0, count: periods.count)
            var opening = 0.0, holding = 0.0, backlog = 0.0
            var load: [String: (resource: Int, hours: Double, offsetDays: Int)] = [:]
            var offers: [CapacitySplitModel.Offer] = []
            var owners: [(plan: Int, subcontractor: String)] = []
            for (k, w) in zip(group, weight) {
                let plan = plans[k]
                let product = scenario.products[plan.product]
                for t in periods.indices { sales[t] += year.sales[plan.product][t] * plan.share }
                opening += product.initialInventory * plan.share
                holding += w * product.holdingCost * policy.holdingWeight
                backlog += w * product.backlogCost * policy.backlogWeight
                for entry in plan.load(product) {
                    let key = "\(entry.resource),\(entry.offsetDays)"
                    load[key, default: (entry.resource, 0, entry.offsetDays)].hours += w * entry.hours
                }
                for offer in offersByProduct[product.id] ?? [] where plan.share > 0 {
                    let earliest = start.advanced(by: offer.leadTimeDays)
                    offers.append(CapacitySplitModel.Offer(
                        subcontractor: offer.id, product: product.id,
                        capacity: periods.map { $0.end.advanced(by: -1) < earliest ? 0 : (offer.capacity ?? .infinity) * plan.share * Double($0.range.dayCount) / days },
                        extraCost: (offer.unitCost - product.unitCost) * policy.subcontractWeight,
                        mixShare: quantity > 0 ? plan.quantity / quantity : 1, load: plan.load(product)))
                    owners.append((k, offer.id))
                }
            }
            offerOwner.append(owners)
            return CapacitySplitModel.Item(
                quantity: quantity, sales: sales, opening: opening, holdingCost: holding, backlogCost: backlog,
                load: load.keys.sorted().map { load[$0]! }, offers: offers)
        }

        let regular = zip(year.regular, fixedLoad).map { zip($0, $1).map { $0 - $1 } }
        let overtimeCost = year.overtimeCost.map { $0 * policy.overtimeWeight }
        var supply = items.map { _ in [Double](repeating: 0, count: periods.count) }
        var receipts = items.map { $0.offers.map { _ in [Double](repeating: 0, count: periods.count) } }
        func record(_ split: CapacitySplitModel, _ solution: Solution, _ committed: Range<Int>) {
            for i in items.indices {
                for t in committed {
                    let k = t - split.window.lowerBound
                    supply[i][t] += solution.planValue(split.supply[i][k])
                    for s in items[i].offers.indices { receipts[i][s][t] += solution.planValue(split.received[i][s][k]) }
                }
            }
        }

        let calendar = year.calendar
        if calendar.levels.last == .week {
            // A whole year of weeks is too big a model for GLPK (13 s for 20 families), so the
            // months are planned first, against each month's hours.
            let months = calendar.periods[2]
            let monthOf = calendar.parent[3]
            func perMonth(_ values: [Double]) -> [Double] {
                var result = [Double](repeating: 0, count: months.count)
                for t in values.indices { result[monthOf[t]] += values[t] }
                return result
            }
            let monthly = items.map { item in
                var copy = item
                copy.sales = perMonth(item.sales)
                copy.offers = item.offers.map { offer in
                    CapacitySplitModel.Offer(
                        subcontractor: offer.subcontractor, product: offer.product, capacity: perMonth(offer.capacity),
                        extraCost: offer.extraCost, mixShare: offer.mixShare, load: offer.load)
                }
                return copy
            }
            var top = CapacitySplitModel(
                items: monthly, periods: months, window: months.indices, regular: regular.map(perMonth),
                overtime: year.overtime.map(perMonth), overtimeCost: overtimeCost, costScale: months.map { Double($0.range.dayCount) / days })
            top.build()
            let topSolution = try solve(top.program)
            // Then a rolling window: each month's weeks with the next month's as a look-ahead,
            // the two months' quantity together fixed (plus what earlier windows made more or
            // less than the month plan), so that production can move across the month's end
            // and the load the next month's first weeks put on this one (lead-time offsets) is
            // seen. Only this month's weeks are kept; the last window makes the rest, so the
            // annual quantity holds exactly.
            var left = regular
            var window = items
            let weeksOf = months.indices.map { m in
                let weeks = periods.indices.filter { monthOf[$0] == m }
                return weeks.first!..<(weeks.last! + 1)
            }
            var carry = [Double](repeating: 0, count: items.count)
            for m in months.indices {
                let span = m...min(months.count - 1, m + 1)
                for i in items.indices {
                    let planned = span.reduce(0) { $0 + solutionSupply(top, topSolution, item: i, period: $1) }
                    window[i].quantity = max(0, planned + carry[i])
                }
                var split = CapacitySplitModel(
                    items: window, periods: periods, window: weeksOf[m].lowerBound..<weeksOf[span.upperBound].upperBound, regular: left, overtime: year.overtime,
                    overtimeCost: overtimeCost, costScale: costScale)
                split.build()
                let solution = try solve(split.program)
                record(split, solution, weeksOf[m])
                for (key, hours) in split.placedLoad(solution, of: weeksOf[m]) { left[key.resource][key.offset] -= hours }
                for i in items.indices {
                    let made = weeksOf[m].reduce(0) { $0 + solution.planValue(split.supply[i][$1 - split.window.lowerBound]) }
                    carry[i] += solutionSupply(top, topSolution, item: i, period: m) - made
                    window[i].opening += made - weeksOf[m].reduce(0) { $0 + items[i].sales[$1] }
                }
            }
        } else {
            var split = CapacitySplitModel(
                items: items, periods: periods, window: periods.indices, regular: regular, overtime: year.overtime,
                overtimeCost: overtimeCost, costScale: costScale)
            split.build()
            record(split, try solve(split.program), periods.indices)
        }

        var bought: [SubcontractedQuantity] = []
        for (i, group) in groups.enumerated() {
            for k in group { plans[k].subcontracted = Array(repeating: 0, count: periods.count) }
            for (s, owner) in offerOwner[i].enumerated() {
                for t in periods.indices where receipts[i][s][t] > 0 {
                    let quantity = receipts[i][s][t]
                    plans[owner.plan].subcontracted[t] += quantity
                    bought.append(SubcontractedQuantity(
                        subcontractor: owner.subcontractor, product: scenario.products[plans[owner.plan].product].id,
                        unit: plans[owner.plan].site.unit, period: periods[t].label, quantity: quantity,
                        extraCost: quantity * items[i].offers[s].extraCost))
                }
            }
            // Each period's supply is shared in proportion to the products' annual quantities,
            // the mix the family model's hours assume.
            let total = group.reduce(0) { $0 + plans[$1].quantity }
            for k in group {
                let share = group.count == 1 ? 1 : (total > 0 ? plans[k].quantity / total : 0)
                plans[k].continuous = supply[i].map { $0 * share }
            }
        }
        return (bought, model)
    }

    /// What item `i` supplies in period `t` of a solved model, made or bought.
    private func solutionSupply(_ split: CapacitySplitModel, _ solution: Solution, item i: Int, period t: Int) -> Double {
        let k = t - split.window.lowerBound
        return solution.planValue(split.supply[i][k])
    }

    private func solve(_ program: LinearProgram) throws(DecompositionError) -> Solution {
        let solution: Solution
        do { solution = try solver.solve(program, options: SolveOptions(timeLimit: options.timeLimit)) } catch {
            throw .solverStopped("\(error)")
        }
        guard solution.status.hasFeasibleSolution else { throw .solverStopped(solution.status.rawValue) }
        return solution
    }
}
