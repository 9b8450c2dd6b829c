import ArgumentParser
import Foundation
import Takt
import TaktSchedule

/// `takt schedule`: the shop-floor schedule of a scenario, or a machine schedule of a
/// benchmark job shop, by the tabu search.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a scenario's shop floor machine by machine, or a job shop given in a benchmark file.",
        discussion: """
            With a scenario PATH: turns the plan's production in a window (--plan DIR, a takt \
            plan --out folder, else the plan is made first; or --from orders: every open order \
            due in the window) into lots, each through its routing on the work centers' \
            machines, on the working calendar's shifts (shift_start, default 08:00) lengthened by \
            the plan's overtime, less maintenance, with the routing's setups (and \
            setup_matrix.csv changeovers) and labor pools. Prints the late orders and what held \
            them up, and the work centers' use; --out writes schedule.csv, dispatch.csv, \
            day_schedule.csv, workshop.csv, shipments.csv, schedule.json and schedule.html (the \
            Gantt chart and the dispatch lists). --start DATE --days N sets the window (default: \
            the horizon's first period). steps in operations_in_progress.csv stay where they \
            run. --reschedule DIR --at TIME makes an earlier schedule again after a change \
            (--scenario OVERLAY); --compare OVERLAY (repeated) schedules the base and each \
            what-if side by side.

            With --jobshop FILE: reads the standard job-shop format (first line 'jobs machines', then per job its \
            'machine duration' pairs), or with --flexible Brandimarte's flexible format. Starts \
            from the Giffler-Thompson schedule (--rule, --generation; by default active, by most \
            work remaining for the makespan and ATCS otherwise) and improves it by tabu search \
            until --iterations steps (0: none), --time-limit, or the lower bound. For a given file, seed and thread \
            count the schedule is the same whenever the steps end the search first. Where the \
            file's folder has an optima.csv (instance,jobs,machines,optimum) or a bounds.csv \
            (…,lower_bound,best_known), the known value is printed beside the makespan. The time \
            taken goes to standard error, so that the output is the same every run.

            --generate JOBSxOPERATIONSxMACHINES schedules a seeded random plant instead (from \
            --seed): jobs of that many operations in a chain, two machines able to do each, \
            two shifts on weekdays less weekly maintenance, sequence-dependent setups between \
            ten families, releases and due dates (--plain: none of those, and --write-problem \
            FILE saves it in the flexible format for another solver). --progress writes each better schedule's \
            time and objective to standard error: the search's improvement curve.
            """
    )

    @Argument(help: "A scenario folder of CSV files, or a scenario .json file.") var path: String?
    @Option(help: "With a scenario: the plan to schedule (a takt plan --out folder or its plan.json); without it, the scenario is planned first.")
    var plan: String?
    @Option(name: .customLong("from"), help: "With a scenario: the lots come from the plan or from the orders.") var lotSource: LotSource = .plan
    @Option(help: "With a scenario: the window's first day, YYYY-MM-DD (default: the horizon's start).") var start: String?
    @Option(help: "With a scenario: the window's days (default: the rest of the period the window starts in).") var days: Int?
    @Option(help: "With a scenario: write the schedule's files into this folder (created if missing).") var out: String?
    @Option(help: "With a scenario: schedule again what this takt schedule --out folder (or its schedule.json) has, from --at on.")
    var reschedule: String?
    @Option(help: "With --reschedule: the time from which to schedule again, YYYY-MM-DD HH:MM (or YYYY-MM-DDTHH:MM, or a date: its midnight); operations started before it stay.")
    var at: String?
    @Option(name: .customLong("scenario"), help: "With a scenario: a what-if overlay (.json, .yaml or .yml) to schedule, such as a machine down, a rush order or an order cancelled.")
    var overlay: String?
    @Option(name: .customLong("compare"), help: "With a scenario: a what-if overlay (.json, .yaml or .yml) to schedule beside the base; repeat for more. Without --plan each scenario is planned first.")
    var comparisons: [String] = []
    @Option(help: "With a scenario: the first schedule's construction: automatic (Giffler-Thompson up to 5,000 operations, list scheduling beyond), giffler-thompson or list.")
    var construction: ShopFloorScheduler.Construction = .automatic
    @Option(help: "The instance file.") var jobshop: String?
    @Option(help: "A generated plant instead of a file: JOBSxOPERATIONSxMACHINES, e.g. 2000x10x100.") var generate: String?
    @Option(name: .customLong("objective"), help: "What the search minimises: makespan, weighted-tardiness or weighted-lateness (then the makespan); by default the makespan for a job shop, weighted tardiness for a scenario.")
    var objectiveOption: Objective?
    var objective: Objective { objectiveOption ?? (path == nil ? .makespan : .weightedTardiness) }
    @Flag(help: "Write each better schedule's time and objective to standard error.") var progress = false
    @Option(help: "The first schedule's dispatching rule: spt, mwkr, edd, fcfs, atc or atcs (by default mwkr for the makespan, atcs otherwise).")
    var rule: DispatchRule?
    @Option(help: "The first schedule's generation: active or non-delay.") var generation: GifflerThompson.Generation = .active
    @Flag(help: "With --generate: machines always working, no setups, all jobs released at once (a plain flexible job shop).")
    var plain = false
    @Option(name: .customLong("write-problem"), help: "With --generate: also write the plant to this file in the flexible job-shop format (needs --plain).")
    var writeProblem: String?
    @Flag(help: "The file is a flexible job shop (Brandimarte's format).") var flexible = false
    @Option(help: "Tabu search steps per thread.") var iterations = 200_000
    @Option(help: "Steps without a better schedule before the search shakes the best one.") var stall = 1_000
    @Option(help: "Steps a reversed move stays tabu (at most as many as there are moves).") var tenure = 10
    @Option(help: "Random seed of the search's shakes.") var seed: UInt64 = 1
    @Option(help: "Searches at once, from seeds seed, seed + 1, …; the best wins.") var threads = 1
    @Option(name: .customLong("time-limit"), help: "Seconds the search may take.") var timeLimit = 10.0
    @Option(help: "Output: table or json (with a scenario also csv: one row per operation).") var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, json, csv }
    enum Objective: String, ExpressibleByArgument {
        case makespan, weightedTardiness = "weighted-tardiness", weightedLateness = "weighted-lateness"
        var objective: ScheduleObjective {
            switch self {
            case .makespan: .makespan
            case .weightedTardiness: .weightedTardiness
            case .weightedLateness: .weightedLateness
            }
        }
    }

    /// One point of the improvement curve: seconds, run, step and the objective's values.
    static func curveLine(_ improvement: TabuSearch.Improvement, _ measures: [ScheduleObjective.Measure]) -> String {
        var values: [String] = []
        for (measure, value) in zip(measures, improvement.value) { values.append("\(measure.rawValue) \(value)") }
        let head = String(format: "%8.3f s  run %d  step %d  ", improvement.seconds, improvement.run, improvement.step)
        return head + values.joined(separator: ", ") + "\n"
    }

    /// `JOBSxOPERATIONSxMACHINES` as a generated plant.
    static func generated(_ text: String, seed: UInt64) throws -> GeneratedShop {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let jobs = parts[0], let operations = parts[1], let machines = parts[2] else {
            throw ValidationError("--generate must be JOBSxOPERATIONSxMACHINES, three whole numbers such as 2000x10x100, not '\(text)'")
        }
        return GeneratedShop(jobs: jobs, operationsPerJob: operations, machines: machines, machinesPerOperation: min(2, max(1, machines)), seed: seed)
    }

    var firstRule: DispatchRule { rule ?? (objective == .makespan ? .mostWorkRemaining : .apparentTardinessCostWithSetups) }

    func validate() throws {
        guard [path, jobshop, generate].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give a scenario PATH, or --jobshop FILE, or --generate JOBSxOPERATIONSxMACHINES")
        }
        if path == nil && (plan != nil || start != nil || days != nil || out != nil) {
            throw ValidationError("--plan, --start, --days and --out go with a scenario PATH")
        }
        if path == nil && format == .csv { throw ValidationError("--format csv goes with a scenario PATH") }
        if let days, !(1...3_660).contains(days) { throw ValidationError("--days must be 1...3660, not \(days)") }
        if let start, Day(iso: start) == nil { throw ValidationError("--start must be a date YYYY-MM-DD, not '\(start)'") }
        if (reschedule == nil) != (at == nil) { throw ValidationError("--reschedule and --at go together") }
        if reschedule != nil && (plan != nil || start != nil || days != nil) {
            throw ValidationError("--reschedule keeps the earlier schedule's lots and window: --plan, --start and --days do not go with it")
        }
        if let at, Self.minute(at, of: ShopWindow(start: Day(year: 2000, month: 1, day: 1), days: 1)) == nil {
            throw ValidationError("--at must be YYYY-MM-DD HH:MM (or YYYY-MM-DDTHH:MM, or YYYY-MM-DD), not '\(at)'")
        }
        if path == nil && (reschedule != nil || overlay != nil) { throw ValidationError("--reschedule, --at and --scenario go with a scenario PATH") }
        if !comparisons.isEmpty && (path == nil || reschedule != nil || overlay != nil) {
            throw ValidationError("--compare goes with a scenario PATH, and not with --reschedule or --scenario (give each change as a --compare overlay)")
        }
        if plan != nil && lotSource == .orders { throw ValidationError("--plan and --from orders exclude each other: the lots come from one or the other") }
        if let generate {
            do { try Self.generated(generate, seed: seed).validate() } catch { throw ValidationError("--generate: \(error)") }
        }
        if generate != nil && flexible { throw ValidationError("--flexible reads a file; a generated plant is flexible already") }
        if generate == nil && (plain || writeProblem != nil) { throw ValidationError("--plain and --write-problem go with --generate") }
        if writeProblem != nil && !plain { throw ValidationError("--write-problem needs --plain: the file format has no calendars, setups or releases") }
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 1e7 else {
            throw ValidationError("--time-limit must be a number of seconds above 0 (at most 10000000), not \(timeLimit)")
        }
        guard (0...10_000_000_000).contains(iterations) else { throw ValidationError("--iterations must be 0...10000000000 (0: the first schedule only), not \(iterations)") }
        guard (1...10_000_000_000).contains(stall), (1...1_000_000).contains(tenure) else { throw ValidationError("--stall and --tenure must be whole numbers above 0") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be 1...64, not \(threads)") }
    }

    func run() throws {
        if let path { return try runScenario(path) }
        let began = ContinuousClock.now
        let problem: ShopProblem
        let schedule: Schedule
        do {
            if let jobshop {
                problem = try flexible ? FlexibleJobShopFile.read(jobshop) : JobShopFile.read(jobshop)
            } else {
                var shop = try Self.generated(generate!, seed: seed)
                if plain { (shop.calendars, shop.setupFamilies) = (false, 0) }
                problem = try shop.problem()
                if let writeProblem, let text = FlexibleJobShopFile.text(of: problem) {
                    try AtomicFile.write(Data(text.utf8), to: writeProblem)
                }
            }
            // The search stops at the lower bound it can prove itself, not at a file's optimum.
            let bound = objective == .makespan ? ShopReport.lowerBound(of: problem) : nil
            let measures = objective.objective.measures
            var tell: (@Sendable (TabuSearch.Improvement) -> Void)?
            if progress { tell = { improvement in Terminal.standardError.write(Self.curveLine(improvement, measures)) } }
            let start = try GifflerThompson(rule: firstRule, generation: generation).schedule(problem)
            schedule = try TabuSearch(
                iterations: iterations, stall: stall, tenure: tenure, timeLimit: timeLimit, objective: objective.objective, seed: seed, threads: threads,
                target: bound, onImprovement: tell
            ).schedule(problem, from: start)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        let violations = schedule.violations(of: problem)
        guard violations.isEmpty else { throw InvalidInput(message: "error: the schedule breaks its problem: \(violations[0])\n") }
        let name = jobshop.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "generated \(generate!) seed \(seed)"
        let report = ShopReport(
            instance: name, problem: problem, schedule: schedule, known: jobshop.flatMap(KnownBound.find(for:)), objective: objective.objective, rule: firstRule, generation: generation,
            iterations: iterations, seed: seed, threads: threads)
        switch format {
        case .table: Terminal.standardOutput.write(report.table())
        case .json, .csv: Terminal.standardOutput.write(try report.json())
        }
        let elapsed = ContinuousClock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Terminal.standardError.write(String(format: "done in %.2f s\n", seconds))
    }
}

