import Foundation
import Testing

/// Inputs that once crashed, aborted in GLPK or hung a command after passing `validate`.
/// Each must now end with exit 0, 1 or 2 and say what is wrong with the input.
@Suite struct ReliabilityCommandTests {
    /// A copy of the sample plant with one CSV line changed (`line` 1 is the header).
    private func plant(_ file: String, line: Int? = nil, replacing old: String = "", with new: String = "", append: String? = nil) throws -> URL {
        let folder = try TaktBinary.temporaryFolder("reliability")
        let copy = folder.appendingPathComponent("plant")
        try FileManager.default.copyItem(at: TaktBinary.repository.appendingPathComponent("datasets/sample-plant"), to: copy)
        let url = copy.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        if let line {
            #expect(lines[line - 1].contains(old), "\(file) line \(line) has no '\(old)'")
            lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
        }
        if let append { lines.insert(append, at: lines.last == "" ? lines.count - 1 : lines.count) }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return copy
    }

    private func expectRefused(_ run: TaktBinary.Run, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.signaled, "ended by a signal: \(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.status == 1, "exit \(run.status): \(run.standardError)", sourceLocation: sourceLocation)
        #expect((run.standardOutput + run.standardError).contains(message), "\(run.standardOutput)\(run.standardError)", sourceLocation: sourceLocation)
    }

