import Testing
import TaktGLPK
import TaktLP
@testable import TaktSchedule

/// Calendars, setups, lags and fixed operations, each on a case small enough to check by hand.
@Suite struct ShopModelTests {
    /// Two shifts with a break: [0, 8) and [16, 24), then from 32 on.
    static let shifts = MachineCalendar(working: [0..<8, 16..<24, 32..<MachineCalendar.open])

    @Test func aCalendarCountsWorkingTime() {
        let c = Self.shifts
        #expect(c.earliestStart(at: 5, duration: 6, resumable: true) == 5)
        #expect(c.earliestStart(at: 5, duration: 6, resumable: false) == 16)
        #expect(c.earliestStart(at: 9, duration: 6, resumable: true) == 16)
        #expect(c.end(start: 5, work: 6) == 19)  // 3 before the break, 3 after
        #expect(c.end(start: 5, work: 3) == 8)
        #expect(c.advance(7, by: 12) == 35)  // 1 + 8 + 3
        #expect(c.workingTime(from: 4, to: 20) == 8)
        #expect(c.isOneInterval(from: 16, to: 24) && !c.isOneInterval(from: 6, to: 17))
        let maintenance = MachineCalendar(unavailable: [10..<12, 11..<15])
        #expect(maintenance.intervals == [0..<10, 15..<MachineCalendar.open])
        #expect(MachineCalendar(working: [0..<4, 4..<6]).intervals == [0..<6])
    }

    /// One machine with shifts: a job of 4 then 6 after a job of 4 on the same machine.
    private func shiftProblem(resumable: Bool) -> ShopProblem {
        ShopProblem(
            machineCount: 1,
            operations: [ShopProblem.Operation(job: 0, modes: [(0, 4)]), ShopProblem.Operation(job: 1, modes: [(0, 6)], resumable: resumable)],
            jobs: [ShopProblem.Job(name: "A", operations: [0]), ShopProblem.Job(name: "B", operations: [1], release: 1)],
            calendars: [Self.shifts])
    }

    @Test func anOperationPausesOverABreakOrWaitsForAWholeShift() throws {
        let pauses = shiftProblem(resumable: true)
        let a = try TabuSearch().schedule(pauses)
        #expect(a.violations(of: pauses).isEmpty)
        // 4 then 6 from 4: 4 before the break, 2 after: ends at 18.
        #expect(a.makespan == 18)
        let waits = shiftProblem(resumable: false)
        let b = try TabuSearch().schedule(waits)
        #expect(b.violations(of: waits).isEmpty)
        // 6 cannot fit in 4..<8: B first in the first shift (1..<7), then A in 7..<8 + 16..<19? A
        // may pause, so 7 + 1 + 3 ends at 19; B after A would end at 22.
        #expect(b.makespan == 19)
        var broken = b
        let o = 1
        broken.assignments[o] = Schedule.Assignment(machine: 0, start: 4, end: 18)
        broken.assignments[0] = Schedule.Assignment(machine: 0, start: 0, end: 4)
        #expect(broken.violations(of: waits).contains { $0.contains("pauses over a break") })
    }

    /// Three one-operation jobs on one machine, families A, B, A, 2 each, changeover 5:
    /// A A B takes 11, A B A 16.
    static let setups = ShopProblem(
        machineCount: 1,
        operations: [
            ShopProblem.Operation(job: 0, modes: [(0, 2)], setupFamily: 0), ShopProblem.Operation(job: 1, modes: [(0, 2)], setupFamily: 1),
            ShopProblem.Operation(job: 2, modes: [(0, 2)], setupFamily: 0),
        ],
        jobs: (0..<3).map { ShopProblem.Job(name: "J\($0)", operations: [$0]) }, setupTimes: SetupTimes(changeover: 5))

