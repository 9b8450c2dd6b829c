/// A capacity that load is measured against: a work center's machine hours or a labor
/// pool's worker hours.
public struct Resource: Hashable, Sendable, Codable {
    /// Whether the resource is a work center (machines) or a labor pool (workers).
    public enum Kind: String, Hashable, Sendable, Codable {
        case workCenter = "work_center"
        case laborPool = "labor_pool"
    }

    public var kind: Kind
    public var id: String
    public var name: String
    /// The production unit that owns it.
    public var unit: String
}

extension Scenario {
    /// Every work center, then every labor pool, in file order.
    public var resources: [Resource] {
        workCenters.map { Resource(kind: .workCenter, id: $0.id, name: $0.name, unit: $0.unit) }
            + laborPools.map { Resource(kind: .laborPool, id: $0.id, name: $0.name, unit: $0.unit) }
    }
}
