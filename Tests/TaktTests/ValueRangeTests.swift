import Foundation
import Testing
import TaktLP

@testable import Takt

/// Every number has a range (`ValueRanges.swift`): checked while reading files, and again on
/// scenarios built in code or composed from a base and an overlay.
@Suite struct ValueRangeTests {
    private let order = CustomerOrder(id: "O1", customer: "c", product: "P", quantity: 40, due: Day(year: 2027, month: 3, day: 15))

    @Test func aScenarioBuiltInCodeIsCheckedAgainstTheRanges() {
        var scenario = ScenarioFactory.small(efficiency: 1e-300, orders: [order])
        scenario.products[0].backlogCost = 1e308
        scenario.routings[0].runHours = 2e4
        scenario.laborPools[0].overtimeHoursMax = .infinity
        let errors = scenario.validate().filter { $0.severity == .error }
        let located = Set(errors.compactMap { $0.location.column })
        #expect(located == ["efficiency", "backlog_cost", "run_hours"], "\(errors)")
        let efficiency = errors.first { $0.location.column == "efficiency" }
        #expect(efficiency?.location.description.hasPrefix("scenario, work_centers[0]") == true)
        #expect(efficiency?.message == "expected a number from 0.01 to 2")
    }

    @Test func tinyNonZeroValuesAreTakenForMistakes() {
        var scenario = ScenarioFactory.small(orders: [order])
        scenario.routings[0].setupHours = 1e-200
        let errors = scenario.validate().filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["expected 0 or a number of at least 0.000001 (smaller values are taken for mistakes)"])
    }

    @Test func anOverlayCanLeaveTheRangeItsPartsWereIn() {
        var base = ScenarioFactory.small(orders: [CustomerOrder(id: "O1", customer: "c", product: "P", quantity: 5e6, due: order.due)])
        base.salesPlan = []
        var overlay = ScenarioOverlay(name: "x1000")
        overlay.demand = [ScenarioOverlay.DemandScale(factor: 1000)]
        #expect(base.validate().filter { $0.severity == .error }.isEmpty)
        let composed = overlay.applied(to: base).validate().filter { $0.severity == .error }
        #expect(composed.map(\.location.column) == ["quantity"])
    }

    @Test func unitCyclesOfAnyLengthAreFound() {
        var scenario = ScenarioFactory.small(orders: [order])
        scenario.units = [
            ProductionUnit(id: "U", name: "U", parent: "A"), ProductionUnit(id: "A", name: "A", parent: "B"),
            ProductionUnit(id: "B", name: "B", parent: "U"), ProductionUnit(id: "C", name: "C", parent: "U"),
        ]
        let cycles = scenario.validate().filter { $0.message.contains("cycle") }
        #expect(cycles.map(\.message) == ["the units' parents form a cycle: U → A → B → U; expected a tree"])
    }

    @Test func aBacklogWindowOfNoPeriodsPlansWithoutBacklog() throws {
        var scenario = ScenarioFactory.small(orders: [order])
        scenario.policy.maxBacklogPeriods = 0
        let plan = try AggregatePlanner(scenario).plan()
        #expect(plan.costs.backlog == 0)
        #expect(plan.orders.allSatisfy { $0.periodsLate == 0 })
    }

    @Test func thePlanOfOneModelStopsAtItsDeadline() {
        let scenario = ScenarioFactory.small(orders: [order])
        #expect(throws: PlanningError.solverStopped(.timeLimitNoSolution)) {
            try AggregatePlanner(scenario).plan(PlanOptions(deadline: Deadline(after: 0)))
        }
    }
}

@Suite struct AtomicFolderTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("takt-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSetReplacesTheWholeOldSet() throws {
        let parent = try folder()
        let out = parent.appendingPathComponent("out").path
        try AtomicFolder.write([(name: "a.csv", data: Data("1".utf8)), (name: "b.csv", data: Data("2".utf8))], to: out)
        try AtomicFolder.write([(name: "a.csv", data: Data("3".utf8))], to: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [AtomicFolder.manifestName, "a.csv"])
        #expect(FileManager.default.contents(atPath: out + "/a.csv") == Data("3".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }

    @Test func aFileInTheWayIsAnError() throws {
        let parent = try folder()
        let out = parent.appendingPathComponent("out")
        try Data("x".utf8).write(to: out)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFolder.write([(name: "a.csv", data: Data())], to: out.path) }
    }

    @Test func aFolderOfTheSameNamesFromAnEarlierVersionIsReplaced() throws {
        let out = try folder()
        try Data("old".utf8).write(to: out.appendingPathComponent("a.csv"))
        try AtomicFolder.write([(name: "a.csv", data: Data("new".utf8))], to: out.path)
        #expect(FileManager.default.contents(atPath: out.path + "/a.csv") == Data("new".utf8))
    }
}