    @Test func setupsGroupAFamily() throws {
        let problem = Self.setups
        let best = try TabuSearch(objective: ScheduleObjective([.makespan, .setupCount])).schedule(problem)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan == 11)
        #expect(best.setups(problem) == (count: 1, time: 5))
        let exact = try ExactJobShop(solver: GLPKSolver()).solve(problem)
        #expect(exact.status == .optimal && exact.schedule.makespan == 11 && exact.lowerBound == 11)
        // The checker sees a missing setup.
        let tight = Schedule(assignments: [.init(machine: 0, start: 0, end: 2), .init(machine: 0, start: 2, end: 4), .init(machine: 0, start: 4, end: 6)])
        #expect(tight.violations(of: problem).filter { $0.contains("setup") }.count == 2)
    }

    /// A frozen operation at [5, 8) on the only machine; jobs of 4 and 3 fill around it: 4
    /// before, 3 after, done at 11.
    static let frozen = ShopProblem(
        machineCount: 1,
        operations: [
            ShopProblem.Operation(job: 0, modes: [(0, 3)], fixed: .init(machine: 0, start: 5)), ShopProblem.Operation(job: 1, modes: [(0, 3)]),
            ShopProblem.Operation(job: 2, modes: [(0, 4)]),
        ],
        jobs: (0..<3).map { ShopProblem.Job(name: "J\($0)", operations: [$0]) })

    @Test func fixedOperationsStayWhereTheyAre() throws {
        let problem = Self.frozen
        for rule in DispatchRule.allCases {
            let made = try GifflerThompson(rule: rule).schedule(problem)
            #expect(made.violations(of: problem).isEmpty, "\(rule): \(made.violations(of: problem))")
            #expect(made.assignments[0] == .init(machine: 0, start: 5, end: 8))
        }
        let best = try TabuSearch().schedule(problem)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan == 11 && best.assignments[0].start == 5 && best.assignments[2] == .init(machine: 0, start: 0, end: 4))
        let exact = try ExactJobShop(solver: GLPKSolver()).solve(problem)
        #expect(exact.status == .optimal && exact.schedule.makespan == 11)
        var moved = best
        moved.assignments[0] = .init(machine: 0, start: 11, end: 14)
        #expect(moved.violations(of: problem).contains { $0.contains("fixed operation 0 moved") })
    }

    @Test func aLagAndAGraphJob() throws {
        // Job 0: 0 → 2 and 1 → 2 (a graph), 3 units of cooling after 0.
        let problem = ShopProblem(
            machineCount: 3,
            operations: [ShopProblem.Operation(job: 0, modes: [(0, 2)]), ShopProblem.Operation(job: 0, modes: [(1, 4)]), ShopProblem.Operation(job: 0, modes: [(2, 1)])],
            jobs: [ShopProblem.Job(name: "G", operations: [0, 1, 2], chained: false)],
            precedences: [.init(before: 0, after: 2, minLag: 3), .init(before: 1, after: 2)])
        let schedule = try TabuSearch().schedule(problem)
        #expect(schedule.violations(of: problem).isEmpty)
        #expect(schedule.assignments[2].start == 5 && schedule.makespan == 6)
        #expect(try ExactJobShop(solver: GLPKSolver()).solve(problem).schedule.makespan == 6)
    }

    @Test func badProblemsAreNamed() {
        var cycle = Self.setups
        cycle.precedences = [.init(before: 0, after: 1), .init(before: 1, after: 0)]
        #expect(throws: ShopProblemError.invalid("the precedences make a cycle")) { try cycle.validate() }
        var afterLoose = Self.frozen
        afterLoose.precedences = [.init(before: 1, after: 0)]
        #expect(throws: ShopProblemError.invalid("operation 0 is fixed but follows operation 1, which is not")) { try afterLoose.validate() }
        var calendars = Self.setups
        calendars.calendars = [.always, .always]
        #expect(throws: ShopProblemError.self) { try calendars.validate() }
        var huge = Self.setups
        huge.operations[0].modes = [(0, ShopProblem.maximumTime + 1)]
        #expect(throws: ShopProblemError.self) { try huge.validate() }
        var offShift = shiftProblem(resumable: true)
        offShift.operations[0].fixed = .init(machine: 0, start: 10)
        #expect(throws: ShopProblemError.self) { try offShift.validate() }
    }

    /// Single-machine weighted tardiness, 6 jobs, seeded: the search and the MIP reach the
    /// optimum that trying every order gives.
    @Test(arguments: 1...4)
    func weightedTardinessOnOneMachine(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let p = (0..<6).map { _ in 1 + random.below(9) }
        let total = p.reduce(0, +)
        let jobs = (0..<6).map { ShopProblem.Job(name: "J\($0)", operations: [$0], due: random.below(total), weight: 1 + random.below(4)) }
        let problem = ShopProblem(machineCount: 1, operations: p.enumerated().map { ShopProblem.Operation(job: $0, modes: [(0, $1)]) }, jobs: jobs)
        var best = Int.max
        func permute(_ order: [Int], _ rest: Set<Int>, _ t: Int, _ cost: Int) {
            if cost >= best { return }
            if rest.isEmpty { best = cost; return }
            for j in rest.sorted() {
                let end = t + p[j]
                permute(order + [j], rest.subtracting([j]), end, cost + jobs[j].weight * max(0, end - jobs[j].due!))
            }
        }
        permute([], Set(0..<6), 0, 0)
        let searched = try TabuSearch(iterations: 3_000, objective: .weightedTardiness).schedule(problem)
        #expect(searched.violations(of: problem).isEmpty)
        #expect(searched.weightedTardiness(problem) == best)
        let exact = try ExactJobShop(solver: GLPKSolver(), objective: .weightedTardiness).solve(problem)
        #expect(exact.status == .optimal && exact.schedule.weightedTardiness(problem) == best && exact.lowerBound == best)
    }

    /// Two machines that can each do either job's one operation: one on each.
    @Test func aFlexibleOperationMovesToTheFreeMachine() throws {
        let problem = ShopProblem(flexibleJobShop: [[[(0, 5), (1, 6)]], [[(0, 5), (1, 7)]], [[(0, 4), (1, 4)]]], machineCount: 2)
        let start = Schedule(assignments: [.init(machine: 0, start: 0, end: 5), .init(machine: 0, start: 5, end: 10), .init(machine: 0, start: 10, end: 14)])
        let best = try TabuSearch().schedule(problem, from: start)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan == 9)  // 5 + 4 on one machine, 6 on the other
    }
}

