@testable import Takt

/// Small scenarios for hand-computed cases, and seeded random ones for invariants.
enum ScenarioFactory {
    static let january = Day(year: 2027, month: 1, day: 1)

    /// One unit, one work center, one labor pool, one product with one step; 2027 by month.
    static func small(
        machines: Int = 2, shifts: Int = 2, hoursPerShift: Double = 8, efficiency: Double = 0.9,
        orders: [CustomerOrder] = [], periods: Int = 12
    ) -> Scenario {
        Scenario(
            name: "small",
            horizon: Horizon(start: january, periodLength: .month, periodCount: periods),
            units: [ProductionUnit(id: "U", name: "Unit")],
            products: [Product(id: "P", name: "P", family: "F")],
            workCenters: [
                WorkCenter(
                    id: "W", name: "W", unit: "U", machines: machines, shiftsPerDay: shifts, hoursPerShift: hoursPerShift,
                    efficiency: efficiency, overtimeHoursMax: 40, overtimeCost: 50, extraShiftCost: 1000)
            ],
            laborPools: [LaborPool(id: "L", name: "L", unit: "U", headcount: 10, hoursPerDay: 8, attendance: 0.95, overtimeHoursMax: 10)],
            routings: [RoutingStep(product: "P", step: 10, workCenter: "W", runHours: 0.5, setupHours: 2, laborPool: "L", laborHours: 0.2)],
            orders: orders)
    }

    /// A random but valid scenario: `products` products over `centers` work centers and two
    /// labor pools, `orders` orders due through the year, with holidays and maintenance.
    static func random(seed: UInt64, products: Int = 8, centers: Int = 5, orders: Int = 200) -> Scenario {
        var random = SeededRandom(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        let units = [ProductionUnit(id: "U1", name: "One"), ProductionUnit(id: "U2", name: "Two", kind: .workshop, parent: "U1")]
        let workCenters = (0..<centers).map { i in
            WorkCenter(
                id: "W\(i)", name: "Center \(i)", unit: i.isMultiple(of: 2) ? "U1" : "U2", machines: integer(1...4),
                shiftsPerDay: integer(1...3), hoursPerShift: 8, efficiency: uniform(0.7...1), overtimeHoursMax: uniform(0...80))
        }
        let pools = [
            LaborPool(id: "L1", name: "Pool 1", unit: "U1", headcount: uniform(5...30), attendance: uniform(0.8...1)),
            LaborPool(id: "L2", name: "Pool 2", unit: "U2", headcount: uniform(5...30), attendance: uniform(0.8...1)),
        ]
        let productList = (0..<products).map { Product(id: "P\($0)", name: "产品\($0)", family: "F\($0 % 3)") }
        var routings: [RoutingStep] = []
        for product in productList {
            for step in 0..<integer(1...4) {
                let center = workCenters[integer(0...(centers - 1))]
                routings.append(RoutingStep(
                    product: product.id, step: 10 * (step + 1), workCenter: center.id, runHours: uniform(0.05...2),
                    setupHours: uniform(0...3), laborPool: center.unit == "U1" ? "L1" : "L2", laborHours: uniform(0...1),
                    offsetDays: integer(0...20)))
            }
        }
        let orderList = (0..<orders).map { i in
            let due = january.advanced(by: integer(0...364))
            let quantity = Double(integer(1...200))
            let frozen = integer(0...9) == 0
            return CustomerOrder(
                id: "O\(i)", product: "P\(integer(0...(products - 1)))", quantity: quantity, due: due,
                status: frozen ? .frozen : .open,
                frozenPeriod: frozen ? PeriodReference(String(due.description.prefix(7))) : nil,
                completed: integer(0...4) == 0 ? (quantity / 2).rounded(.down) : 0)
        }
        return Scenario(
            name: "random \(seed)", horizon: Horizon(start: january, periodLength: .month, periodCount: 12),
            calendars: [CalendarRule(weekdays: Weekday.workWeek), CalendarRule(scope: "U2", weekdays: Weekday.workWeek.union([.saturday]))],
            calendarExceptions: [
                CalendarException(start: Day(year: 2027, month: 5, day: 1), end: Day(year: 2027, month: 5, day: 5), kind: .holiday),
                CalendarException(scope: "W1", start: Day(year: 2027, month: 8, day: 2), end: Day(year: 2027, month: 8, day: 13), kind: .closure),
            ],
            units: units, products: productList, workCenters: workCenters,
            maintenance: [Maintenance(workCenter: "W0", start: Day(year: 2027, month: 3, day: 8), end: Day(year: 2027, month: 3, day: 10))],
            laborPools: pools, routings: routings, orders: orderList)
    }
}
