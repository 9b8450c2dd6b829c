import Foundation
import Testing

@Suite struct SweepCommandTests {
    /// A small sweep of Red Tomato: 3 × 2 × 2 points.
    private func sweepFile(in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("sweep.yaml")
        try """
            name: red tomato
            base: \(TaktBinary.repository.appendingPathComponent("datasets/textbook/red-tomato").path)
            kpis: [total cost, overtime hours]
            grid:
              - key: demand.factor
                values: [0.9, 1.0, 1.1]
              - key: labor_pools[CREW].overtime_cost
                values: [6, 12]
              - name: subcontractor
                values:
                  - {label: offered}
                  - {label: dearer, products: [{id: TOOL, backlog_cost: 8}]}

            """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func contents(_ folder: URL, _ names: [String]) throws -> [String] {
        try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func shardsFromFlagsAndFromTheEnvironmentMergeIntoTheOneMachineRun() throws {
        let folder = try TaktBinary.temporaryFolder("sweep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = try sweepFile(in: folder)
        let whole = try TaktBinary.run(["sweep", sweep, "--out", folder.appendingPathComponent("whole").path])
        #expect(whole.status == 0, "\(whole.standardError)")
        #expect(whole.standardOutput.contains("Sweep red tomato: 12 points (plan)"))
        #expect(whole.standardOutput.contains("total cost by demand.factor"))
        let files = ["results.csv", "results.json", "sweep.html"]
        let expected = try contents(folder.appendingPathComponent("whole"), files)
        #expect(expected[0].hasPrefix("point,demand.factor,labor_pools[CREW].overtime_cost,subcontractor,status,total cost,overtime hours\n0,0.9,6,offered,optimal,"))
        #expect(expected[0].split(separator: "\n").count == 13)
        // Red Tomato's published optimum, at its own point.
        #expect(expected[0].contains("\n4,1.0,6,offered,optimal,422275,"))

        let shards = folder.appendingPathComponent("shards").path
        // Shard 0 by flags, 1 as a Slurm array task, 2 as a Kubernetes indexed job.
        let runs = [
            try TaktBinary.run(["sweep", sweep, "--shard-index", "0", "--shard-count", "3", "--out", shards]),
            try TaktBinary.run(["sweep", sweep, "--out", shards], environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"]),
            try TaktBinary.run(["sweep", sweep, "--shard-count", "3", "--out", shards], environment: ["JOB_COMPLETION_INDEX": "2"]),
        ]
        for (i, run) in runs.enumerated() {
            #expect(run.status == 0 && run.standardError.contains("shard \(i) of 3:"), "\(run.standardError)")
        }
        let merged = folder.appendingPathComponent("merged")
        let merge = try TaktBinary.run(["sweep", "merge", shards, "--out", merged.path, "--format", "csv"])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardOutput == expected[0])
        #expect(try contents(merged, files) == expected)

        // A shard re-run replaces its file; with one missing, the merge names it.
        #expect(try TaktBinary.run(["sweep", sweep, "--shard-index", "1", "--shard-count", "3", "--out", shards]).status == 0)
        try FileManager.default.removeItem(atPath: shards + "/shard-2-of-3.json")
        let missing = try TaktBinary.run(["sweep", "merge", shards])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("shard 2 of 3 missing: re-run with --shard-index 2 --shard-count 3"), "\(missing.standardError)")
        // A copy of a shard given twice is refused by name.
        let twice = try TaktBinary.run(["sweep", "merge", shards, shards + "/shard-1-of-3.json"])
        #expect(twice.status == 1 && twice.standardError.contains("shard 1 of 3 appears 2 times"), "\(twice.standardError)")
    }

    @Test func slurmScriptsSubmitAnArrayAndAMergeAfterIt() throws {
        let folder = try TaktBinary.temporaryFolder("sweep-slurm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = try sweepFile(in: folder)
        let out = folder.appendingPathComponent("cluster")
        let run = try TaktBinary.run(["sweep", sweep, "--slurm", "--shard-count", "4", "--max-running", "2", "--out", out.path, "--takt", "/opt/takt/bin/takt"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("sh \(out.path)/slurm/submit.sh"))
        let array = try String(contentsOf: out.appendingPathComponent("slurm/sweep.sbatch"), encoding: .utf8)
        #expect(array.contains("#SBATCH --array=0-3%2\n"))
        #expect(array.contains("exec /opt/takt/bin/takt sweep \(sweep) --shard-index \"$SLURM_ARRAY_TASK_ID\" --shard-count 4"))
        let merge = try String(contentsOf: out.appendingPathComponent("slurm/merge.sbatch"), encoding: .utf8)
        #expect(merge.contains("exec /opt/takt/bin/takt sweep merge \(out.path)/shards --out \(out.path)/results"))
        let submit = try String(contentsOf: out.appendingPathComponent("slurm/submit.sh"), encoding: .utf8)
        #expect(submit.contains("--dependency=afterok:\"$array\""))
        // Nothing was computed.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("results").path))
    }

    @Test func badShardOptionsAreUsageErrors() throws {
        let folder = try TaktBinary.temporaryFolder("sweep-usage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = try sweepFile(in: folder)
        let noCount = try TaktBinary.run(["sweep", sweep, "--shard-index", "1"])
        #expect(noCount.status == 2 && noCount.standardError.contains("a shard index without a shard count"))
        let beyond = try TaktBinary.run(["sweep", sweep, "--shard-index", "3", "--shard-count", "3"])
        #expect(beyond.status == 2 && beyond.standardError.contains("not below the shard count 3"))
        let badEnvironment = try TaktBinary.run(["sweep", sweep], environment: ["TAKT_SHARD_INDEX": "x", "TAKT_SHARD_COUNT": "2"])
        #expect(badEnvironment.status == 2 && badEnvironment.standardError.contains("TAKT_SHARD_INDEX=x"))
        #expect(try TaktBinary.run(["sweep", sweep, "--slurm"]).status == 2)
        let badFile = folder.appendingPathComponent("bad.yaml")
        try "base: nowhere\ngrid: []\n".write(to: badFile, atomically: true, encoding: .utf8)
        let bad = try TaktBinary.run(["sweep", badFile.path])
        #expect(bad.status == 1 && bad.standardError.contains("no such file or folder"), "\(bad.standardError)")
        let notShards = try TaktBinary.run(["sweep", "merge", folder.path])
        #expect(notShards.status == 1 && notShards.standardError.contains("no shard files found"))
    }
}
