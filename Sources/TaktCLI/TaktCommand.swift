import ArgumentParser
import Foundation
import Takt

/// `takt`: production planning from the command line.
@main
struct TaktCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "takt",
        abstract: "Production planning and scheduling for a manufacturing plant.",
        discussion: """
            A scenario is a folder of CSV files (scenario.csv, products.csv, work_centers.csv, …) \
            or one JSON file with the same tables. The scenario format page of the documentation \
            (Sources/Takt/Takt.docc/ScenarioFormat.md) gives every column.

            Exit codes: 0 success, 1 invalid input, 2 usage error.
            """,
        version: TaktVersion.current,
        subcommands: [Validate.self, Load.self, Plan.self, Decompose.self, WhatIf.self, Promise.self, Diff.self, Report.self, Generate.self, Export.self, ScheduleCommand.self, Materials.self, SweepCommand.self]
    )

    /// Runs the command with the documented exit codes: usage errors exit 2 (not the
    /// argument parser's 64), problems in the input exit 1.
    static func main() {
        // No subcommand is a usage error: the help, and exit 2.
        if CommandLine.arguments.count == 1 {
            Terminal.standardError.write(helpMessage() + "\n")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as InvalidInput {
            Terminal.standardError.write(failure.message)
            Foundation.exit(1)
        } catch let failure as UsageError {
            Terminal.standardError.write("error: \(failure.message)\n")
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.standardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// An option's value that the input shows to be wrong (an unknown unit): one line, exit 2,
/// without the usage text a malformed command line gets.
struct UsageError: Error {
    var message: String
}

/// The input was read and found wanting; the problems are already printed.
struct InvalidInput: Error {
    var message: String = ""
}
