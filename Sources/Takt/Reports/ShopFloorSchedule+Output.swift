extension ShopFloorSchedule {
    private func time(_ minute: Int) -> String { window.text(of: minute) }
    private static func hours(_ minutes: Int) -> String { NumberText.plain(Double(minutes) / 60, decimals: 2) }

    public func json() throws -> String { try JSONOutput.text(self) }

    /// One row per operation, machine by machine in sequence.
    public func operationsCSV() -> String {
        var out = CSVText.line([
            "lot", "orders", "product", "step", "work_center", "machine", "quantity", "start", "end", "setup_minutes", "run_minutes", "late",
            "carried_over",
        ])
        for o in operations {
            out += CSVText.line([
                o.lot, o.orders.joined(separator: "|"), o.product, String(o.step), o.workCenter, o.machine, NumberText.plain(o.quantity), time(o.start),
                time(o.end), String(o.setupMinutes), String(o.runMinutes), o.late ? "yes" : "no", o.carriedOver ? "yes" : "no",
            ])
        }
        return out
    }

    /// The dispatch lists (派工单): per work center, machine, day and shift, the operations in
    /// the order they run.
    public func dispatchCSV() -> String {
        var out = CSVText.line([
            "work_center", "machine", "day", "shift", "sequence", "lot", "orders", "product", "step", "quantity", "start", "end", "setup_minutes",
            "run_minutes",
        ])
        var sequence: [String: Int] = [:]
        for o in dispatchOrder {
            let key = "\(o.machine)\u{1}\(o.day)\u{1}\(o.shift)"
            sequence[key, default: 0] += 1
            out += CSVText.line([
                o.workCenter, o.machine, o.day.description, String(o.shift), String(sequence[key]!), o.lot, o.orders.joined(separator: "|"), o.product,
                String(o.step), NumberText.plain(o.quantity), time(o.start), time(o.end), String(o.setupMinutes), String(o.runMinutes),
            ])
        }
        return out
    }

    /// Operations by work center (in the scenario's order), machine, then start.
    var dispatchOrder: [Operation] {
        let rank = Dictionary(centers.enumerated().map { ($1.workCenter, $0) }) { first, _ in first }
        return operations.sorted { a, b in
            (rank[a.workCenter] ?? 0, a.machine.count, a.machine, a.start, a.lot, a.step) < (rank[b.workCenter] ?? 0, b.machine.count, b.machine, b.start, b.lot, b.step)
        }
    }

    /// The production day schedule (生产日程计划): per work center and day, the scheduled
    /// hours against the available hours.
    public func daysCSV() -> String {
        var out = CSVText.line(["unit", "work_center", "day", "scheduled_hours", "available_hours", "load"])
        for d in days {
            out += CSVText.line([
                d.unit, d.workCenter, d.day.description, Self.hours(d.scheduledMinutes), Self.hours(d.availableMinutes),
                d.availableMinutes > 0 ? NumberText.plain(Double(d.scheduledMinutes) / Double(d.availableMinutes), decimals: 3) : "",
            ])
        }
        return out
    }

    /// The workshop plan (车间生产计划): the day schedule summed per production unit.
    public func workshopCSV() -> String {
        var out = CSVText.line(["unit", "day", "operations", "scheduled_hours", "available_hours", "load"])
        var units: [String] = []
        var sums: [String: (ops: Int, scheduled: Int, available: Int)] = [:]
        for d in days {
            let key = "\(d.unit)\u{1}\(d.day)"
            if sums[key] == nil { units.append(key) }
            sums[key, default: (0, 0, 0)].scheduled += d.scheduledMinutes
            sums[key, default: (0, 0, 0)].available += d.availableMinutes
        }
        for o in operations where o.start >= 0 && o.start < window.end {
            sums["\(o.unit)\u{1}\(window.day(of: o.start))"]?.ops += 1
        }
        for key in units.sorted() {
            let parts = key.split(separator: "\u{1}").map(String.init), s = sums[key]!
            out += CSVText.line([
                parts[0], parts[1], String(s.ops), Self.hours(s.scheduled), Self.hours(s.available),
                s.available > 0 ? NumberText.plain(Double(s.scheduled) / Double(s.available), decimals: 3) : "",
            ])
        }
        return out
    }

    /// The shipment schedule (出货排程): per order, the planned completion and ship date against
    /// the due date, late orders first, with what held them up.
    public func shipmentsCSV() -> String {
        var out = CSVText.line(["order", "customer", "product", "quantity", "due", "completion", "ship_date", "days_late", "held_up_by", "at", "step", "wait_hours"])
        for s in shipments {
            out += CSVText.line([
                s.order, s.customer, s.product, NumberText.plain(s.quantity), s.due.description, time(s.completion), s.shipDay.description,
                String(s.daysLate), s.holdUp?.kind.rawValue ?? "", s.holdUp?.subject ?? "", s.holdUp?.step.map(String.init) ?? "",
                s.holdUp.map { Self.hours($0.waitMinutes) } ?? "",
            ])
        }
        return out
    }

    /// Why an order waited, in words.
    static func reason(_ h: HoldUp) -> String {
        switch h.kind {
        case .machine: "step \(h.step ?? 0) waited \(hours(h.waitMinutes)) h for machine \(h.subject ?? "")"
        case .laborPool: "step \(h.step ?? 0) waited \(hours(h.waitMinutes)) h for labor pool \(h.subject ?? "")"
        case .ownWork: "its own work in the working time from its release runs past the due date"
        }
    }

    /// The terminal summary: the window, makespan, late orders, utilisation and setup hours per
    /// work center.
    public func text(color: Bool = false, listLimit: Int = 8) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        let last = window.range.end.advanced(by: -1)
        var out = bold("Shop-floor schedule of \(scenario)") + ": \(window.start) to \(last), \(lots.count) lots from the \(source == .plan ? "plan" : "orders"), \(operations.count) operations\n"
        out += "  last operation ends \(time(makespan)); \(carriedOver) operation\(carriedOver == 1 ? "" : "s") carried over past the window\n"
        let late = lateOrders
        out += "  \(shipments.count - late.count) of \(shipments.count) orders ship on time; \(lateLots) of \(lots.count) lots late; setups \(Self.hours(setupMinutes)) h\n"
        if frozen > 0 { out += "  \(frozen) operation\(frozen == 1 ? "" : "s") in progress or frozen kept where \(frozen == 1 ? "it is" : "they are")\n" }
        if !late.isEmpty {
            out += "\n" + bold("Late orders") + "\n"
            out += "  " + DisplayWidth.fit("order", 12) + DisplayWidth.fit("due", 12) + DisplayWidth.fit("ships", 12) + DisplayWidth.fit("days", 6, right: true) + "  held up\n"
            for s in late.prefix(listLimit) {
                out += "  " + DisplayWidth.fit(s.order, 12) + DisplayWidth.fit(s.due.description, 12) + DisplayWidth.fit(s.shipDay.description, 12)
                    + DisplayWidth.fit(String(s.daysLate), 6, right: true) + "  " + (s.holdUp.map(Self.reason) ?? "") + "\n"
            }
            if late.count > listLimit { out += "  … and \(late.count - listLimit) more (every order: shipments.csv with --out)\n" }
        }
        out += "\n" + bold("Work centers") + " (in the window)\n"
        out += "  " + DisplayWidth.fit("work center", 12) + DisplayWidth.fit("machines", 9, right: true) + DisplayWidth.fit("scheduled h", 13, right: true)
            + DisplayWidth.fit("available h", 13, right: true) + DisplayWidth.fit("used", 7, right: true) + DisplayWidth.fit("setup h", 9, right: true) + "\n"
        for c in centers where c.machines > 0 {
            out += "  " + DisplayWidth.fit(c.workCenter, 12) + DisplayWidth.fit(String(c.machines), 9, right: true)
                + DisplayWidth.fit(Self.hours(c.scheduledMinutes), 13, right: true) + DisplayWidth.fit(Self.hours(c.availableMinutes), 13, right: true)
                + DisplayWidth.fit(NumberText.percent(c.utilization), 7, right: true) + DisplayWidth.fit(Self.hours(c.setupMinutes), 9, right: true) + "\n"
        }
        if !crews.isEmpty {
            out += "  labor pools, workers present: " + crews.map { "\($0.laborPool) \($0.workers)\($0.planned ? " (the plan's headcount \(NumberText.plain(($0.headcount * 10).rounded() / 10)))" : "")" }.joined(separator: ", ") + "\n"
        }
        if let planFit { out += planFit.text(window: window, listLimit: listLimit) }
        return out
    }
}

extension ShopFloorReschedule {
    /// The operations that moved: from and to machine and start, by how many minutes.
    public func movesCSV() -> String {
        let window = schedule.window
        var out = CSVText.line(["lot", "step", "from_machine", "to_machine", "from_start", "to_start", "minutes"])
        for m in moved {
            out += CSVText.line([m.lot, String(m.step), m.fromMachine, m.toMachine, window.text(of: m.fromStart), window.text(of: m.toStart), String(m.minutes)])
        }
        return out
    }

    public func json() throws -> String { try JSONOutput.text(self) }

    /// What the reschedule kept and changed, then the new schedule's summary.
    public func text(color: Bool = false, listLimit: Int = 8) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        let window = schedule.window
        let machines = moved.filter { $0.fromMachine != $0.toMachine }.count
        var out = bold("Rescheduled from \(window.text(of: at))") + ": \(schedule.frozen) started or frozen operation\(schedule.frozen == 1 ? "" : "s") kept; "
        out += "\(moved.count) moved (\(machines) to another machine), \(added) added, \(dropped) dropped\n"
        out += "  late orders \(previousLateOrders) → \(schedule.lateOrders.count); last operation ends \(window.text(of: previousMakespan)) → \(window.text(of: schedule.makespan))\n"
        if !newlyLate.isEmpty {
            out += "  newly late: " + newlyLate.prefix(listLimit).joined(separator: ", ") + (newlyLate.count > listLimit ? ", … \(newlyLate.count - listLimit) more" : "") + "\n"
        }
        if !recovered.isEmpty {
            out += "  on time again: " + recovered.prefix(listLimit).joined(separator: ", ") + (recovered.count > listLimit ? ", … \(recovered.count - listLimit) more" : "") + "\n"
        }
        let largest = moved.sorted { (abs($0.minutes), $0.lot, $0.step) > (abs($1.minutes), $1.lot, $1.step) }.prefix(listLimit)
        if !largest.isEmpty {
            out += "\n" + bold("Moved most") + "\n"
            for m in largest {
                let hours = NumberText.plain(Double(m.minutes) / 60, decimals: 1)
                out += "  \(m.lot) step \(m.step): \(m.fromMachine) \(window.text(of: m.fromStart)) → \(m.toMachine) \(window.text(of: m.toStart)) (\(m.minutes > 0 ? "+" : "")\(hours) h)\n"
            }
        }
        return out + "\n" + schedule.text(color: color, listLimit: listLimit)
    }
}

