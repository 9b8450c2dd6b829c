extension DecomposedPlan {
    /// The whole decomposition as JSON.
    public func json() throws -> String { try JSONOutput.text(self) }

    /// Product lines (or family lines) of every level.
    public func linesCSV(families: Bool = false) -> String {
        var header = ["level", "period", "parent_period", "family"]
        if !families { header.append("product") }
        header += ["unit", "sales", "production", "balance", "opening_position", "ending_inventory", "ending_backlog"]
        var out = CSVText.line(header)
        for line in families ? self.families : products {
            var fields = [line.level.rawValue, line.period, line.parentPeriod, line.family]
            if !families { fields.append(line.product ?? "") }
            fields += [
                line.unit, n(line.sales), n(line.production), n(line.balance), n(line.openingPosition), n(line.endingInventory),
                n(line.endingBacklog),
            ]
            out += CSVText.line(fields)
        }
        return out
    }

    /// The annual quantity of every product in every unit, and where it came from.
    public func annualCSV() -> String {
        var out = CSVText.line([
            "product", "family", "unit", "method", "source", "sales", "opening_inventory", "target_ending_inventory", "quantity",
        ])
        for a in annual {
            out += CSVText.line([
                a.product, a.family, a.unit, a.method.rawValue, a.source.rawValue, n(a.sales), n(a.openingInventory),
                n(a.targetEndingInventory), n(a.quantity),
            ])
        }
        return out
    }

    /// Resource × finest period: load, overtime and overload of the split plan.
    public func capacityCSV() -> String {
        var out = CSVText.line([
            "resource_kind", "resource", "unit", "period", "available_hours", "required_hours", "overtime_hours", "overtime_cost",
            "overload_hours",
        ])
        for use in capacity {
            out += CSVText.line([
                use.resource.kind.rawValue, use.resource.id, use.resource.unit, use.period, n(use.availableHours), n(use.requiredHours),
                n(use.overtimeHours), n(use.overtimeCost), n(use.overloadHours),
            ])
        }
        return out
    }

    public func subcontractingCSV() -> String {
        var out = CSVText.line(["subcontractor", "product", "unit", "period", "quantity", "extra_cost"])
        for line in subcontracting {
            out += CSVText.line([line.subcontractor, line.product, line.unit, line.period, n(line.quantity), n(line.extraCost)])
        }
        return out
    }

    private func n(_ value: Double) -> String { NumberText.plain(value) }

    /// The planner's view: the annual plan by family and unit, each level's production by
    /// family, the split's costs, where the parent did not fit, and each level's bottlenecks.
    public func text(color: Bool = false, listLimit: Int = 10) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func q(_ value: Double) -> String { NumberText.hours(value) }
        let year = families.first { $0.level == .year }?.period ?? ""
        var out = bold("Decomposed plan for \(scenario)") + ", year \(year), down to \(levels.last?.rawValue ?? "year")"
        if let capacityModel { out += "; capacity-aware split by \(capacityModel.rawValue)" }
        out += "\n"

        // Annual plan by family and unit.
        let annualLines = families.filter { $0.level == .year }
        let nameWidth = max(12, annualLines.map { DisplayWidth.of($0.family + " " + $0.unit) }.max() ?? 0)
        out += "\n" + bold("Annual plan") + " (产销平衡: production − sales)\n"
        out += "  " + DisplayWidth.fit("family / unit", nameWidth) + ["sales", "production", "balance", "ending stock"].map { DisplayWidth.fit($0, 13, right: true) }.joined() + "\n"
        for line in annualLines {
            out += "  " + DisplayWidth.fit(line.family + " " + line.unit, nameWidth)
                + [line.sales, line.production, line.balance, line.endingPosition].map { DisplayWidth.fit(q($0), 13, right: true) }.joined() + "\n"
        }

        // Production by family per quarter and month; weeks are too many for a terminal.
        for level in levels where level == .quarter || level == .month {
            let lines = families.filter { $0.level == level }
            var labels: [String] = []
            for line in lines where !labels.contains(line.period) { labels.append(line.period) }
            let width = max(7, (lines.map { q($0.production).count }.max() ?? 0) + 1)
            out += "\n" + bold(level == .quarter ? "Quarterly production" : "Monthly production") + "\n"
            out += "  " + DisplayWidth.fit("", nameWidth) + labels.map { DisplayWidth.fit(level == .month ? String($0.suffix(2)) : String($0.suffix(2)), width, right: true) }.joined() + "\n"
            var row: [String] = []
            var current = ""
            for line in lines {
                let key = line.family + " " + line.unit
                if key != current {
                    if !row.isEmpty { out += "  " + DisplayWidth.fit(current, nameWidth) + row.joined() + "\n" }
                    current = key
                    row = []
                }
                row.append(DisplayWidth.fit(q(line.production), width, right: true))
            }
            if !row.isEmpty { out += "  " + DisplayWidth.fit(current, nameWidth) + row.joined() + "\n" }
        }
        if levels.contains(.week) { out += "\n  weekly lines: use --format csv, or --out to write them\n" }

        out += "\n" + bold("Cost of the split") + "\n"
        out += "  holding \(q(costs.holding)), backlog \(q(costs.backlog)), overtime \(q(costs.overtime)), subcontracting \(q(costs.subcontracting))\(costs.setups > 0 ? ", setups \(q(costs.setups))" : ""); total \(q(costs.total))\n"
        let over = overloads
        out += "\n" + bold("Where the annual plan does not fit") + "\n"
        if over.isEmpty {
            out += "  nowhere: regular hours and overtime hold every period's share\n"
        } else {
            out += "  \(over.count) resource-period\(over.count == 1 ? "" : "s"), \(q(costs.overloadHours)) hours beyond regular time and overtime\n"
            for use in over.sorted(by: { $0.overloadHours > $1.overloadHours }).prefix(listLimit) {
                out += "  \(use.resource.id) \(use.period): \(q(use.overloadHours)) h over (needs \(q(use.requiredHours)) of \(q(use.availableHours)) + \(q(use.overtimeHours)) overtime)\n"
            }
            if over.count > listLimit { out += "  … and \(over.count - listLimit) more (every one in capacity.csv of --out)\n" }
        }
        out += "\n" + bold("Bottlenecks") + " (peak load ratio of the rounded plan)\n"
        for load in loads where load.level != .year {
            let top = load.table.bottlenecks.prefix(3).map { "\($0.resource.id) \(NumberText.percent($0.peakLoadRatio))" }
            out += "  by \(load.level.rawValue): \(top.joined(separator: ", "))\n"
        }
        return out
    }
}
