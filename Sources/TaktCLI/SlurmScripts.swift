import Foundation

/// The scripts that run a sweep on Slurm: a job array whose task I computes shard I, a merge
/// job that runs once every task has succeeded, and a submit script that queues both. Paths
/// are absolute: the cluster's nodes see the binary, the sweep and the output folder on a
/// shared file system.
struct SlurmScripts {
    var takt: String
    var sweep: String
    /// The folder holding `slurm/`, `shards/` and `results/`.
    var folder: String
    var shards: Int
    var maxRunning: Int?
    var cpusPerTask: Int
    var timeLimit: Double
    var name: String

    /// This process's binary, as an absolute path.
    static func currentBinary() -> String {
        let path = CommandLine.arguments[0]
        if path.contains("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(path)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return path
    }

    /// A shell word: single-quoted unless it is plain.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+=:,".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Slurm's time limit, in minutes: the command's own limit and a minute to start.
    private var minutes: Int { max(1, Int((timeLimit / 60).rounded(.up)) + 1) }

    func shardCommand(index: String) -> String {
        let q = Self.quoted
        return "\(q(takt)) sweep \(q(sweep)) --shard-index \(index) --shard-count \(shards) --time-limit \(NumberTextCLI.plain(timeLimit)) --out \(q(folder + "/shards"))"
    }

    func files() -> [(String, String)] {
        let q = Self.quoted
        let jobName = "takt-" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40))
        let array = "0-\(shards - 1)" + (maxRunning.map { "%\($0)" } ?? "")
        let sweepScript = """
            #!/bin/sh
            #SBATCH --job-name=\(jobName)
            #SBATCH --array=\(array)
            #SBATCH --cpus-per-task=\(cpusPerTask)
            #SBATCH --time=\(minutes)
            #SBATCH --output=\(folder)/slurm/shard-%a.log
            # Task I computes shard I of \(shards) (Slurm sets SLURM_ARRAY_TASK_ID).
            exec \(shardCommand(index: "\"$SLURM_ARRAY_TASK_ID\""))

            """
        let mergeScript = """
            #!/bin/sh
            #SBATCH --job-name=\(jobName)-merge
            #SBATCH --cpus-per-task=1
            #SBATCH --time=10
            #SBATCH --output=\(folder)/slurm/merge.log
            exec \(q(takt)) sweep merge \(q(folder + "/shards")) --out \(q(folder + "/results")) --format csv

            """
        let submit = """
            #!/bin/sh
            # Queues the shards as one job array, then the merge to run once all of them succeed.
            set -eu
            mkdir -p \(q(folder + "/shards"))
            array=$(sbatch --parsable \(q(folder + "/slurm/sweep.sbatch")))
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterok:"$array" \(q(folder + "/slurm/merge.sbatch")))
            echo "shards: job $array; merge: job ${merge%%;*}"

            """
        return [("sweep.sbatch", sweepScript), ("merge.sbatch", mergeScript), ("submit.sh", submit)]
    }
}

/// Seconds as a plain number for a command line.
enum NumberTextCLI {
    static func plain(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value) }
}
