import Foundation
@testable import Takt

/// An independent check of a shop-floor schedule against its scenario, from the output rows
/// and the scenario's tables only (not the scheduling problem it was made from): every lot
/// runs each routing step once, in step order, on a machine of the step's work center or an
/// alternative, for ⌈60 · run hours · quantity ÷ efficiency⌉ minutes of working time; working
/// time is the work center's shifts on its working days, less maintenance; one machine
/// does one thing at a time and changes over between products with the setup time between
/// them; and the lots' quantities add up to the plan's production in the window's periods.
/// A lot with a step in progress starts with that step, on the machine it runs on, for its
/// remaining hours, at its start or the machine's first working minute after.
enum ShopFloorChecker {
    static func violations(
        _ s: ShopFloorSchedule, scenario: Scenario, plan: ProductionPlanResult? = nil, overtime: [String: [Int: Double]] = [:]
    ) -> [String] {
        var found: [String] = []
        let centers = Dictionary(uniqueKeysWithValues: scenario.workCenters.map { ($0.id, $0) })
        let steps = Dictionary(grouping: scenario.routings, by: \.product)
        let calendar = WorkingCalendar(scenario)
        let window = s.window

        // Where maintenance takes a machine down, in minutes: dated rows their days, whole;
        // machine-days in a period whole working days from the period's first, the last
        // machine first.
        func holes(_ number: Int, _ center: WorkCenter) -> [Range<Int>] {
            var found: [Range<Int>] = []
            for m in scenario.maintenance where m.workCenter == center.id {
                if let start = m.start {
                    if number <= m.machines { found.append(window.minute(of: start)..<window.minute(of: (m.end ?? start).advanced(by: 1))) }
                } else if let period = m.period, let machineDays = m.machineDays {
                    let days = period.range.days.filter { calendar.isWorking($0, unit: center.unit, workCenter: center.id) }
                    let fromLast = center.machines - number
                    let mine = min(days.count, max(0, Int(machineDays.rounded(.up)) - fromLast * days.count))
                    for day in days.prefix(mine) { found.append(window.minute(of: day)..<window.minute(of: day.advanced(by: 1))) }
                }
            }
            return found
        }
        // Working minutes of one machine in [from, to): its shifts day by day, less its holes.
        func working(_ machine: String, _ center: WorkCenter, _ from: Int, _ to: Int) -> Int {
            let number = Int(machine.split(separator: "-").last!)!
            let begin = (center.shiftStart ?? scenario.units.first { $0.id == center.unit }?.shiftStart)?.minutes ?? 480
            let down = holes(number, center)
            var total = 0
            var day = window.day(of: from).advanced(by: -1)
            while window.minute(of: day) < to {
                defer { day = day.advanced(by: 1) }
                guard calendar.isWorking(day, unit: center.unit, workCenter: center.id) else { continue }
                var length = Int((Double(center.shiftsPerDay) * center.hoursPerShift * 60).rounded())
                if let period = scenario.horizon.periodIndex(containing: day), let hours = overtime[center.id]?[period], hours > 0 {
                    let days = scenario.horizon.periods[period].range.days.filter { calendar.isWorking($0, unit: center.unit, workCenter: center.id) }.count
                    length += min(1440 - length, Int((hours * 60 / Double(days * center.machines)).rounded(.up)))
                }
                let open = window.minute(of: day) + begin
                let span = max(from, open)..<max(max(from, open), min(to, open + length))
                total += span.count - down.reduce(0) { $0 + $1.clamped(to: span).count }
            }
            return total
        }

        var byLot: [String: [ShopFloorSchedule.Operation]] = [:]
        for o in s.operations { byLot[o.lot, default: []].append(o) }
        var running: [String: OperationInProgress] = [:]
        for item in scenario.operationsInProgress {
            if let lot = s.lots.first(where: { $0.orders.contains(item.order) }), running[lot.id] == nil { running[lot.id] = item }
        }
        for lot in s.lots {
            let ops = (byLot[lot.id] ?? []).sorted { $0.step < $1.step }
            var routing = (steps[lot.product] ?? []).sorted { $0.step < $1.step }
            let item = running[lot.id]
            if let item {
                routing.removeAll { $0.step < item.step || $0.step == item.step && item.remainingHours == 0 }
                if let o = ops.first, o.step == item.step {
                    if o.machine != item.machine && !(o.machine == item.machine + "-1") { found.append("lot \(lot.id): step in progress on \(o.machine), not \(item.machine)") }
                    let began = window.minute(of: item.start) + item.startTime.minutes
                    if let center = centers[o.workCenter], o.start < began || working(o.machine, center, max(0, began), o.start) > 0 {
                        found.append("lot \(lot.id): step in progress moved to \(window.text(of: o.start))")
                    }
                }
            }
            if ops.map(\.step) != routing.map(\.step) { found.append("lot \(lot.id): steps \(ops.map(\.step)), routing \(routing.map(\.step))") }
            for (o, step) in zip(ops, routing) {
                guard ([step.workCenter] + step.alternatives).contains(o.workCenter), let center = centers[o.workCenter]
                else {
                    found.append("lot \(lot.id) step \(o.step) on \(o.workCenter), not a work center of the step")
                    continue
                }
                var minutes = Int((step.runHours * lot.quantity / center.efficiency * 60).rounded(.up))
                if let item, item.step == step.step, let hours = item.remainingHours { minutes = Int((hours * 60).rounded(.up)) }
                if o.runMinutes != minutes { found.append("lot \(lot.id) step \(o.step): \(o.runMinutes) run minutes, expected \(minutes)") }
                let work = working(o.machine, center, o.start, o.end)
                if work != minutes { found.append("lot \(lot.id) step \(o.step): \(work) working minutes in \(window.text(of: o.start))–\(window.text(of: o.end)), expected \(minutes)") }
                if minutes > 0 && (working(o.machine, center, o.start, o.start + 1) == 0 || working(o.machine, center, o.end - 1, o.end) == 0) {
                    found.append("lot \(lot.id) step \(o.step) starts or ends outside working time")
                }
                if o.start < lot.release { found.append("lot \(lot.id) starts before its release") }
            }
            for (a, b) in zip(ops, ops.dropFirst()) where b.start < a.end {
                found.append("lot \(lot.id): step \(b.step) starts before step \(a.step) ends")
            }
        }

        let family = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0.family) })
        let setupHours = Dictionary(scenario.routings.map { ("\($0.product)/\($0.step)", $0.setupHours) }) { a, _ in a }
        for (machine, ops) in Dictionary(grouping: s.operations, by: \.machine) {
            let sorted = ops.sorted { $0.start < $1.start }
            let center = centers[sorted[0].workCenter]!
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                let same = a.product == b.product && a.step == b.step
                var expected = same ? 0 : Int(((setupHours["\(b.product)/\(b.step)"] ?? 0) * 60).rounded(.up))
                if !same && a.product != b.product {
                    let keys = [(a.product, b.product), (a.product, family[b.product]!), (family[a.product]!, b.product), (family[a.product]!, family[b.product]!)]
                    if let change = keys.lazy.compactMap({ k in scenario.setupChanges.first { $0.from == k.0 && $0.to == k.1 } }).first {
                        expected = Int((change.hours * 60).rounded(.up))
                    }
                }
                if b.setupMinutes != expected { found.append("\(machine): setup before \(b.lot) step \(b.step) is \(b.setupMinutes), expected \(expected)") }
                if working(machine, center, a.end, b.start) < expected {
                    found.append("\(machine): \(b.lot) step \(b.step) starts \(window.text(of: b.start)), before \(a.lot) ends and the setup is done")
                }
            }
        }

        if let plan {
            var planned: [String: Double] = [:], scheduled: [String: Double] = [:]
            for row in plan.products where row.production > 1e-9 && scenario.horizon.periods[row.periodIndex].range.overlaps(window.range) {
                planned["\(row.product)/\(row.periodIndex)", default: 0] += row.production
            }
            // Work in progress the plan pegs nowhere in the window has a lot of its own.
            for lot in s.lots where lot.period != nil || running[lot.id] == nil { scheduled["\(lot.product)/\(lot.period ?? -1)", default: 0] += lot.quantity }
            for key in Set(planned.keys).union(scheduled.keys) where abs((planned[key] ?? 0) - (scheduled[key] ?? 0)) > 1e-6 {
                found.append("\(key): planned \(planned[key] ?? 0), in lots \(scheduled[key] ?? 0)")
            }
        }
        return found
    }
}
