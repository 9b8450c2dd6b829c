import ArgumentParser
import TaktLP

/// `--time-limit`, shared by every command that solves: one budget for the whole command,
/// from the moment it starts.
struct TimeLimitOption: ParsableArguments {
    /// The default: long enough for any plan this machine can make, short enough that a
    /// model GLPK cannot solve never hangs a planner's terminal.
    static let defaultSeconds = 600.0

    @Option(
        name: .customLong("time-limit"),
        help: "Seconds the whole command may take, model building and every solve included; when they run out, the best plan found so far where there is one (its status says so).")
    var seconds: Double = TimeLimitOption.defaultSeconds

    func validate() throws {
        guard seconds.isFinite, seconds > 0, seconds <= 1e7 else {
            throw ValidationError("--time-limit must be a number of seconds above 0 (at most 10000000), not \(seconds)")
        }
    }

    /// The instant the command must end by, counted from now.
    func deadline() -> Deadline { Deadline(after: seconds) }
}
