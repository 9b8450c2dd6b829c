import Foundation
import Testing

/// `takt schedule` on the benchmark files, through the built binary.
@Suite struct ScheduleCommandTests {
    @Test func ft06ReachesItsOptimumAndSaysSo() throws {
        let run = try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--iterations", "20000"])
        #expect(run.status == 0 && !run.signaled, "\(run.standardError)")
        #expect(run.standardOutput.contains("makespan 55, lower bound 47"))
        #expect(run.standardOutput.contains("optimum 55 (optima.csv): +0.00%"))
        // One line per machine, every operation once.
        let machines = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("M") }
        #expect(machines.count == 6)
        #expect(machines.map { $0.split(separator: ",").count }.reduce(0, +) == 36)
        #expect(run.standardError.contains("done in"))
    }

    @Test func aFlexibleShopInJSONIsTheSameEveryRun() throws {
        let arguments = ["schedule", "--jobshop", "datasets/jobshop/brandimarte/mk01.txt", "--flexible", "--iterations", "3000", "--format", "json"]
        let a = try TaktBinary.run(arguments), b = try TaktBinary.run(arguments)
        #expect(a.status == 0, "\(a.standardError)")
        #expect(a.standardOutput == b.standardOutput)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.standardOutput.utf8)) as? [String: Any])
        let makespan = try #require(json["makespan"] as? Int)
        #expect(makespan >= 40 && makespan <= 48)
        #expect((json["schedule"] as? [Any])?.count == 55)
        #expect((json["known"] as? [String: Any])?["best_known"] as? Int == 40)
    }

    @Test func aBadFileSaysWhereAndExitsOne() throws {
        let run = try TaktBinary.run(["schedule", "--jobshop", "README.md"])
        #expect(run.status == 1 && !run.signaled)
        #expect(run.standardError.contains("README.md, line"))
        let flexible = try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--flexible"])
        #expect(flexible.status == 1 && !flexible.signaled)
        #expect(try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--threads", "0"]).status == 2)
    }

    @Test func aGeneratedPlantIsScheduledForTardinessWithItsCurve() throws {
        let arguments = ["schedule", "--generate", "30x5x6", "--objective", "weighted-tardiness", "--iterations", "300", "--progress", "--format", "json"]
        let a = try TaktBinary.run(arguments), b = try TaktBinary.run(arguments)
        #expect(a.status == 0 && !a.signaled, "\(a.standardError)")
        #expect(a.standardOutput == b.standardOutput)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.standardOutput.utf8)) as? [String: Any])
        #expect(json["operations"] as? Int == 150 && json["machines"] as? Int == 6)
        #expect(json["objective"] as? [String] == ["tardiness", "makespan"])
        let measures = try #require(json["measures"] as? [String: Int])
        #expect(measures["setups"] != nil && measures["setup-time"] != nil && measures["tardiness"] != nil)
        // The curve: one line per better schedule, the tardiness falling to what was printed.
        let curve = a.standardError.split(separator: "\n").filter { $0.contains(" run ") }
        let tardiness = curve.compactMap { line in line.split(separator: " ").firstIndex(of: "tardiness").map { Int(line.split(separator: " ")[$0 + 1].dropLast())! } }
        #expect(tardiness.count == curve.count && !curve.isEmpty)
        #expect(tardiness.last == measures["tardiness"])
        #expect(zip(tardiness, tardiness.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func aGeneratedPlantNeedsThreeNumbersAndNoFile() throws {
        #expect(try TaktBinary.run(["schedule", "--generate", "30x5"]).status == 2)
        #expect(try TaktBinary.run(["schedule", "--generate", "30x5x6", "--jobshop", "datasets/jobshop/ft06"]).status == 2)
        #expect(try TaktBinary.run(["schedule"]).status == 2)
        let zero = try TaktBinary.run(["schedule", "--generate", "0x5x6"])
        #expect(zero.status == 2 && zero.standardError.contains("1–1,000,000 jobs"))
    }

    @Test func aPlainGeneratedPlantIsWrittenForAnotherSolverAndReadsBack() throws {
        let folder = try TaktBinary.temporaryFolder("schedule-write")
        let file = folder.appendingPathComponent("plant.fjs").path
        let run = try TaktBinary.run(["schedule", "--generate", "20x4x5", "--plain", "--write-problem", file, "--iterations", "50", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let again = try TaktBinary.run(["schedule", "--jobshop", file, "--flexible", "--iterations", "50", "--format", "json"])
        #expect(again.status == 0, "\(again.standardError)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        // The same plant, so the same search from the same first schedule.
        #expect(a["operations"] as? Int == 80 && b["operations"] as? Int == 80)
        #expect(a["makespan"] as? Int == b["makespan"] as? Int)
        #expect(try TaktBinary.run(["schedule", "--generate", "20x4x5", "--write-problem", file]).status == 2)
        #expect(try TaktBinary.run(["schedule", "--jobshop", file, "--plain"]).status == 2)
    }

    @Test func theFirstScheduleAloneByAnyRuleAndGeneration() throws {
        var makespans: Set<Int> = []
        for rule in ["spt", "mwkr", "edd", "fcfs", "atc", "atcs"] {
            for generation in ["active", "non-delay"] {
                let run = try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--iterations", "0", "--rule", rule, "--generation", generation, "--format", "json"])
                #expect(run.status == 0, "\(rule) \(generation): \(run.standardError)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
                #expect(json["rule"] as? String == rule && json["generation"] as? String == generation)
                let makespan = try #require(json["makespan"] as? Int)
                #expect(makespan >= 55)
                makespans.insert(makespan)
            }
        }
        // Dispatching rules alone rarely reach ft06's optimum, and they do not all agree.
        #expect(makespans.count > 1)
        #expect(try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--rule", "lifo"]).status == 2)
    }
}
