import Foundation
import Testing

/// `takt schedule PATH`: the shop-floor schedule of a scenario, through the built binary.
@Suite struct ShopFloorCommandTests {
    @Test func theSamplePlantsFirstMonthIsScheduledAndWrittenTheSameEveryRun() throws {
        let folder = try TaktBinary.temporaryFolder("shop-floor")
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        let arguments = ["schedule", "datasets/sample-plant", "--iterations", "20", "--time-limit", "120"]
        let first = try TaktBinary.run(arguments + ["--out", a]), second = try TaktBinary.run(arguments + ["--out", b])
        #expect(first.status == 0 && !first.signaled, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.contains("Shop-floor schedule of Sample plant"))
        #expect(first.standardOutput.contains("2027-01-01 to 2027-01-31"))
        #expect(first.standardOutput.contains("Work centers"))
        let files = ["day_schedule.csv", "dispatch.csv", "plan_fit.csv", "schedule.csv", "schedule.html", "schedule.json", "shipments.csv", "workshop.csv"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: a).filter { !$0.hasPrefix(".") }.sorted() == files)
        for file in files {
            #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file), "\(file)")
        }
        // One row per operation in schedule.csv and in the dispatch lists.
        let schedule = try String(contentsOfFile: a + "/schedule.csv", encoding: .utf8).split(separator: "\n")
        let dispatch = try String(contentsOfFile: a + "/dispatch.csv", encoding: .utf8).split(separator: "\n")
        #expect(schedule.count == dispatch.count && schedule.count > 100)
        #expect(schedule[0] == "lot,orders,product,step,work_center,machine,quantity,start,end,setup_minutes,run_minutes,late,carried_over")
        // Every start is at or after a shift start of the sample plant (SUB-B from 07:30, PLANT-A 08:00, HEAT 06:00).
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: a + "/schedule.json"))) as? [String: Any])
        let operations = try #require(json["operations"] as? [[String: Any]])
        #expect(operations.count == schedule.count - 1)
        let html = try String(contentsOfFile: a + "/schedule.html", encoding: .utf8)
        #expect(html.contains("<svg class=\"gantt\"") && html.contains("Dispatch lists"))
    }

    @Test func ordersAndAWindowAndJSON() throws {
        let run = try TaktBinary.run([
            "schedule", "datasets/sample-plant", "--from", "orders", "--start", "2027-01-04", "--days", "14", "--iterations", "20", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "orders")
        #expect((json["window"] as? [String: Any])?["days"] as? Int == 14)
        let lots = try #require(json["lots"] as? [[String: Any]])
        #expect(!lots.isEmpty && lots.allSatisfy { ($0["orders"] as? [String])?.count == 1 })
    }

    @Test func aBreakdownIsRescheduledFromItsTime() throws {
        let folder = try TaktBinary.temporaryFolder("reschedule")
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("base").path, after = folder.appendingPathComponent("after").path
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--iterations", "10", "--out", base]).status == 0)
        let run = try TaktBinary.run([
            "schedule", "datasets/sample-plant", "--reschedule", base, "--at", "2027-01-12 10:00", "--scenario", "datasets/whatifs/breakdown-cnc-m.yaml",
            "--iterations", "10", "--out", after,
        ])
        #expect(run.status == 0 && !run.signaled, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Rescheduled from 2027-01-12 10:00: "))
        #expect(run.standardOutput.contains("started or frozen operations kept") && !run.standardOutput.contains(" 0 added"))  // the rush order's steps
        let moves = try String(contentsOfFile: after + "/moves.csv", encoding: .utf8).split(separator: "\n")
        #expect(moves[0] == "lot,step,from_machine,to_machine,from_start,to_start,minutes" && moves.count > 1)
        // Nothing that started before 10:00 on the 12th moved.
        #expect(moves.dropFirst().allSatisfy { $0.split(separator: ",")[4] >= "2027-01-12 10:00" })
        let bad = try TaktBinary.run(["schedule", "datasets/sample-plant", "--reschedule", base, "--at", "2026-01-01"])
        #expect(bad.status == 2 && bad.standardError.contains("outside the earlier schedule's window"))
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--reschedule", base]).status == 2)
    }

    @Test func badRequestsSayWhatIsWrong() throws {
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--jobshop", "datasets/jobshop/ft06"]).status == 2)
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--days", "0"]).status == 2)
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--start", "2027-13-01"]).status == 2)
        #expect(try TaktBinary.run(["schedule", "--jobshop", "datasets/jobshop/ft06", "--out", "/tmp/x"]).status == 2)
        let outside = try TaktBinary.run(["schedule", "datasets/sample-plant", "--start", "2030-01-01"])
        #expect(outside.status == 2 && outside.standardError.contains("outside the scenario's horizon"))
        let plan = try TaktBinary.run(["schedule", "datasets/sample-plant", "--plan", "README.md"])
        #expect(plan.status == 1 && !plan.signaled && plan.standardError.contains("README.md"))
    }

    @Test func whatIfSchedulesSideBySide() throws {
        let folder = try TaktBinary.temporaryFolder("compare")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan").path, out = folder.appendingPathComponent("out").path
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", plan]).status == 0)
        let args = ["schedule", "datasets/sample-plant", "--plan", plan, "--days", "14", "--compare", "datasets/whatifs/breakdown-cnc-m.yaml", "--iterations", "5"]
        let run = try TaktBinary.run(args + ["--out", out])
        #expect(run.status == 0 && !run.signaled, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Shop-floor what-if comparison: 2027-01-01 to 2027-01-14"))
        #expect(run.standardOutput.contains("CNC-M breakdown 12 January: "))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == [
            "base-schedule.csv", "base-schedule.html", "base-schedule.json", "base-shipments.csv", "comparison.csv", "comparison.json",
            "scenario-1-schedule.csv", "scenario-1-schedule.html", "scenario-1-schedule.json", "scenario-1-shipments.csv",
        ])
        // The same plan in both: the rush order is the only lot added.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/comparison.json"))) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1 && (changes[0]["dropped"] as? Int) == 0 && (changes[0]["added"] as? Int ?? 0) > 0)
        let csv = try TaktBinary.run(args + ["--format", "csv"])
        #expect(csv.standardOutput == (try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)))
        let bad = try TaktBinary.run(["schedule", "datasets/sample-plant", "--compare", "datasets/whatifs/demand-up-10.yaml", "--scenario", "datasets/whatifs/demand-up-10.yaml"])
        #expect(bad.status == 2 && bad.standardError.contains("--compare goes with a scenario PATH"))
    }
}
