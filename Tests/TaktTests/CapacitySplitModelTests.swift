import Testing
@testable import Takt
import TaktGLPK
import TaktLP

@Suite struct CapacitySplitModelTests {
    /// Two months, one resource; the hours the others take in January exceed regular time by
    /// exactly the overtime, in sums that leave 5.6e-17 h "left" by rounding.
    private func model(regular: [Double], overtime: [Double]) -> CapacitySplitModel {
        let periods = [
            Period(index: 0, range: DayRange(start: Day(year: 2027, month: 1, day: 1), end: Day(year: 2027, month: 2, day: 1)), label: "2027-01"),
            Period(index: 1, range: DayRange(start: Day(year: 2027, month: 2, day: 1), end: Day(year: 2027, month: 3, day: 1)), label: "2027-02"),
        ]
        let item = CapacitySplitModel.Item(
            quantity: 20, sales: [10, 10], opening: 0, holdingCost: 1, backlogCost: 5, load: [(resource: 0, hours: 0.5, offsetDays: 0)], offers: [])
        var model = CapacitySplitModel(
            items: [item], periods: periods, window: 0..<2, regular: ResourceGrid([regular]), overtime: ResourceGrid([overtime]), overtimeCost: [20], costScale: [1, 1])
        model.build()
        return model
    }

    @Test func overtimeLeftByRoundingIsNoColumn() throws {
        let noise = 0.1 + 0.2 - 0.3
        #expect(noise > 0 && noise < 1e-15)
        let split = model(regular: [-0.3, 40], overtime: [0.1 + 0.2, 8])
        try split.program.validate()
        #expect(!split.program.variables.contains { $0.name == "o(0,0)" })
        #expect(split.program.variables.contains { $0.name == "o(0,1)" })
        let solution = try GLPKSolver().solve(split.program, options: SolveOptions(timeLimit: 10))
        #expect(solution.status == .optimal)
        // January has no hours at all: its 10 units are made in February, 10 late in January.
        #expect(abs(solution[split.supply[0][0]]) < 1e-9)
        #expect(abs(solution[split.supply[0][1]] - 20) < 1e-9)
    }
}
