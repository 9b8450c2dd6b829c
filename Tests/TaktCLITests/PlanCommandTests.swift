import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func redTomatoSummary() throws {
        let run = try TaktBinary.run(["plan", "datasets/textbook/red-tomato"])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)  // progress only on a terminal
        #expect(run.standardOutput.contains("Total cost 422,275"))
        #expect(run.standardOutput.contains("no customer orders: the plan meets the sales plan"))
    }

    @Test func sailcoOvertime() throws {
        let run = try TaktBinary.run(["plan", "datasets/textbook/sailco"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Total cost 78,450"))
        #expect(run.standardOutput.contains("overtime: 45 h, cost 2,250"))
        #expect(run.standardOutput.contains("CREW 2027-Q3: 50 per hour"))
    }

    @Test func samplePlantWritesEveryFileIdenticallyTwice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TaktBinary.run(["plan", "datasets/sample-plant", "--out", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Plan for Sample plant 样例工厂"))
        #expect(run.standardOutput.contains("Binding capacity"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == [".takt-output", "actions.csv", "load.csv", "load.json", "orders.csv", "plan.csv", "plan.json", "resources.csv", "subcontracting.csv"])
        let first = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", folder.path]).status == 0)
        let second = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(first == second)

        // Every order appears once in orders.csv, and the plan's JSON parses.
        let orders = try String(contentsOf: folder.appendingPathComponent("orders.csv"), encoding: .utf8).split(separator: "\n")
        #expect(orders.count == 291 + 1)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json"))) as? [String: Any]
        #expect((plan?["orders"] as? [Any])?.count == 291)
        #expect(plan?["costs"] != nil)
    }

    /// Families first, each run a new process (so a new hash seed): the same bytes every time.
    /// The product plans once summed the hours a family took over a Set, in the process's
    /// hash order, and the next family's capacity differed in the last bits from run to run.
    @Test func familiesFirstPlansAreByteIdenticalAcrossProcesses() throws {
        let folder = try TaktBinary.temporaryFolder("plan-families")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plant = folder.appendingPathComponent("plant").path
        #expect(try TaktBinary.run(["generate", "--orders", "400", "--products", "24", "--families", "3", "--work-centers", "8", "--seed", "5", "--out", plant]).status == 0)
        var outputs: [Data] = []
        for k in 0..<3 {
            let out = folder.appendingPathComponent("out\(k)").path
            let run = try TaktBinary.run(["plan", plant, "--method", "families-first", "--out", out])
            #expect(run.status == 0, "\(run.standardError)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out + "/plan.json")))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }

    @Test func formatsAndBadOptions() throws {
        let csv = try TaktBinary.run(["plan", "datasets/textbook/sailco", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.standardOutput.hasPrefix("product,family,unit,period,demand,production"))
        #expect(csv.standardOutput.contains("BOAT,Sailboats,YARD,2027-Q3,75,75,0,75,0,0,0"))
        let json = try TaktBinary.run(["plan", "datasets/textbook/sailco", "--format", "json"])
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])?["objective"] != nil)
        #expect(try TaktBinary.run(["plan", "datasets/textbook/sailco", "--time-limit", "0"]).status == 2)
        #expect(try TaktBinary.run(["plan", "datasets/textbook/sailco", "--time-limit", "abc"]).status == 2)
        #expect(try TaktBinary.run(["plan", "datasets/textbook/sailco", "--method", "guess"]).status == 2)
        let familiesFirst = try TaktBinary.run(["plan", "datasets/sample-plant", "--method", "families-first"])
        #expect(familiesFirst.status == 0)
        #expect(familiesFirst.standardOutput.contains("Total cost"))
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--refinement-rounds", "-1"]).status == 2)
    }

    /// Families planned again in what the others take: never a dearer plan than without.
    @Test func refinementRoundsNeverRaiseTheCost() throws {
        var objectives: [Double] = []
        for rounds in ["0", "1", "2"] {
            let run = try TaktBinary.run(["plan", "datasets/sample-plant", "--method", "families-first", "--refinement-rounds", rounds, "--format", "json"])
            #expect(run.status == 0)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            objectives.append(try #require(plan["objective"] as? Double))
        }
        #expect(objectives[1] <= objectives[0] + 1e-6 && objectives[2] <= objectives[1] + 1e-6, "\(objectives)")
    }
}

/// `takt plan --previous` keeps a released plan where the cost allows and says what changed.
@Suite struct PlanPreviousTests {
    @Test func aReplanAgainstTheReleasedPlanSaysWhatChanged() throws {
        let folder = try TaktBinary.temporaryFolder("previous")
        let released = folder.appendingPathComponent("released")
        // Relaxed quantities: the plan kept against itself is itself (a whole re-plan may find
        // a cheaper whole plan, and moves then).
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--quantities", "relaxed", "--out", released.path]).status == 0)
        let same = try TaktBinary.run(["plan", "datasets/sample-plant", "--quantities", "relaxed", "--previous", released.path])
        #expect(same.status == 0)
        #expect(same.standardOutput.contains("Changes from the previous plan\n  0 product-periods changed, 0 units moved;"), "\(same.standardOutput)")
        let rush = try TaktBinary.run(["plan", "datasets/sample-plant", "--scenario", "datasets/whatifs/rush-order-cnc-down.json", "--previous", released.path])
        #expect(rush.status == 0 && rush.standardOutput.contains("Changes from the previous plan"))
        let bad = try TaktBinary.run(["plan", "datasets/sample-plant", "--previous", folder.appendingPathComponent("none").path])
        #expect(bad.status == 1 && bad.standardError.contains("plan.json"))
    }
}
