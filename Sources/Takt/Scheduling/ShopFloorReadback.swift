import TaktSchedule

/// A machine schedule read back in the plant's names: operations, shipments, days and work
/// centers of a ``ShopFloorSchedule``.
struct ShopFloorReadback {
    let result: ShopFloorSchedule

    init(model: ShopFloorModel, schedule: Schedule, scenario: Scenario, source: LotSource, overtimeHours: [String: [Int: Double]]) {
        let problem = model.problem
        let window = model.window
        let a = schedule.assignments
        let sequences = schedule.machineSequences(problem.machineCount)
        var setup = [Int](repeating: 0, count: a.count)
        var previous = [Int?](repeating: nil, count: a.count)
        // A changeover is done in the machine's working time from the previous operation's end.
        var setupSpan = a.map { $0.start..<$0.start }
        for sequence in sequences {
            for (x, y) in zip(sequence, sequence.dropFirst()) {
                setup[y] = problem.setupTimes.time(from: problem.operations[x].setupFamily, to: problem.operations[y].setupFamily)
                previous[y] = x
                if setup[y] > 0 {
                    let calendar = problem.calendar(a[y].machine)
                    let from = calendar.earliestStart(at: a[x].end, duration: setup[y], resumable: true) ?? a[x].end
                    setupSpan[y] = from..<min(a[y].start, calendar.end(start: from, work: setup[y]) ?? a[y].start)
                }
            }
        }
        let families = Dictionary(scenario.products.map { ($0.id, $0.family) }) { first, _ in first }
        let completion = problem.jobs.map { job in job.operations.map { a[$0].end }.max() ?? job.release }
        let late = problem.jobs.indices.map { j in problem.jobs[j].due.map { completion[j] > $0 } ?? false }

        var operations: [ShopFloorSchedule.Operation] = []
        for sequence in sequences {
            for o in sequence {
                let step = model.steps[o], lot = model.lots[step.lot], machine = model.machines[a[o].machine]
                let shifts = model.shifts[machine.workCenter] ?? (8 * 60, 8 * 60, 1)
                // Minutes into the working day that began at the shift start.
                var since = a[o].start - shifts.start
                let day = window.day(of: since)
                since -= window.minute(of: day)
                let shift = min(shifts.count + 1, since / max(1, shifts.minutes) + 1)
                operations.append(ShopFloorSchedule.Operation(
                    lot: lot.id, orders: lot.orders, product: lot.product, family: families[lot.product] ?? lot.product, step: step.step, workCenter: machine.workCenter, unit: machine.unit,
                    machine: machine.name, quantity: lot.quantity, start: a[o].start, end: a[o].end, setupMinutes: setup[o],
                    setupStart: setupSpan[o].lowerBound, setupEnd: setupSpan[o].upperBound,
                    runMinutes: problem.operations[o].duration(on: a[o].machine) ?? 0, late: late[step.lot], carriedOver: a[o].end > window.end,
                    minutesAfterPeriod: lot.period.map { p -> Int in
                        let end = window.minute(of: scenario.horizon.periodStart(p + 1)), calendar = problem.calendar(a[o].machine)
                        let run = calendar.isAlways ? max(0, a[o].end - max(a[o].start, end)) : calendar.workingTime(from: max(a[o].start, end), to: a[o].end)
                        return run + calendar.workingTime(from: max(setupSpan[o].lowerBound, end), to: setupSpan[o].upperBound)
                    } ?? 0,
                    day: day, shift: shift))
            }
        }

        // What held each late lot up: its longest wait for a busy machine or for workers; a lot
        // that never waited for either was late by its own work in the working time it had.
        func wait(_ o: Int, ready: Int) -> ShopFloorSchedule.HoldUp? {
            let m = a[o].machine, operation = problem.operations[o], step = model.steps[o].step
            let machineFree = previous[o].map { a[$0].end + setup[o] } ?? 0
            // Left to itself the operation would start at the first working time after both it
            // and its machine were ready; starting later than that, it waited for workers.
            let alone = problem.calendar(m).earliestStart(
                at: max(ready, machineFree), duration: operation.duration(on: m) ?? 0, resumable: operation.resumable) ?? a[o].start
            if alone < a[o].start, let labor = operation.labor {
                return .init(kind: .laborPool, subject: problem.laborPools[labor.pool].name, step: step, waitMinutes: a[o].start - alone)
            }
            guard machineFree > ready else { return nil }
            return .init(kind: .machine, subject: model.machines[m].name, step: step, waitMinutes: min(a[o].start, machineFree) - ready)
        }
        func holdUp(_ j: Int) -> ShopFloorSchedule.HoldUp {
            let job = problem.jobs[j]
            var worst: ShopFloorSchedule.HoldUp?
            var ready = job.release
            for o in job.operations {
                if let found = wait(o, ready: ready), found.waitMinutes > (worst?.waitMinutes ?? 0) { worst = found }
                ready = a[o].end
            }
            return worst ?? .init(kind: .ownWork, subject: nil, step: nil, waitMinutes: 0)
        }

        // Shipments: per order, its lots' last completion.
        var lotsOfOrder: [String: [Int]] = [:]
        for (j, lot) in model.lots.enumerated() {
            for order in lot.orders { lotsOfOrder[order, default: []].append(j) }
        }
        var shipments: [ShopFloorSchedule.Shipment] = []
        for order in scenario.orders {
            guard let jobs = lotsOfOrder[order.id], let last = jobs.max(by: { (completion[$0], $0) < (completion[$1], $1) }) else { continue }
            let done = completion[last]
            // Shipped on the day it completes; a completion at midnight ships that day's before.
            let shipDay = window.day(of: max(0, done - 1))
            let daysLate = max(0, order.due.distance(to: shipDay))
            shipments.append(ShopFloorSchedule.Shipment(
                order: order.id, customer: order.customer, product: order.product,
                quantity: jobs.reduce(0) { $0 + model.lots[$1].quantity }, due: order.due, completion: done, shipDay: shipDay,
                daysLate: daysLate, holdUp: daysLate > 0 || late[last] ? holdUp(last) : nil))
        }
        shipments.sort { ($0.daysLate, $1.due, $1.order) > ($1.daysLate, $0.due, $0.order) }

        // Work centers by day: working minutes, and setup and run minutes in them.
        let dayCount = window.days
        var scheduled = [[Int]](repeating: [Int](repeating: 0, count: dayCount), count: problem.machineCount)
        var available = scheduled
        for m in 0..<problem.machineCount {
            let calendar = problem.calendar(m)
            for d in 0..<dayCount { available[m][d] = calendar.workingTime(from: d * ShopWindow.minutesPerDay, to: (d + 1) * ShopWindow.minutesPerDay) }
        }
        for o in a.indices {
            let m = a[o].machine, calendar = problem.calendar(m)
            for piece in calendar.pieces(from: setupSpan[o].lowerBound, to: setupSpan[o].upperBound) {
                var from = piece.lowerBound
                while from < piece.upperBound {
                    let d = from / ShopWindow.minutesPerDay, to = min(piece.upperBound, (d + 1) * ShopWindow.minutesPerDay)
                    if d >= 0 && d < dayCount { scheduled[m][d] += to - from }
                    from = to
                }
            }
            let first = max(0, a[o].start / ShopWindow.minutesPerDay), last = min(dayCount - 1, (a[o].end - 1) / ShopWindow.minutesPerDay)
            guard first <= last else { continue }
            for d in first...last {
                let from = max(a[o].start, d * ShopWindow.minutesPerDay), to = min(a[o].end, (d + 1) * ShopWindow.minutesPerDay)
                scheduled[m][d] += calendar.isAlways ? to - from : calendar.workingTime(from: from, to: to)
            }
        }
        var days: [ShopFloorSchedule.CenterDay] = []
        var centers: [ShopFloorSchedule.CenterUse] = []
        let setupByMachine = a.indices.reduce(into: [Int](repeating: 0, count: problem.machineCount)) { sum, o in
            if setupSpan[o].lowerBound < window.end { sum[a[o].machine] += setup[o] }
        }
        for center in scenario.workCenters {
            let indices = model.machines.indices.filter { model.machines[$0].workCenter == center.id }
            for d in 0..<dayCount {
                days.append(ShopFloorSchedule.CenterDay(
                    workCenter: center.id, unit: center.unit, day: window.start.advanced(by: d),
                    scheduledMinutes: indices.reduce(0) { $0 + scheduled[$1][d] }, availableMinutes: indices.reduce(0) { $0 + available[$1][d] }))
            }
            centers.append(ShopFloorSchedule.CenterUse(
                workCenter: center.id, unit: center.unit, machines: indices.count,
                scheduledMinutes: indices.reduce(0) { $0 + scheduled[$1].reduce(0, +) }, setupMinutes: indices.reduce(0) { $0 + setupByMachine[$1] },
                availableMinutes: indices.reduce(0) { $0 + available[$1].reduce(0, +) }))
        }

        result = ShopFloorSchedule(
            scenario: scenario.name, window: window,
            overtime: overtimeHours.keys.sorted().flatMap { center in
                overtimeHours[center]!.keys.sorted().map { ShopFloorSchedule.Overtime(workCenter: center, period: $0, hours: overtimeHours[center]![$0]!) }
            },
            crews: model.crews,
            workingTimes: model.machines.indices.map { m in .init(machine: model.machines[m].name, working: problem.calendar(m).pieces(from: 0, to: window.end)) },
            frozen: model.frozen.count, source: source, lots: model.lots, operations: operations, shipments: shipments,
            days: days, centers: centers, makespan: schedule.makespan, lateLots: late.filter { $0 }.count,
            weightedTardiness: schedule.weightedTardiness(problem), setupMinutes: setup.reduce(0, +),
            carriedOver: operations.filter(\.carriedOver).count)
    }
}
