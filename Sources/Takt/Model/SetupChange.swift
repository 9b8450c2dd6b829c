/// A sequence-dependent changeover (换型): the hours a machine needs to change from making
/// one product (or any product of a family) to another, replacing the routing step's
/// `setupHours` for that pair wherever the two meet on a machine.
///
/// The most specific row applies: product to product, then product to family, family to
/// product, family to family.
public struct SetupChange: Hashable, Sendable, Codable {
    /// A product or family id.
    public var from: String
    /// A product or family id.
    public var to: String
    public var hours: Double

    public init(from: String, to: String, hours: Double) {
        self.from = from
        self.to = to
        self.hours = hours
    }
}
