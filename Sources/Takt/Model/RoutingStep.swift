/// One operation (工序) of a product's routing (工艺路线).
///
/// Work-center load is `runHours × quantity + setupHours` per lot; labor load is
/// `laborHours × quantity` on `laborPool`. The step is done `offsetDays` before the
/// order's due date.
public struct RoutingStep: Hashable, Sendable, Codable {
    public var product: String
    /// The step's position in the routing (10, 20, … or 1, 2, …).
    public var step: Int
    /// The primary work center.
    public var workCenter: String
    /// Work centers that can do the step instead.
    public var alternatives: [String]
    public var runHours: Double
    public var setupHours: Double
    public var laborPool: String?
    public var laborHours: Double
    /// Lead-time offset: days before the due date the step takes place.
    public var offsetDays: Int

    public init(
        product: String, step: Int, workCenter: String, alternatives: [String] = [], runHours: Double,
        setupHours: Double = 0, laborPool: String? = nil, laborHours: Double = 0, offsetDays: Int = 0
    ) {
        self.product = product
        self.step = step
        self.workCenter = workCenter
        self.alternatives = alternatives
        self.runHours = runHours
        self.setupHours = setupHours
        self.laborPool = laborPool
        self.laborHours = laborHours
        self.offsetDays = offsetDays
    }
}

extension RoutingStep {
    /// Hours per unit of this step on its work center when its setup is spread over lots of
    /// `lot` units (no setup without a lot size): how a period plan counts setups, in the plan,
    /// the decomposition and the load of a plan alike.
    public func hoursPerUnit(setupSpreadOver lot: Double) -> Double {
        runHours + (lot > 0 ? setupHours / lot : 0)
    }
}

extension Scenario {
    /// The products whose setups fall once per production run (each period, and work center
    /// of a step, it is made in) rather than per lot: those with a setup cost, and those with
    /// setup hours but no lot size to spread them over.
    public var productsSettingUpPerRun: Set<String> {
        let withSetupHours = Set(routings.filter { $0.setupHours > 0 }.map(\.product))
        return Set(products.filter { $0.setupCost > 0 || ($0.setupLot == 0 && withSetupHours.contains($0.id)) }.map(\.id))
    }

    /// The products whose setup hours load a work center once per production run: those
    /// that set up per run and have no lot to spread the hours over.
    public var productsWithSetupHoursPerRun: Set<String> {
        let perRun = productsSettingUpPerRun
        return Set(products.filter { perRun.contains($0.id) && $0.setupLot == 0 }.map(\.id))
    }
}

extension Product {
    /// The lot a setup is spread over in a period plan: the larger of `lotMin` and
    /// `lotMultiple` (0 without either).
    public var setupLot: Double { max(lotMin, lotMultiple) }
}
