import TaktLP

/// Runs the capacity-aware split for the products that use it: one `CapacitySplitModel`
/// item per product and unit, or — families first — one item per family, then the family's
/// products.
///
/// Families first, as the planning standard plans (品种 before 规格):
/// 1. each family is one item whose hours per unit are its products' averages weighted by
///    their annual quantities (a unit bought saves its own product's hours); the family plan
///    decides how the capacity of every resource and period is shared among families;
/// 2. family by family, its products are split exactly, with the hours the other families
///    take: the family plan's for families still to come, the products' own for families
///    done. Each product keeps its annual quantity and meets its own sales as they come.
///    Families run on several threads, each a few monthly windows behind the one before it,
///    to the same result as one after another (``SplitLedger``).
///
/// What that gives up against one model of every product: the family plan assumes each
/// family's products are made in their annual mix, and the families split first choose
/// first among the hours the family plan left free. Measured (README): +1.6% on the sample
/// plant by month, but 2.1× the exact split's cost on 2,000 generated products by week,
/// whose families are labels over unrelated routings (1.5× with a second round,
/// ``DecompositionOptions/refinementRounds``).
struct CapacitySplit {
    let scenario: Scenario
    let year: PlanYear
    let solver: any Solver
    let options: DecompositionOptions

    /// Fills in `continuous` and `bought` of the plans split by capacity; returns the
    /// subcontracting bought and the model solved.
    func run(_ plans: inout [ProductUnitPlan], fixedLoad: ResourceGrid, costScale: [Double]) throws(DecompositionError)
        -> (subcontracting: [SubcontractedQuantity], model: CapacityModel?)
    {
        let members = plans.indices.filter { plans[$0].method == .capacity }
        guard !members.isEmpty else { return ([], nil) }
        let model: CapacityModel = switch options.capacityModel {
        case .automatic: members.count * year.periods.count <= options.exactSizeLimit ? .products : .families
        case let chosen: chosen
        }
        let regular = year.regular - fixedLoad
        var bought: [SubcontractedQuantity] = []
        // What a unit bought saves: its cost made in-house, materials from the bill where the
        // policy says so.
        let unitCosts = ProductCosts(scenario)
        func item(of group: [Int], _ plans: [ProductUnitPlan]) -> (item: CapacitySplitModel.Item, owners: [Int]) {
            self.item(of: group, plans, costs: unitCosts)
        }

        guard model == .families else {
            let items = members.map { item(of: [$0], plans) }
            let (supply, receipts) = try split(items.map(\.item), hours: SplitHours(alone: regular), costScale: costScale)
            for (i, k) in members.enumerated() { assign(k, &plans, supply[i], receipts[i], items[i], &bought) }
            return (bought, model)
        }

        var families: [[Int]] = []
        var index: [String: Int] = [:]
        for k in members {
            let key = scenario.products[plans[k].product].family
            if let f = index[key] { families[f].append(k) } else {
                index[key] = families.count
                families.append([k])
            }
        }
        let familyItems = families.map { item(of: $0, plans).item }
        let (familySupply, familyReceipts) = try split(familyItems, hours: SplitHours(alone: regular), costScale: costScale)
        let reserved = familyItems.indices.map { load(of: familyItems[$0], supply: familySupply[$0], receipts: familyReceipts[$0]) }
        // Family by family, its products may use what the family plan kept for it and what the
        // families before it left; the families to come keep theirs. Families run on two
        // threads, each a few windows behind the one before it (see ``SplitLedger``).
        let items = families.map { $0.map { item(of: [$0], plans) } }
        // Each further round splits every family again with the families after it holding
        // what they last took instead of the family plan's reserve (see DecompositionOptions).
        var reserve = reserved
        var splits: [(supply: [[Double]], receipts: [[[Double]]])] = []
        for _ in 0...options.refinementRounds {
            let ledger = SplitLedger(regular: regular, reserved: reserve)
            splits = try ledger.run(workers: options.threads) { f, hours throws(DecompositionError) in
                try split(items[f].map(\.item), hours: hours, costScale: costScale)
            }
            reserve = ledger.placed
        }
        for (f, group) in families.enumerated() {
            for (i, k) in group.enumerated() { assign(k, &plans, splits[f].supply[i], splits[f].receipts[i], items[f][i], &bought) }
        }
        return (bought, model)
    }

    // MARK: Items

