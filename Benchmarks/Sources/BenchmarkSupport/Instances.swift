import Foundation
import Takt
import TaktLP

public enum Instances {
    /// The repository's datasets folder.
    public static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets")

    /// A plant of `workCenters` work centers in 3 units, `products` products with
    /// `stepsPerProduct` routing steps each, and `orders` orders spread over 52 weeks.
    public static func plant(orders: Int, products: Int = 200, workCenters: Int = 30, stepsPerProduct: Int = 5, seed: UInt64 = 1) -> Scenario {
        var random = SeededGenerator(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let start = Day(year: 2027, month: 1, day: 4)
        let units = (0..<3).map { ProductionUnit(id: "U\($0)", name: "Unit \($0)") }
        let centers = (0..<workCenters).map { i in
            WorkCenter(id: "W\(i)", name: "Center \(i)", unit: "U\(i % 3)", machines: 1 + pick(4), shiftsPerDay: 1 + pick(2), efficiency: 0.85, overtimeHoursMax: 40)
        }
        let pools = (0..<3).map { LaborPool(id: "L\($0)", name: "Pool \($0)", unit: "U\($0)", headcount: Double(20 + pick(30))) }
        let productList = (0..<products).map { Product(id: "P\($0)", name: "Product \($0)", family: "F\($0 % 20)") }
        var routings: [RoutingStep] = []
        for product in 0..<products {
            for step in 0..<stepsPerProduct {
                let center = pick(workCenters)
                routings.append(RoutingStep(
                    product: "P\(product)", step: 10 * (step + 1), workCenter: "W\(center)", runHours: 0.01 * Double(1 + pick(50)),
                    setupHours: Double(pick(3)), laborPool: "L\(center % 3)", laborHours: 0.01 * Double(pick(30)),
                    offsetDays: 2 * (stepsPerProduct - step)))
            }
        }
        let orderList = (0..<orders).map { i in
            CustomerOrder(id: "SO\(i)", product: "P\(pick(products))", quantity: Double(1 + pick(100)), due: start.advanced(by: 14 + pick(350)))
        }
        return Scenario(
            name: "generated \(orders)", horizon: Horizon(start: start, periodLength: .week, periodCount: 52),
            units: units, products: productList, workCenters: centers, laborPools: pools, routings: routings, orders: orderList)
    }

    /// A transportation problem: `n` plants, `n` markets, seeded costs, supply equal to demand.
    public static func transportation(size n: Int, seed: UInt64) -> (LinearProgram, [VariableID]) {
        var random = SeededGenerator(seed: seed)
        var lp = LinearProgram(name: "transport")
        let ship = (0..<n).map { i in (0..<n).map { j in lp.addVariable("ship(\(i),\(j))", objective: Double(1 + random.next() % 50)) } }
        let amount = (0..<n).map { _ in Double(10 + random.next() % 90) }
        for i in 0..<n { lp.addConstraint("supply(\(i))", (0..<n).map { Term(ship[i][$0], 1) }, .lessOrEqual(amount[i])) }
        for j in 0..<n { lp.addConstraint("demand(\(j))", (0..<n).map { Term(ship[$0][j], 1) }, .greaterOrEqual(amount[(j * 7) % n])) }
        return (lp, ship.joined().map { $0 })
    }
}
