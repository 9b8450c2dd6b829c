import ArgumentParser
import Foundation
import Takt

/// `takt sweep SWEEP.yaml`: many what-ifs of one scenario, on this machine, as one shard of
/// many, or as a Slurm job array; `takt sweep merge` puts shards together.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Plan a grid or a list of what-ifs of one scenario: on this machine, in shards on many, or as a Slurm job array.",
        discussion: """
            A sweep file (YAML or JSON) names a base scenario and a grid of parameters (each a \
            key of the overlay format with its values, or whole overlays with labels) or a list \
            of overlays, what to compute per point (plan or decompose) and which measures to \
            keep (see Sweeps.md in the documentation). Results are the same bytes however the \
            points were split.
            """,
        subcommands: [Run.self, Merge.self],
        defaultSubcommand: Run.self
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Compute a sweep's points (all, or one shard's), or write its Slurm job array.",
            discussion: """
                Without shard options, every point is planned on this machine's cores and \
                --out gets results.csv, results.json and sweep.html. With --shard-index I and \
                --shard-count N (or, for the index, TAKT_SHARD_INDEX, Slurm's \
                SLURM_ARRAY_TASK_ID or Kubernetes' JOB_COMPLETION_INDEX; for the count, \
                TAKT_SHARD_COUNT or SLURM_ARRAY_TASK_COUNT), only shard I's points are \
                computed, into --out as shard-I-of-N.json, replacing an older one atomically; \
                takt sweep merge puts the shards together. With --slurm, nothing is computed: \
                --out gets slurm/sweep.sbatch (the job array), slurm/merge.sbatch (the merge, \
                after the array succeeds) and slurm/submit.sh, which submits both.
                """
        )

        @Argument(help: "The sweep file (.yaml, .yml or .json).")
        var sweep: String

        @Option(help: "The folder for the results, the shard file or the Slurm scripts.")
        var out: String?

        @Option(name: .customLong("shard-index"), help: "Compute only this shard's points (0 to count − 1).")
        var shardIndex: Int?

        @Option(name: .customLong("shard-count"), help: "The number of shards the sweep is split into (the Slurm job array's size with --slurm: by default the points, at most 16).")
        var shardCount: Int?

        @Flag(help: "Write a Slurm job array and its merge job instead of computing, into the folder slurm in --out.")
        var slurm = false

        @Option(name: .customLong("max-running"), help: "With --slurm: at most this many shards at once (the array's %K).")
        var maxRunning: Int?

        @Option(name: .customLong("cpus-per-task"), help: "With --slurm: cores per shard.")
        var cpusPerTask: Int = 2

        @Option(name: .customLong("takt"), help: "With --slurm: the takt binary the jobs run, on the cluster's shared file system (default: this one).")
        var taktPath: String?

        @Option(help: "Standard output format: table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var planning: MethodOption

        @OptionGroup var timeLimit: TimeLimitOption

        func validate() throws {
            if slurm && out == nil { throw ValidationError("--slurm needs --out: the folder for the scripts, the shards and the results") }
            if let count = shardCount, count < 1 { throw ValidationError("--shard-count must be at least 1, not \(count)") }
            if let index = shardIndex, index < 0 { throw ValidationError("--shard-index must be 0 or more, not \(index)") }
            if let running = maxRunning, running < 1 { throw ValidationError("--max-running must be at least 1, not \(running)") }
            if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1, not \(cpusPerTask)") }
        }

        func run() throws {
            let deadline = timeLimit.deadline()
            let sweep = try CommandInput.reporting { try SweepFile.read(self.sweep) }
            if slurm { return try writeSlurm(sweep) }
            let options = PlanOptions(method: planning.method, quantities: planning.quantities, deadline: deadline)
            var decomposition = DecompositionOptions()
            decomposition.deadline = deadline
            let runner = SweepRun(sweep, options: options, decomposition: decomposition)
            let line = ProgressLine.standardError
            let progress: @Sendable (Int, Int) -> Void = { done, total in line?.show("computed \(done) of \(total) points") }
            if let (index, count) = try shard(environment: ProcessInfo.processInfo.environment) {
                guard index < count else { throw UsageError(message: "shard index \(index) is not below the shard count \(count)") }
                let result = try CommandInput.reporting { try runner.shard(index, of: count, progress: progress) }
                line?.clear()
                let folder = out ?? "."
                let path = (folder as NSString).appendingPathComponent(SweepShardFile.name(index, of: count))
                try CommandInput.reporting { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try CommandOutput.emit(try SweepShardFile.text(result), to: path)
                Terminal.standardError.write("shard \(index) of \(count): \(result.results.points.count) of \(sweep.points.count) points → \(path)\n")
                return
            }
            let results = try CommandInput.reporting { try runner.results(progress: progress) }
            line?.clear()
            try SweepCommand.emit(results, out: out, format: format)
        }

        /// The shard to compute, from the options or else the environment; `nil` for all points.
        func shard(environment: [String: String]) throws -> (index: Int, count: Int)? {
            func number(_ name: String) throws -> Int? {
                guard let text = environment[name], !text.isEmpty else { return nil }
                guard let value = Int(text), value >= 0 else { throw UsageError(message: "\(name)=\(text); expected a whole number 0 or more") }
                return value
            }
            var index = shardIndex
            if index == nil { index = try number("TAKT_SHARD_INDEX") }
            if index == nil, let task = try number("SLURM_ARRAY_TASK_ID") { index = task - (try number("SLURM_ARRAY_TASK_MIN") ?? 0) }
            if index == nil { index = try number("JOB_COMPLETION_INDEX") }
            var count = shardCount
            if count == nil { count = try number("TAKT_SHARD_COUNT") }
            if count == nil { count = try number("SLURM_ARRAY_TASK_COUNT") }
            switch (index, count) {
            case (nil, nil): return nil
            case (let i?, let n?):
                guard n >= 1 else { throw UsageError(message: "a shard count of \(n); expected at least 1") }
                return (i, n)
            case (nil, _?): throw UsageError(message: "a shard count without a shard index: give --shard-index (or TAKT_SHARD_INDEX)")
            case (_?, nil): throw UsageError(message: "a shard index without a shard count: give --shard-count (or TAKT_SHARD_COUNT)")
            }
        }

        private func writeSlurm(_ sweep: Sweep) throws {
            let count = shardCount ?? min(16, max(1, sweep.points.count))
            let folder = URL(fileURLWithPath: out!).standardizedFileURL.path
            let script = SlurmScripts(
                takt: taktPath ?? SlurmScripts.currentBinary(), sweep: URL(fileURLWithPath: self.sweep).standardizedFileURL.path, folder: folder,
                shards: count, maxRunning: maxRunning, cpusPerTask: cpusPerTask, timeLimit: timeLimit.seconds, name: sweep.name)
            try CommandOutput.writeFolder((folder as NSString).appendingPathComponent("slurm"), files: script.files())
            Terminal.standardOutput.write(
                """
                Wrote a Slurm job array of \(count) shard\(count == 1 ? "" : "s") for \(sweep.points.count) points, and its merge job, to \(folder)/slurm.
                Submit both (the merge runs after every shard succeeds):
                  sh \(folder)/slurm/submit.sh
                The shards go to \(folder)/shards, the merged results to \(folder)/results. A failed shard I can be re-run alone:
                  \(script.shardCommand(index: "I"))

                """)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge a sweep's shard files into its results, the same bytes as the one-machine run.",
            discussion: """
                Reads every shard-I-of-N.json in the folders (or the files) given, checks that \
                they are all shards of one sweep, each present exactly once, and writes \
                results.csv, results.json and sweep.html into --out.
                """
        )

        @Argument(help: "Folders of shard files, or shard files.")
        var sources: [String]

        @Option(help: "The folder for results.csv, results.json and sweep.html.")
        var out: String?

        @Option(help: "Standard output format: table, csv or json.")
        var format: OutputFormat = .table

        func run() throws {
            let shards = try CommandInput.reporting { try SweepShardFile.read(sources) }
            let results = try CommandInput.reporting { try SweepResults.merge(shards) }
            try SweepCommand.emit(results, out: out, format: format)
        }
    }

    static func emit(_ results: SweepResults, out: String?, format: OutputFormat) throws {
        if let out {
            try CommandOutput.writeFolder(out, files: [("results.csv", results.csv()), ("results.json", try results.json()), ("sweep.html", results.html())])
        }
        switch format {
        case .table: try CommandOutput.emit(results.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(results.csv(), to: nil)
        case .json: try CommandOutput.emit(try results.json(), to: nil)
        }
    }
}
