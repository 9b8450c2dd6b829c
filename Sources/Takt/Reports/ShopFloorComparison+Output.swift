extension ShopFloorComparison.Subject {
    /// `late orders`, `utilisation CNC-T`.
    public var name: String {
        switch self {
        case .operations: "operations"
        case .lateOrders: "late orders"
        case .onTimeOrders: "orders on time"
        case .lateLots: "late lots"
        case .weightedTardinessHours: "weighted tardiness, h"
        case .makespanHours: "last operation ends, h"
        case .setupHours: "setup hours"
        case .carriedOver: "operations carried over"
        case .movedOperations: "operations moved"
        case .utilization(let center): "utilisation \(center)"
        }
    }
}

extension ShopFloorComparison {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// One line per measure, one column per scenario (the base first).
    public func csv() -> String {
        var out = CSVText.line(["measure"] + scenarios)
        for measure in measures { out += CSVText.line([measure.subject.name] + measure.values.map { NumberText.plain($0) }) }
        return out
    }

    /// The schedules side by side, each what-if's difference from the base, and per what-if
    /// the orders that became late or on time and how many operations moved.
    public func text(color: Bool = false, listLimit: Int = 5) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func show(_ unit: Unit, _ value: Double) -> String {
            switch unit {
            case .share: NumberText.percent(value)
            case .hours: NumberText.hours(value)
            case .count: NumberText.hours(value)
            }
        }
        var table: [(String, [String])] = []
        for measure in measures {
            let unit = measure.subject.unit, base = measure.values.first ?? 0
            var cells: [String] = []
            for (i, value) in measure.values.enumerated() {
                var cell = show(unit, value)
                let delta = value - base
                if i > 0 && measure.subject != .movedOperations {
                    if unit == .share, abs(delta) >= 0.005 {
                        cell += " (\(delta > 0 ? "+" : "")\(Int((delta * 100).rounded())))"
                    } else if unit != .share, abs(delta) >= 0.005 {
                        cell += " (\(delta > 0 ? "+" : "")\(NumberText.hours(delta)))"
                    }
                }
                cells.append(cell)
            }
            table.append((measure.subject.name, cells))
        }
        let nameWidth = max(24, table.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = 2 + max(scenarios.map { DisplayWidth.of($0) }.max() ?? 0, table.flatMap(\.1).map { DisplayWidth.of($0) }.max() ?? 0)
        var out = bold("Shop-floor what-if comparison") + ": \(window.start) to \(window.range.end.advanced(by: -1)), each what-if against the base\n\n"
        out += DisplayWidth.fit("", nameWidth) + scenarios.map { DisplayWidth.fit($0, width, right: true) }.joined() + "\n"
        for (name, cells) in table {
            out += DisplayWidth.fit(name, nameWidth) + cells.map { DisplayWidth.fit($0, width, right: true) }.joined() + "\n"
        }
        func list(_ orders: [String]) -> String {
            orders.prefix(listLimit).joined(separator: ", ") + (orders.count > listLimit ? ", … \(orders.count - listLimit) more" : "")
        }
        for (i, change) in changes.enumerated() {
            let machines = change.moved.filter { $0.fromMachine != $0.toMachine }.count
            out += "\n" + bold(scenarios[i + 1]) + ": \(change.moved.count) operation\(change.moved.count == 1 ? "" : "s") moved (\(machines) to another machine)"
            out += ", \(change.added) added, \(change.dropped) dropped\n"
            if !change.newlyLate.isEmpty { out += "  late now: " + list(change.newlyLate) + "\n" }
            if !change.recovered.isEmpty { out += "  on time now: " + list(change.recovered) + "\n" }
        }
        return out
    }
}
