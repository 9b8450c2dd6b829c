import ArgumentParser
import Foundation
import Takt
import TaktSchedule

extension ScheduleCommand {
    /// The window: from --start (else the horizon's start) for --days (else to the end of the
    /// period it starts in).
    func window(of scenario: Scenario) throws -> ShopWindow {
        let horizon = scenario.horizon
        let first = start.flatMap { Day(iso: $0) } ?? horizon.start
        guard let period = horizon.periodIndex(containing: first) else {
            throw ValidationError("--start \(first) is outside the scenario's horizon \(horizon.range.start) to \(horizon.range.end.advanced(by: -1))")
        }
        return ShopWindow(start: first, days: days ?? first.distance(to: horizon.periodStart(period + 1)))
    }

    /// `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD` as a minute of `window`.
    static func minute(_ text: String, of window: ShopWindow) -> Int? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count), let day = Day(iso: parts[0]) else { return nil }
        let time = parts.count == 2 ? TimeOfDay(text: parts[1]) : TimeOfDay(hour: 0)
        return time.map { window.minute(of: day) + $0.minutes }
    }

    /// The scheduler the options ask for, with what is left of the time limit at `deadline`.
    func scheduler(until deadline: ContinuousClock.Instant) -> ShopFloorScheduler {
        let left = deadline - ContinuousClock.now
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        return ShopFloorScheduler(
            objective: objective.objective, rule: rule, iterations: iterations, timeLimit: max(0.1, seconds), seed: seed, threads: threads,
            construction: construction)
    }

    /// The files of `--out`: the schedule's, and any more (a reschedule's moves) before the JSON.
    static func files(of schedule: ShopFloorSchedule, adding more: [(String, String)] = []) throws -> [(String, String)] {
        [
            ("schedule.csv", schedule.operationsCSV()), ("dispatch.csv", schedule.dispatchCSV()), ("day_schedule.csv", schedule.daysCSV()),
            ("workshop.csv", schedule.workshopCSV()), ("shipments.csv", schedule.shipmentsCSV()),
        ] + (schedule.planFit.map { [("plan_fit.csv", $0.csv(window: schedule.window))] } ?? []) + more + [
            ("schedule.json", try schedule.json()), ("schedule.html", schedule.html()),
        ]
    }

    /// `takt schedule PATH`: the shop-floor schedule of the scenario's window.
    func runScenario(_ path: String) throws {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeLimit * 1000)))
        let base = try CommandInput.scenario(at: path)
        let whatIf = try overlay.flatMap { try CommandInput.overlays([$0], base: base).first }
        let scenario = whatIf?.applied(to: base) ?? base
        if let reschedule, let at {
            return try runReschedule(scenario, previous: reschedule, at: at, adding: whatIf?.addOrders.map(\.id) ?? [], deadline: deadline)
        }
        let window = try window(of: scenario)
        if !comparisons.isEmpty { return try runComparison(base, window: window, deadline: deadline) }
        let schedule: ShopFloorSchedule = try CommandInput.reporting {
            switch lotSource {
            case .orders:
                return try scheduler(until: deadline).schedule(scenario, lots: ProductionLot.lots(ofOrders: scenario, window: window), window: window, source: .orders)
            case .plan:
                let result: ProductionPlanResult
                if let plan {
                    result = try CommandInput.planResult(at: plan, of: scenario)
                } else {
                    result = try AggregatePlanner(scenario).plan(PlanOptions(timeLimit: timeLimit))
                }
                return try scheduler(until: deadline).schedule(scenario, plan: result, window: window)
            }
        }
        if let out { try CommandOutput.writeFolder(out, files: Self.files(of: schedule)) }
        switch format {
        case .table: Terminal.standardOutput.write(schedule.text(color: Terminal.standardOutput.usesColor))
        case .json: Terminal.standardOutput.write(try schedule.json())
        case .csv: Terminal.standardOutput.write(schedule.operationsCSV())
        }
    }

    /// `takt schedule PATH --compare A.yaml --compare B.yaml`: the base and each what-if
    /// scheduled in the same window, side by side.
    func runComparison(_ base: Scenario, window: ShopWindow, deadline: ContinuousClock.Instant) throws {
        let overlays = try CommandInput.overlays(comparisons, base: base)
        let run = try CommandInput.reporting {
            let given = try plan.map { try CommandInput.planResult(at: $0, of: base) }
            let whatIf = ShopFloorWhatIf(
                base: base, overlays: overlays, window: window, source: lotSource, plan: given, planOptions: PlanOptions(timeLimit: timeLimit),
                scheduler: scheduler(until: deadline))
            return try whatIf.run()
        }
        if let out {
            var files = [("comparison.csv", run.comparison.csv()), ("comparison.json", try run.comparison.json())]
            for (i, item) in run.schedules.enumerated() {
                let prefix = i == 0 ? "base" : "scenario-\(i)"
                files += [
                    ("\(prefix)-schedule.csv", item.schedule.operationsCSV()), ("\(prefix)-shipments.csv", item.schedule.shipmentsCSV()),
                    ("\(prefix)-schedule.json", try item.schedule.json()), ("\(prefix)-schedule.html", item.schedule.html()),
                ]
            }
            try CommandOutput.writeFolder(out, files: files)
        }
        switch format {
        case .table: Terminal.standardOutput.write(run.comparison.text(color: Terminal.standardOutput.usesColor))
        case .json: Terminal.standardOutput.write(try run.comparison.json())
        case .csv: Terminal.standardOutput.write(run.comparison.csv())
        }
    }

    /// `takt schedule PATH --reschedule DIR --at TIME`: the earlier schedule made again from `at`.
    func runReschedule(_ scenario: Scenario, previous path: String, at text: String, adding: [String], deadline: ContinuousClock.Instant) throws {
        let previous: ShopFloorSchedule
        do { previous = try ShopFloorScheduleFile.read(path) } catch {
            throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError))
        }
        guard let at = Self.minute(text, of: previous.window), (0...previous.window.end).contains(at) else {
            throw ValidationError("--at \(text) is outside the earlier schedule's window \(previous.window.start) to \(previous.window.range.end.advanced(by: -1))")
        }
        let result: ShopFloorReschedule
        do {
            result = try scheduler(until: deadline).reschedule(scenario, previous: previous, at: at, adding: adding)
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        if let out { try CommandOutput.writeFolder(out, files: Self.files(of: result.schedule, adding: [("moves.csv", result.movesCSV())])) }
        switch format {
        case .table: Terminal.standardOutput.write(result.text(color: Terminal.standardOutput.usesColor))
        case .json: Terminal.standardOutput.write(try result.json())
        case .csv: Terminal.standardOutput.write(result.movesCSV())
        }
    }
}
