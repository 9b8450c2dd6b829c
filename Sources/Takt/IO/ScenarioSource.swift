import Foundation

/// The raw tables of a scenario, as read from a CSV folder or a JSON file, before their
/// values are checked.
struct ScenarioSource {
    var tables: [ScenarioTable: [Record]] = [:]
    /// How a record is named when it came from nowhere in particular.
    var origin: String
    /// Where a whole table comes from: its CSV file, or its key in the JSON file.
    var tableLocation: (ScenarioTable) -> SourceLocation = { SourceLocation(file: $0.fileName) }

    /// Reads a folder of CSV files, one per ``ScenarioTable``.
    static func csvFolder(_ url: URL, log: DiagnosticLog) -> ScenarioSource {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let known = Set(ScenarioTable.allCases.map(\.fileName))
        var files: [String: [UInt8]?] = [:]
        // Only the tables are read; other CSV files are only named (to be warned about).
        for name in names where name.lowercased().hasSuffix(".csv") {
            files[name] = known.contains(name) ? FileManager.default.contents(atPath: url.appendingPathComponent(name).path).map { [UInt8]($0) } : .some(nil)
        }
        return csvFiles(files, origin: url.lastPathComponent, log: log)
    }

    /// Reads CSV files given by name (`orders.csv`: its bytes, or `nil` where it could not be
    /// read), one per ``ScenarioTable``.
    static func csvFiles(_ files: [String: [UInt8]?], origin: String, log: DiagnosticLog) -> ScenarioSource {
        var source = ScenarioSource(origin: origin)
        let known = Set(ScenarioTable.allCases.map(\.fileName))
        for file in files.keys.sorted() where file.lowercased().hasSuffix(".csv") && !known.contains(file) {
            // `Orders.CSV` is a table under the wrong name: ignored, the scenario would plan
            // without its orders, so it is an error (names are case-sensitive here).
            if let meant = known.first(where: { $0.lowercased() == file.lowercased() }) {
                log.error(SourceLocation(file: file), "a scenario table under the wrong name; expected \(meant) (file names are case-sensitive)")
            } else {
                log.warning(SourceLocation(file: file), "not a scenario table; ignored (expected one of \(known.sorted().joined(separator: ", ")))")
            }
        }
        for table in ScenarioTable.allCases {
            guard let entry = files[table.fileName] else {
                if table.isRequired { log.error(SourceLocation(file: table.fileName), "missing: the scenario needs this file") }
                continue
            }
            guard let bytes = entry else {
                log.error(SourceLocation(file: table.fileName), "cannot be read")
                continue
            }
            guard let rows = readCSV(bytes, name: table.fileName, log: log) else { continue }
            source.tables[table] = table == .scenario
                ? scenarioRecords(rows, file: table.fileName, log: log)
                : records(rows, table: table, file: table.fileName, log: log)
        }
        return source
    }

    private static func readCSV(_ bytes: [UInt8], name: String, log: DiagnosticLog) -> [CSVParser.Row]? {
        let text: String
        switch TextDecoding.decode(bytes) {
        case .success(let (decoded, encoding)):
            text = decoded
            if encoding == .gb18030 {
                log.warning(SourceLocation(file: name), "not UTF-8; read as GB18030 (GBK). Check that names read correctly")
            }
        case .failure(let failure):
            log.error(
                SourceLocation(file: name), value: "byte \(failure.offset)",
                "not valid UTF-8 or GB18030 text; save it as UTF-8 CSV, or convert it with: iconv -f GB18030 -t UTF-8 \(name)")
            return nil
        }
        switch CSVParser.parse(text) {
        case .success(let rows): return rows
        case .failure(.unterminatedQuote(let line)):
            log.error(SourceLocation(file: name, row: line), "a quoted field is never closed; expected a matching \"")
            return nil
        }
    }

    /// Records of an ordinary table: the first row names the columns.
    private static func records(_ rows: [CSVParser.Row], table: ScenarioTable, file: String, log: DiagnosticLog) -> [Record] {
        guard let header = rows.first else {
            if table.isRequired { log.error(SourceLocation(file: file), "empty: expected a header row and at least one record") }
            return []
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard checkHeader(names, table: table, file: file, line: header.line, log: log) else { return [] }
        var result: [Record] = []
        result.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            if row.fields.count > names.count, row.fields[names.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                log.error(
                    SourceLocation(file: file, row: row.line), value: "\(row.fields.count) fields",
                    "expected at most \(names.count) fields, one per header column; quote values that contain a comma")
                // Kept, unread, so that references to its id raise no second error.
                var values: [String: String] = [:]
                for (name, field) in zip(names, row.fields) where !name.isEmpty { values[name] = field }
                result.append(Record(location: SourceLocation(file: file, row: row.line), values: values, malformed: true))
                continue
            }
            var values: [String: String] = [:]
            for (name, field) in zip(names, row.fields) where !name.isEmpty { values[name] = field }
            let record = Record(location: SourceLocation(file: file, row: row.line), values: values)
            if !record.isBlank { result.append(record) }
        }
        if result.isEmpty && table.isRequired {
            log.error(SourceLocation(file: file), "empty: expected at least one record")
        }
        return result
    }

    /// Checks a header: required columns present, none twice, unknown ones noted.
    static func checkHeader(_ names: [String], table: ScenarioTable, file: String, line: Int?, log: DiagnosticLog) -> Bool {
        var ok = true
        let known = Set(table.columns.map(\.name))
        var seen = Set<String>()
        for name in names where !name.isEmpty {
            if !seen.insert(name).inserted {
                log.error(SourceLocation(file: file, row: line, column: name), "the column appears twice; expected each column once")
                ok = false
            } else if !known.contains(name) {
                log.warning(SourceLocation(file: file, row: line, column: name), "unknown column, ignored; known columns: \(table.columns.map(\.name).joined(separator: ", "))")
            }
        }
        for column in table.columns where column.required && !seen.contains(column.name) {
            log.error(SourceLocation(file: file, row: line, column: column.name), "missing: the file needs this column")
            ok = false
        }
        return ok
    }

    /// `scenario.csv` is either key/value rows or one header row and one value row.
    private static func scenarioRecords(_ rows: [CSVParser.Row], file: String, log: DiagnosticLog) -> [Record] {
        guard let header = rows.first else {
            log.error(SourceLocation(file: file), "empty: expected key,value rows with start, period and periods")
            return []
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard names.prefix(2) == ["key", "value"] else {
            let records = records(rows, table: .scenario, file: file, log: log)
            if records.count > 1 { log.error(SourceLocation(file: file, row: records[1].location.row), "expected a single row of values") }
            return Array(records.prefix(1))
        }
        var values: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for row in rows.dropFirst() {
            let key = (row.fields.first ?? "").trimmingWhitespace().lowercased()
            if key.isEmpty { continue }
            if locations[key] != nil {
                log.error(SourceLocation(file: file, row: row.line, column: key), "the key appears twice; expected each key once")
                continue
            }
            values[key] = row.fields.count > 1 ? row.fields[1] : ""
            locations[key] = SourceLocation(file: file, row: row.line, column: key)
        }
        let keys = values.keys.sorted()
        guard checkHeader(keys, table: .scenario, file: file, line: nil, log: log) else { return [] }
        return [Record(location: SourceLocation(file: file), values: values, columnLocations: locations)]
    }
}
