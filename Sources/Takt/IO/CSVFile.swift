import Foundation

/// A CSV file given on its own (not part of a scenario): decoded, parsed, its header checked.
struct CSVFile {
    let name: String
    let columns: [String]
    let rows: ArraySlice<CSVParser.Row>

    /// Reads `path`; a file that cannot be read or parsed, or lacks a `required` column, throws
    /// with the file (and row or column) named.
    init(_ path: String, required: [String], describedAs what: String) throws(ScenarioLoadError) {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: path), "cannot be read; expected \(what)")])
        }
        let text: String
        switch TextDecoding.decode([UInt8](data)) {
        case .success(let (decoded, _)): text = decoded
        case .failure:
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name), "not UTF-8 or GB18030 text")])
        }
        let rows: [CSVParser.Row]
        switch CSVParser.parse(text) {
        case .success(let parsed): rows = parsed
        case .failure(.unterminatedQuote(let line)):
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name, row: line), "a quoted field is never closed")])
        }
        guard let header = rows.first else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name), "empty: expected \(required.joined(separator: ","))")])
        }
        let columns = header.fields.map { $0.trimmingWhitespace().lowercased() }
        let log = DiagnosticLog()
        for column in required where !columns.contains(column) {
            log.error(SourceLocation(file: name, row: header.line, column: column), "missing: \(what) needs this column")
        }
        if log.hasErrors { throw log.failure }
        self.name = name
        self.columns = columns
        self.rows = rows.dropFirst()
    }

    /// The data rows as records, blank ones left out.
    var records: [Record] {
        rows.compactMap { row in
            let record = Record(
                location: SourceLocation(file: name, row: row.line),
                values: Dictionary(zip(columns, row.fields)) { first, _ in first })
            return record.isBlank ? nil : record
        }
    }
}