/// Labor pools: operations on different machines that share a crew.
@Suite struct LaborPoolTests {
    /// Three one-operation jobs on three machines, 4, 5 and 6 long, each needing one of the
    /// crew's workers: with one worker they run one after another (15), with two the longest
    /// runs beside the other two (max(4 + 5, 6) = 9), with three all at once (6).
    static func shop(workers: Int) -> ShopProblem {
        var problem = ShopProblem(jobShop: [[(0, 4)], [(1, 5)], [(2, 6)]], machineCount: 3)
        for o in problem.operations.indices { problem.operations[o].labor = .init(pool: 0, workers: 1) }
        problem.laborPools = [.init(name: "crew", workers: workers)]
        return problem
    }

    @Test(arguments: [(1, 15), (2, 9), (3, 6)])
    func aCrewOfNWorkersRunsNOperationsAtOnce(workers: Int, makespan: Int) throws {
        let problem = Self.shop(workers: workers)
        for rule in DispatchRule.allCases {
            let made = try GifflerThompson(rule: rule).schedule(problem)
            #expect(made.violations(of: problem).isEmpty, "\(rule): \(made.violations(of: problem))")
            #expect(made.makespan >= makespan)
        }
        let best = try TabuSearch(iterations: 200).schedule(problem)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan == makespan)
    }

    @Test func theCheckerSeesTooManyWorkers() throws {
        let problem = Self.shop(workers: 1)
        let together = Schedule(assignments: [.init(machine: 0, start: 0, end: 4), .init(machine: 1, start: 0, end: 5), .init(machine: 2, start: 5, end: 11)])
        #expect(together.violations(of: problem) == ["labor pool crew: 2 workers needed at 0, it has 1"])
        let apart = Schedule(assignments: [.init(machine: 0, start: 0, end: 4), .init(machine: 1, start: 4, end: 9), .init(machine: 2, start: 9, end: 15)])
        #expect(apart.violations(of: problem).isEmpty)
    }

    @Test func aPoolTooSmallOrMissingIsRefused() throws {
        var problem = Self.shop(workers: 1)
        problem.operations[0].labor = .init(pool: 0, workers: 2)
        #expect(throws: ShopProblemError.invalid("operation 0 needs 2 workers of labor pool crew; expected 1...1, the pool's size")) { try problem.validate() }
        problem.operations[0].labor = .init(pool: 1, workers: 1)
        #expect(throws: ShopProblemError.self) { try problem.validate() }
        var frozen = Self.shop(workers: 1)
        frozen.operations[0].fixed = .init(machine: 0, start: 0)
        frozen.operations[1].fixed = .init(machine: 1, start: 2)
        #expect(throws: ShopProblemError.invalid("fixed operations need 2 workers of labor pool crew at 2; it has 1")) { try frozen.validate() }
    }

    @Test func aFixedOperationKeepsItsCrew() throws {
        var problem = Self.shop(workers: 1)
        problem.operations[2].fixed = .init(machine: 2, start: 3)
        let best = try TabuSearch(iterations: 200).schedule(problem)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.assignments[2].start == 3)
        // Nothing else fits in 0..<3 (4 and 5 long): both go after the fixed one, 9 to 18.
        #expect(best.makespan == 18)
    }
}

