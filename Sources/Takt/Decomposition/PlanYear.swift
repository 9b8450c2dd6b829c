/// The plan year's data per finest period: sales per product, hours per resource, working
/// days per unit.
struct PlanYear {
    let calendar: PlanCalendar
    /// The scenario over the plan year (twelve monthly periods), for capacity and load tables.
    let scenario: Scenario
    let periods: [Period]
    /// Sales per product and finest period: the sales plan, or the open orders of products
    /// without one.
    let sales: [[Double]]
    let regular: ResourceGrid
    let overtime: ResourceGrid
    let overtimeCost: [Double]
    let resources: [Resource]
    /// Working days per finest period of each unit's calendar.
    let workingDays: [String: [Double]]

    init(_ original: Scenario, to finest: PlanLevel) {
        let horizon = original.horizon
        calendar = PlanCalendar(start: horizon.start, fiscalYearStartMonth: horizon.fiscalYearStartMonth, to: finest)
        var year = original
        year.horizon = Horizon(
            start: horizon.start, periodLength: .month, periodCount: 12, fiscalYearStartMonth: horizon.fiscalYearStartMonth,
            workingDaysPerPeriod: horizon.periodLength == .month ? horizon.workingDaysPerPeriod : nil)
        scenario = year
        let finest = calendar.finest
        periods = finest
        let range = calendar.year
        var periodOfDay = [Int](repeating: 0, count: range.dayCount)
        for period in finest { for offset in period.dayOffsets(from: range.start) { periodOfDay[offset] = period.index } }
        func perPeriod(_ daily: [Double]) -> [Double] {
            var result = [Double](repeating: 0, count: finest.count)
            for (offset, value) in daily.enumerated() where value != 0 { result[periodOfDay[offset]] += value }
            return result
        }

        let productIndex = Dictionary(uniqueKeysWithValues: original.products.enumerated().map { ($1.id, $0) })
        var daily = DemandProfile.dailySalesPlan(original, productIndex: productIndex, over: range)
        let planned = Set(original.salesPlan.map(\.product))
        for order in original.orders where order.remaining > 0 && !planned.contains(order.product) && range.contains(order.due) {
            if let p = productIndex[order.product] { daily[p][range.start.distance(to: order.due)] += order.remaining }
        }
        sales = daily.map(perPeriod)

        let calculator = CapacityCalculator(year)
        let profiles = calculator.profiles()
        resources = profiles.map(\.resource)
        regular = ResourceGrid(profiles.map { perPeriod($0.regular) })
        overtime = ResourceGrid(profiles.map { profile in
            profile.overtime.contains(.infinity) ? perPeriod(profile.overtime.map { $0.isInfinite ? 1e9 : $0 }) : perPeriod(profile.overtime)
        })
        overtimeCost = original.workCenters.map(\.overtimeCost) + original.laborPools.map(\.overtimeCost)
        var days: [String: [Double]] = [:]
        for unit in original.units { days[unit.id] = perPeriod(calculator.dayWeights(unit: unit.id, workCenter: nil)) }
        workingDays = days
    }
}