    @Test func aHugeQuantityIsAnErrorNotATrap() throws {
        let folder = try plant("orders.csv", line: 2, replacing: ",55,", with: ",1e19,")
        expectRefused(try TaktBinary.run(["validate", folder.path]), "orders.csv, row 2, column quantity: '1e19'")
        expectRefused(try TaktBinary.run(["validate", folder.path, "--format", "json"]), #""column" : "quantity""#)
    }

    @Test func noBacklogWindowPlansWithoutBacklog() throws {
        let folder = try plant("scenario.csv", line: 8, replacing: "max_backlog_periods,2", with: "max_backlog_periods,0")
        for command in [["plan", folder.path], ["promise", folder.path, "--product", "CP-100", "--quantity", "10"]] {
            let run = try TaktBinary.run(command)
            #expect(!run.signaled && run.status == 0, "\(command[0]): exit \(run.status) \(run.standardError)")
        }
    }

    @Test(arguments: [
        ("work_centers.csv", 2, ",0.85,", ",1e-300,", "column efficiency"),
        ("work_centers.csv", 2, ",2,8,", ",2,1e-200,", "column hours_per_shift"),
        ("routings.csv", 2, ",0.954,", ",1e308,", "column run_hours"),
        ("routings.csv", 2, ",2,MACH", ",1e308,MACH", "column setup_hours"),
        ("routings.csv", 2, ",0.9,12", ",1e308,12", "column labor_hours"),
        ("products.csv", 2, ",25,1450", ",1e308,1450", "column backlog_cost"),
        ("products.csv", 2, ",60,20,400", ",1e15,20,400", "column initial_inventory"),
        ("routings.csv", 2, ",0.954,", ",\"0,954\",", "decimals take a point"),
    ])
    func extremeValuesAreRefusedWithTheirField(file: String, line: Int, old: String, new: String, message: String) throws {
        let folder = try plant(file, line: line, replacing: old, with: new)
        expectRefused(try TaktBinary.run(["plan", folder.path]), "\(file), row \(line), \(message.hasPrefix("column") ? message : "")")
        expectRefused(try TaktBinary.run(["validate", folder.path]), message)
    }

    @Test func anUnquotedDecimalCommaIsOneErrorAboutTheFields() throws {
        let folder = try plant("routings.csv", line: 2, replacing: ",0.954,", with: ",3,5,")
        let run = try TaktBinary.run(["validate", folder.path])
        expectRefused(run, "routings.csv, row 2: '10 fields': expected at most 9 fields, one per header column; quote values that contain a comma")
        #expect(run.standardOutput.contains("Invalid: 1 error"), "\(run.standardOutput)")
    }

    @Test func workingDaysBeyondAYearAreRefused() throws {
        let folder = try plant("scenario.csv", append: "working_days_per_period,1e200")
        expectRefused(try TaktBinary.run(["plan", folder.path]), "column working_days_per_period")
    }

    @Test func unitParentCyclesAreRefused() throws {
        let folder = try TaktBinary.temporaryFolder("cycle").appendingPathComponent("plant")
        try FileManager.default.copyItem(at: TaktBinary.repository.appendingPathComponent("datasets/sample-plant"), to: folder)
        try "id,name,kind,parent\nPLANT-A,A,plant,SUB-B\nSUB-B,B,subsidiary,PLANT-A\n".write(
            to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        expectRefused(try TaktBinary.run(["validate", folder.path]), "the units' parents form a cycle: PLANT-A → SUB-B → PLANT-A")
    }

    @Test func aTableUnderTheWrongCaseIsAnError() throws {
        let folder = try TaktBinary.temporaryFolder("case").appendingPathComponent("plant")
        try FileManager.default.copyItem(at: TaktBinary.repository.appendingPathComponent("datasets/sample-plant"), to: folder)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("orders.csv"), to: folder.appendingPathComponent("Orders.CSV"))
        expectRefused(try TaktBinary.run(["validate", folder.path]), "Orders.CSV: a scenario table under the wrong name; expected orders.csv")
    }

    private func overlay(_ json: String, name: String = "whatif.json") throws -> String {
        let file = try TaktBinary.temporaryFolder("overlay").appendingPathComponent(name)
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func overlayProblemsNameTheOverlay() throws {
        let huge = try overlay(#"{"demand":[{"factor":1e16}]}"#, name: "huge.json")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", huge]), "huge.json, demand[0].factor")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", huge, "--warm-start"]), "huge.json, demand[0].factor")
        let days = try overlay(#"{"machines_down":[{"work_center":"CNC-M","period":"2027-03","machine_days":1e308}]}"#, name: "days.json")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", days]), "days.json, machines_down[0].machine_days")
        let machines = try overlay(#"{"machines_down":[{"work_center":"CNC-M","start":"2027-03-01","end":"2027-03-05","machines":9}]}"#, name: "m.json")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", machines]), "m.json, machines_down[0].machines: '9': expected at most the 3 machines CNC-M has")
        let syntax = try overlay("{\n  \"demand\": [{\"factor\": 1.1},]\n}", name: "syntax.json")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", syntax]), "syntax.json: not JSON: line 2, column 30: expected a value")
        let twice = try overlay(#"{"demand":[{"factor":1.1,"factor":2}]}"#, name: "twice.json")
        expectRefused(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", twice]), "the key \"factor\" appears twice")
    }

    @Test func everySolvingCommandStopsAtItsTimeLimit() throws {
        let scale = try overlay(#"{"demand":[{"factor":1.5}]}"#)
        for command in [
            ["plan", "datasets/sample-plant"], ["whatif", "datasets/sample-plant", "--scenario", scale],
            ["whatif", "datasets/sample-plant", "--scenario", scale, "--warm-start"],
            ["promise", "datasets/sample-plant", "--product", "CP-100", "--quantity", "10"],
            ["decompose", "datasets/sample-plant", "--method", "capacity"],
            ["report", "datasets/sample-plant", "--out", "/dev/null"],
        ] {
            let run = try TaktBinary.run(command + ["--time-limit", "0.001"])
            #expect(!run.signaled)
            #expect(run.status == 1, "\(command[0]): exit \(run.status)")
            #expect(run.standardError.contains("time limit"), "\(command[0]): \(run.standardError)")
            let bad = try TaktBinary.run(command + ["--time-limit", "0"])
            #expect(bad.status == 2, "\(command[0]) --time-limit 0: exit \(bad.status)")
        }
    }

    @Test func anOutputFolderIsReplacedWholeAndForeignFilesAreKept() throws {
        let out = try TaktBinary.temporaryFolder("atomic").appendingPathComponent("plan")
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", out.path]).status == 0)
        // A killed run's leftovers beside the folder: a staging folder of a process that is gone.
        let parent = out.deletingLastPathComponent()
        let stale = parent.appendingPathComponent(".plan.takt-999999999-DEAD.tmp")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try "half".write(to: stale.appendingPathComponent("plan.json"), atomically: false, encoding: .utf8)
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", out.path]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(left == ["plan"], "\(left)")
        // A folder with a planner's own file in it is not taken over.
        let mine = try TaktBinary.temporaryFolder("mine")
        try "notes".write(to: mine.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        expectRefused(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", mine.path]), "holds files takt did not write (notes.txt)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
    }
}
