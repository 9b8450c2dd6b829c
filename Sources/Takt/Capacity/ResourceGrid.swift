/// A quantity per resource and period — hours available, hours a plan takes, hours left —
/// with the resources in the plan model's order: the scenario's work centers, then its
/// labor pools.
///
///     var used = ResourceGrid(resources: centers + pools, periods: 12)
///     used += product.load                    // element by element
///     let left = hours.regular - used
///     left[ResourceGrid.laborPool(0, centers: centers), 3]
struct ResourceGrid: Hashable, Sendable {
    /// `[resource][period]`.
    private(set) var values: [[Double]]

    init(_ values: [[Double]]) { self.values = values }

    /// Zeros for `resources` × `periods`.
    init(resources: Int, periods: Int) {
        values = [[Double]](repeating: [Double](repeating: 0, count: periods), count: resources)
    }

    /// Zeros of `grid`'s shape.
    static func zero(like grid: ResourceGrid) -> ResourceGrid { ResourceGrid(grid.values.map { [Double](repeating: 0, count: $0.count) }) }

    /// The row of labor pool `l` (after the `centers` work centers).
    static func laborPool(_ l: Int, centers: Int) -> Int { centers + l }

    var resourceCount: Int { values.count }
    /// The resources' rows.
    var indices: Range<Int> { values.indices }

    /// A resource's row, one value per period.
    subscript(resource: Int) -> [Double] {
        get { values[resource] }
        _modify { yield &values[resource] }
    }

    subscript(resource: Int, period: Int) -> Double {
        get { values[resource][period] }
        set { values[resource][period] = newValue }
    }

    /// Each resource's row changed by `transform` (into other periods: months from weeks).
    func mapRows(_ transform: ([Double]) -> [Double]) -> ResourceGrid { ResourceGrid(values.map(transform)) }

    /// Each value changed by `transform`.
    func map(_ transform: (Double) -> Double) -> ResourceGrid { ResourceGrid(values.map { $0.map(transform) }) }

    /// Each resource's values over the periods, added up.
    var totals: [Double] { values.map { $0.reduce(0, +) } }

    static func + (a: ResourceGrid, b: ResourceGrid) -> ResourceGrid { ResourceGrid(zip(a.values, b.values).map { zip($0, $1).map(+) }) }
    static func - (a: ResourceGrid, b: ResourceGrid) -> ResourceGrid { ResourceGrid(zip(a.values, b.values).map { zip($0, $1).map(-) }) }
    static func += (a: inout ResourceGrid, b: ResourceGrid) { a = a + b }
}
