/// A customer order (客户订单) for one product.
public struct CustomerOrder: Hashable, Sendable, Codable {
    /// Where the order stands: open, confirmed, frozen in a period, and so on.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Not yet promised: may move.
        case open
        /// Promised to the customer: should meet its due date.
        case confirmed
        /// Released to the shop floor in `frozenPeriod`: must not move.
        case frozen
    }

    public var id: String
    public var customer: String
    public var product: String
    public var quantity: Double
    public var due: Day
    /// 1 is the most important; larger numbers come later when capacity is short.
    public var priority: Int
    /// A rush order (急单): placed before everything that is not rush.
    public var rush: Bool
    public var status: Status
    /// The period a frozen order is fixed in.
    public var frozenPeriod: PeriodReference?
    /// Work on the order may not start before this day.
    public var earliestStart: Day?
    /// Quantity already made; only the rest is planned.
    public var completed: Double

    public init(
        id: String, customer: String = "", product: String, quantity: Double, due: Day, priority: Int = 5,
        rush: Bool = false, status: Status = .open, frozenPeriod: PeriodReference? = nil,
        earliestStart: Day? = nil, completed: Double = 0
    ) {
        self.id = id
        self.customer = customer
        self.product = product
        self.quantity = quantity
        self.due = due
        self.priority = priority
        self.rush = rush
        self.status = status
        self.frozenPeriod = frozenPeriod
        self.earliestStart = earliestStart
        self.completed = completed
    }

    /// What is left to make.
    public var remaining: Double { max(0, quantity - completed) }
}
