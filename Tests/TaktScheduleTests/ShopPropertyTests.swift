import Testing
@testable import TaktSchedule

/// Seeded random shops with everything at once — flexible machines, shifts, setups, lags,
/// a maximum lag, due dates, a labor pool and a frozen start — and what must hold of every schedule made for them.
@Suite struct ShopPropertyTests {
    static func shop(seed: UInt64) throws -> ShopProblem {
        var random = SeededRandom(seed: seed)
        let machines = 4
        var routes: [[[(machine: Int, duration: Int)]]] = []
        for _ in 0..<6 {
            routes.append((0..<(2 + random.below(3))).map { _ in
                let first = random.below(machines)
                var modes = [(machine: first, duration: 1 + random.below(12))]
                if random.below(3) == 0 { modes.append(((first + 1) % machines, 1 + random.below(12))) }
                return modes
            })
        }
        var problem = ShopProblem(flexibleJobShop: routes, machineCount: machines)
        for o in problem.operations.indices {
            problem.operations[o].setupFamily = random.below(3)
            problem.operations[o].resumable = random.below(4) != 0
            if random.below(3) == 0 { problem.operations[o].labor = .init(pool: 0, workers: 1 + random.below(2)) }
        }
        problem.laborPools = [.init(name: "setters", workers: 2)]
        for j in problem.jobs.indices {
            problem.jobs[j].release = random.below(10)
            problem.jobs[j].due = 20 + random.below(60)
            problem.jobs[j].weight = 1 + random.below(3)
        }
        problem.setupTimes = SetupTimes(matrix: [[0, 3, 5], [2, 0, 4], [6, 1, 0]], changeover: 0)
        // Shifts of 16 with breaks of 8 on two machines, and a maintenance window on a third.
        let shifts = MachineCalendar(working: (0..<40).map { 24 * $0..<(24 * $0 + 16) } + [960..<MachineCalendar.open])
        problem.calendars = [shifts, .always, shifts, MachineCalendar(unavailable: [30..<45])]
        let job = problem.jobs[0].operations
        let lag = 1 + random.below(6)
        problem.precedences = [.init(before: job[0], after: job[1], minLag: lag, maxLag: lag + 10 + random.below(20))]
        // Freeze what a first schedule starts before 12: a consistent frozen start.
        let first = try GifflerThompson().schedule(problem)
        for o in problem.operations.indices where first.assignments[o].start < 12 {
            problem.operations[o].fixed = .init(machine: first.assignments[o].machine, start: first.assignments[o].start)
        }
        try problem.validate()
        return problem
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func everyScheduleIsFeasibleAndTheSearchNeverWorsens(seed: UInt64) throws {
        let problem = try Self.shop(seed: seed)
        #expect(problem.operations.contains { $0.fixed != nil })
        for rule in DispatchRule.allCases {
            let made = try GifflerThompson(rule: rule).schedule(problem)
            #expect(made.violations(of: problem).isEmpty, "seed \(seed), \(rule): \(made.violations(of: problem))")
        }
        for objective in [ScheduleObjective.makespan, .weightedTardiness, ScheduleObjective([.weightedLateness, .setupTime])] {
            let start = try GifflerThompson(rule: .apparentTardinessCostWithSetups).schedule(problem)
            let search = TabuSearch(iterations: 600, stall: 150, objective: objective, seed: seed)
            let best = try search.schedule(problem, from: start)
            #expect(best.violations(of: problem).isEmpty, "seed \(seed), \(objective): \(best.violations(of: problem))")
            #expect(!objective.value(of: start, in: problem).lexicographicallyPrecedes(objective.value(of: best, in: problem)))
            #expect(try search.schedule(problem, from: start) == best)
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func listSchedulingIsFeasibleAndTheSearchStartsFromIt(seed: UInt64) throws {
        let problem = try Self.shop(seed: seed)
        let made = try ListScheduling().schedule(problem)
        #expect(made.violations(of: problem).isEmpty, "seed \(seed): \(made.violations(of: problem))")
        for o in problem.operations.indices { if let f = problem.operations[o].fixed { #expect(made.assignments[o].start == f.start) } }
        #expect(try ListScheduling().schedule(problem) == made)
        let best = try TabuSearch(iterations: 300, objective: .weightedTardiness, seed: seed).schedule(problem, from: made)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.weightedTardiness(problem) <= made.weightedTardiness(problem))
    }

    @Test func listSchedulingFillsGapsOnAJobShop() throws {
        // ft06 by list scheduling: feasible, and no worse than 1.5 × the optimum 55 (a
        // schedule that only appended would leave gaps on every machine).
        let ft06: [[(machine: Int, duration: Int)]] = [
            [(2, 1), (0, 3), (1, 6), (3, 7), (5, 3), (4, 6)], [(1, 8), (2, 5), (4, 10), (5, 10), (0, 10), (3, 4)],
            [(2, 5), (3, 4), (5, 8), (0, 9), (1, 1), (4, 7)], [(1, 5), (0, 5), (2, 5), (3, 3), (4, 8), (5, 9)],
            [(2, 9), (1, 3), (4, 5), (5, 4), (0, 3), (3, 1)], [(1, 3), (3, 3), (5, 9), (0, 10), (4, 4), (2, 1)],
        ]
        let problem = ShopProblem(jobShop: ft06, machineCount: 6)
        let made = try ListScheduling().schedule(problem)
        #expect(made.violations(of: problem).isEmpty)
        #expect(made.makespan >= 55 && made.makespan <= 82)
    }

    @Test func twoThreadsGiveOneResult() throws {
        let problem = try Self.shop(seed: 7)
        let search = TabuSearch(iterations: 800, stall: 100, objective: .weightedTardiness, seed: 3, threads: 2)
        let a = try search.schedule(problem)
        #expect(a.violations(of: problem).isEmpty)
        #expect(try search.schedule(problem) == a)
        // Two threads are seeds 3 and 4: never worse than seed 3 alone.
        let one = try TabuSearch(iterations: 800, stall: 100, objective: .weightedTardiness, seed: 3).schedule(problem)
        #expect(a.weightedTardiness(problem) <= one.weightedTardiness(problem))
    }
}