extension PlanFit {
    /// Per work center and plan period: planned, available, scheduled and after-period hours.
    public func csv(window: ShopWindow) -> String {
        var out = CSVText.line(["work_center", "period", "planned_hours", "available_hours", "scheduled_hours", "setup_hours", "hours_after_period", "fits"])
        for r in rows {
            out += CSVText.line([
                r.workCenter, r.period, NumberText.plain(r.plannedHours, decimals: 2), NumberText.plain(r.availableHours, decimals: 2),
                NumberText.plain(r.scheduledHours, decimals: 2), NumberText.plain(r.setupHours, decimals: 2), NumberText.plain(r.hoursAfterPeriod, decimals: 2),
                r.hoursAfterPeriod > 1e-9 ? "no" : "yes",
            ])
        }
        return out
    }

    /// Where the plan does not fit in detail, in a few lines.
    func text(window: ShopWindow, listLimit: Int) -> String {
        guard !overruns.isEmpty || !misfits.isEmpty else { return "\nThe plan fits in detail: every lot completes in its period.\n" }
        var out = "\nThe plan does not fit in detail: \(overruns.count) lot\(overruns.count == 1 ? "" : "s") complete after their period"
        let orders = Set(overruns.flatMap(\.orders))
        let shown = min(listLimit, 5)
        out += orders.isEmpty ? ".\n" : " (orders \(orders.sorted().prefix(shown).joined(separator: ", "))\(orders.count > shown ? ", …" : "")).\n"
        out += "  " + DisplayWidth.fit("work center", 12) + DisplayWidth.fit("period", 9) + DisplayWidth.fit("planned h", 11, right: true)
            + DisplayWidth.fit("scheduled h", 13, right: true) + DisplayWidth.fit("after it h", 12, right: true) + "\n"
        for r in misfits.sorted(by: { ($0.hoursAfterPeriod, $1.workCenter) > ($1.hoursAfterPeriod, $0.workCenter) }).prefix(listLimit) {
            out += "  " + DisplayWidth.fit(r.workCenter, 12) + DisplayWidth.fit(r.period, 9) + DisplayWidth.fit(NumberText.hours(r.plannedHours), 11, right: true)
                + DisplayWidth.fit(NumberText.hours(r.scheduledHours), 13, right: true) + DisplayWidth.fit(NumberText.hours(r.hoursAfterPeriod), 12, right: true) + "\n"
        }
        return out
    }
}
