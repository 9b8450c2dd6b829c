/// How urgently a unit of demand is wanted. Demand of one product, due in one period, in one
/// class is interchangeable for the plan's objective, so the optimisation has one column per
/// product × period × class rather than one per order.
public enum DemandClass: Int, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// Rush orders (急单): served before everything else.
    case rush
    /// Confirmed orders and priority 1–2: promised to the customer.
    case committed
    /// Other customer orders.
    case standard
    /// Sales plan beyond the orders on hand (forecast).
    case forecast

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The factor on a product's backlog cost for demand of this class, so that the plan
    /// delays forecast before standard orders, and those before committed and rush ones.
    public var backlogWeight: Double {
        switch self {
        case .rush: 4
        case .committed: 2
        case .standard, .forecast: 1
        }
    }

    public var name: String {
        switch self {
        case .rush: "rush"
        case .committed: "committed"
        case .standard: "standard"
        case .forecast: "forecast"
        }
    }

    static func of(_ order: CustomerOrder) -> DemandClass {
        if order.rush { return .rush }
        if order.status != .open || order.priority <= 2 { return .committed }
        return .standard
    }
}
