import Foundation

/// Reads back a result Takt wrote as JSON (a plan, a schedule): from the file, or from the
/// `--out` folder holding it. A file that is not one says where it is wrong.
enum WrittenResult {
    static func read<T: Decodable>(_ path: String, file name: String, writer: String) throws(ScenarioLoadError) -> T {
        var isFolder: ObjCBool = false
        var file = path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            file = URL(fileURLWithPath: path).appendingPathComponent(name).path
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file), "cannot be read; expected \(name) from \(writer) --out, or its folder")])
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "unlimited", negativeInfinity: "-unlimited", nan: "nan")
        do {
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw failure(file, context.codingPath + [key], "missing; expected \(name) written by \(writer)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw failure(file, context.codingPath, context.debugDescription)
        } catch {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file), "not \(name) of \(writer): \(error.localizedDescription)")])
        }
    }

    private static func failure(_ file: String, _ path: [any CodingKey], _ message: String) -> ScenarioLoadError {
        let record = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file, record: record.isEmpty ? nil : record), message)])
    }
}

/// Reads a schedule written by `takt schedule PATH --out` (its `schedule.json`, or the folder).
public enum ShopFloorScheduleFile {
    public static func read(_ path: String) throws(ScenarioLoadError) -> ShopFloorSchedule {
        try WrittenResult.read(path, file: "schedule.json", writer: "takt schedule")
    }
}

/// Reads a decomposition written by `takt decompose PATH --out` (its `decomposition.json`, or
/// the folder).
public enum DecomposedPlanFile {
    public static func read(_ path: String) throws(ScenarioLoadError) -> DecomposedPlan {
        try WrittenResult.read(path, file: "decomposition.json", writer: "takt decompose")
    }
}

/// Reads a sweep's results written by `takt sweep --out` or `takt sweep merge --out` (its
/// `results.json`, or the folder).
public enum SweepResultsFile {
    public static func read(_ path: String) throws(ScenarioLoadError) -> SweepResults {
        try WrittenResult.read(path, file: "results.json", writer: "takt sweep")
    }
}