    /// The item of some product-unit plans: their sales, stock and offers summed, their costs
    /// and hours averaged by annual quantity. Returns the plan each offer belongs to.
    private func item(of group: [Int], _ plans: [ProductUnitPlan], costs: ProductCosts) -> (item: CapacitySplitModel.Item, owners: [Int]) {
        let periods = year.periods
        let days = scenario.horizon.meanPeriodDays
        let policy = scenario.policy
        let start = year.calendar.year.start
        let quantity = group.reduce(0) { $0 + plans[$1].quantity }
        let weight = group.map { quantity > 0 ? plans[$0].quantity / quantity : 1 / Double(group.count) }
        var sales = [Double](repeating: 0, count: periods.count)
        var opening = 0.0, holding = 0.0, backlog = 0.0
        var load: [String: (resource: Int, hours: Double, offsetDays: Int)] = [:]
        var offers: [CapacitySplitModel.Offer] = []
        var owners: [Int] = []
        for (k, w) in zip(group, weight) {
            let plan = plans[k]
            let product = scenario.products[plan.product]
            for t in periods.indices { sales[t] += year.sales[plan.product][t] * plan.share }
            opening += product.initialInventory * plan.share
            holding += w * product.holdingCost * policy.holdingWeight
            backlog += w * product.backlogCost * policy.backlogWeight
            for entry in plan.load(product) {
                load["\(entry.resource),\(entry.offsetDays)", default: (entry.resource, 0, entry.offsetDays)].hours += w * entry.hours
            }
            for offer in scenario.subcontractors where offer.product == product.id && plan.share > 0 {
                offers.append(CapacitySplitModel.Offer(
                    subcontractor: offer.id, product: product.id,
                    capacity: periods.map {
                        !offer.delivers(toPeriodStarting: $0.range.start, horizonStart: start)
                            ? 0 : (offer.capacity ?? .infinity) * plan.share * Double($0.range.dayCount) / days
                    },
                    extraCost: (offer.unitCost - costs.meanTotal(product)) * policy.subcontractWeight,
                    mixShare: quantity > 0 ? plan.quantity / quantity : 1, load: plan.load(product)))
                owners.append(k)
            }
        }
        return (CapacitySplitModel.Item(
            quantity: quantity, sales: sales, opening: opening, holdingCost: holding, backlogCost: backlog,
            load: load.keys.sorted().map { load[$0]! }, offers: offers), owners)
    }

    /// Records a product-unit plan's split and its purchases.
    private func assign(
        _ k: Int, _ plans: inout [ProductUnitPlan], _ supply: [Double], _ receipts: [[Double]],
        _ item: (item: CapacitySplitModel.Item, owners: [Int]), _ bought: inout [SubcontractedQuantity]
    ) {
        let periods = year.periods
        let step = options.rounding.receiptStep(for: scenario.products[plans[k].product])
        plans[k].continuous = supply
        plans[k].bought = Array(repeating: 0, count: periods.count)
        let inHouse = periods.indices.map { t in supply[t] - receipts.reduce(0) { $0 + $1[t] } }
        // What is bought is whole; the plan's rounded lines include it, and its evaluation
        // loads the workshop with the rest.
        for (s, offer) in item.item.offers.enumerated() {
            let whole = Self.wholeReceipts(receipts[s], step: step, inHouse: inHouse)
            for t in periods.indices where whole[t] > 0 {
                plans[k].bought[t] += whole[t]
                bought.append(SubcontractedQuantity(
                    subcontractor: offer.subcontractor, product: offer.product, unit: plans[k].site.unit, period: periods[t].label,
                    quantity: whole[t], extraCost: whole[t] * offer.extraCost))
            }
        }
    }

    /// Receipts in whole steps (units): each period's receipt is its split value rounded down or
    /// up, whichever keeps the running total nearest the split's, so the year buys what the
    /// split bought within half a step. Where the split makes less than a step in-house, the
    /// receipt is rounded up, so that a period the workshop cannot work in gets no work.
    /// A subcontractor's capacity per finest period is pro-rated from its period's, so a
    /// receipt may pass it by less than a step.
    static func wholeReceipts(_ receipts: [Double], step: Double, inHouse: [Double]) -> [Double] {
        guard step > 0 else { return receipts }
        var wanted = 0.0, placed = 0.0
        return receipts.indices.map { t in
            wanted += receipts[t]
            let low = (receipts[t] / step + 1e-9).rounded(.down) * step
            let high = (receipts[t] / step - 1e-9).rounded(.up) * step
            let receipt = inHouse[t] < step || abs(placed + high - wanted) < abs(placed + low - wanted) ? high : low
            placed += receipt
            return receipt
        }
    }

    // MARK: Hours

    /// The hours an item's split puts on each resource and period.
    private func load(of item: CapacitySplitModel.Item, supply: [Double], receipts: [[Double]]) -> ResourceGrid {
        var result = ResourceGrid.zero(like: year.regular)
        CapacitySplitModel.addLoad(item.load, quantities: supply, periods: year.periods, to: &result)
        for (offer, bought) in zip(item.offers, receipts) {
            CapacitySplitModel.addLoad(offer.load, quantities: bought, factor: -1, periods: year.periods, to: &result)
        }
        return result
    }

    // MARK: Solving

