/// A schedule made again after a change on the shop floor, against the one before: what
/// moved, by how much, and which orders became late.
public struct ShopFloorReschedule: Hashable, Sendable, Codable {
    /// One operation of both schedules that starts elsewhere or at another time.
    public struct Move: Hashable, Sendable, Codable {
        public var lot: String
        public var step: Int
        public var fromMachine: String
        public var toMachine: String
        public var fromStart: Int
        public var toStart: Int
        /// Later (positive) or earlier (negative), in minutes.
        public var minutes: Int { toStart - fromStart }
    }

    /// The minute (in the window) from which the schedule was made again.
    public var at: Int
    public var schedule: ShopFloorSchedule
    /// In the new schedule's order.
    public var moved: [Move]
    /// Operations of lots the new schedule no longer has (cancelled orders).
    public var dropped: Int
    /// Operations of lots the earlier schedule did not have (rush orders).
    public var added: Int
    /// Orders late now that shipped on time before (or were not scheduled).
    public var newlyLate: [String]
    /// Orders on time now that were late before.
    public var recovered: [String]
    public var previousLateOrders: Int
    public var previousMakespan: Int

    public init(previous: ShopFloorSchedule, schedule: ShopFloorSchedule, at: Int) {
        self.at = at
        self.schedule = schedule
        let before = Dictionary(previous.operations.map { ("\($0.lot)\u{1}\($0.step)", $0) }) { first, _ in first }
        let now = Set(schedule.operations.map { "\($0.lot)\u{1}\($0.step)" })
        moved = schedule.operations.compactMap { o in
            guard let old = before["\(o.lot)\u{1}\(o.step)"], old.start != o.start || old.machine != o.machine else { return nil }
            return Move(lot: o.lot, step: o.step, fromMachine: old.machine, toMachine: o.machine, fromStart: old.start, toStart: o.start)
        }
        dropped = before.keys.filter { !now.contains($0) }.count
        added = now.filter { before[$0] == nil }.count
        let lateBefore = Set(previous.lateOrders.map(\.order)), lateNow = Set(schedule.lateOrders.map(\.order))
        newlyLate = schedule.lateOrders.map(\.order).filter { !lateBefore.contains($0) }
        let shipped = Set(schedule.shipments.map(\.order))
        recovered = previous.lateOrders.map(\.order).filter { !lateNow.contains($0) && shipped.contains($0) }
        previousLateOrders = previous.lateOrders.count
        previousMakespan = previous.makespan
    }
}
