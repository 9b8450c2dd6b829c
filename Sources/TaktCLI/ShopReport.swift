import Foundation
import TaktSchedule

/// A schedule of a benchmark shop as `takt schedule` prints it.
struct ShopReport {
    let instance: String
    let problem: ShopProblem
    let schedule: Schedule
    let known: KnownBound?
    let objective: ScheduleObjective
    /// The first schedule's dispatching rule and generation.
    let rule: DispatchRule
    let generation: GifflerThompson.Generation
    let iterations: Int
    let seed: UInt64
    let threads: Int

    /// The larger of the longest job (each operation on its fastest machine) and the
    /// busiest machine (for a flexible shop, the total work shared evenly).
    var lowerBound: Int { Self.lowerBound(of: problem) }

    static func lowerBound(of problem: ShopProblem) -> Int {
        let fastest = problem.operations.map { $0.modes.map(\.duration).min() ?? 0 }
        let job = problem.jobs.map { $0.operations.reduce(0) { $0 + fastest[$1] } }.max() ?? 0
        var load = [Int](repeating: 0, count: problem.machineCount)
        var flexible = false
        for operation in problem.operations {
            if operation.modes.count == 1 { load[operation.modes[0].machine] += operation.modes[0].duration } else { flexible = true }
        }
        let shared = flexible ? (fastest.reduce(0, +) + problem.machineCount - 1) / problem.machineCount : 0
        return max(job, load.max() ?? 0, shared)
    }

    /// Position of each operation in its job, from 1.
    private var step: [Int] {
        var step = [Int](repeating: 0, count: problem.operations.count)
        for job in problem.jobs { for (k, o) in job.operations.enumerated() { step[o] = k + 1 } }
        return step
    }

    func table() -> String {
        let makespan = schedule.makespan
        var text = "\(instance): \(problem.jobs.count) jobs, \(problem.machineCount) machines, \(problem.operations.count) operations\n"
        text += "makespan \(makespan), lower bound \(lowerBound) (longest job, busiest machine)"
        if let known {
            let gap = Double(makespan - known.bestKnown) / Double(known.bestKnown) * 100
            text += known.isOptimum
                ? String(format: "; optimum %d (%@): %+.2f%%", known.bestKnown, known.source, gap)
                : String(format: "; best known %d, lower bound %d (%@): %+.2f%%", known.bestKnown, known.lowerBound, known.source, gap)
        }
        let others = measures.filter { $0.key != ScheduleObjective.Measure.makespan.rawValue }
        if !others.isEmpty { text += "\n" + others.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        text += "\nfirst schedule by \(rule.rawValue) (\(generation.rawValue)), then tabu search minimising \(objective): \(iterations) steps a thread, seed \(seed), \(threads) thread\(threads == 1 ? "" : "s")\n"
        let step = self.step
        for (m, sequence) in schedule.machineSequences(problem.machineCount).enumerated() {
            let cells = sequence.map { o in
                "\(problem.jobs[problem.operations[o].job].name).\(step[o]) \(schedule.assignments[o].start)-\(schedule.assignments[o].end)"
            }
            text += "M\(m): " + cells.joined(separator: ", ") + "\n"
        }
        return text
    }

    /// What the schedule measures: the objective's terms, and the tardiness and setups where
    /// the problem has due dates or setups.
    var measures: [(key: String, value: Int)] {
        var all = objective.measures
        if problem.jobs.contains(where: { $0.due != nil }) && !all.contains(.weightedTardiness) { all.append(.weightedTardiness) }
        if !problem.setupTimes.isNone { all += [.setupCount, .setupTime].filter { !all.contains($0) } }
        return all.map { ($0.rawValue, schedule.value(of: $0, in: problem)) }
    }

    private struct Output: Encodable {
        struct Row: Encodable {
            let job: String
            let step: Int
            let machine: Int
            let start: Int
            let end: Int
        }
        let instance: String
        let jobs: Int
        let machines: Int
        let operations: Int
        let makespan: Int
        let lowerBound: Int
        let known: KnownBound?
        let objective: [String]
        let measures: [String: Int]
        let rule: String
        let generation: String
        let iterations: Int
        let seed: UInt64
        let threads: Int
        let schedule: [Row]

        enum CodingKeys: String, CodingKey {
            case instance, jobs, machines, operations, makespan, lowerBound = "lower_bound", known, objective, measures, rule, generation, iterations,
                seed, threads,
                schedule
        }
    }

    func json() throws -> String {
        let step = self.step
        let output = Output(
            instance: instance, jobs: problem.jobs.count, machines: problem.machineCount, operations: problem.operations.count,
            makespan: schedule.makespan, lowerBound: lowerBound, known: known, objective: objective.measures.map(\.rawValue),
            measures: Dictionary(uniqueKeysWithValues: measures.map { ($0.key, $0.value) }), rule: rule.rawValue, generation: generation.rawValue,
            iterations: iterations, seed: seed, threads: threads,
            schedule: schedule.assignments.indices.map { o in
                Output.Row(
                    job: problem.jobs[problem.operations[o].job].name, step: step[o], machine: schedule.assignments[o].machine,
                    start: schedule.assignments[o].start, end: schedule.assignments[o].end)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }
}
