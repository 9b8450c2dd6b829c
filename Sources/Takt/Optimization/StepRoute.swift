/// How much of one product's step a plan makes on one work center in one period, where the
/// step has alternatives.
public struct StepRoute: Hashable, Sendable, Codable {
    public var product: String
    public var step: Int
    public var workCenter: String
    /// Index of the horizon period the product is completed in.
    public var period: Int
    public var quantity: Double

    public init(product: String, step: Int, workCenter: String, period: Int, quantity: Double) {
        self.product = product
        self.step = step
        self.workCenter = workCenter
        self.period = period
        self.quantity = quantity
    }

    /// Plan lines for `quantity` of a product in one period whose split steps go as `routes`
    /// say: the quantity is swept from 0 up, each split step's work centers taking their
    /// quantities in turn, and a new line starts wherever one of them changes. Each line
    /// names the work center of every split step; other steps stay on their primary one.
    ///
    /// - Complexity: O(routes log routes).
    static func lines(of product: String, period: Int, quantity: Double, routes: [StepRoute]) -> [PlannedProduction] {
        guard !routes.isEmpty else { return [PlannedProduction(product: product, period: period, quantity: quantity)] }
        // Per step, the work centers in a fixed order with where each one's share ends.
        let bySteps = Dictionary(grouping: routes, by: \.step).sorted { $0.key < $1.key }
        var cuts: Set<Double> = [quantity]
        var bands: [(step: Int, ends: [(end: Double, workCenter: String)])] = []
        for (step, shares) in bySteps {
            var end = 0.0
            var ends: [(end: Double, workCenter: String)] = []
            for share in shares.sorted(by: { $0.workCenter < $1.workCenter }) where share.quantity > 1e-9 {
                end += share.quantity
                ends.append((min(end, quantity), share.workCenter))
                cuts.insert(min(end, quantity))
            }
            bands.append((step, ends))
        }
        var lines: [PlannedProduction] = []
        var from = 0.0
        for to in cuts.sorted() where to > from + 1e-9 {
            let middle = (from + to) / 2
            let assignments = bands.compactMap { band in
                band.ends.first { middle < $0.end }.map { StepAssignment(step: band.step, workCenter: $0.workCenter) }
            }
            lines.append(PlannedProduction(product: product, period: period, quantity: to - from, alternatives: assignments))
            from = to
        }
        return lines
    }
}
