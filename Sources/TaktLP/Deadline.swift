import Dispatch

/// An instant by which a whole piece of work must end: one budget for every solve of a
/// command (a plan made families first solves hundreds of models; a what-if run, dozens of
/// plans). Each solve is given what is left of it.
///
///     let deadline = Deadline(after: 60)
///     var options = SolveOptions(deadline: deadline)   // every solve stops by then
public struct Deadline: Hashable, Sendable, Codable, Comparable {
    /// The system's monotonic clock at the deadline, in nanoseconds since boot.
    public let uptimeNanoseconds: UInt64

    /// The instant `seconds` from now.
    public init(after seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let span = seconds.isFinite ? UInt64(max(0, min(seconds, 1e9)) * 1e9) : UInt64.max / 2
        uptimeNanoseconds = now.addingReportingOverflow(span).overflow ? UInt64.max : now + span
    }

    /// Seconds left until the deadline; 0 once it has passed.
    public var secondsLeft: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= uptimeNanoseconds ? 0 : Double(uptimeNanoseconds - now) / 1e9
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds }

    /// The earlier of this deadline and `other`.
    public func earlier(_ other: Deadline?) -> Deadline { other.map { Swift.min(self, $0) } ?? self }

    public static func < (a: Deadline, b: Deadline) -> Bool { a.uptimeNanoseconds < b.uptimeNanoseconds }
}
