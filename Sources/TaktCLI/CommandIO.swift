import Foundation
import Takt

/// Reading the inputs every subcommand shares, with problems printed the same way.
enum CommandInput {
    /// The plan at `path` (a takt plan --out folder or its plan.json), refused where its
    /// periods are not the scenario's.
    static func planResult(at path: String, of scenario: Scenario) throws -> ProductionPlanResult {
        let result = try PlanResultFile.read(path)
        guard result.products.allSatisfy({ $0.periodIndex < scenario.horizon.periodCount }) else {
            throw InvalidInput(message: "error: \(path): a plan of another scenario: its periods are not this scenario's\n")
        }
        return result
    }

    /// `body`'s result; its errors as the message the command exits with.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InvalidInput {
            throw error
        } catch let error as ScenarioLoadError {
            throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError))
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
    }

    /// Loads a scenario; on problems prints them to standard error and fails with exit code 1.
    static func scenario(at path: String) throws -> Scenario {
        do {
            let loaded = try ScenarioLoader.load(from: path)
            Terminal.standardError.write(DiagnosticText.lines(loaded.warnings, terminal: .standardError, limit: 10))
            return loaded.scenario
        } catch {
            throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError) + summary(error))
        }
    }

    static func plan(at path: String, for scenario: Scenario) throws -> (lines: [PlannedProduction], workforce: [String: [Double]]) {
        do {
            return try PlanFile.readWithWorkforce(path, for: scenario)
        } catch {
            throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError) + summary(error))
        }
    }

    /// Reads what-if overlays of `base`; every problem of every file is printed, and each
    /// changed scenario must be valid too (an added order for a closed day, say).
    static func overlays(_ files: [String], base: Scenario) throws -> [ScenarioOverlay] {
        var loaded: [ScenarioOverlay] = []
        var problems = ""
        for file in files {
            do {
                loaded.append(try ScenarioOverlayFile.read(file, base: base))
            } catch {
                problems += DiagnosticText.lines(error.diagnostics, terminal: .standardError)
            }
        }
        if !problems.isEmpty { throw InvalidInput(message: problems) }
        for overlay in loaded {
            let errors = overlay.applied(to: base).validate().filter { $0.severity == .error }
            if !errors.isEmpty {
                throw InvalidInput(message: "what-if '\(overlay.name)':\n" + DiagnosticText.lines(errors, terminal: .standardError))
            }
        }
        return loaded
    }

    private static func summary(_ error: ScenarioLoadError) -> String {
        let count = error.errors.count + error.omittedErrorCount
        return "Invalid input: \(count) error\(count == 1 ? "" : "s").\n"
    }
}

enum CommandOutput {
    /// Runs each maker on its own core and returns the named texts they make, in the
    /// makers' order; the first error thrown, in that order, is rethrown.
    static func texts(_ makers: [@Sendable () throws -> [(String, String)]]) throws -> [(String, String)] {
        var made = [Result<[(String, String)], any Error>?](repeating: nil, count: makers.count)
        made.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: makers.count) { i in results[i] = Result { try makers[i]() } }
        }
        return try made.flatMap { try $0!.get() }
    }

    /// Writes the files into `folder` as one set: the folder holds the whole old set or the
    /// whole new one, never a mix (see ``AtomicFolder``).
    static func writeFolder(_ folder: String, files: [(String, String)]) throws {
        do {
            try AtomicFolder.write(files.map { (name: $0.0, data: Data($0.1.utf8)) }, to: folder)
        } catch {
            throw InvalidInput(message: "error: \(error.description)\n")
        }
    }

    /// Prints `text`, or writes it atomically to `path`.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Terminal.standardOutput.write(text)
            return
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw InvalidInput(message: "error: \(error.description)\n")
        }
    }
}
