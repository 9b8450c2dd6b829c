/// A day-by-day, machine-by-machine schedule of a window: which operation runs on which
/// machine when, and what that means for orders and work centers. Times are minutes from
/// midnight at the window's start (``ShopWindow/text(of:)`` writes them as dates).
public struct ShopFloorSchedule: Hashable, Sendable, Codable {
    /// One routing step of one lot on one machine.
    public struct Operation: Hashable, Sendable, Codable {
        public var lot: String
        public var orders: [String]
        public var product: String
        public var family: String
        public var step: Int
        public var workCenter: String
        public var unit: String
        public var machine: String
        public var quantity: Double
        public var start: Int
        /// Breaks the operation pauses over included.
        public var end: Int
        /// The changeover before it on its machine: its working minutes, and when it is done
        /// (from the previous operation's end on, in the machine's working time; the
        /// operation may start later).
        public var setupMinutes: Int
        public var setupStart: Int
        public var setupEnd: Int
        public var runMinutes: Int
        /// Its lot completes after the lot's due time.
        public var late: Bool
        /// It ends after the window.
        public var carriedOver: Bool
        /// Working minutes of it (setup and run) after the end of the plan period its lot
        /// completes in: where the period plan does not fit in detail (0 without a period).
        public var minutesAfterPeriod: Int
        /// The working day and shift (1, 2, …) it starts in: a night shift that runs past
        /// midnight belongs to the day it began. A shift number past the work center's shifts
        /// is overtime.
        public var day: Day
        public var shift: Int
    }

    /// What held a late lot up most: its longest wait, between a step being ready and starting,
    /// for a busy machine or for a labor pool's workers.
    public struct HoldUp: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            /// The machine was busy with other lots.
            case machine
            /// The labor pool's workers were all at other operations.
            case laborPool = "labor_pool"
            /// It never waited for either: its own work, in the working time from its release
            /// (nights, weekends, holidays and maintenance left out), runs past its due time.
            case ownWork = "own_work"
        }

        public var kind: Kind
        /// The machine or labor pool, where the kind has one.
        public var subject: String?
        /// The step that waited, and how long.
        public var step: Int?
        public var waitMinutes: Int
    }

    /// One customer order's planned completion and shipment against its due date.
    public struct Shipment: Hashable, Sendable, Codable {
        public var order: String
        public var customer: String
        public var product: String
        public var quantity: Double
        public var due: Day
        /// When its last lot completes.
        public var completion: Int
        public var shipDay: Day
        /// Days the shipment is after the due date (0 when on time).
        public var daysLate: Int
        public var holdUp: HoldUp?
    }

    /// One work center on one day of the window.
    public struct CenterDay: Hashable, Sendable, Codable {
        public var workCenter: String
        public var unit: String
        public var day: Day
        /// Setup and run minutes scheduled on its machines that day.
        public var scheduledMinutes: Int
        /// Working minutes its machines have that day.
        public var availableMinutes: Int
    }

    /// One work center over the window.
    public struct CenterUse: Hashable, Sendable, Codable {
        public var workCenter: String
        public var unit: String
        public var machines: Int
        public var scheduledMinutes: Int
        public var setupMinutes: Int
        public var availableMinutes: Int
        public var utilization: Double? { availableMinutes > 0 ? Double(scheduledMinutes) / Double(availableMinutes) : nil }
    }

    /// Overtime (and extra-shift) hours a work center's machines work in a plan period, on
    /// top of their shifts.
    public struct Overtime: Hashable, Sendable, Codable {
        public var workCenter: String
        public var period: Int
        public var hours: Double
    }

    /// A labor pool's workers on the shop floor while the machines work: from its headcount
    /// (the plan's workers, overtime counted as more of them, where a plan is scheduled).
    public struct Crew: Hashable, Sendable, Codable {
        public var laborPool: String
        public var headcount: Double
        /// Whether the headcount is the plan's rather than the pool's own.
        public var planned: Bool
        /// Present at once: ⌊headcount × attendance × hours per day ÷ the longest working day
        /// of the work centers it staffs⌋, at most the headcount.
        public var workers: Int
    }

    /// When one machine works in the window, in minutes from its start.
    public struct WorkingTime: Hashable, Sendable, Codable {
        public var machine: String
        public var working: [Range<Int>]
    }

    public var scenario: String
    public var window: ShopWindow
    public var overtime: [Overtime]
    public var crews: [Crew]
    /// Every machine's working time in the window, in the machines' order.
    public var workingTimes: [WorkingTime]
    /// Operations kept in place: steps in progress, or in a reschedule the started ones and frozen orders'.
    public var frozen: Int
    public var source: LotSource
    public var lots: [ProductionLot]
    /// In machine order, each machine's operations in sequence.
    public var operations: [Operation]
    /// Late orders first (latest first), then by due date.
    public var shipments: [Shipment]
    public var days: [CenterDay]
    public var centers: [CenterUse]
    /// When the last operation ends.
    public var makespan: Int
    /// Lots that complete after their due time.
    public var lateLots: Int
    /// Σ weight × minutes late over lots.
    public var weightedTardiness: Int
    public var setupMinutes: Int
    /// Operations that end after the window.
    public var carriedOver: Int
    /// How the plan the lots came from fits in detail, where they came from one.
    public var planFit: PlanFit? = nil

    public var lateOrders: [Shipment] { shipments.filter { $0.daysLate > 0 } }

    /// The headcount by labor pool, as ``ShopFloorScheduler`` takes it.
    public var headcount: [String: Double] { Dictionary(crews.filter(\.planned).map { ($0.laborPool, $0.headcount) }) { first, _ in first } }

    /// The overtime hours by work center and period, as ``ShopFloorScheduler`` takes them.
    public var overtimeHours: [String: [Int: Double]] {
        overtime.reduce(into: [:]) { hours, row in hours[row.workCenter, default: [:]][row.period, default: 0] += row.hours }
    }
}