    /// Splits items over the finest periods within `hours` (regular hours less what others
    /// take, possibly below zero where they already need overtime): supply and receipts per item.
    private func split(_ items: [CapacitySplitModel.Item], hours: SplitHours, costScale: [Double]) throws(DecompositionError)
        -> (supply: [[Double]], receipts: [[[Double]]])
    {
        let periods = year.periods
        let overtimeCost = year.overtimeCost.map { $0 * scenario.policy.overtimeWeight }
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

        func model(_ regular: ResourceGrid) -> CapacitySplitModel {
            var whole = CapacitySplitModel(
                items: items, periods: periods, window: periods.indices, regular: regular, overtime: year.overtime,
                overtimeCost: overtimeCost, costScale: costScale)
            whole.build()
            return whole
        }
        // A year of weeks is sized before its hours are final (waiting for them would hold back
        // a family's windows until the family before it is done); other years need no sizing.
        let calendar = year.calendar
        let sized = calendar.levels.last == .week ? model(hours.base) : nil
        guard let sized, sized.program.nonZeroCount > options.wholeYearNonZeros else {
            // The whole year reads every period's hours: they must be final.
            let left = try hours.left(through: periods.count - 1)
            let whole = sized.flatMap { left == hours.base ? $0 : nil } ?? model(left)
            let solution = try solve(whole.program)
            record(whole, solution, periods.indices)
            hours.place(whole.placedLoad(solution, of: periods.indices), settledBefore: .max)
            return (supply, receipts)
        }

        // A whole year of weeks is too big a model for GLPK (13 s for 20 families: 77,000
        // non-zeros), so the months are planned first, against each month's hours.
        let months = calendar.periods[2]
        let monthOf = calendar.parent[3]
        let byLevel = TopDownSplit(calendar: calendar)
        func perMonth(_ values: [Double]) -> [Double] { byLevel.sums(values, at: 2) }
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
        let days = scenario.horizon.meanPeriodDays
        var top = CapacitySplitModel(
            items: monthly, periods: months, window: months.indices, regular: try hours.monthly(perMonth),
            overtime: year.overtime.mapRows(perMonth), overtimeCost: overtimeCost, costScale: months.map { Double($0.range.dayCount) / days })
        top.build()
        let topSolution = try solve(top.program)
        var topLoad = ResourceGrid.zero(like: top.regular)
        for (key, hours) in top.placedLoad(topSolution, of: months.indices) { topLoad[key.resource][key.offset] += hours }
        hours.placeMonthly(topLoad)
        func planned(_ i: Int, _ m: Int) -> Double { topSolution.planValue(top.supply[i][m]) }

        // Then a rolling window: each month's weeks with the next month's as a look-ahead, the
        // two months' quantity together fixed (plus what earlier windows made more or less than
        // the month plan), so that production can move across the month's end and the load the
        // next month's first weeks put on this one (lead-time offsets) is seen. Only this
        // month's weeks are kept; the last window makes the rest, so the total holds exactly.
        var window = items
        let weeksOf = months.indices.map { m in
            let weeks = periods.indices.filter { monthOf[$0] == m }
            return weeks.first!..<(weeks.last! + 1)
        }
        // A month's committed weeks place load from its first week back by the longest
        // lead-time offset; nothing of this split lands earlier once the months before are done.
        let longestOffset = items.flatMap { $0.load.map(\.offsetDays) + $0.offers.flatMap { $0.load.map(\.offsetDays) } }.max() ?? 0
        var carry = [Double](repeating: 0, count: items.count)
        for m in months.indices {
            let span = m...min(months.count - 1, m + 1)
            for i in items.indices { window[i].quantity = max(0, span.reduce(0) { $0 + planned(i, $1) } + carry[i]) }
            let weeks = weeksOf[m].lowerBound..<weeksOf[span.upperBound].upperBound
            var split = CapacitySplitModel(
                items: window, periods: periods, window: weeks, regular: try hours.left(through: weeks.upperBound - 1),
                overtime: year.overtime, overtimeCost: overtimeCost, costScale: costScale)
            split.build()
            let solution = try solve(split.program)
            record(split, solution, weeksOf[m])
            let settled = m + 1 < months.count
                ? periods.loadPeriod(weeksOf[m + 1].lowerBound, offsetDays: longestOffset) : Int.max
            hours.place(split.placedLoad(solution, of: weeksOf[m]), settledBefore: settled)
            for i in items.indices {
                let made = weeksOf[m].reduce(0) { $0 + supply[i][$1] }
                carry[i] += planned(i, m) - made
                window[i].opening += made - weeksOf[m].reduce(0) { $0 + items[i].sales[$1] }
            }
        }
        return (supply, receipts)
    }

    /// Without GLPK's presolver: on these models it took longer than it saved (a 200-product
    /// year of weeks: 7.5 s without, 17 s with). From a crash basis rather than all slacks:
    /// 2,000 products by week took 5 s instead of 16 s, to the same costs.
    private func solve(_ program: LinearProgram) throws(DecompositionError) -> Solution {
        try CapacitySplitModel.solve(program, with: solver, deadline: options.deadline, presolve: false, crashBasis: true)
    }
}
