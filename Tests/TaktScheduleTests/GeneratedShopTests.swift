import Foundation
import Testing
@testable import TaktSchedule

/// The generated plants of the scale benchmark: what they hold, and that the engine's
/// schedules of them pass the independent checker.
@Suite struct GeneratedShopTests {
    @Test func theSameParametersGiveTheSamePlant() throws {
        let a = try GeneratedShop(jobs: 40, operationsPerJob: 6, machines: 8, machinesPerOperation: 2, seed: 3).problem()
        #expect(a == (try GeneratedShop(jobs: 40, operationsPerJob: 6, machines: 8, machinesPerOperation: 2, seed: 3).problem()))
        #expect(a != (try GeneratedShop(jobs: 40, operationsPerJob: 6, machines: 8, machinesPerOperation: 2, seed: 4).problem()))
        #expect(a.operations.count == 240 && a.jobs.count == 40 && a.calendars.count == 8)
        #expect(a.operations.allSatisfy { $0.modes.count == 2 && $0.modes.allSatisfy { (8...144).contains($0.duration) } })
        #expect(a.setupTimes.matrix.count == 10 && a.jobs.allSatisfy { $0.due! > $0.release })
        // Two shifts a weekday: 06:00–22:00 on day 0 less any maintenance, nothing at night.
        let monday = a.calendars[0].workingTime(from: 0, to: 24 * 60)
        #expect(monday == 16 * 60 || monday == 12 * 60 || (monday > 12 * 60 && monday < 16 * 60))
        #expect(a.calendars[0].workingTime(from: 5 * 24 * 60, to: 7 * 24 * 60) == 0)
        #expect(throws: ShopProblemError.self) { try GeneratedShop(jobs: 0, operationsPerJob: 6, machines: 8).problem() }
        #expect(throws: ShopProblemError.self) { try GeneratedShop(jobs: 4, operationsPerJob: 6, machines: 8, machinesPerOperation: 9).problem() }
    }

    @Test func twentyThousandOperationsGetACheckedFirstSchedule() throws {
        let problem = try GeneratedShop(jobs: 2_000, operationsPerJob: 10, machines: 100, machinesPerOperation: 2).problem()
        let schedule = try GifflerThompson().schedule(problem)
        #expect(schedule.violations(of: problem).isEmpty)
        #expect(schedule.makespan >= ShopProblemBounds.busiestMachineShare(problem))
    }

    @Test(arguments: [1, 2] as [UInt64])
    func theTardinessSearchImprovesAndTellsEachStep(seed: UInt64) throws {
        let problem = try GeneratedShop(jobs: 60, operationsPerJob: 5, machines: 10, machinesPerOperation: 2, seed: seed).problem()
        let start = try GifflerThompson(rule: .apparentTardinessCostWithSetups).schedule(problem)
        let curve = Curve()
        let search = TabuSearch(iterations: 400, objective: .weightedTardiness, onImprovement: { curve.add($0) })
        let best = try search.schedule(problem, from: start)
        #expect(best.violations(of: problem).isEmpty)
        let values = curve.values
        #expect(values.first == ScheduleObjective.weightedTardiness.value(of: start, in: problem))
        #expect(values.last == ScheduleObjective.weightedTardiness.value(of: best, in: problem))
        #expect(zip(values, values.dropFirst()).allSatisfy { $1.lexicographicallyPrecedes($0) })
        #expect(values.count > 1, "400 steps found nothing better than the dispatching rule")
    }
}

/// Improvements as a search reports them, from its threads.
private final class Curve: @unchecked Sendable {
    private var list: [[Int]] = []
    private let lock = NSLock()
    func add(_ improvement: TabuSearch.Improvement) {
        lock.lock()
        list.append(improvement.value)
        lock.unlock()
    }
    var values: [[Int]] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

/// A bound the checked schedule must respect: no machine can finish its share of the work
/// (each operation at its fastest) before the work is done, even always working.
private enum ShopProblemBounds {
    static func busiestMachineShare(_ problem: ShopProblem) -> Int {
        let work = problem.operations.reduce(0) { $0 + ($1.modes.map(\.duration).min() ?? 0) }
        return work / problem.machineCount
    }
}