/// What the benchmark library says of an instance: its optimum, or its bounds.
struct KnownBound: Encodable {
    var lowerBound: Int
    var bestKnown: Int
    var source: String
    var isOptimum: Bool { lowerBound == bestKnown }

    enum CodingKeys: String, CodingKey { case lowerBound = "lower_bound", bestKnown = "best_known", source }

    /// From `optima.csv` or `bounds.csv` beside the file, the row named as the file is.
    static func find(for path: String) -> KnownBound? {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        for table in ["optima.csv", "bounds.csv"] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(table), encoding: .utf8) else { continue }
            let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
            guard let header = rows.first else { continue }
            guard let row = rows.dropFirst().first(where: { $0.first == name }) else { continue }
            func value(_ column: String) -> Int? { header.firstIndex(of: column).flatMap { $0 < row.count ? Int(row[$0]) : nil } }
            if let optimum = value("optimum") { return KnownBound(lowerBound: optimum, bestKnown: optimum, source: table) }
            if let low = value("lower_bound"), let best = value("best_known") { return KnownBound(lowerBound: low, bestKnown: best, source: table) }
        }
        return nil
    }
}

extension DispatchRule: ExpressibleByArgument {}
extension LotSource: ExpressibleByArgument {}
extension ShopFloorScheduler.Construction: ExpressibleByArgument {}
extension GifflerThompson.Generation: ExpressibleByArgument {}