/// Maximum lags: an operation that must follow its predecessor within a time.
@Suite struct MaximumLagTests {
    /// Job A: a on machine 0 for 5, then b on machine 1 for 3, b at most `maxLag` after a
    /// ends; job B: c on machine 1 for 10, released at once. By most work remaining c goes
    /// first on machine 1 (10 > 8 left), so b waits until 10: a must end at 10 − maxLag.
    static func shop(maxLag: Int) -> ShopProblem {
        var problem = ShopProblem(jobShop: [[(0, 5), (1, 3)], [(1, 10)]], machineCount: 2)
        problem.precedences = [.init(before: 0, after: 1, minLag: 0, maxLag: maxLag)]
        return problem
    }

    @Test(arguments: [0, 2, 5, 100])
    func theOperationBeforeStartsLateEnough(maxLag: Int) throws {
        let problem = Self.shop(maxLag: maxLag)
        let made = try GifflerThompson().schedule(problem)
        #expect(made.violations(of: problem).isEmpty, "\(made.violations(of: problem))")
        #expect(made.assignments[1].start - made.assignments[0].end <= maxLag)
        // With c before b on machine 1, the timing pass's repair starts a late enough.
        var sequences = MachineSequences(made, machineCount: 2)
        sequences.order[1] = [2, 1]
        let timing = ShopTiming(problem)
        let times = try #require(timing.times(sequences, durations: [5, 3, 10]))
        #expect(times.start == [max(0, 10 - maxLag - 5), 10, 0])
        let best = try TabuSearch(iterations: 200).schedule(problem)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan == 13)
    }

    @Test func theCheckerAndTheValidationKnowIt() throws {
        let problem = Self.shop(maxLag: 2)
        let late = Schedule(assignments: [.init(machine: 0, start: 0, end: 5), .init(machine: 1, start: 10, end: 13), .init(machine: 1, start: 0, end: 10)])
        #expect(late.violations(of: problem) == ["operation 1 starts at 10, more than the maximum lag 2 after 0 ends at 5"])
        var wrong = problem
        wrong.precedences[0].minLag = 3
        #expect(throws: ShopProblemError.invalid("precedence 0 → 1: maximum lag is 2; expected 3...\(ShopProblem.maximumTime)")) { try wrong.validate() }
    }

    @Test func theExactModelKeepsIt() throws {
        let problem = Self.shop(maxLag: 0)
        let result = try ExactJobShop(solver: GLPKSolver()).solve(problem)
        #expect(result.status == .optimal)
        #expect(result.schedule.makespan == 13)
        #expect(result.schedule.violations(of: problem).isEmpty)
    }
}

/// Non-delay generation against active, on a case where they differ.
@Suite struct NonDelayTests {
    /// One machine: a (3 long) and b (10 long) released at 0, c (1 long) released at 1.
    @Test func nonDelayNeverLeavesAMachineIdleWithWorkWaiting() throws {
        var problem = ShopProblem(jobShop: [[(0, 3)], [(0, 10)], [(0, 1)]], machineCount: 1)
        problem.jobs[2].release = 1
        // Active by SPT: the first that could end is c (at 2); a and b could start before
        // that and compete with it, and c, the shortest, goes first: the machine idles 0–1.
        let active = try GifflerThompson(rule: .shortestProcessingTime).schedule(problem)
        #expect(active.assignments.map(\.start) == [2, 5, 1])
        // Non-delay: at 0 only a and b can start; a goes, then c (ready) before b.
        let nonDelay = try GifflerThompson(rule: .shortestProcessingTime, generation: .nonDelay).schedule(problem)
        #expect(nonDelay.assignments.map(\.start) == [0, 4, 3])
        #expect(nonDelay.violations(of: problem).isEmpty && active.violations(of: problem).isEmpty)
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func nonDelaySchedulesOfSeededShopsAreFeasible(seed: UInt64) throws {
        let problem = try ShopPropertyTests.shop(seed: seed)
        for rule in DispatchRule.allCases {
            let made = try GifflerThompson(rule: rule, generation: .nonDelay).schedule(problem)
            #expect(made.violations(of: problem).isEmpty, "seed \(seed), \(rule): \(made.violations(of: problem))")
        }
    }
}
