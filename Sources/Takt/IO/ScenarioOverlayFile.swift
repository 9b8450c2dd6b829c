import Foundation

/// Reads a what-if overlay: a JSON object (or the same in YAML, for a file named `.yaml` or
/// `.yml`) whose keys each change one thing of a base scenario.
///
///     {
///       "name": "rush order, CNC down",
///       "demand": [{"factor": 1.1}, {"family": "PUMP", "period": "2027-03", "factor": 1.2}],
///       "add_orders": [{"id": "RUSH-1", "product": "CP-100", "quantity": 40, "due": "2027-02-12", "rush": true}],
///       "remove_orders": ["SO-270004"],
///       "change_orders": [{"id": "SO-270002", "quantity": 60, "due": "2027-03-01"}],
///       "machines_down": [{"work_center": "CNC-M", "start": "2027-03-01", "end": "2027-03-14", "machines": 1}],
///       "work_centers": [{"id": "ASM-1", "overtime_hours_max": 0}],
///       "labor_pools": [{"id": "ASM", "headcount": 24}],
///       "products": [{"id": "CP-100", "backlog_cost": 60}],
///       "subcontractors_unavailable": ["SC-NB"],
///       "decomposition": {"method": "capacity", "to": "week", "units": "balanced"}
///     }
///
/// Entries are read by the same rules as the scenario's own tables (an added order as a row
/// of `orders.csv`); every problem names the file and the key, such as `add_orders[0].due`.
public enum ScenarioOverlayFile {
    static let sections: [String: [String]] = [
        "name": [], "remove_orders": [], "subcontractors_unavailable": [],
        "decomposition": ["method", "to", "units"],
        "demand": ["product", "family", "period", "factor"],
        "add_orders": ScenarioTable.orders.columns.map(\.name),
        "change_orders": ["id", "quantity", "due"],
        "machines_down": ScenarioTable.maintenance.columns.map(\.name),
        "work_centers": ["id", "machines", "overtime_hours_max", "overtime_cost", "extra_shift_cost"],
        "labor_pools": ["id", "headcount", "overtime_hours_max", "overtime_cost"],
        "products": ["id", "holding_cost", "backlog_cost", "unit_cost"],
    ]

