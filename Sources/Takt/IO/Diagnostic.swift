/// Where in the input a value came from: a CSV file's row and column, or a JSON file's path.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// The line the record starts on (the header is line 1), for CSV.
    public var row: Int?
    /// The record's path, such as `orders[3]`, for JSON and for scenarios built in code.
    public var record: String?
    public var column: String?

    public init(file: String, row: Int? = nil, record: String? = nil, column: String? = nil) {
        self.file = file
        self.row = row
        self.record = record
        self.column = column
    }

    /// The same place, narrowed to one column.
    public func column(_ name: String) -> SourceLocation {
        var copy = self
        copy.column = name
        return copy
    }

    public var description: String {
        var text = file
        if let row { text += ", row \(row)" }
        if let record { text += ", \(record)" }
        if let column { text += record == nil ? ", column \(column)" : ".\(column)" }
        return text
    }
}

/// One problem found in the input: where, the value found, and what was expected.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// An error makes the input unusable; a warning is worth a look.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning
        public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The offending value as written, if there is one.
    public var value: String?
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, value: String? = nil, _ message: String) {
        self.severity = severity
        self.location = location
        self.value = value
        self.message = message
    }

    public var description: String {
        let found = value.map { ": '\($0)'" } ?? ""
        return "\(severity): \(location)\(found): \(message)"
    }
}

/// The input could not be turned into a valid scenario. Holds every problem found, up to
/// ``limit``, and the warnings.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    /// Problems beyond this many are counted, not listed.
    public static let limit = 200

    public var diagnostics: [Diagnostic]
    /// Errors found beyond ``limit``.
    public var omittedErrorCount: Int

    public init(diagnostics: [Diagnostic], omittedErrorCount: Int = 0) {
        self.diagnostics = diagnostics
        self.omittedErrorCount = omittedErrorCount
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public var description: String {
        var lines = diagnostics.map(\.description)
        if omittedErrorCount > 0 { lines.append("… and \(omittedErrorCount) more errors") }
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics while reading, keeping at most ``ScenarioLoadError/limit`` errors.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0

    var hasErrors: Bool { errorCount > 0 }
    var omittedErrorCount: Int { max(0, errorCount - ScenarioLoadError.limit) }

    func error(_ location: SourceLocation, value: String? = nil, _ message: String) {
        errorCount += 1
        if errorCount <= ScenarioLoadError.limit { diagnostics.append(Diagnostic(.error, location, value: value, message)) }
    }

    func warning(_ location: SourceLocation, value: String? = nil, _ message: String) {
        if diagnostics.count < 4 * ScenarioLoadError.limit {
            diagnostics.append(Diagnostic(.warning, location, value: value, message))
        }
    }

    func add(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error: error(diagnostic.location, value: diagnostic.value, diagnostic.message)
        case .warning: warning(diagnostic.location, value: diagnostic.value, diagnostic.message)
        }
    }

    var failure: ScenarioLoadError {
        ScenarioLoadError(diagnostics: diagnostics, omittedErrorCount: omittedErrorCount)
    }
}
