/// A quantity of one product made at once through its routing: one job of a shop-floor
/// schedule.
public struct ProductionLot: Hashable, Sendable, Codable {
    /// `CP-100/2027-01/1` for a plan's lot, the order id for an order's.
    public var id: String
    public var product: String
    public var quantity: Double
    /// The customer orders it is pegged to (none for stock or the sales plan's forecast).
    public var orders: [String]
    /// The plan period it completes in, where it comes from a plan.
    public var period: Int?
    /// Minutes from the window's start: it may not start before, and is due by.
    public var release: Int
    public var due: Int
    /// Weight in weighted tardiness: from the orders' priority and rush.
    public var weight: Int

    public init(id: String, product: String, quantity: Double, orders: [String] = [], period: Int? = nil, release: Int = 0, due: Int, weight: Int = 1) {
        self.id = id
        self.product = product
        self.quantity = quantity
        self.orders = orders
        self.period = period
        self.release = release
        self.due = due
        self.weight = weight
    }
}

/// How a shop-floor schedule's lots are made.
public enum LotSource: String, CaseIterable, Hashable, Sendable, Codable {
    /// The plan's production per product and period in the window: one lot per order pegged
    /// to it, the rest in lots of the product's lot size; due at the order's due date or the
    /// period's end.
    case plan
    /// Every order with something left to make and due before the window's end: one lot each.
    case orders
}

extension ProductionLot {
    /// An order's weight: 10 − priority (priority 1 weighs 9), at least 1; ×10 for a rush order.
    static func weight(of order: CustomerOrder) -> Int { max(1, 10 - order.priority) * (order.rush ? 10 : 1) }

    /// The lots of the plan's in-house production in the periods that overlap `window`.
    ///
    /// A lot is released at its period's start less the product's longest routing offset
    /// (and not before an order's earliest start, nor the window's start).
    public static func lots(of plan: ProductionPlanResult, scenario: Scenario, window: ShopWindow) -> [ProductionLot] {
        let horizon = scenario.horizon
        let periods = horizon.periods
        let products = Dictionary(scenario.products.map { ($0.id, $0) }) { first, _ in first }
        let orders = Dictionary(scenario.orders.map { ($0.id, $0) }) { first, _ in first }
        let offsets = Dictionary(scenario.routings.map { ($0.product, $0.offsetDays) }, uniquingKeysWith: max)
        // Pegged in-house quantities by product and period label.
        var pegged: [String: [(order: String, quantity: Double)]] = [:]
        for assignment in plan.orders {
            for portion in assignment.portions where portion.source == .inHouse && portion.quantity > 1e-9 {
                pegged["\(assignment.product)\u{1}\(portion.period)", default: []].append((assignment.order, portion.quantity))
            }
        }
        var lots: [ProductionLot] = []
        for row in plan.products where row.production > 1e-9 {
            guard periods.indices.contains(row.periodIndex), periods[row.periodIndex].range.overlaps(window.range) else { continue }
            let period = periods[row.periodIndex]
            let earliest = max(0, window.minute(of: period.range.start.advanced(by: -(offsets[row.product] ?? 0))))
            let periodDue = window.minute(of: period.range.end)
            var left = row.production
            for (number, peg) in (pegged["\(row.product)\u{1}\(row.period)"] ?? []).enumerated() where left > 1e-9 {
                let quantity = min(peg.quantity, left)
                left -= quantity
                let order = orders[peg.order]
                let release = max(earliest, order?.earliestStart.map { window.minute(of: $0) } ?? 0)
                lots.append(ProductionLot(
                    id: "\(row.product)/\(row.period)/\(peg.order)#\(number + 1)", product: row.product, quantity: quantity, orders: [peg.order],
                    period: row.periodIndex, release: release, due: order.map { window.minute(of: $0.due.advanced(by: 1)) } ?? periodDue,
                    weight: order.map(weight(of:)) ?? 1))
            }
            guard left > 1e-6 else { continue }
            let size = products[row.product]?.setupLot ?? 0
            let count = size > 0 ? max(1, Int((left / size).rounded(.down))) : 1
            for k in 0..<count {
                let quantity = k < count - 1 ? size : left - Double(count - 1) * size
                lots.append(ProductionLot(
                    id: "\(row.product)/\(row.period)/\(k + 1)", product: row.product, quantity: quantity, period: row.periodIndex,
                    release: earliest, due: periodDue))
            }
        }
        return adding(inProgress: scenario, to: lots, window: window)
    }

    /// `lots` and a lot for each order with a step in progress that none of them is pegged to:
    /// work the shop has started is scheduled whatever the plan says.
    static func adding(inProgress scenario: Scenario, to lots: [ProductionLot], window: ShopWindow) -> [ProductionLot] {
        guard !scenario.operationsInProgress.isEmpty else { return lots }
        let pegged = Set(lots.flatMap(\.orders))
        let orders = Dictionary(scenario.orders.map { ($0.id, $0) }) { first, _ in first }
        var more = lots
        for running in scenario.operationsInProgress where !pegged.contains(running.order) {
            if let order = orders[running.order], order.remaining > 1e-9 { more.append(lot(of: order, window: window)) }
        }
        return more
    }

    /// One lot per order with something left to make that is due before the window's end,
    /// frozen (released to the shop floor) or in progress: released at its earliest start,
    /// due at the end of its due date.
    public static func lots(ofOrders scenario: Scenario, window: ShopWindow) -> [ProductionLot] {
        let running = Set(scenario.operationsInProgress.map(\.order))
        return scenario.orders.filter { $0.remaining > 1e-9 && ($0.due < window.range.end || $0.status == .frozen || running.contains($0.id)) }
            .map { lot(of: $0, window: window) }
    }

    /// The lot of an order's remaining quantity: released at its earliest start (not before
    /// the window), due at the end of its due date.
    public static func lot(of order: CustomerOrder, window: ShopWindow) -> ProductionLot {
        ProductionLot(
            id: order.id, product: order.product, quantity: order.remaining, orders: [order.id],
            release: max(0, order.earliestStart.map { window.minute(of: $0) } ?? 0), due: window.minute(of: order.due.advanced(by: 1)),
            weight: weight(of: order))
    }
}
