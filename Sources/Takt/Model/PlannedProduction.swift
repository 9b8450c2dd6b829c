/// A quantity of one product to be completed in one period of the horizon: a line of a
/// production plan, whether decided by the planner or by an optimisation.
public struct PlannedProduction: Hashable, Sendable, Codable {
    public var product: String
    /// Index of the horizon period the quantity is completed in.
    public var period: Int
    public var quantity: Double
    /// Routing steps done on a work center other than the step's primary one.
    public var alternatives: [StepAssignment]

    public init(product: String, period: Int, quantity: Double, alternatives: [StepAssignment] = []) {
        self.product = product
        self.period = period
        self.quantity = quantity
        self.alternatives = alternatives
    }
}

/// A routing step moved to one of its alternative work centers.
public struct StepAssignment: Hashable, Sendable, Codable {
    public var step: Int
    public var workCenter: String

    public init(step: Int, workCenter: String) {
        self.step = step
        self.workCenter = workCenter
    }
}
