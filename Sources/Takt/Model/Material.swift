/// A purchased item (原材料, 外购件): what a bill of materials consumes and the purchase plan
/// buys.
public struct Material: Hashable, Sendable, Codable {
    /// How planned orders are sized from net requirements.
    public enum LotRule: String, CaseIterable, Hashable, Sendable, Codable {
        /// Each period's net requirement, as it is.
        case lotForLot = "lot-for-lot"
        /// `lotQuantity` at a time (as many as the net requirement needs).
        case fixed
        /// The economic order quantity √(2 · demand per period · ordering cost ÷ holding cost),
        /// used as a fixed quantity.
        case eoq
        /// The net requirements of `periodsOfSupply` periods at once.
        case periods
        /// Wagner and Whitin's least ordering plus holding cost over the horizon.
        case wagnerWhitin = "wagner-whitin"
    }

    public var id: String
    public var name: String
    public var uom: String
    public var unitCost: Double
    /// Days from a purchase order's release to its receipt.
    public var leadTimeDays: Int
    public var lotRule: LotRule
    /// For ``LotRule/fixed``.
    public var lotQuantity: Double
    /// Cost of one purchase order, for ``LotRule/eoq`` and ``LotRule/wagnerWhitin``.
    public var orderingCost: Double
    /// Cost of holding one unit one planning period.
    public var holdingCost: Double
    /// For ``LotRule/periods``.
    public var periodsOfSupply: Int
    public var minimumOrder: Double
    public var orderMultiple: Double
    public var onHand: Double
    public var safetyStock: Double
    public var supplier: String
    /// Whether its supply limits the plan: the one model carries its flow.
    public var constrained: Bool
    /// What a unit bought inside its lead time costs on top of the unit cost (expediting);
    /// `nil` where it cannot be had sooner.
    public var expediteCost: Double?

    public init(
        id: String, name: String? = nil, uom: String = "pcs", unitCost: Double = 0, leadTimeDays: Int = 0, lotRule: LotRule = .lotForLot,
        lotQuantity: Double = 0, orderingCost: Double = 0, holdingCost: Double = 0, periodsOfSupply: Int = 1, minimumOrder: Double = 0,
        orderMultiple: Double = 0, onHand: Double = 0, safetyStock: Double = 0, supplier: String = "", constrained: Bool = false,
        expediteCost: Double? = nil
    ) {
        self.expediteCost = expediteCost
        self.id = id
        self.name = name ?? id
        self.uom = uom
        self.unitCost = unitCost
        self.leadTimeDays = leadTimeDays
        self.lotRule = lotRule
        self.lotQuantity = lotQuantity
        self.orderingCost = orderingCost
        self.holdingCost = holdingCost
        self.periodsOfSupply = periodsOfSupply
        self.minimumOrder = minimumOrder
        self.orderMultiple = orderMultiple
        self.onHand = onHand
        self.safetyStock = safetyStock
        self.supplier = supplier
        self.constrained = constrained
    }
}

/// What a material's suppliers can deliver in one period: the plan's purchases of it there
/// (expedited or not) stay within it.
public struct SupplierCapacity: Hashable, Sendable, Codable {
    public var material: String
    /// The horizon period that contains this reference's first day.
    public var period: PeriodReference
    public var capacity: Double

    public init(material: String, period: PeriodReference, capacity: Double) {
        self.material = material
        self.period = period
        self.capacity = capacity
    }
}

/// One line of a bill of materials (物料清单): a parent product needs `quantity` of a
/// component (a material, or a product made as a sub-assembly) per unit, plus scrap.
public struct BOMLine: Hashable, Sendable, Codable {
    public var parent: String
    public var component: String
    public var quantity: Double
    /// Share lost in use, 0 ..< 1: the parent needs quantity ÷ (1 − scrap).
    public var scrap: Double
    /// The routing step that consumes it, whose `offset_days` set when it is needed; `nil`
    /// for the parent's first step.
    public var step: Int?
    /// The line applies to production completing from this day (inclusive) …
    public var effectiveFrom: Day?
    /// … to this day (inclusive).
    public var effectiveTo: Day?

    public init(parent: String, component: String, quantity: Double, scrap: Double = 0, step: Int? = nil, effectiveFrom: Day? = nil, effectiveTo: Day? = nil) {
        self.parent = parent
        self.component = component
        self.quantity = quantity
        self.scrap = scrap
        self.step = step
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
    }

    /// The component per parent unit, scrap included.
    public var gross: Double { quantity / (1 - scrap) }
}

/// An open purchase order (采购订单): a scheduled receipt of a material.
public struct PurchaseOrder: Hashable, Sendable, Codable {
    public var id: String
    public var material: String
    public var quantity: Double
    public var due: Day
    public var supplier: String

    public init(id: String, material: String, quantity: Double, due: Day, supplier: String = "") {
        self.id = id
        self.material = material
        self.quantity = quantity
        self.due = due
        self.supplier = supplier
    }
}

/// A material that can stand in for a constrained one (替代料): `ratio` units of
/// `substitute` replace a unit of `material` in any product that uses it, at `extraCost` more
/// per unit replaced (rework, a qualification, a worse yield), besides the substitute's own
/// cost. The plan substitutes where the material is short (see `MaterialFlow`).
public struct MaterialSubstitute: Hashable, Sendable, Codable {
    public var material: String
    public var substitute: String
    public var ratio: Double
    public var extraCost: Double

    public init(material: String, substitute: String, ratio: Double = 1, extraCost: Double = 0) {
        self.material = material
        self.substitute = substitute
        self.ratio = ratio
        self.extraCost = extraCost
    }
}
