import Foundation

extension CapacityLoadTable {
    /// One CSV row per resource and period, with the same numbers as the JSON.
    public func csv() -> String {
        var out = CSVText.line([
            "resource_kind", "resource", "name", "unit", "period", "period_start", "available_hours", "required_hours",
            "load_ratio", "over_hours", "under_hours", "status", "maintenance_hours", "overtime_hours",
            "extra_shift_hours", "top_orders",
        ])
        for row in rows {
            out += CSVText.line([
                row.resource.kind.rawValue, row.resource.id, row.resource.name, row.resource.unit, row.period,
                row.periodStart.description, NumberText.plain(row.availableHours), NumberText.plain(row.requiredHours),
                row.loadRatio.map { NumberText.plain($0) } ?? "", NumberText.plain(row.overHours),
                NumberText.plain(row.underHours), row.status.rawValue, NumberText.plain(row.maintenanceHours),
                NumberText.plain(row.overtimeHours), NumberText.plain(row.extraShiftHours),
                row.topOrders.map { "\($0.order):\(NumberText.plain($0.hours))" }.joined(separator: "|"),
            ])
        }
        return out
    }

    /// The whole table as JSON: snake_case keys, sorted, unlimited overtime as "unlimited".
    public func json() throws -> String { try JSONOutput.text(self) }

    /// The table for a terminal: a matrix of load ratios (resources × periods), the
    /// bottlenecks, and each overload with what could absorb it and who causes it.
    ///
    /// - Parameters:
    ///   - color: whether to mark statuses with ANSI colours.
    ///   - bottleneckCount: how many bottlenecks to list, most loaded first.
    ///   - width: the columns the matrix may take; periods beyond them go into further
    ///     blocks of the same resources (`nil`: one block however wide).
    public func text(color: Bool = false, bottleneckCount: Int = 5, width: Int? = 120) -> String {
        func paint(_ text: String, _ status: LoadStatus) -> String {
            guard color else { return text }
            let code = [LoadStatus.overloaded: "31", .tight: "33", .underloaded: "2", .normal: "0", .idle: "2"][status]!
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        let marks: [LoadStatus: String] = [.overloaded: "▲", .tight: "●", .normal: " ", .underloaded: "○", .idle: " "]
        let nameWidth = min(32, max(8, totals.map { DisplayWidth.of("\($0.resource.id) \($0.resource.name)") }.max() ?? 8))
        let unitWidth = max(4, totals.map { DisplayWidth.of($0.resource.unit) }.max() ?? 4)
        let cellWidth = max(6, (periods.map { DisplayWidth.of($0.label) }.max() ?? 6)) + 1

        var out = "Load ratio (required ÷ available hours): ▲ overloaded > 100%, ● tight ≥ \(NumberText.percent(tightThreshold)), ○ underloaded < \(NumberText.percent(underloadThreshold))\n\n"
        // As many periods a block as fit in `width` beside the names (and, in the last block,
        // the total): a year of weeks on a terminal is five blocks, not one 450-column line.
        let fixed = nameWidth + 2 + unitWidth + cellWidth + 1
        let perBlock = width.map { max(1, ($0 - fixed) / cellWidth) } ?? periods.count
        for start in stride(from: 0, to: max(periods.count, 1), by: max(perBlock, 1)) {
            let block = start..<min(periods.count, start + perBlock)
            let last = block.upperBound == periods.count
            if start > 0 { out += "\n" }
            out += DisplayWidth.fit("resource", nameWidth) + "  " + DisplayWidth.fit("unit", unitWidth)
            out += periods[block].map { DisplayWidth.fit($0.label, cellWidth, right: true) }.joined()
            out += (last ? DisplayWidth.fit("total", cellWidth + 1, right: true) : "") + "\n"
            for (r, total) in totals.enumerated() {
                if r > 0 && total.resource.kind != totals[r - 1].resource.kind { out += "\n" }
                out += DisplayWidth.fit("\(total.resource.id) \(total.resource.name)", nameWidth) + "  "
                out += DisplayWidth.fit(total.resource.unit, unitWidth)
                for p in block {
                    let row = rows[r * periods.count + p]
                    let cell = row.status == .idle ? "-" : NumberText.percent(row.loadRatio) + marks[row.status]!
                    out += paint(DisplayWidth.fit(cell, cellWidth, right: true), row.status)
                }
                if last {
                    let status = LoadStatus.of(
                        available: total.availableHours, required: total.requiredHours, tight: tightThreshold, underload: underloadThreshold)
                    out += paint(DisplayWidth.fit(status == .idle ? "-" : NumberText.percent(total.loadRatio) + " ", cellWidth + 1, right: true), status)
                }
                out += "\n"
            }
        }

        // Only resources with hours over capacity: tight ones are marked in the matrix.
        let over = bottlenecks.filter { $0.overHours > 1e-9 }
        let ranked = over.prefix(bottleneckCount)
        out += "\nBottlenecks\n"
        if ranked.isEmpty { out += "  none: no resource needs more than its hours in any period\n" }
        for (i, b) in ranked.enumerated() {
            out += "  \(i + 1). \(b.resource.id) \(b.resource.name) (\(b.resource.unit)): "
            out += "\(NumberText.hours(b.overHours)) h over in \(b.overloadedPeriods) period\(b.overloadedPeriods == 1 ? "" : "s"), "
            out += "peak \(NumberText.percent(b.peakLoadRatio)), year \(NumberText.percent(b.loadRatio))\n"
        }
        if over.count > ranked.count { out += "  … and \(over.count - ranked.count) more (every one in the JSON's bottlenecks)\n" }

        let overloads = rows.filter { $0.status == .overloaded }
        out += "\nOverloads\n"
        if overloads.isEmpty { out += "  none\n" }
        for row in overloads {
            out += "  \(row.resource.id) \(row.period): needs \(NumberText.hours(row.requiredHours)) h, has \(NumberText.hours(row.availableHours)) h, "
            out += "\(NumberText.hours(row.overHours)) h over"
            var options: [String] = []
            if row.overtimeHours > 0 { options.append("overtime up to \(NumberText.hours(row.overtimeHours)) h") }
            if row.extraShiftHours > 0 { options.append("an extra shift adds \(NumberText.hours(row.extraShiftHours)) h") }
            out += options.isEmpty ? "; no overtime or extra shift available\n" : "; " + options.joined(separator: ", ") + "\n"
            if !row.topOrders.isEmpty {
                out += "    most load from: " + row.topOrders.map { "\($0.order) \(NumberText.hours($0.hours)) h" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }
}
