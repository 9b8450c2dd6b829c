/// A product specification (规格) within a product family (品种), with its lot rules,
/// inventory targets and costs.
public struct Product: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The product family (品种) that aggregate plans are made for.
    public var family: String
    /// The specification (规格), free text such as `Φ20×2m`.
    public var specification: String
    /// The unit of measure, such as `pcs`, `t`, `件`.
    public var uom: String
    /// The smallest lot that is made at once (0: no minimum).
    public var lotMin: Double
    /// Lots are whole multiples of this (0: any quantity, in whole units if ``discrete``).
    public var lotMultiple: Double
    /// Whether the product is counted in whole units (pumps, boxes) rather than measured
    /// (kilograms, litres): plans make and buy whole units of it.
    public var discrete: Bool
    public var initialInventory: Double
    /// Minimum (safety) stock at every period's end.
    public var safetyStock: Double
    /// Maximum stock at any period's end; `nil` for no limit.
    public var maxInventory: Double?
    /// Stock wanted at the horizon's end.
    public var targetEndingInventory: Double
    /// Cost of one unit in stock at a period's end.
    public var holdingCost: Double
    /// Cost of one unit of demand late by one period.
    public var backlogCost: Double
    /// Cost of one unit of demand never met; `nil` to use `unitRevenue`.
    public var lostSaleCost: Double?
    /// Revenue of one unit sold; `nil` when plans minimise cost only.
    public var unitRevenue: Double?
    /// Material and other variable cost of one unit made in-house.
    public var unitCost: Double
    /// Cost of one production run: each period (and production unit) the product is made in.
    public var setupCost: Double

    public init(
        id: String, name: String, family: String, specification: String = "", uom: String = "pcs",
        lotMin: Double = 0, lotMultiple: Double = 0, discrete: Bool = true, initialInventory: Double = 0, safetyStock: Double = 0,
        maxInventory: Double? = nil, targetEndingInventory: Double = 0, holdingCost: Double = 0,
        backlogCost: Double = 0, lostSaleCost: Double? = nil, unitRevenue: Double? = nil, unitCost: Double = 0,
        setupCost: Double = 0
    ) {
        self.id = id
        self.name = name
        self.family = family
        self.specification = specification
        self.uom = uom
        self.lotMin = lotMin
        self.lotMultiple = lotMultiple
        self.discrete = discrete
        self.initialInventory = initialInventory
        self.safetyStock = safetyStock
        self.maxInventory = maxInventory
        self.targetEndingInventory = targetEndingInventory
        self.holdingCost = holdingCost
        self.backlogCost = backlogCost
        self.lostSaleCost = lostSaleCost
        self.unitRevenue = unitRevenue
        self.unitCost = unitCost
        self.setupCost = setupCost
    }
}

extension Product {
    /// The step whole quantities of this product come in: its lot multiple, else 1 for a
    /// discrete product, else 0 (any quantity).
    public var quantityStep: Double { lotMultiple > 0 ? lotMultiple : discrete ? 1 : 0 }

    /// Whether a plan must round this product's quantities at all.
    public var hasWholeQuantities: Bool { quantityStep > 0 || lotMin > 0 }
}
