import TaktGLPK
import TaktLP

/// Order promising (订单审查 10-002, 急单审查 10-003): when could a new order be complete, at what
/// extra cost, and whom would it push.
///
/// The new order is planned as a rush order due at the end of each period in turn (and at the
/// required date, if one is given), each plan in parallel; every plan is compared with the
/// base plan. The earliest promise is the first period whose plan completes the order in
/// it. Each plan keeps the base plan where the optimal cost allows (see
/// ``AggregatePlanner/plan(_:keeping:)``), so that the orders it pushes are pushed by the new
/// order, not by a tie. For a required date, the order is also planned with every existing order protected
/// (rush, priority 1): what that plan adds in overtime, extra shifts and subcontracting is
/// what it takes not to push them. An option due before the materials can be at hand
/// (the stock the base plan leaves, else a purchase a lead time away; see
/// `MaterialReadiness`) is not on time.
public struct OrderPromise: Sendable {
    /// One way of taking the order: due at the end of a period (or on the required date).
    public struct Option: Hashable, Sendable, Codable {
        public var due: Day
        public var period: String
        /// The period the order is complete in; `nil` when some of it goes unmet.
        public var completion: String?
        public var onTime: Bool
        public var extraCost: Double
        public var extraOvertimeHours: Double
        public var extraShiftHours: Double
        public var extraSubcontracted: Double
        /// Existing orders that complete later than in the base plan, or go unmet.
        public var pushed: [MovedOrder]
    }

    /// The promise: the earliest period the order can be done on time, and every option tried.
    public struct Answer: Hashable, Sendable, Codable {
        public var product: String
        public var quantity: Double
        public var options: [Option]
        /// The first period whose plan completes the order on time.
        public var earliest: Option?
        /// The order due on the required date.
        public var required: Option?
        /// The order due on the required date with every existing order protected.
        public var requiredWithoutPushing: Option?
        /// The first day the materials allow the order to be complete (see
        /// `MaterialReadiness`), and the item that sets it; `nil` without a bill of materials.
        public var materialsReady: Day?
        public var limitingMaterial: String?
    }

    public var base: Scenario
    public var product: String
    public var quantity: Double
    public var due: Day?
    public var options: PlanOptions
    public var solver: any Solver

    public init(base: Scenario, product: String, quantity: Double, due: Day? = nil, options: PlanOptions = PlanOptions(), solver: any Solver = GLPKSolver()) {
        self.base = base
        self.product = product
        self.quantity = quantity
        self.due = due
        self.options = options
        self.solver = solver
    }

    /// The id the new order carries in the plans.
    public static let orderID = "NEW-ORDER"

    public func answer() throws(PlanningError) -> Answer {
        guard base.products.contains(where: { $0.id == product }) else { throw .unknownProduct(product) }
        guard quantity.isFinite, quantity > 0 else { throw .invalidQuantity(quantity) }
        let periods = base.horizon.periods
        func adding(_ day: Day) -> Scenario {
            var scenario = base
            scenario.orders.append(CustomerOrder(
                id: Self.orderID, customer: "promise", product: product, quantity: quantity, due: day, priority: 1, rush: true))
            return scenario
        }
        var scenarios = periods.map { adding($0.end.advanced(by: -1)) }
        if let due {
            scenarios.append(adding(due))
            var protected = adding(due)
            for i in protected.orders.indices where protected.orders[i].id != Self.orderID {
                protected.orders[i].rush = true
                protected.orders[i].priority = 1
            }
            scenarios.append(protected)
        }
        // The base first; each option keeps its plan where the optimal cost allows, so that
        // an order is pushed by the new one, not by a tie.
        let (basePlan, plans) = try ParallelPlanning.plan(keeping: base, scenarios, options: options.started(), solver: solver)
        return answer(plans: [basePlan] + plans, periods: periods)
    }

    private func answer(plans: [ProductionPlanResult], periods: [Period]) -> Answer {
        let basePlan = plans[0]
        let baseOrders = Dictionary(basePlan.orders.map { ($0.order, $0) }) { a, _ in a }
        func option(_ plan: ProductionPlanResult, due: Day) -> Option {
            let new = plan.orders.first { $0.order == Self.orderID }
            let pushed = plan.orders.compactMap { order -> MovedOrder? in
                guard order.order != Self.orderID, let before = baseOrders[order.order] else { return nil }
                let later = order.unmetQuantity > before.unmetQuantity + 1e-6 || order.periodsLate > before.periodsLate
                    || (before.completionPeriod != nil && order.completionPeriod != nil && order.completionPeriod! > before.completionPeriod!)
                return later ? MovedOrder(order: order.order, basePeriod: before.completionPeriod, period: order.completionPeriod) : nil
            }
            let overtime = { (p: ProductionPlanResult) in p.resources.reduce(0) { $0 + $1.overtimeHours } }
            let shifts = { (p: ProductionPlanResult) in p.resources.reduce(0) { $0 + $1.extraShiftHours } }
            let bought = { (p: ProductionPlanResult) in p.subcontracting.reduce(0) { $0 + $1.quantity } }
            return Option(
                due: due, period: base.horizon.periodIndex(containing: due).map { periods[$0].label } ?? due.description,
                completion: new?.completionPeriod, onTime: new?.onTime ?? false, extraCost: plan.costs.total - basePlan.costs.total,
                extraOvertimeHours: overtime(plan) - overtime(basePlan), extraShiftHours: shifts(plan) - shifts(basePlan),
                extraSubcontracted: bought(plan) - bought(basePlan), pushed: pushed)
        }
        // The plans see constrained materials only; every material's lead time and stock
        // bound the promise.
        let ready = (try? MaterialPlanner(base).plan(basePlan)).flatMap {
            MaterialReadiness.ready(product: product, quantity: quantity, scenario: base, base: $0)
        }
        var options = periods.enumerated().map { t, period in option(plans[t + 1], due: period.end.advanced(by: -1)) }
        if let ready { for i in options.indices where options[i].due < ready.day { options[i].onTime = false } }
        var answer = Answer(product: product, quantity: quantity, options: options, earliest: options.first(where: \.onTime))
        answer.materialsReady = ready?.day
        answer.limitingMaterial = ready?.item
        if let due {
            answer.required = option(plans[periods.count + 1], due: due)
            answer.requiredWithoutPushing = option(plans[periods.count + 2], due: due)
            if let ready, due < ready.day {
                answer.required?.onTime = false
                answer.requiredWithoutPushing?.onTime = false
            }
        }
        return answer
    }
}
