/// Demand per product, period and class: the open quantity of the orders due in the period,
/// and the sales plan where it exceeds them (orders consume the forecast).
///
/// A sales-plan line spread over several periods is split by calendar days, weighted by the
/// seasonality of its product (or, failing that, its family) where one is given.
public struct DemandProfile: Sendable {
    /// `[product][period][class]`, in scenario product order.
    public let quantity: [[[Double]]]
    /// Frozen production per product and period: the open quantity of orders frozen there.
    public let frozen: [[Double]]
    /// The classes that have any demand, per product.
    public let activeClasses: [[DemandClass]]

    public init(_ scenario: Scenario) {
        let horizon = scenario.horizon
        let periods = horizon.periods
        let productIndex = Dictionary(uniqueKeysWithValues: scenario.products.enumerated().map { ($1.id, $0) })
        let empty = [Double](repeating: 0, count: DemandClass.allCases.count)
        var demand = [[[Double]]](repeating: [[Double]](repeating: empty, count: periods.count), count: scenario.products.count)
        var frozen = [[Double]](repeating: [Double](repeating: 0, count: periods.count), count: scenario.products.count)

        for order in scenario.orders where order.remaining > 0 {
            guard let p = productIndex[order.product], let t = horizon.periodIndex(containing: order.due) else { continue }
            demand[p][t][DemandClass.of(order).rawValue] += order.remaining
            if order.status == .frozen, let reference = order.frozenPeriod, let f = horizon.periodIndex(containing: reference.range.start) {
                frozen[p][f] += order.remaining
            }
        }

        let forecast = Self.salesPlan(scenario, productIndex: productIndex)
        for p in demand.indices {
            for t in periods.indices {
                let ordered = demand[p][t].reduce(0, +)
                // An excess within rounding of zero is none: scaling orders and forecast alike
                // must not bring a forecast class to life (and change the model's shape).
                let excess = forecast[p][t] - ordered
                demand[p][t][DemandClass.forecast.rawValue] = excess > 1e-9 * max(1, ordered) ? excess : 0
            }
        }
        quantity = demand
        self.frozen = frozen
        activeClasses = demand.map { rows in
            DemandClass.allCases.filter { c in rows.contains { $0[c.rawValue] > 0 } }
        }
    }

    /// A profile from given quantities (`[product][period][class]`) and frozen production.
    init(quantity: [[[Double]]], frozen: [[Double]]) {
        self.quantity = quantity
        self.frozen = frozen
        activeClasses = quantity.map { rows in
            DemandClass.allCases.filter { c in rows.contains { $0[c.rawValue] > 0 } }
        }
    }

    /// The profile of some products only, in the order given.
    func restricted(to products: [Int]) -> DemandProfile {
        DemandProfile(quantity: products.map { quantity[$0] }, frozen: products.map { frozen[$0] })
    }

    /// Total demand of a product in a period.
    public func total(product: Int, period: Int) -> Double { quantity[product][period].reduce(0, +) }

    /// The sales plan spread over the horizon's periods, per product.
    static func salesPlan(_ scenario: Scenario, productIndex: [String: Int]) -> [[Double]] {
        let horizon = scenario.horizon
        let range = horizon.range
        let daily = dailySalesPlan(scenario, productIndex: productIndex, over: range)
        let periodOfDay = range.days.map { horizon.periodIndex(containing: $0) ?? 0 }
        return daily.map { days in
            var result = [Double](repeating: 0, count: horizon.periodCount)
            for (offset, quantity) in days.enumerated() where quantity != 0 { result[periodOfDay[offset]] += quantity }
            return result
        }
    }

    /// The sales plan per product and day of `range`: each line spread over its days, each
    /// day weighing its month's seasonality divided by the month's length.
    static func dailySalesPlan(_ scenario: Scenario, productIndex: [String: Int], over range: DayRange) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: range.dayCount), count: scenario.products.count)
        var weightsByKey: [String: [Double]] = [:]
        for weight in scenario.seasonality {
            weightsByKey[weight.key, default: [Double](repeating: 0, count: 12)][weight.month - 1] = weight.weight
        }
        for line in scenario.salesPlan {
            guard let p = productIndex[line.product] else { continue }
            let family = scenario.products[p].family
            let months = weightsByKey[line.product] ?? weightsByKey[family]
            func weight(_ day: Day) -> Double {
                guard let months else { return 1 }
                let (y, m, _) = day.components
                return months[m - 1] / Double(Day.daysIn(year: y, month: m))
            }
            let bucket = line.period.range
            if bucket.dayCount == 1 {
                if range.contains(bucket.start) { result[p][range.start.distance(to: bucket.start)] += line.quantity }
                continue
            }
            let total = bucket.days.reduce(0) { $0 + weight($1) }
            guard total > 0 else { continue }
            for day in bucket.days where range.contains(day) {
                result[p][range.start.distance(to: day)] += line.quantity * weight(day) / total
            }
        }
        return result
    }
}
