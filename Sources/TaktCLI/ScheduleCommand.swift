import ArgumentParser
import Foundation
import TaktSchedule

/// `takt schedule`: a machine schedule of a benchmark job shop, by the tabu search.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a job shop given in a benchmark file: makespan, lower bound, schedule.",
        discussion: """
            Reads the standard job-shop format (first line 'jobs machines', then per job its \
            'machine duration' pairs), or with --flexible Brandimarte's flexible format. Starts \
            from the Giffler-Thompson schedule by most work remaining and improves it by tabu \
            search until --iterations steps, --time-limit, or the lower bound. For a given file, seed and thread \
            count the schedule is the same whenever the steps end the search first. Where the \
            file's folder has an optima.csv (instance,jobs,machines,optimum) or a bounds.csv \
            (…,lower_bound,best_known), the known value is printed beside the makespan. The time \
            taken goes to standard error, so that the output is the same every run.
            """
    )

    @Option(help: "The instance file.") var jobshop: String
    @Flag(help: "The file is a flexible job shop (Brandimarte's format).") var flexible = false
    @Option(help: "Tabu search steps per thread.") var iterations = 200_000
    @Option(help: "Steps without a better schedule before the search shakes the best one.") var stall = 500
    @Option(help: "Steps a reversed move stays tabu (at most as many as there are moves).") var tenure = 10
    @Option(help: "Random seed of the search's shakes.") var seed: UInt64 = 1
    @Option(help: "Searches at once, from seeds seed, seed + 1, …; the best wins.") var threads = 1
    @Option(name: .customLong("time-limit"), help: "Seconds the search may take.") var timeLimit = 10.0
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, json }

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 1e7 else {
            throw ValidationError("--time-limit must be a number of seconds above 0 (at most 10000000), not \(timeLimit)")
        }
        guard (1...10_000_000_000).contains(iterations) else { throw ValidationError("--iterations must be 1...10000000000, not \(iterations)") }
        guard (1...10_000_000_000).contains(stall), (1...1_000_000).contains(tenure) else { throw ValidationError("--stall and --tenure must be whole numbers above 0") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be 1...64, not \(threads)") }
    }

    func run() throws {
        let began = ContinuousClock.now
        let problem: ShopProblem
        let schedule: Schedule
        do {
            problem = try flexible ? FlexibleJobShopFile.read(jobshop) : JobShopFile.read(jobshop)
            // The search stops at the lower bound it can prove itself, not at a file's optimum.
            let bound = ShopReport.lowerBound(of: problem)
            schedule = try TabuSearch(iterations: iterations, stall: stall, tenure: tenure, timeLimit: timeLimit, seed: seed, threads: threads, target: bound).schedule(problem)
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        let violations = schedule.violations(of: problem)
        guard violations.isEmpty else { throw InvalidInput(message: "error: the schedule breaks its problem: \(violations[0])\n") }
        let name = URL(fileURLWithPath: jobshop).deletingPathExtension().lastPathComponent
        let report = ShopReport(
            instance: name, problem: problem, schedule: schedule, known: KnownBound.find(for: jobshop), iterations: iterations, seed: seed,
            threads: threads)
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
