extension SweepResults {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// One line per point, by index: its parameters' values, status, then every measure.
    public func csv() -> String {
        var out = CSVText.line(["point"] + parameters.map(\.name) + ["status"] + kpis)
        for point in points {
            out += CSVText.line([String(point.index)] + point.labels + [point.status] + point.values.map { NumberText.plain($0, decimals: 6) })
        }
        return out
    }

    /// How a measure reads: rates as percentages, the rest as amounts.
    static func show(_ kpi: String, _ value: Double) -> String {
        kpi.contains("rate") || kpi.contains("utilisation") ? NumberText.percent(value) : NumberText.hours(value)
    }

    /// The cheapest points, then each parameter's effect: the first measure's lowest, mean
    /// and highest over the points at each of its values.
    public func text(color: Bool = false, listLimit: Int = 10) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        var out = bold("Sweep \(sweep)") + ": \(points.count) point\(points.count == 1 ? "" : "s") (\(computation.rawValue))"
        out += ", " + parameters.map { "\($0.name) × \($0.values.count)" }.joined(separator: ", ") + "\n"
        guard let first = kpis.first, !points.isEmpty else { return out }
        let shown = Array(kpis.prefix(6))
        let rows = cheapest(listLimit).map { point in
            [String(point.index)] + point.labels + [point.status] + point.values.prefix(shown.count).enumerated().map { Self.show(shown[$0.offset], $0.element) }
        }
        out += "\n" + bold("Lowest \(first)") + "\n"
        out += Self.table(header: ["point"] + parameters.map(\.name) + ["status"] + shown, rows: rows, numericFrom: 1 + parameters.count + 1)
        for (a, parameter) in parameters.enumerated() where parameter.values.count > 1 {
            out += "\n" + bold("\(first) by \(parameter.name)") + "\n"
            let rows = effect(of: a).map { [$0.label, Self.show(first, $0.low), Self.show(first, $0.mean), Self.show(first, $0.high), String($0.count)] }
            out += Self.table(header: [parameter.name, "lowest", "mean", "highest", "points"], rows: rows, numericFrom: 1)
        }
        if points.count > listLimit { out += "\nEvery point: results.csv of --out.\n" }
        return out
    }

    /// The first measure over the points at each value of parameter `a`.
    public func effect(of a: Int, kpi: Int = 0) -> [(label: String, low: Double, mean: Double, high: Double, count: Int)] {
        parameters[a].values.map { label in
            let values = points.filter { $0.labels[a] == label }.map { $0.values[kpi] }
            guard !values.isEmpty else { return (label, 0, 0, 0, 0) }
            return (label, values.min()!, values.reduce(0, +) / Double(values.count), values.max()!, values.count)
        }
    }

    private static func table(header: [String], rows: [[String]], numericFrom: Int) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map { DisplayWidth.of($0) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in DisplayWidth.fit(cell, widths[c], right: c >= numericFrom) }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
