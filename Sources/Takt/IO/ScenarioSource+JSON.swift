import Foundation

extension ScenarioSource {
    /// Reads a scenario JSON file: `name`, a `horizon` and a `policy` object, and an array of
    /// objects per table, with the same keys as the CSV columns.
    static func jsonFile(_ url: URL, log: DiagnosticLog) -> ScenarioSource {
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            var source = ScenarioSource(origin: file)
            source.tableLocation = { SourceLocation(file: file, record: $0.rawValue) }
            log.error(SourceLocation(file: file), "cannot be read")
            return source
        }
        return json([UInt8](data), file: file, log: log)
    }

    /// Reads a scenario in the JSON format from its bytes; `file` names it in messages.
    static func json(_ data: [UInt8], file: String, log: DiagnosticLog) -> ScenarioSource {
        var source = ScenarioSource(origin: file)
        source.tableLocation = { SourceLocation(file: file, record: $0.rawValue) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let root: JSONValue
        do {
            root = try JSONValue.parse(Data(bytes))
        } catch {
            log.error(SourceLocation(file: file), "not valid JSON: \(error.description)")
            return source
        }
        guard case .object(let members) = root else {
            log.error(SourceLocation(file: file), value: root.kindName, "expected an object with horizon, products, work_centers, …")
            return source
        }

        var scenarioValues: [String: String] = [:]
        var scenarioLocations: [String: SourceLocation] = [:]
        func addScenarioValues(_ object: [(String, JSONValue)], path: String) {
            for (key, value) in object {
                let location = SourceLocation(file: file, record: path, column: key)
                guard let text = value.cellText else {
                    log.error(location, value: value.kindName, "expected a single value")
                    continue
                }
                scenarioValues[key] = text
                scenarioLocations[key] = location
            }
        }

        for (key, value) in members {
            switch key {
            case "name":
                scenarioValues["name"] = value.cellText ?? ""
                scenarioLocations["name"] = SourceLocation(file: file, record: "name")
            case "horizon", "policy":
                guard case .object(let object) = value else {
                    log.error(SourceLocation(file: file, record: key), value: value.kindName, "expected an object")
                    continue
                }
                addScenarioValues(object, path: key)
            default:
                guard let table = ScenarioTable(rawValue: key), table != .scenario else {
                    log.warning(SourceLocation(file: file, record: key), "unknown key, ignored")
                    continue
                }
                source.tables[table] = records(value, table: table, file: file, log: log)
            }
        }
        if scenarioValues.isEmpty {
            log.error(SourceLocation(file: file, record: "horizon"), "missing: expected a horizon with start, period and periods")
        } else if checkHeader(scenarioValues.keys.sorted(), table: .scenario, file: file, line: nil, log: log) {
            source.tables[.scenario] = [
                Record(location: SourceLocation(file: file, record: "horizon"), values: scenarioValues, columnLocations: scenarioLocations)
            ]
        }
        for table in ScenarioTable.allCases where table.isRequired && table != .scenario && source.tables[table] == nil {
            log.error(SourceLocation(file: file, record: table.rawValue), "missing: the scenario needs this table")
        }
        return source
    }

    private static func records(_ value: JSONValue, table: ScenarioTable, file: String, log: DiagnosticLog) -> [Record] {
        guard case .array(let items) = value else {
            log.error(SourceLocation(file: file, record: table.rawValue), value: value.kindName, "expected an array of objects")
            return []
        }
        var result: [Record] = []
        var columnsSeen = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "\(table.rawValue)[\(index)]"
            guard case .object(let members) = item else {
                log.error(SourceLocation(file: file, record: path), value: item.kindName, "expected an object")
                continue
            }
            var values: [String: String] = [:]
            var ok = true
            for (key, member) in members {
                guard let text = member.cellText else {
                    log.error(SourceLocation(file: file, record: path, column: key), value: member.kindName, "expected a single value or a list")
                    ok = false
                    continue
                }
                values[key] = text
                columnsSeen.insert(key)
            }
            let required = table.columns.filter(\.required).map(\.name)
            for column in required where values[column] == nil {
                log.error(SourceLocation(file: file, record: path, column: column), "missing: expected this key")
                ok = false
            }
            if ok { result.append(Record(location: SourceLocation(file: file, record: path), values: values)) }
        }
        let known = Set(table.columns.map(\.name))
        for column in columnsSeen.sorted() where !known.contains(column) {
            log.warning(SourceLocation(file: file, record: table.rawValue, column: column), "unknown key, ignored")
        }
        return result
    }

}
