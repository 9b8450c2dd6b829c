/// How loaded a resource is in one period (产能负荷).
public enum LoadStatus: String, Hashable, Sendable, Codable, Comparable {
    /// Required hours exceed regular capacity (load ratio above 100%).
    case overloaded
    /// At or above the tight threshold.
    case tight
    case normal
    /// Below the underload threshold.
    case underloaded
    /// No capacity and no load.
    case idle

    private var rank: Int { [.overloaded: 0, .tight: 1, .normal: 2, .underloaded: 3, .idle: 4][self]! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    static func of(available: Double, required: Double, tight: Double, underload: Double) -> LoadStatus {
        if available <= 0 { return required > 0 ? .overloaded : .idle }
        let ratio = required / available
        if ratio > 1 + 1e-9 { return .overloaded }
        if ratio >= tight { return .tight }
        if ratio < underload { return .underloaded }
        return .normal
    }
}

/// One order's share of a resource's load in a period.
public struct OrderContribution: Hashable, Sendable, Codable {
    public var order: String
    public var hours: Double
}

/// One line of the capacity-load table (产能负荷分析表): a resource in a period.
public struct CapacityLoadRow: Hashable, Sendable, Codable {
    public var resource: Resource
    public var period: String
    public var periodStart: Day
    /// Regular hours available, maintenance already taken off.
    public var availableHours: Double
    public var requiredHours: Double
    /// Required ÷ available; `nil` when nothing is available.
    public var loadRatio: Double?
    /// Required hours beyond the available ones.
    public var overHours: Double
    /// Available hours left unused.
    public var underHours: Double
    public var status: LoadStatus
    public var maintenanceHours: Double
    /// Overtime hours that could be added; infinite where unlimited.
    public var overtimeHours: Double
    /// Hours an extra shift a day would add.
    public var extraShiftHours: Double
    /// For an overload, the orders that add most to it, largest first.
    public var topOrders: [OrderContribution]
}

/// One resource over the whole horizon.
public struct ResourceLoadTotal: Hashable, Sendable, Codable {
    public var resource: Resource
    public var availableHours: Double
    public var requiredHours: Double
    public var loadRatio: Double?
    /// Over-hours summed over the periods that are overloaded.
    public var overHours: Double
    /// The highest load ratio of any period.
    public var peakLoadRatio: Double?
    public var overloadedPeriods: Int
}

/// The capacity-load table: every resource in every period, per-resource totals and the
/// bottlenecks, most overloaded first.
public struct CapacityLoadTable: Hashable, Sendable, Codable {
    public var periods: [Period]
    /// Resource by resource (work centers, then labor pools), period by period.
    public var rows: [CapacityLoadRow]
    public var totals: [ResourceLoadTotal]
    /// Resources ranked by over-hours, then peak load ratio.
    public var bottlenecks: [ResourceLoadTotal]
    public var tightThreshold: Double
    public var underloadThreshold: Double

    /// The row of one resource in one period.
    public func row(_ resourceID: String, kind: Resource.Kind, period: Int) -> CapacityLoadRow? {
        guard let r = totals.firstIndex(where: { $0.resource.id == resourceID && $0.resource.kind == kind }) else { return nil }
        let index = r * periods.count + period
        return rows.indices.contains(index) ? rows[index] : nil
    }
}
