import Foundation

/// Reads a sweep: a JSON object (or the same in YAML, for a file named `.yaml` or `.yml`)
/// naming a base scenario and the what-ifs to plan from it.
///
///     name: demand and overtime
///     base: ../datasets/sample-plant       # a scenario folder or .json, relative to this file
///     compute: plan                        # plan (the default) or decompose
///     kpis: [total cost, on-time rate, overtime hours]
///     grid:                                # the points are the product of the axes
///       - key: demand.factor               # a key of the overlay format, one value per point
///         values: [0.8, 0.9, 1.0, 1.1, 1.2]
///       - key: work_centers[CNC-M].overtime_hours_max
///         values: [0, 40]
///       - name: subcontracting             # or whole overlays, each with a label
///         values:
///           - {label: offered}
///           - {label: withdrawn, subcontractors_unavailable: [SC-NB]}
///     overlays: [rush.yaml, {name: CNC down, machines_down: [...]}]   # a list instead (or as one more axis)
///
/// A key is `demand.factor` or `demand[family=PUMP,period=2027-03].factor`;
/// `work_centers[ID].FIELD`, `labor_pools[ID].FIELD`, `products[ID].FIELD`,
/// `change_orders[ID].quantity` or `.due`; `decomposition.method`, `.to` or `.units`; or
/// `remove_orders` / `subcontractors_unavailable`, whose values are ids or lists of ids.
/// Every value is read as the overlay format reads it, and every problem is located in the
/// sweep file (`grid[1].values[0]`) with what was expected.
public enum SweepFile {
    static let keys = ["name", "base", "compute", "kpis", "grid", "overlays"]
    /// The most points a sweep may have: beyond, the grid is almost surely a mistake.
    public static let pointLimit = 100_000

