/// A plant, subsidiary or workshop (生产单位 / 子公司 / 车间) that owns work centers and labor pools.
public struct ProductionUnit: Hashable, Sendable, Codable {
    /// What sort of unit it is in the company (plant, workshop, subsidiary, …).
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case plant, subsidiary, workshop
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The unit this one belongs to (a workshop's plant), if any.
    public var parent: String?
    /// When its work centers' first shift begins where a work center does not say; `nil`
    /// for the parent's (and else 08:00).
    public var shiftStart: TimeOfDay?

    public init(id: String, name: String, kind: Kind = .plant, parent: String? = nil, shiftStart: TimeOfDay? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.shiftStart = shiftStart
    }
}
