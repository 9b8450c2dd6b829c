import ArgumentParser
import Foundation
import Takt

/// `takt validate PATH`: reads a scenario and reports what it holds, or every problem in it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and summarise it.",
        discussion: """
            Reads the scenario folder (CSV) or JSON file, checks every value and every reference \
            between tables, and prints a summary with warnings, or every problem found with its \
            file, row and column. Exits 0 when the scenario is valid, 1 when it is not.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "Output format: text or json.")
    var format: ValidationFormat = .text

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    func run() throws {
        let out = Terminal.standardOutput
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(from: self.scenario.path)
        } catch {
            try report(error, to: out)
            throw InvalidInput()
        }
        let summary = ScenarioSummary(loaded.scenario)
        switch format {
        case .json:
            out.write(try ValidationReport(valid: true, summary: summary, diagnostics: loaded.warnings).json())
        case .text:
            if !quiet { out.write(summary.text(path: self.scenario.path, terminal: out)) }
            out.write(DiagnosticText.lines(loaded.warnings, terminal: out))
            if !quiet { out.write(out.styled("Valid.", .green) + "\n") }
        }
    }

    private func report(_ error: ScenarioLoadError, to out: Terminal) throws {
        switch format {
        case .json:
            let report = ValidationReport(
                valid: false, summary: nil, diagnostics: error.diagnostics, omittedErrorCount: error.omittedErrorCount)
            out.write(try report.json())
        case .text:
            out.write(DiagnosticText.lines(error.diagnostics, terminal: out))
            let errors = error.errors.count + error.omittedErrorCount
            let warnings = error.warnings.count
            let verdict = "Invalid: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
            out.write(out.styled(verdict, .red) + "\n")
        }
    }
}

enum ValidationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