    public static func read(_ path: String) throws(ScenarioLoadError) -> Sweep {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: path), "cannot be read; expected a sweep file (.yaml, .yml or .json)")])
        }
        let root = try ScenarioOverlayFile.document(data, name: path, what: "sweep")
        let log = DiagnosticLog()
        func fail(_ record: String?, _ message: String) -> ScenarioLoadError {
            ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: path, record: record), message)])
        }
        guard case .object(let members) = root else { throw fail(nil, "expected a mapping with base and grid or overlays, found \(root.kindName)") }
        let fields = Dictionary(members) { a, _ in a }
        for key in fields.keys.sorted() where !keys.contains(key) {
            log.error(SourceLocation(file: path, record: key), "unknown key; expected one of \(keys.joined(separator: ", "))")
        }
        guard case .string(let baseText)? = fields["base"], !baseText.isEmpty else {
            throw fail("base", "expected the base scenario: a folder of CSV files or a .json file, relative to the sweep file")
        }
        let folder = url.deletingLastPathComponent()
        let basePath = baseText.hasPrefix("/") ? baseText : folder.appendingPathComponent(baseText).path
        let base: Scenario
        do { base = try ScenarioLoader.load(from: basePath).scenario } catch { throw error }

        var computation = Sweep.Computation.plan
        if let value = fields["compute"] {
            guard case .string(let text) = value, let chosen = Sweep.Computation(rawValue: text) else {
                throw fail("compute", "expected one of \(Sweep.Computation.allCases.map(\.rawValue).joined(separator: ", ")), found \(value.cellText ?? value.kindName)")
            }
            computation = chosen
        }
        var kpis: [SweepKPI]?
        if let value = fields["kpis"] {
            guard case .array(let items) = value, !items.isEmpty else { throw fail("kpis", "expected a list of measure names") }
            let offered = SweepKPI.offered(for: computation, in: base).map(\.name)
            kpis = items.enumerated().compactMap { i, item in
                guard case .string(let name) = item, let kpi = SweepKPI(name: name, computation: computation, scenario: base) else {
                    log.error(SourceLocation(file: path, record: "kpis[\(i)]"), value: item.cellText ?? "", "unknown measure; expected one of \(offered.joined(separator: ", "))")
                    return nil
                }
                return kpi
            }
        }

        var parameters: [Sweep.Parameter] = []
        var axes: [[ScenarioOverlay]] = []
        if let value = fields["overlays"] {
            if let axis = overlayList(value, folder: folder, file: path, base: base, log: log) {
                parameters.append(Sweep.Parameter(name: "overlay", values: axis.map(\.name)))
                axes.append(axis)
            }
        }
        if let value = fields["grid"] {
            if case .array(let items) = value, !items.isEmpty {
                for (i, item) in items.enumerated() {
                    guard let (parameter, axis) = gridAxis(item, at: "grid[\(i)]", file: path, base: base, log: log) else { continue }
                    if parameters.contains(where: { $0.name == parameter.name }) {
                        log.error(SourceLocation(file: path, record: "grid[\(i)]"), value: parameter.name, "a parameter of this name exists; expected each name once")
                    }
                    parameters.append(parameter)
                    axes.append(axis)
                }
            } else {
                log.error(SourceLocation(file: path, record: "grid"), "expected a list of axes, each a key or a name with values")
            }
        }
        if fields["grid"] == nil && fields["overlays"] == nil { log.error(SourceLocation(file: path), "expected grid or overlays: the what-ifs to plan") }
        if log.hasErrors { throw log.failure }
        let pointCount = axes.reduce(1) { $0.multipliedReportingOverflow(by: $1.count).overflow ? Int.max : $0 * $1.count }
        if pointCount > pointLimit {
            throw fail("grid", "\(axes.map { String($0.count) }.joined(separator: " × ")) points; expected at most \(pointLimit)")
        }
        // Orders added on two axes would meet in one point.
        var addedBy: [String: Int] = [:]
        for (a, axis) in axes.enumerated() {
            for id in Set(axis.flatMap { $0.addOrders.map(\.id) }).sorted() {
                if let other = addedBy[id], other != a {
                    throw fail(nil, "order \(id) is added by parameters \(parameters[other].name) and \(parameters[a].name); expected each added order on one axis")
                }
                addedBy[id] = a
            }
        }
        let points = Sweep.grid(axes).enumerated().map { Sweep.Point(index: $0, coordinates: $1.coordinates, overlay: $1.overlay) }
        var name = url.deletingPathExtension().lastPathComponent
        if case .string(let given)? = fields["name"], !given.isEmpty { name = given }
        return Sweep(
            name: name, base: base, parameters: parameters, points: points, computation: computation, kpis: kpis,
            contentHash: contentHash(sweep: data, base: basePath))
    }

    /// One axis of the grid: a key and its values, or a name and whole overlays.
    private static func gridAxis(_ item: JSONValue, at record: String, file: String, base: Scenario, log: DiagnosticLog) -> (Sweep.Parameter, [ScenarioOverlay])? {
        guard case .object(let members) = item else {
            log.error(SourceLocation(file: file, record: record), "expected a mapping with key (or name) and values, found \(item.kindName)")
            return nil
        }
        let fields = Dictionary(members) { a, _ in a }
        for key in fields.keys.sorted() where !["key", "name", "values"].contains(key) {
            log.error(SourceLocation(file: file, record: "\(record).\(key)"), "unknown key; expected key, name and values")
        }
        guard case .array(let values)? = fields["values"], !values.isEmpty else {
            log.error(SourceLocation(file: file, record: "\(record).values"), "expected a non-empty list of values")
            return nil
        }
        var key: OverlayKey?
        if let value = fields["key"] {
            guard case .string(let text) = value, let parsed = OverlayKey(text) else {
                log.error(SourceLocation(file: file, record: "\(record).key"), value: fields["key"]?.cellText ?? "", "not a key of the overlay format; expected e.g. demand.factor, demand[family=PUMP].factor, work_centers[ID].overtime_hours_max")
                return nil
            }
            key = parsed
        }
        var name = key?.text ?? ""
        if case .string(let given)? = fields["name"], !given.isEmpty { name = given }
        guard !name.isEmpty else {
            log.error(SourceLocation(file: file, record: record), "expected a key of the overlay format, or a name for an axis of whole overlays")
            return nil
        }
        var labels: [String] = []
        var overlays: [ScenarioOverlay] = []
        for (j, value) in values.enumerated() {
            let at = "\(record).values[\(j)]"
            var fragment: JSONValue
            var label: String
            if let key {
                guard let text = value.cellText, !text.isEmpty || key.takesList else {
                    log.error(SourceLocation(file: file, record: at), "expected a value for \(key.text), found \(value.kindName)")
                    continue
                }
                fragment = key.fragment(value)
                label = key.takesList && text.isEmpty ? "none" : text
            } else {
                guard case .object(var members) = value else {
                    log.error(SourceLocation(file: file, record: at), "expected an overlay (a mapping of changes) with a label, found \(value.kindName)")
                    continue
                }
                guard let l = members.first(where: { $0.0 == "label" }), case .string(let text) = l.1, !text.isEmpty else {
                    log.error(SourceLocation(file: file, record: at), "expected a label naming this value")
                    continue
                }
                members.removeAll { $0.0 == "label" || $0.0 == "name" }
                fragment = .object(members)
                label = text
            }
            if labels.contains(label) {
                log.error(SourceLocation(file: file, record: at), value: label, "a value with this label exists on \(name); expected each once")
                continue
            }
            guard let overlay = read(fragment, file: file, prefix: "\(at): ", name: "\(name)=\(label)", base: base, log: log) else { continue }
            labels.append(label)
            overlays.append(overlay)
        }
        guard labels.count == values.count else { return nil }
        return (Sweep.Parameter(name: name, values: labels), overlays)
    }

    /// The `overlays` list: each an overlay file (relative to the sweep file) or an overlay inline.
    private static func overlayList(_ value: JSONValue, folder: URL, file: String, base: Scenario, log: DiagnosticLog) -> [ScenarioOverlay]? {
        guard case .array(let items) = value, !items.isEmpty else {
            log.error(SourceLocation(file: file, record: "overlays"), "expected a list of overlay files or overlays")
            return nil
        }
        var overlays: [ScenarioOverlay] = []
        for (i, item) in items.enumerated() {
            let at = "overlays[\(i)]"
            switch item {
            case .string(let relative):
                let path = relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).path
                do {
                    let overlay = try ScenarioOverlayFile.read(path, base: base)
                    if validated(overlay, file: file, at: at, base: base, log: log) { overlays.append(overlay) }
                } catch {
                    error.diagnostics.forEach(log.add)
                }
            case .object:
                if let overlay = read(item, file: file, prefix: "\(at): ", name: "overlay \(i + 1)", base: base, log: log) { overlays.append(overlay) }
            default:
                log.error(SourceLocation(file: file, record: at), "expected an overlay file name or an overlay, found \(item.kindName)")
            }
        }
        let names = overlays.map(\.name)
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            log.error(SourceLocation(file: file, record: "overlays"), value: repeated, "two overlays of this name; expected each name once")
        }
        return overlays.count == items.count ? overlays : nil
    }

    private static func read(_ fragment: JSONValue, file: String, prefix: String, name: String, base: Scenario, log: DiagnosticLog) -> ScenarioOverlay? {
        do {
            let overlay = try ScenarioOverlayFile.read(fragment, file: file, prefix: prefix, name: name, base: base)
            return validated(overlay, file: file, at: String(prefix.dropLast(2)), base: base, log: log) ? overlay : nil
        } catch {
            error.diagnostics.forEach(log.add)
            return nil
        }
    }

    /// Whether the base with `overlay` applied is a valid scenario (an added order on a
    /// closed day is not); each problem is reported at the overlay's place in the sweep.
    private static func validated(_ overlay: ScenarioOverlay, file: String, at record: String, base: Scenario, log: DiagnosticLog) -> Bool {
        let errors = overlay.applied(to: base).validate().filter { $0.severity == .error }
        for error in errors { log.error(SourceLocation(file: file, record: record), "\(error.location): \(error.message)") }
        return errors.isEmpty
    }

    /// SHA-256 of the sweep file's bytes and of the base scenario's files (names and bytes,
    /// in name order): the same sweep on any machine, from any folder, has the same hash.
    static func contentHash(sweep: Data, base path: String) -> String {
        var hash = SHA256()
        hash.update(Array("takt-sweep\n".utf8))
        hash.update(Array("\(sweep.count)\n".utf8))
        hash.update(sweep)
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names {
                guard let data = manager.contents(atPath: (path as NSString).appendingPathComponent(name)) else { continue }
                hash.update(Array("\(name)\n\(data.count)\n".utf8))
                hash.update(data)
            }
        } else if let data = manager.contents(atPath: path) {
            hash.update(Array("\(data.count)\n".utf8))
            hash.update(data)
        }
        return hash.hexDigest()
    }
}

