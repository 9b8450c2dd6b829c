/// Material requirements planning's result: the MRP record of every item per bucket, the
/// planned orders (the purchase plan for materials, production orders for sub-assemblies),
/// the requirements per production unit, and the exceptions, each pegged to the plan lines
/// and customer orders that cause it.
public struct MaterialPlan: Hashable, Sendable, Codable {
    /// One time bucket of the records.
    public struct Bucket: Hashable, Sendable, Codable {
        public var label: String
        public var start: Day
        /// The day after the bucket.
        public var end: Day
    }

    /// What an item is to MRP.
    public enum ItemKind: String, Hashable, Sendable, Codable {
        /// Bought: its planned orders are the purchase plan.
        case material
        /// A product used as a component: its planned orders are made.
        case subassembly
    }

    /// A plan line a requirement comes from: the product planned, the plan period it completes
    /// in, and the customer orders the plan pegs to that production.
    public struct Peg: Hashable, Sendable, Codable, Comparable {
        public var product: String
        public var period: Int
        public var orders: [String]

        public static func < (a: Peg, b: Peg) -> Bool { (a.product, a.period) < (b.product, b.period) }
    }

    /// The time-phased record (MRP 表) of one item.
    public struct Record: Hashable, Sendable, Codable {
        public var item: String
        public var kind: ItemKind
        public var lowLevelCode: Int
        public var onHand: Double
        public var safetyStock: Double
        public var leadTimeDays: Int
        public var gross: [Double]
        public var scheduledReceipts: [Double]
        /// At each bucket's end, with the planned receipts.
        public var projectedOnHand: [Double]
        public var net: [Double]
        public var plannedReceipts: [Double]
        public var plannedReleases: [Double]
    }

    /// A planned order: released `leadTimeDays` before the bucket it is needed in.
    public struct PlannedOrder: Hashable, Sendable, Codable {
        public var item: String
        public var kind: ItemKind
        public var supplier: String
        public var quantity: Double
        public var release: Day
        public var due: Day
        /// The buckets of its release (0 where that is before the horizon) and its receipt.
        public var releaseBucket: Int
        public var bucket: Int
        public var cost: Double
        public var pegs: [Peg]
    }

    /// Gross requirements of an item in a bucket from one production unit's production.
    public struct UnitRequirement: Hashable, Sendable, Codable {
        public var unit: String
        public var item: String
        public var bucket: Int
        public var quantity: Double
    }

    /// Something a planner has to act on.
    public struct Exception: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            /// A planned order that should have been released before the horizon's start: the
            /// item arrives `days` late even if ordered now (a shortage no order covers in time).
            case pastDueRelease = "past-due-release"
            /// An open purchase order needed before it is due: bring it forward to `toBucket`.
            case expedite
            /// An open purchase order not needed until later: it may move to `toBucket`.
            case deExpedite = "de-expedite"
            /// An open purchase order the horizon does not need.
            case cancel
            /// Receipts the supplier cannot deliver in the window of `bucket` nor earlier (see
            /// `SupplierLimits`): not planned, so the projected on hand falls short.
            case supplierShortage = "supplier-shortage"
        }

        public var kind: Kind
        public var item: String
        public var purchaseOrder: String?
        public var bucket: Int
        public var toBucket: Int?
        public var quantity: Double
        /// For a past-due release: the days it is late.
        public var days: Int?
        /// The customer orders affected.
        public var orders: [String]
    }

    public var scenario: String
    /// The horizon's period labels, which pegs' periods index.
    public var planPeriods: [String]
    public var buckets: [Bucket]
    /// Low-level code order, then item id.
    public var records: [Record]
    public var plannedOrders: [PlannedOrder]
    public var requirements: [UnitRequirement]
    public var exceptions: [Exception]

    /// The planned orders of materials: what to buy.
    public var purchasePlan: [PlannedOrder] { plannedOrders.filter { $0.kind == .material } }
}
