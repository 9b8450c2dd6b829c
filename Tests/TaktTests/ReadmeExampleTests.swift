import Foundation
import Testing

// The README's library examples, verbatim: this file compiles and runs them, and a test
// checks that every Swift example in the README is in this file, so neither can drift.

import Takt
import TaktGLPK
import TaktLP

private func planningExample() throws {
let scenario = try ScenarioLoader.load(from: "datasets/sample-plant").scenario
let plan = try AggregatePlanner(scenario).plan(PlanOptions(timeLimit: 60))
print(plan.costs.total, plan.onTimeRate)
for order in plan.orders where !order.onTime { print(order.order, order.periodsLate) }

var overlay = ScenarioOverlay(name: "demand +10%")
overlay.demand = [ScenarioOverlay.DemandScale(factor: 1.1)]
let run = try WhatIfAnalysis(base: scenario, overlays: [overlay], warmStart: true).run()
print(run.comparison.measures.map(\.name))
}

private func linearProgramExample() throws -> (Double, Double) {
var lp = LinearProgram(sense: .maximize)
let x = lp.addVariable("x", objective: 3)
let y = lp.addVariable("y", objective: 5)
lp.addConstraint("plant1", [Term(x, 1)], .lessOrEqual(4))
lp.addConstraint("plant2", [Term(y, 2)], .lessOrEqual(12))
let plant3 = lp.addConstraint("plant3", [Term(x, 3), Term(y, 2)], .lessOrEqual(18))
let solution = try GLPKSolver().solve(lp, options: SolveOptions(timeLimit: 10))
print(solution.objective, solution.shadowPrice(plant3) ?? 0)   // 36, 1
return (solution.objective, solution.shadowPrice(plant3) ?? 0)
}

@Suite struct ReadmeExampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExamplesRun() throws {
        // The README's paths are relative to the repository, where `swift test` runs.
        #expect(FileManager.default.fileExists(atPath: "datasets/sample-plant/orders.csv"))
        try planningExample()
        let (objective, price) = try linearProgramExample()
        #expect(abs(objective - 36) < 1e-9 && abs(price - 1) < 1e-9)
    }

    @Test func everySwiftExampleOfTheReadmeIsInThisFile() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let here = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        for block in blocks where !block.contains(".package(") {
            for line in block.split(separator: "\n") where !line.hasPrefix("import ") {
                #expect(here.contains(line), "README line not in ReadmeExampleTests.swift: \(line)")
            }
        }
    }
}