/// A key of the overlay format that a grid axis varies: `section[selector].field`.
struct OverlayKey {
    var text: String
    var section: String
    var selector: [(String, String)]
    var field: String?

    /// Sections whose entries are selected by id, and those of a single mapping or list.
    static let byID = ["work_centers", "labor_pools", "products", "change_orders"]
    static let lists = ["remove_orders", "subcontractors_unavailable"]

    var takesList: Bool { Self.lists.contains(section) }

    init?(_ text: String) {
        self.text = text
        var rest = Substring(text)
        guard let sectionEnd = rest.firstIndex(where: { $0 == "[" || $0 == "." }) ?? Optional(rest.endIndex) else { return nil }
        section = String(rest[..<sectionEnd])
        rest = rest[sectionEnd...]
        selector = []
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            for part in inside.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { selector.append((pair[0], pair[1])) } else if pair.count == 1, !pair[0].isEmpty { selector.append(("id", pair[0])) } else { return nil }
            }
        }
        if rest.first == "." {
            field = String(rest.dropFirst())
            rest = rest[rest.endIndex...]
        }
        guard rest.isEmpty else { return nil }
        let sections = ScenarioOverlayFile.sections
        switch section {
        case "demand":
            guard let field, field == "factor", selector.allSatisfy({ ["product", "family", "period"].contains($0.0) }) else { return nil }
        case "decomposition":
            guard let field, selector.isEmpty, sections[section]!.contains(field) else { return nil }
        case _ where Self.byID.contains(section):
            guard let field, field != "id", selector.count == 1, selector[0].0 == "id", sections[section]!.contains(field) else { return nil }
        case _ where Self.lists.contains(section):
            guard field == nil, selector.isEmpty else { return nil }
        default:
            return nil
        }
    }

    /// The overlay that sets this key to `value`.
    func fragment(_ value: JSONValue) -> JSONValue {
        let entry: JSONValue = .object((selector.map { ($0.0, JSONValue.string($0.1)) } + [(field ?? "", value)]).sorted { $0.0 < $1.0 })
        switch section {
        case "decomposition": return .object([(section, .object([(field!, value)]))])
        case _ where Self.lists.contains(section):
            if case .array = value { return .object([(section, value)]) }
            let id = value.cellText ?? ""
            return .object([(section, .array(id.isEmpty ? [] : [.string(id)]))])
        default: return .object([(section, .array([entry]))])
        }
    }
}
