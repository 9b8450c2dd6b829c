import ArgumentParser
import Foundation
import Takt
import TaktSchedule

/// `takt schedule`: a machine schedule of a benchmark job shop, by the tabu search.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a job shop given in a benchmark file: makespan, lower bound, schedule.",
        discussion: """
            Reads the standard job-shop format (first line 'jobs machines', then per job its \
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

    @Option(help: "The instance file.") var jobshop: String?
    @Option(help: "A generated plant instead of a file: JOBSxOPERATIONSxMACHINES, e.g. 2000x10x100.") var generate: String?
    @Option(help: "What the search minimises: makespan, weighted-tardiness or weighted-lateness (then the makespan).")
    var objective: Objective = .makespan
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
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, json }
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
        guard (jobshop == nil) != (generate == nil) else { throw ValidationError("give either --jobshop FILE or --generate JOBSxOPERATIONSxMACHINES") }
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
        case .json: Terminal.standardOutput.write(try report.json())
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
extension GifflerThompson.Generation: ExpressibleByArgument {}
