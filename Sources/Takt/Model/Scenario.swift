/// Everything a plan is made from: the horizon, the plant, the demand and the rules.
///
/// A scenario is a value: a what-if is a changed copy. Load one with
/// ``ScenarioLoader/load(from:)``, which validates it; a scenario built in code can be
/// checked with ``ScenarioValidator``.
public struct Scenario: Hashable, Sendable, Codable {
    public var name: String
    public var horizon: Horizon
    public var policy: Policy
    public var calendars: [CalendarRule]
    public var calendarExceptions: [CalendarException]
    public var units: [ProductionUnit]
    public var products: [Product]
    public var workCenters: [WorkCenter]
    public var maintenance: [Maintenance]
    public var laborPools: [LaborPool]
    public var routings: [RoutingStep]
    public var salesPlan: [SalesPlanLine]
    public var seasonality: [SeasonalityWeight]
    public var orders: [CustomerOrder]
    public var subcontractors: [Subcontractor]
    /// Sequence-dependent changeovers for machine schedules (the period plan counts the
    /// routing's setup hours).
    public var setupChanges: [SetupChange]
    /// Steps already running on machines, which shop-floor schedules leave in place.
    public var operationsInProgress: [OperationInProgress]
    /// Purchased items, the bills of materials and the open purchase orders, for material
    /// requirements planning.
    public var materials: [Material]
    public var bom: [BOMLine]
    public var purchaseOrders: [PurchaseOrder]
    public var supplierCapacities: [SupplierCapacity]
    /// Materials that may stand in for constrained ones in the plan.
    public var substitutes: [MaterialSubstitute]

    public init(
        name: String, horizon: Horizon, policy: Policy = Policy(), calendars: [CalendarRule] = [],
        calendarExceptions: [CalendarException] = [], units: [ProductionUnit] = [], products: [Product] = [],
        workCenters: [WorkCenter] = [], maintenance: [Maintenance] = [], laborPools: [LaborPool] = [],
        routings: [RoutingStep] = [], salesPlan: [SalesPlanLine] = [], seasonality: [SeasonalityWeight] = [],
        orders: [CustomerOrder] = [], subcontractors: [Subcontractor] = [], setupChanges: [SetupChange] = [],
        operationsInProgress: [OperationInProgress] = [], materials: [Material] = [], bom: [BOMLine] = [],
        purchaseOrders: [PurchaseOrder] = [], supplierCapacities: [SupplierCapacity] = [], substitutes: [MaterialSubstitute] = []
    ) {
        self.name = name
        self.horizon = horizon
        self.policy = policy
        self.calendars = calendars
        self.calendarExceptions = calendarExceptions
        self.units = units
        self.products = products
        self.workCenters = workCenters
        self.maintenance = maintenance
        self.laborPools = laborPools
        self.routings = routings
        self.salesPlan = salesPlan
        self.seasonality = seasonality
        self.orders = orders
        self.subcontractors = subcontractors
        self.setupChanges = setupChanges
        self.operationsInProgress = operationsInProgress
        self.materials = materials
        self.bom = bom
        self.purchaseOrders = purchaseOrders
        self.supplierCapacities = supplierCapacities
        self.substitutes = substitutes
    }

    // The JSON scenario file's keys are the tables' names (snake case from these).
    enum CodingKeys: String, CodingKey {
        case name, horizon, policy, calendars, calendarExceptions, units, products, workCenters, maintenance, laborPools, routings
        case salesPlan, seasonality, orders, subcontractors
        case setupChanges = "setupMatrix"
        case operationsInProgress, materials, bom, purchaseOrders
        case supplierCapacities = "supplierCapacity"
        case substitutes
    }
}
