/// Planned sales of one product in one span of time (销售计划): a month, a quarter, or a
/// whole year that ``SeasonalityWeight``s spread over its months.
public struct SalesPlanLine: Hashable, Sendable, Codable {
    public var product: String
    public var period: PeriodReference
    public var quantity: Double

    public init(product: String, period: PeriodReference, quantity: Double) {
        self.product = product
        self.period = period
        self.quantity = quantity
    }
}

/// The relative weight of a calendar month in a product's (or a whole family's) yearly sales.
/// Weights need not add up to anything; they are normalised over the months a line covers.
public struct SeasonalityWeight: Hashable, Sendable, Codable {
    /// A product id, or a family name for all products of that family.
    public var key: String
    public var month: Int
    public var weight: Double

    public init(key: String, month: Int, weight: Double) {
        self.key = key
        self.month = month
        self.weight = weight
    }
}
