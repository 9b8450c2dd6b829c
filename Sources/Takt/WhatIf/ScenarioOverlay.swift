/// A what-if: a few changes to a base scenario, kept apart from it so the base is never
/// copied by hand (a rush order, a machine down, demand up 10%).
///
///     var overlay = ScenarioOverlay(name: "demand +10%")
///     overlay.demand = [ScenarioOverlay.DemandScale(factor: 1.1)]
///     let changed = overlay.applied(to: base)
public struct ScenarioOverlay: Hashable, Sendable {
    /// Demand scaled: of everything, of a product or a family, in a period or throughout.
    public struct DemandScale: Hashable, Sendable {
        public var product: String?
        public var family: String?
        public var period: PeriodReference?
        public var factor: Double

        public init(product: String? = nil, family: String? = nil, period: PeriodReference? = nil, factor: Double) {
            self.product = product
            self.family = family
            self.period = period
            self.factor = factor
        }
    }

    /// An order's new quantity or due date (订单变更).
    public struct OrderChange: Hashable, Sendable {
        public var id: String
        public var quantity: Double?
        public var due: Day?

        public init(id: String, quantity: Double? = nil, due: Day? = nil) {
            self.id = id
            self.quantity = quantity
            self.due = due
        }
    }

    /// New values for a work center; `nil` keeps the base's.
    public struct WorkCenterChange: Hashable, Sendable {
        public var id: String
        public var machines: Int?
        public var overtimeHoursMax: Double?
        public var overtimeCost: Double?
        public var extraShiftCost: Double?

        public init(id: String, machines: Int? = nil, overtimeHoursMax: Double? = nil, overtimeCost: Double? = nil, extraShiftCost: Double? = nil) {
            self.id = id
            self.machines = machines
            self.overtimeHoursMax = overtimeHoursMax
            self.overtimeCost = overtimeCost
            self.extraShiftCost = extraShiftCost
        }
    }

    /// New values for a labor pool; `nil` keeps the base's.
    public struct LaborChange: Hashable, Sendable {
        public var id: String
        public var headcount: Double?
        public var overtimeHoursMax: Double?
        public var overtimeCost: Double?

        public init(id: String, headcount: Double? = nil, overtimeHoursMax: Double? = nil, overtimeCost: Double? = nil) {
            self.id = id
            self.headcount = headcount
            self.overtimeHoursMax = overtimeHoursMax
            self.overtimeCost = overtimeCost
        }
    }

    /// New costs for a product; `nil` keeps the base's.
    public struct ProductChange: Hashable, Sendable {
        public var id: String
        public var holdingCost: Double?
        public var backlogCost: Double?
        public var unitCost: Double?

        public init(id: String, holdingCost: Double? = nil, backlogCost: Double? = nil, unitCost: Double? = nil) {
            self.id = id
            self.holdingCost = holdingCost
            self.backlogCost = backlogCost
            self.unitCost = unitCost
        }
    }

    /// How the what-if is decomposed, where it differs from the base's options.
    public struct DecompositionChange: Hashable, Sendable {
        public var method: SplitMethod?
        public var finestLevel: PlanLevel?
        public var unitAllocation: UnitAllocation?

        public init(method: SplitMethod? = nil, finestLevel: PlanLevel? = nil, unitAllocation: UnitAllocation? = nil) {
            self.method = method
            self.finestLevel = finestLevel
            self.unitAllocation = unitAllocation
        }

        /// `options` with the changes made.
        public func applied(to options: DecompositionOptions) -> DecompositionOptions {
            var changed = options
            if let method { changed.method = method }
            if let finestLevel { changed.finestLevel = finestLevel }
            if let unitAllocation { changed.unitAllocation = unitAllocation }
            return changed
        }
    }

    public var name: String
    public var decomposition: DecompositionChange?
    public var demand: [DemandScale] = []
    public var addOrders: [CustomerOrder] = []
    public var removeOrders: [String] = []
    public var changeOrders: [OrderChange] = []
    /// Machines out of a work center over days or periods (breakdown, maintenance).
    public var machinesDown: [Maintenance] = []
    public var workCenters: [WorkCenterChange] = []
    public var laborPools: [LaborChange] = []
    public var products: [ProductChange] = []
    /// Subcontractor ids whose offers are withdrawn.
    public var subcontractorsUnavailable: [String] = []

    public init(name: String) { self.name = name }

    /// The base with the changes made, in the order: demand scaled, orders removed, changed and
    /// added, machines taken down, work centers, labor pools and products changed,
    /// subcontractors withdrawn. The result is named after the overlay.
    public func applied(to base: Scenario) -> Scenario {
        var s = base
        s.name = name
        let familyOf = Dictionary(base.products.map { ($0.id, $0.family) }) { a, _ in a }
        for scale in demand {
            func matches(_ product: String) -> Bool {
                (scale.product.map { $0 == product } ?? true) && (scale.family.map { $0 == familyOf[product] } ?? true)
            }
            for i in s.orders.indices where matches(s.orders[i].product) && (scale.period.map { $0.range.contains(s.orders[i].due) } ?? true) {
                s.orders[i].quantity *= scale.factor
                s.orders[i].completed = min(s.orders[i].completed, s.orders[i].quantity)
            }
            for i in s.salesPlan.indices
            where matches(s.salesPlan[i].product) && (scale.period.map { $0.range.contains(s.salesPlan[i].period.range.start) } ?? true) {
                s.salesPlan[i].quantity *= scale.factor
            }
        }
        let removed = Set(removeOrders)
        s.orders.removeAll { removed.contains($0.id) }
        for change in changeOrders {
            guard let i = s.orders.firstIndex(where: { $0.id == change.id }) else { continue }
            if let quantity = change.quantity {
                s.orders[i].quantity = quantity
                s.orders[i].completed = min(s.orders[i].completed, quantity)
            }
            if let due = change.due { s.orders[i].due = due }
        }
        s.orders += addOrders
        s.maintenance += machinesDown
        for change in workCenters {
            guard let i = s.workCenters.firstIndex(where: { $0.id == change.id }) else { continue }
            if let machines = change.machines { s.workCenters[i].machines = machines }
            if let hours = change.overtimeHoursMax { s.workCenters[i].overtimeHoursMax = hours }
            if let cost = change.overtimeCost { s.workCenters[i].overtimeCost = cost }
            if let cost = change.extraShiftCost { s.workCenters[i].extraShiftCost = cost }
        }
        for change in laborPools {
            guard let i = s.laborPools.firstIndex(where: { $0.id == change.id }) else { continue }
            if let headcount = change.headcount { s.laborPools[i].headcount = headcount }
            if let hours = change.overtimeHoursMax { s.laborPools[i].overtimeHoursMax = hours }
            if let cost = change.overtimeCost { s.laborPools[i].overtimeCost = cost }
        }
        for change in products {
            guard let i = s.products.firstIndex(where: { $0.id == change.id }) else { continue }
            if let cost = change.holdingCost { s.products[i].holdingCost = cost }
            if let cost = change.backlogCost { s.products[i].backlogCost = cost }
            if let cost = change.unitCost { s.products[i].unitCost = cost }
        }
        let withdrawn = Set(subcontractorsUnavailable)
        s.subcontractors.removeAll { withdrawn.contains($0.id) }
        return s
    }
}
