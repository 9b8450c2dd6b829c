extension WhatIfComparison {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// One line per measure, one column per scenario (the base first).
    public func csv() -> String {
        var out = CSVText.line(["measure"] + scenarios)
        for measure in measures { out += CSVText.line([measure.name] + measure.values.map { NumberText.plain($0) }) }
        return out
    }

    /// The scenarios side by side, with each what-if's difference from the base, and the
    /// orders that move.
    public func text(color: Bool = false, listLimit: Int = 5) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func show(_ name: String, _ value: Double) -> String {
            if name == "on-time rate" || name.hasPrefix("utilisation") { return NumberText.percent(value) }
            return NumberText.hours(value)
        }
        let nameWidth = max(22, measures.map { DisplayWidth.of($0.name) }.max() ?? 0)
        var table: [(String, [String])] = []
        for measure in measures {
            let base = measure.values.first ?? 0
            // Lines that are zero everywhere say nothing.
            if measure.values.allSatisfy({ abs($0) < 0.5 }) && !measure.name.contains("rate") { continue }
            var cells: [String] = []
            for (i, value) in measure.values.enumerated() {
                var cell = show(measure.name, value)
                if i > 0 {
                    let delta = value - base
                    if measure.name == "on-time rate" || measure.name.hasPrefix("utilisation") {
                        if abs(delta) >= 0.005 { cell += " (\(delta > 0 ? "+" : "")\(Int((delta * 100).rounded())))" }
                    } else if abs(delta) >= 0.5 {
                        cell += " (\(delta > 0 ? "+" : "")\(NumberText.hours(delta)))"
                    }
                }
                cells.append(cell)
            }
            table.append((measure.name, cells))
        }
        let width = 2 + max(scenarios.map { DisplayWidth.of($0) }.max() ?? 0, table.flatMap(\.1).map { DisplayWidth.of($0) }.max() ?? 0)
        var out = bold("What-if comparison") + " (each what-if against the base)\n\n"
        out += DisplayWidth.fit("", nameWidth) + scenarios.map { DisplayWidth.fit($0, width, right: true) }.joined() + "\n"
        for (name, cells) in table {
            out += DisplayWidth.fit(name, nameWidth) + cells.map { DisplayWidth.fit($0, width, right: true) }.joined() + "\n"
        }
        for (i, moved) in movedOrders.enumerated() where i > 0 {
            out += "\n" + bold(scenarios[i]) + ": \(moved.count) order\(moved.count == 1 ? "" : "s") complete in another period than in the base\n"
            for order in moved.prefix(listLimit) {
                out += "  \(order.order): \(order.basePeriod ?? "unmet") → \(order.period ?? "unmet")\n"
            }
            if moved.count > listLimit { out += "  … and \(moved.count - listLimit) more (every order: comparison.json of --out)\n" }
        }
        return out
    }
}
