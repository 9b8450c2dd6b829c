import Foundation
import Testing

@testable import Takt

/// Reproductions from planners' reports: numbers that must come out right.
@Suite struct PlanAccountingTests {
    /// No machine time at all: every unit is bought, received once the lead time has passed.
    private func bought(leadDays: Int, periods: Int) throws -> [String] {
        let orders = (1...periods).map { m in
            CustomerOrder(id: "O\(m)", customer: "c", product: "P", quantity: 10, due: Day(year: 2027, month: m, day: 20))
        }
        var s = ScenarioFactory.small(machines: 0, orders: orders, periods: periods)
        s.subcontractors = [Subcontractor(id: "S", name: "S", product: "P", unitCost: 1, leadTimeDays: leadDays)]
        let plan = try AggregatePlanner(s).plan()
        return plan.subcontracting.filter { $0.quantity > 0 }.map(\.period)
    }

    @Test func aSubcontractorsLeadTimeCountsInDays() throws {
        // 31 days from 1 January is 1 February: receipts from February on.
        #expect(try bought(leadDays: 31, periods: 12).first == "2027-02")
        #expect(try bought(leadDays: 30, periods: 12).first == "2027-02")
        #expect(try bought(leadDays: 0, periods: 12).first == "2027-01")
        // 60 days is 2 March, after March has begun: receipts from April on.
        #expect(try bought(leadDays: 60, periods: 6).first == "2027-04")
        #expect(try bought(leadDays: 59, periods: 6).first == "2027-03")
    }

    /// A sales plan the plant cannot make, with lost sales allowed: the lost units are unmet
    /// demand (not 0), the summary does not say the sales plan is met, and profit does not
    /// count a lost sale twice (once as revenue not earned, once as its cost).
    @Test func lostSalesAreUnmetDemandAndCountOnceInProfit() throws {
        var s = ScenarioFactory.small(machines: 1, shifts: 1, hoursPerShift: 2)
        s.salesPlan = (1...12).map { SalesPlanLine(product: "P", period: PeriodReference("2027-\(String(format: "%02d", $0))")!, quantity: 2000) }
        s.products[0].unitRevenue = 50
        s.products[0].unitCost = 10
        s.policy.lostSalesAllowed = true
        s.policy.backlogAllowed = false
        let plan = try AggregatePlanner(s).plan()
        let lost = plan.products.reduce(0) { $0 + $1.unmet }
        #expect(lost > 100)
        #expect(abs(plan.unmetDemand - lost) < 1e-6 && abs(plan.lostSalesQuantity - lost) < 1e-6)
        #expect(abs(plan.costs.lostSales - 50 * lost) < 1e-6)
        let delivered = plan.products.reduce(0) { $0 + $1.delivered }
        #expect(abs(plan.costs.revenue - 50 * delivered) < 1e-6)
        #expect(abs(plan.costs.profit - (plan.costs.revenue - plan.costs.total + plan.costs.lostSales)) < 1e-6)
        let text = plan.text()
        #expect(!text.contains("the plan meets the sales plan"))
        #expect(text.contains("the sales plan is not met in full"))
        #expect(text.contains("lost sales: "), "\(text)")
        #expect(!text.contains("no option can supply"))
    }

    /// Found by the property test: with a backlog window of one period, recovering orders
    /// earliest due first carried an August order into October (two periods late) while the
    /// plan itself dropped August's rest and carried September's demand. What an order may
    /// not carry is its unmet part.
    @Test(arguments: [PlanOptions.Method.exact, .familiesFirst])
    func noOrderIsLaterThanTheBacklogWindow(method: PlanOptions.Method) throws {
        var s = ScenarioFactory.random(seed: 69759, products: 5, centers: 3, orders: 80)
        s.policy.maxBacklogPeriods = 1
        s.subcontractors = [Subcontractor(id: "S", name: "S", product: s.products[0].id, capacity: 40, unitCost: 35)]
        let plan = try AggregatePlanner(s).plan(PlanOptions(method: method))
        #expect(plan.orders.allSatisfy { $0.periodsLate <= 1 }, "\(plan.orders.filter { $0.periodsLate > 1 }.map(\.order))")
        let unmet = plan.products.reduce(0) { $0 + $1.unmet }
        let ordersUnmet = plan.orders.reduce(0) { $0 + $1.unmetQuantity }
        #expect(ordersUnmet <= unmet + 1e-6)
    }
}
