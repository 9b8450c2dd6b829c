/// What one subcontractor (外协厂) offers for one product: a row per subcontractor × product.
public struct Subcontractor: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var product: String
    /// Units it can deliver in one period; `nil` for no limit.
    public var capacity: Double?
    /// All-in cost of one unit.
    public var unitCost: Double
    /// Days from placing work to receiving the goods.
    public var leadTimeDays: Int
    /// Quality score from 0 to 100, from past deliveries (外协厂评审).
    public var quality: Double

    public init(
        id: String, name: String, product: String, capacity: Double? = nil, unitCost: Double,
        leadTimeDays: Int = 0, quality: Double = 100
    ) {
        self.id = id
        self.name = name
        self.product = product
        self.capacity = capacity
        self.unitCost = unitCost
        self.leadTimeDays = leadTimeDays
        self.quality = quality
    }
}

extension Subcontractor {
    /// Whether units ordered at the horizon's start (`start`) are in by the first day of a
    /// period beginning on `periodStart`: the period starts at least ``leadTimeDays`` later.
    /// (A receipt counts for the whole period it arrives in, so it must be there when the
    /// period begins: 31 days from 1 January is 1 February, 60 days is 2 March, so April.)
    public func delivers(toPeriodStarting periodStart: Day, horizonStart start: Day) -> Bool {
        periodStart >= start.advanced(by: leadTimeDays)
    }
}
