import Foundation

/// A scenario read from disk and found valid, with the warnings worth showing the planner.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var warnings: [Diagnostic]
}

/// Reads a scenario from a folder of CSV files or from one JSON file, and validates it.
///
///     let loaded = try ScenarioLoader.load(from: "datasets/sample-plant")
///     print(loaded.scenario.orders.count)
///
/// Every problem found is reported at once (up to ``ScenarioLoadError/limit``), each with its
/// file, row and column.
public enum ScenarioLoader {
    /// - Parameter path: a folder holding `scenario.csv`, `products.csv`, …, or a `.json` file.
    /// - Throws: ``ScenarioLoadError`` listing every problem when the input is not a valid scenario.
    public static func load(from path: String) throws(ScenarioLoadError) -> LoadedScenario {
        let url = URL(fileURLWithPath: path)
        let log = DiagnosticLog()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ScenarioLoadError(diagnostics: [
                Diagnostic(.error, SourceLocation(file: path), "no such file or folder; expected a scenario folder of CSV files or a .json file")
            ])
        }
        let source: ScenarioSource
        if isFolder.boolValue {
            source = .csvFolder(url, log: log)
        } else if url.pathExtension.lowercased() == "json" {
            source = .jsonFile(url, log: log)
        } else {
            throw ScenarioLoadError(diagnostics: [
                Diagnostic(.error, SourceLocation(file: path), "expected a scenario folder of CSV files or a .json file")
            ])
        }
        return try assemble(source, log: log)
    }

    /// Reads a scenario from CSV files in memory, by file name (`orders.csv`: its bytes), as
    /// ``load(from:)`` reads a folder of them.
    public static func load(csvFiles files: [String: Data], name: String = "scenario") throws(ScenarioLoadError) -> LoadedScenario {
        let log = DiagnosticLog()
        return try assemble(.csvFiles(files.mapValues { [UInt8]($0) }, origin: name, log: log), log: log)
    }

    /// Reads a scenario from JSON data in the scenario file format.
    public static func load(json data: Data, name: String = "scenario.json") throws(ScenarioLoadError) -> LoadedScenario {
        let log = DiagnosticLog()
        return try assemble(.json([UInt8](data), file: name, log: log), log: log)
    }

    /// Builds the scenario from its tables and checks it across them.
    private static func assemble(_ source: ScenarioSource, log: DiagnosticLog) throws(ScenarioLoadError) -> LoadedScenario {
        let assembly = ScenarioAssembly(source, log: log)
        // With no table read at all (a file that is not JSON), there is nothing to cross-check.
        if !source.tables.isEmpty {
            let validator = ScenarioValidator(
                assembly.scenario, locations: assembly.locations, rejectedIDs: assembly.rejectedIDs,
                tableLocation: source.tableLocation, checksDates: assembly.hasHorizon)
            for diagnostic in validator.diagnostics() { log.add(diagnostic) }
        }
        if !assembly.hasHorizon && !log.hasErrors {
            log.error(SourceLocation(file: ScenarioTable.scenario.fileName), "the horizon is missing; expected start, period and periods")
        }
        if log.hasErrors { throw log.failure }
        return LoadedScenario(scenario: assembly.scenario, warnings: log.diagnostics.filter { $0.severity == .warning })
    }

}

extension Scenario {
    /// The scenario in the JSON scenario file format: snake_case keys, one array per table.
    /// Keys are sorted so that the same scenario always gives the same bytes.
    public func jsonData() throws -> Data {
        try JSONOutput.encoder().encode(self)
    }
}