    public static func read(_ path: String, base: Scenario) throws(ScenarioLoadError) -> ScenarioOverlay {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: path), "cannot be read; expected a what-if overlay (.json, .yaml or .yml)")])
        }
        return try read(data, name: url.lastPathComponent, base: base)
    }

    /// Reads an overlay from its bytes; `name` names it in messages, and YAML is read for a
    /// name ending `.yaml` or `.yml`. The overlay's name, if it gives none, is `name` without
    /// its extension.
    public static func read(_ data: Data, name: String, base: Scenario) throws(ScenarioLoadError) -> ScenarioOverlay {
        let root = try document(data, name: name, what: "overlay")
        let yaml = ["yaml", "yml"].contains(URL(fileURLWithPath: name).pathExtension.lowercased())
        guard case .object = root else {
            throw ScenarioLoadError(diagnostics: [
                Diagnostic(.error, SourceLocation(file: name), "expected \(yaml ? "a YAML mapping" : "a JSON object") of changes, found \(root.kindName)")
            ])
        }
        return try read(root, file: name, name: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent, base: base)
    }

    /// The JSON (or, for a name ending `.yaml` or `.yml`, YAML) document in `data`; `what`
    /// names what it should be in messages.
    static func document(_ data: Data, name file: String, what: String) throws(ScenarioLoadError) -> JSONValue {
        let yaml = ["yaml", "yml"].contains(URL(fileURLWithPath: file).pathExtension.lowercased())
        if yaml {
            guard let text = String(data: data, encoding: .utf8) else {
                throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file), "not UTF-8 text; expected a YAML \(what)")])
            }
            do { return try JSONValue.parseYAML(text) } catch {
                throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file), "not YAML: \(error.description)")])
            }
        }
        do { return try JSONValue.parse(data) } catch {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file), "not JSON: \(error.description)")])
        }
    }

    /// Reads an overlay already parsed. Problems are located in `file`, each key's path
    /// preceded by `prefix` (a sweep's `grid[1].values[2].`, say); `name` is the overlay's
    /// name where it gives none.
    static func read(_ root: JSONValue, file: String, prefix: String = "", name: String, base: Scenario) throws(ScenarioLoadError) -> ScenarioOverlay {
        let log = DiagnosticLog()
        guard case .object(let members) = root else {
            throw ScenarioLoadError(diagnostics: [
                Diagnostic(.error, SourceLocation(file: file, record: prefix.isEmpty ? nil : String(prefix.dropLast())),
                           "expected an object (a mapping) of changes, found \(root.kindName)")
            ])
        }
        var overlay = ScenarioOverlay(name: name)
        let products = Set(base.products.map(\.id)), families = Set(base.products.map(\.family))
        let orders = Set(base.orders.map(\.id))

        func at(_ key: String) -> SourceLocation { SourceLocation(file: file, record: prefix + key) }
        /// The entries of an array of objects, as records.
        func records(_ key: String, _ value: JSONValue) -> [Record] {
            guard case .array(let items) = value else {
                log.error(at(key), "expected an array of objects, found \(value.kindName)")
                return []
            }
            var result: [Record] = []
            for (i, item) in items.enumerated() {
                let path = "\(key)[\(i)]"
                guard case .object(let fields) = item else {
                    log.error(at(path), "expected an object, found \(item.kindName)")
                    continue
                }
                var values: [String: String] = [:]
                for (name, field) in fields {
                    guard sections[key]!.contains(name) else {
                        log.error(at(path).column(name), "unknown key; expected one of \(sections[key]!.joined(separator: ", "))")
                        continue
                    }
                    guard let text = field.cellText else {
                        log.error(at(path).column(name), "expected a value, found \(field.kindName)")
                        continue
                    }
                    values[name] = text
                }
                result.append(Record(location: at(path), values: values))
            }
            return result
        }
        /// An array of ids, each checked against `known`.
        func ids(_ key: String, _ value: JSONValue, known: Set<String>, what: String) -> [String] {
            guard case .array(let items) = value else {
                log.error(at(key), "expected an array of \(what) ids, found \(value.kindName)")
                return []
            }
            return items.enumerated().compactMap { i, item in
                guard case .string(let id) = item, known.contains(id) else {
                    log.error(at("\(key)[\(i)]"), value: item.cellText ?? "", "unknown \(what); expected an id of the base scenario")
                    return nil
                }
                return id
            }
        }
        func check(_ record: Record, _ column: String, _ id: String, in known: Set<String>, _ what: String) -> Bool {
            guard known.contains(id) else {
                log.error(record.locate(column), value: id, "unknown \(what); expected an id of the base scenario")
                return false
            }
            return true
        }

        for (key, value) in members {
            switch key {
            case "name":
                if case .string(let name) = value, !name.isEmpty { overlay.name = name } else { log.error(at(key), "expected a non-empty string") }
            case "demand":
                for record in records(key, value) {
                    var r = FieldReader(record, log: log)
                    let scale = ScenarioOverlay.DemandScale(
                        product: r.optionalText("product"), family: r.optionalText("family"), period: r.period("period"),
                        factor: r.requiredNumber("factor", .factor))
                    guard !r.failed else { continue }
                    if let product = scale.product, !check(record, "product", product, in: products, "product") { continue }
                    if let family = scale.family, !check(record, "family", family, in: families, "family") { continue }
                    overlay.demand.append(scale)
                }
            case "add_orders":
                var added: Set<String> = []
                for record in records(key, value) {
                    guard let order = RecordDecoding.order(record, log: log) else { continue }
                    guard check(record, "product", order.product, in: products, "product") else { continue }
                    if orders.contains(order.id) || !added.insert(order.id).inserted {
                        log.error(record.locate("id"), value: order.id, "an order with this id exists; expected a new id")
                        continue
                    }
                    overlay.addOrders.append(order)
                }
            case "remove_orders": overlay.removeOrders = ids(key, value, known: orders, what: "order")
            case "change_orders":
                for record in records(key, value) {
                    var r = FieldReader(record, log: log)
                    let change = ScenarioOverlay.OrderChange(
                        id: r.required("id", what: "an order id"), quantity: r.optionalNumber("quantity", .positive), due: r.day("due"))
                    guard !r.failed, check(record, "id", change.id, in: orders, "order") else { continue }
                    overlay.changeOrders.append(change)
                }
            case "machines_down":
                for record in records(key, value) {
                    guard let item = RecordDecoding.maintenance(record, log: log),
                        check(record, "work_center", item.workCenter, in: Set(base.workCenters.map(\.id)), "work center")
                    else { continue }
                    if item.start != nil, let center = base.workCenters.first(where: { $0.id == item.workCenter }), item.machines > center.machines {
                        log.error(record.locate("machines"), value: String(item.machines), "expected at most the \(center.machines) machines \(center.id) has")
                        continue
                    }
                    overlay.machinesDown.append(item)
                }
            case "work_centers":
                for record in records(key, value) {
                    var r = FieldReader(record, log: log)
                    let change = ScenarioOverlay.WorkCenterChange(
                        id: r.required("id", what: "a work center id"), machines: r.optionalInteger("machines", 0...1_000_000),
                        overtimeHoursMax: r.optionalNumber("overtime_hours_max", .overtimeHours), overtimeCost: r.optionalNumber("overtime_cost", .money),
                        extraShiftCost: r.optionalNumber("extra_shift_cost", .money))
                    guard !r.failed, check(record, "id", change.id, in: Set(base.workCenters.map(\.id)), "work center") else { continue }
                    overlay.workCenters.append(change)
                }
            case "labor_pools":
                for record in records(key, value) {
                    var r = FieldReader(record, log: log)
                    let change = ScenarioOverlay.LaborChange(
                        id: r.required("id", what: "a labor pool id"), headcount: r.optionalNumber("headcount", .headcount),
                        overtimeHoursMax: r.optionalNumber("overtime_hours_max", .overtimeHours), overtimeCost: r.optionalNumber("overtime_cost", .money))
                    guard !r.failed, check(record, "id", change.id, in: Set(base.laborPools.map(\.id)), "labor pool") else { continue }
                    overlay.laborPools.append(change)
                }
            case "products":
                for record in records(key, value) {
                    var r = FieldReader(record, log: log)
                    let change = ScenarioOverlay.ProductChange(
                        id: r.required("id", what: "a product id"), holdingCost: r.optionalNumber("holding_cost", .money),
                        backlogCost: r.optionalNumber("backlog_cost", .money), unitCost: r.optionalNumber("unit_cost", .money))
                    guard !r.failed, check(record, "id", change.id, in: products, "product") else { continue }
                    overlay.products.append(change)
                }
            case "decomposition":
                guard case .object(let fields) = value else {
                    log.error(at(key), "expected an object with method, to or units, found \(value.kindName)")
                    continue
                }
                var values: [String: String] = [:]
                for (name, field) in fields {
                    guard sections[key]!.contains(name), let text = field.cellText else {
                        log.error(at(key).column(name), "unknown key; expected one of method, to, units")
                        continue
                    }
                    values[name] = text
                }
                let record = Record(location: at(key), values: values)
                var r = FieldReader(record, log: log)
                let method: SplitMethod? = record["method"].isEmpty ? nil : r.choice("method", default: SplitMethod.sales)
                let finest: PlanLevel? = record["to"].isEmpty ? nil : r.choice("to", default: PlanLevel.month)
                let units: UnitAllocation? = record["units"].isEmpty ? nil : r.choice("units", default: UnitAllocation.capacityShare)
                if finest == .year { log.error(record.locate("to"), value: "year", "expected quarter, month or week") }
                guard !r.failed, finest != .year else { continue }
                overlay.decomposition = ScenarioOverlay.DecompositionChange(method: method, finestLevel: finest, unitAllocation: units)
            case "subcontractors_unavailable":
                overlay.subcontractorsUnavailable = ids(key, value, known: Set(base.subcontractors.map(\.id)), what: "subcontractor")
            default:
                log.error(at(key), "unknown key; expected one of \(sections.keys.sorted().joined(separator: ", "))")
            }
        }
        if log.hasErrors { throw log.failure }
        return overlay
    }
}
