/// Many what-ifs of one base scenario, planned as one job: a grid of parameters (demand from
/// −20% to +20% × three overtime policies) or a list of overlays, and the measures to keep
/// from each point's plan.
///
///     let sweep = try SweepFile.read("sweeps/demand-overtime.yaml")
///     let results = try SweepRun(sweep).results()          // every point, on every core
///     results.points.min { $0.values[0] < $1.values[0] }   // the cheapest, by the first KPI
///
/// A sweep can be split into shards (``SweepShards``) computed apart, on other machines, and
/// merged (``SweepResults/merge(_:)``) into the same results.
public struct Sweep: Sendable {
    /// What each point computes.
    public enum Computation: String, Hashable, Sendable, Codable, CaseIterable {
        /// The aggregate plan (`takt plan`).
        case plan
        /// The annual plan split into its levels (`takt decompose`).
        case decompose
    }

    /// One axis of the grid: its name and its values' labels (for a list of overlays, one
    /// axis, `overlay`, whose labels are the overlays' names).
    public struct Parameter: Hashable, Sendable, Codable {
        public var name: String
        public var values: [String]
        /// Every value is a number, so that results can be drawn against it.
        public var isNumeric: Bool { values.allSatisfy { Double($0) != nil } }

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// One scenario of the sweep: where it sits on the grid and the changes it makes.
    public struct Point: Hashable, Sendable {
        /// The point's place in the sweep, 0 first; shards and results are keyed by it.
        public var index: Int
        /// The index of its value on each axis.
        public var coordinates: [Int]
        public var overlay: ScenarioOverlay

        public init(index: Int, coordinates: [Int], overlay: ScenarioOverlay) {
            self.index = index
            self.coordinates = coordinates
            self.overlay = overlay
        }
    }

    public var name: String
    public var base: Scenario
    public var parameters: [Parameter]
    public var points: [Point]
    public var computation: Computation
    public var kpis: [SweepKPI]
    /// What the sweep is, as a SHA-256 of its definition and its base scenario's content:
    /// shards carry it, and only shards of one sweep are merged.
    public var contentHash: String

    public init(
        name: String, base: Scenario, parameters: [Parameter], points: [Point], computation: Computation = .plan,
        kpis: [SweepKPI]? = nil, contentHash: String
    ) {
        self.name = name
        self.base = base
        self.parameters = parameters
        self.points = points
        self.computation = computation
        self.kpis = kpis ?? SweepKPI.defaults(for: computation)
        self.contentHash = contentHash
    }

    /// The value labels of a point, one per parameter.
    public func labels(of point: Point) -> [String] {
        zip(parameters, point.coordinates).map { $0.values[$1] }
    }

    /// The points of a grid, the last axis varying fastest: `overlays[a][v]` is axis `a`'s
    /// value `v`, and a point's overlay is its values' overlays applied one after another.
    public static func grid(_ axes: [[ScenarioOverlay]]) -> [(coordinates: [Int], overlay: ScenarioOverlay)] {
        var points: [(coordinates: [Int], overlay: ScenarioOverlay)] = [([], ScenarioOverlay(name: ""))]
        for axis in axes {
            points = points.flatMap { point in
                axis.enumerated().map { v, overlay in (point.coordinates + [v], point.overlay.followed(by: overlay)) }
            }
        }
        return axes.isEmpty ? [] : points
    }
}

extension ScenarioOverlay {
    /// This overlay's changes, then `other`'s; named by both.
    func followed(by other: ScenarioOverlay) -> ScenarioOverlay {
        var combined = self
        combined.name = name.isEmpty ? other.name : "\(name) · \(other.name)"
        if let change = other.decomposition {
            var merged = combined.decomposition ?? DecompositionChange()
            merged.method = change.method ?? merged.method
            merged.finestLevel = change.finestLevel ?? merged.finestLevel
            merged.unitAllocation = change.unitAllocation ?? merged.unitAllocation
            combined.decomposition = merged
        }
        combined.demand += other.demand
        combined.addOrders += other.addOrders
        combined.removeOrders += other.removeOrders
        combined.changeOrders += other.changeOrders
        combined.machinesDown += other.machinesDown
        combined.workCenters += other.workCenters
        combined.laborPools += other.laborPools
        combined.products += other.products
        combined.subcontractorsUnavailable += other.subcontractorsUnavailable
        return combined
    }
}
